// Setting a line flag (sold-out, unmatched) on many lines at once, outside the transition engine: the catalogue's
// side of the flags (a SKU forced sold-out, a release after a stock fix) changes no status, only what blocks the
// next step. Like any change a sheet row shows, it moves the line's and its order's version, and the status
// history gets a row per line (from = to = the line's status) saying who did it and why.
import type { Knex } from 'knex';
import type { LineFlag } from '../../../shared/lifecycle.ts';
import { selectPacked, whereIdIn } from '../../db/bulk.ts';
import { isPostgres, type Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { insertStaying } from './history.repo.ts';

type Conn = Db | Knex.Transaction;

/** What a flag change needs to know of each line. */
export type FlagLine = { id: string; order_id: string; status: string };

export type FlagChange = { action: string; reason: string | null; actor: Actor; now: string };

/**
 * Lines (ids) with their order and status, locked for the transaction on PostgreSQL (in id order, like every bulk
 * call, so two callers cannot deadlock). `where` narrows further: only lines with the flag set, say.
 */
export async function lockFlagLines(trx: Conn, ids: readonly string[] | Knex.QueryBuilder, where: Record<string, unknown> = {}): Promise<FlagLine[]> {
  const q = trx('order_lines').select('id', 'order_id', 'status').where(where).orderBy('id');
  if (Array.isArray(ids)) whereIdIn(trx, q, 'id', ids);
  else q.whereIn('id', ids as Knex.QueryBuilder);
  if (isPostgres(trx as Db)) return (await q.forUpdate()) as FlagLine[];
  // Read packed on SQLite: an allocation flags 20,000 lines at once.
  return (await selectPacked(trx, q, ['id', 'order_id', 'status'])) as FlagLine[];
}

/** Sets `flag` to `value` on these lines: versions of the lines and their orders move, one history row a line. */
export async function setLineFlag(trx: Conn, lines: readonly FlagLine[], flag: LineFlag, value: boolean, change: FlagChange): Promise<void> {
  if (!lines.length) return;
  const { now, actor } = change;
  await whereIdIn(
    trx,
    trx('order_lines'),
    'id',
    lines.map((l) => l.id),
  ).update({ [flag]: value, version: trx.raw('version + 1'), updated_at: now });
  await whereIdIn(trx, trx('orders'), 'id', [...new Set(lines.map((l) => l.order_id))]).update({
    version: trx.raw('version + 1'),
    updated_at: now,
  });
  await insertStaying(trx, 'line', lines, { action: change.action, actor, reason: change.reason, at: now });
}
