// Undoing an operator's bulk transition as a unit (PRODUCT §6.9), from the record its blocks kept
// (transition-undo.ts): every line, order and box it changed gets the fields it set back, the holds it opened are
// taken away and those it closed opened again, and the stock its shipped or canceled lines settled returns with
// their allocations — under a new batch, with history rows naming the call. Only while nothing after it depends on
// it: a row whose version moved since (sent to a mall, merged, changed by anyone) refuses the whole undo, naming
// the orders. Rows get a new version, as after any change: a sheet pulled before the undo is stale, not silently
// right.
import { API_ACTION_LABELS, type ApiAction } from '../../../shared/api/orders.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import type { Status } from '../../../shared/lifecycle.ts';
import { kstMinute } from '../../../shared/time.ts';
import { retryOnConflict } from '../../db/errors.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.ts';
import { unpackText } from '../../db/packed-text.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { unsettleStock } from '../allocation/settle.ts';
import { stockSetSince } from '../stock/stock.repo.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { EngineCore } from './engine/core.ts';
import { historyMessages, historyReason } from './history.messages.ts';
import * as repo from './transition-batches.repo.ts';
import { transitionUndoMessages as m, UNDO_BLOCKED_REASONS } from './transition-undo.messages.ts';
import type { KeptAllocation, RowBefore, UndoPart } from './transition-undo.ts';
import { flushWrites } from './working-set.repo.ts';
import { loadWorkingSet } from './working-set-load.ts';
import type { WorkingSet } from './working-set.ts';

/** The history action of the lines an undo moves back. */
export const UNDO_ACTION = 'transition_undo';

export type TransitionBatch = {
  id: string;
  action: string;
  lines: number;
  undoable: boolean;
  created_by: string | null;
  created_at: string;
  undone_at: string | null;
};

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** The operators' recorded bulk changes, newest first (the last `limit`). */
export async function listTransitionBatches(db: Db, limit = 20): Promise<TransitionBatch[]> {
  return (await repo.listBatches(db, limit)).map((b) => ({
    id: b.id,
    action: b.action,
    lines: Number(b.lines),
    undoable: !b.blocked && !b.undone_at && !!b.completed_at,
    created_by: b.created_by,
    created_at: iso(b.created_at)!,
    undone_at: iso(b.undone_at),
  }));
}

/**
 * `sendsRunning`: whether a send of tracking numbers to the malls is queued or running (the jobs are the caller's
 * to ask, in the undo's transaction): a ship is not undone under a send that may already have read its boxes.
 */
export async function undoTransitionBatch(
  db: Db,
  actor: Actor,
  id: string,
  info: Partial<RequestInfo> = {},
  sendsRunning: (trx: Knex.Transaction) => Promise<boolean> = async () => false,
): Promise<{ batch_id: string; undo_batch_id: string; lines: number; line_ids: string[] }> {
  return retryOnConflict(() =>
    db.transaction(async (trx) => {
      const batch = await repo.findBatch(trx, id, { lock: true });
      if (!batch) throw new AppError('not_found', 'batch_not_found', message(m.batch_not_found, { id }));
      if (batch.undone_at) throw new AppError('conflict', 'batch_undone', message(m.batch_undone, { at: kstMinute(batch.undone_at) }));
      if (!batch.completed_at) throw new AppError('conflict', 'batch_in_progress', message(m.batch_in_progress));
      if (batch.action === 'ship' && (await sendsRunning(trx))) throw new AppError('conflict', 'sends_running', message(m.sends_running));
      const stored = await repo.batchParts(trx, id);
      const blocked = batch.blocked ?? stored.find((p) => p.blocked)?.blocked;
      if (blocked) {
        const why = UNDO_BLOCKED_REASONS[blocked] ?? blocked;
        throw new AppError('conflict', 'undo_unsupported', message(m.undo_unsupported, { why }));
      }
      const { parts, allocations, lines, orders, boxes } = await unpackRecord(stored);
      const set = await loadWorkingSet(trx, { ids: [...lines.map((r) => r[0]), ...orders.map((r) => r[0])], actions: ['hold', 'ship'] });
      refuseChangedSince(set, { lines, orders, boxes });
      const counted = await stockSetSince(trx, id);
      if (counted.length) {
        const params = { skus: counted.slice(0, 20).join(', '), more: andMore(counted) };
        throw new AppError('conflict', 'stock_changed_since', message(m.stock_changed_since, params), { details: { skus: counted } });
      }

      const undoBatchId = newId(ID_PREFIX.batch);
      const now = new Date().toISOString();
      // Said in each reader's language, the action by its label (an unknown one by its code).
      const reason = historyReason(historyMessages.transition_undone, { action: API_ACTION_LABELS[batch.action as ApiAction] ?? batch.action });
      putBack(new EngineCore(set, actor, undoBatchId, { source: 'manual' }, now), { lines, orders, boxes }, reason);
      await flushWrites(trx, set.writes, now);
      for (const p of parts) {
        await repo.dropHolds(trx, p.held, p.at);
        await repo.reopenHolds(trx, p.released, p.at);
      }
      await unsettleStock(trx, id, allocations, { actor, batchId: undoBatchId, reason, now });
      await repo.markUndone(trx, id, { undone_at: now, undone_by: actor.id, undo_batch_id: undoBatchId });
      await writeAudit(trx, actor, info, { action: 'transition_undone', entity: 'transition_batch', entityId: id, detail: { lines: lines.length } });
      return { batch_id: id, undo_batch_id: undoBatchId, lines: lines.length, line_ids: lines.map((r) => r[0]) };
    }),
  );
}

/** A call's record as its parts keep it, read back: the rows to put back, the holds, the allocations kept. */
async function unpackRecord(stored: { undo: string; allocations: string | null }[]) {
  const parts = await Promise.all(stored.map(async (p) => JSON.parse(await unpackText(p.undo)) as UndoPart));
  const kept = await Promise.all(stored.map(async (p) => (p.allocations ? (JSON.parse(await unpackText(p.allocations)) as KeptAllocation[]) : [])));
  const all = (pick: (p: UndoPart) => RowBefore[]) => parts.flatMap(pick);
  return { parts, allocations: kept.flat(), lines: all((p) => p.lines), orders: all((p) => p.orders), boxes: all((p) => p.boxes) };
}

/**
 * Every kept field back on its order, box and line, in the working set (written by the caller): a line whose status
 * goes back moves through the engine's core, so its history says from what to what; one whose status stayed (a
 * hold, a flag) gets a history row all the same.
 */
function putBack(core: EngineCore, rows: { lines: RowBefore[]; orders: RowBefore[]; boxes: RowBefore[] }, reason: string): void {
  const { set } = core;
  for (const [orderId, , before] of rows.orders) {
    set.assign(set.orders.get(orderId)!, before);
    set.queue(set.writes.orders, orderId, { ...before });
  }
  for (const [boxId, , before] of rows.boxes) set.patchBox(set.boxes.get(boxId)!, before);
  for (const [lineId, , before] of rows.lines) {
    const line = set.lines.get(lineId)!;
    const { status, ...rest } = before as { status?: string } & Record<string, unknown>;
    const to: Status | 'same' = status === undefined || status === line.status ? 'same' : (status as Status);
    core.moveLine(line, to, UNDO_ACTION, reason, rest);
    if (to === 'same') core.record('line', line.id, line.order_id, UNDO_ACTION, line.status, line.status, reason);
  }
}

/** How many a refusal leaves unnamed after its first twenty (' 외 N건'), or nothing. */
const andMore = (all: readonly string[]) => (all.length > 20 ? message(m.and_more, { count: all.length - 20 }) : '');

/** Refuses the undo, naming the orders, when any row it would put back changed after the call. */
function refuseChangedSince(set: WorkingSet, rows: { lines: RowBefore[]; orders: RowBefore[]; boxes: RowBefore[] }): void {
  const changed = new Set<string>();
  const orderName = (orderId: string) => set.orders.get(orderId)?.mall_order_id ?? orderId;
  for (const [id, version] of rows.lines) {
    const line = set.lines.get(id);
    if (!line || line.version !== version) changed.add(line ? orderName(line.order_id) : id);
  }
  for (const [id, version] of rows.orders) {
    const order = set.orders.get(id);
    if (!order || order.version !== version) changed.add(order ? orderName(id) : id);
  }
  for (const [id, version] of rows.boxes) {
    const box = set.boxes.get(id);
    if (!box || box.version !== version || box.send_status === 'sent') {
      const line = set.linesOfBox(id)[0];
      changed.add(line ? orderName(line.order_id) : id);
    }
  }
  if (!changed.size) return;
  const list = [...changed].sort();
  // The first twenty named, and how many more: a refusal over 5,000 lines stays readable.
  throw new AppError('conflict', 'undo_blocked', message(m.undo_blocked, { orders: list.slice(0, 20).join(', '), more: andMore(list) }), {
    details: { orders: list },
  });
}
