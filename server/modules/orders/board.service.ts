// The status board (현황, issue 13 §3): per count, the lines-view filter that selects its lines and how many lines
// it selects now. The counts are read with those very filters (parsed as GET /api/order-lines parses them), so a
// pull with a count's filter brings exactly the lines counted.
import { BOARD_COUNT_IDS, boardFilter, type BoardResponse } from '../../../shared/api/board.schema.ts';
import { orderFilterSchema } from '../../../shared/api/orders.schema.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import * as repo from './board.repo.ts';
import { countLineView } from './order-views.repo.ts';

export async function statusBoard(db: Db, actor: Actor): Promise<BoardResponse> {
  const lastPull = actor.type === 'user' ? await repo.lastPullAt(db, actor.id) : null;
  const filters = BOARD_COUNT_IDS.map((id) => ({ id, filter: boardFilter(id, lastPull) }));
  const counts = await countLineView(
    db,
    filters.map((f) => orderFilterSchema.parse(f.filter)),
  );
  return { counts: filters.map((f, i) => ({ ...f, count: counts[i]! })), last_pull_at: lastPull };
}

/** A pull into a sheet marks "new" as seen for this user (orders.service pullLines says when). */
export async function notePull(db: Db, actor: Actor): Promise<void> {
  if (actor.type === 'user') await repo.recordPull(db, actor.id, new Date().toISOString());
}
