// Splitting an order (분할, 선배송): lines that cannot ship now move to a new order (a copy of the order: same mall
// order number, recipient and channel) so the rest ships first; and the way back, for an undo. Also the version
// touch of lines whose allocation changed (a sheet row shows it). Like every change a sheet row shows, the versions
// of the lines and orders move and each line gets a history row (from = to = its status) naming the batch.
import type { Knex } from 'knex';
import { insertMany, selectWhereIn, updateRows, whereIdIn } from '../../db/bulk.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor } from '../../domain/actor.ts';
import { insertHistory, type HistoryRow } from './history.repo.ts';

type Trx = Knex.Transaction;
export type SplitChange = { actor: Actor; batchId: string; reason: string; now: string };

/** The lines' versions (and their orders') move: their allocation changed. */
export async function touchLines(trx: Trx, lineIds: readonly string[], now: string): Promise<void> {
  if (!lineIds.length) return;
  await whereIdIn(trx, trx('order_lines'), 'id', lineIds).update({ version: trx.raw('version + 1'), updated_at: now });
  const orders = whereIdIn(trx, trx('order_lines').select('order_id'), 'id', lineIds);
  await trx('orders')
    .whereIn('id', orders)
    .update({ version: trx.raw('version + 1'), updated_at: now });
}

async function lineRows(trx: Trx, lineIds: readonly string[]) {
  return (await selectWhereIn(trx, 'order_lines', 'id', lineIds, ['id', 'status', 'amount', 'box_id'])) as {
    id: string;
    status: string;
    amount: number;
    box_id: string | null;
  }[];
}

function history(lines: readonly { id: string; status: string }[], orderId: string, action: string, c: SplitChange): HistoryRow[] {
  return lines.map((l) => ({
    entity: 'line',
    entity_id: l.id,
    order_id: orderId,
    action,
    from_status: l.status,
    to_status: l.status,
    actor_type: c.actor.type,
    actor_id: c.actor.id,
    reason: c.reason,
    batch_id: c.batchId,
    at: c.now,
  }));
}

/** `boxIds`: each moved line's box before the split (a line split off leaves the box it would have shipped in). */
export type Split = { orderId: string; newOrderId: string; lineIds: readonly string[]; totalBefore: number; boxIds?: readonly (string | null)[] };

/**
 * Moves each split's `lineIds` of its `orderId` to a new order copied from it; the amounts follow the lines. All
 * splits together, a set at a time: one insert of the new orders, one update of the originals' amounts, one of the
 * lines and one insert of their history. Answers per split the new order's id and the original order's amount
 * before, which the way back restores.
 */
export async function splitOrders(trx: Trx, splits: readonly { orderId: string; lineIds: readonly string[] }[], c: SplitChange): Promise<Split[]> {
  if (!splits.length) return [];
  const orders = (await whereIdIn(
    trx,
    trx('orders').select('*'),
    'id',
    splits.map((s) => s.orderId),
  )) as (Record<string, unknown> & { id: string; total_amount: number })[];
  const orderOf = new Map(orders.map((o) => [o.id, o]));
  const lines = new Map(
    (
      await lineRows(
        trx,
        splits.flatMap((s) => s.lineIds),
      )
    ).map((l) => [l.id, l]),
  );
  const out: Split[] = [];
  const made: Record<string, unknown>[] = [];
  const totals: { id: string; total_amount: number }[] = [];
  const moves: { id: string; order_id: string; box_id: null }[] = [];
  const rows: HistoryRow[] = [];
  for (const s of splits) {
    const order = orderOf.get(s.orderId)!;
    const moved = s.lineIds.map((id) => lines.get(id)!);
    const amount = moved.reduce((sum, l) => sum + l.amount, 0);
    const newOrderId = newId(ID_PREFIX.order);
    made.push({ ...order, id: newOrderId, total_amount: amount, shipping_fee: 0, version: 1, created_at: c.now, updated_at: c.now });
    totals.push({ id: s.orderId, total_amount: order.total_amount - amount });
    // A line split off ships later, on its own: it leaves the box (a merged box, say) the rest ships in now.
    for (const id of s.lineIds) moves.push({ id, order_id: newOrderId, box_id: null });
    rows.push(...history(moved, newOrderId, 'split_order', c), {
      ...history([{ id: newOrderId, status: 'split' }], newOrderId, 'split_order', c)[0]!,
      entity: 'order',
      reason: `${c.reason} ← ${s.orderId}`.slice(0, 500),
    });
    out.push({ orderId: s.orderId, newOrderId, lineIds: s.lineIds, totalBefore: order.total_amount, boxIds: moved.map((l) => l.box_id) });
  }
  await insertMany(trx, 'orders', made);
  await updateRows(trx, 'orders', totals, { updated_at: c.now });
  await updateRows(trx, 'order_lines', moves, { updated_at: c.now });
  await insertHistory(trx, rows);
  return out;
}

/** The way back, for all splits at once: the lines return to their orders, the amounts are restored and the split-off orders removed. */
export async function mergeSplitsBack(trx: Trx, splits: readonly Split[], c: SplitChange): Promise<void> {
  if (!splits.length) return;
  const lines = new Map(
    (
      await lineRows(
        trx,
        splits.flatMap((s) => s.lineIds),
      )
    ).map((l) => [l.id, l]),
  );
  await updateRows(
    trx,
    'order_lines',
    splits.flatMap((s) => s.lineIds.map((id, i) => ({ id, order_id: s.orderId, box_id: s.boxIds?.[i] ?? null }))),
    { updated_at: c.now },
  );
  await updateRows(
    trx,
    'orders',
    splits.map((s) => ({ id: s.orderId, total_amount: s.totalBefore })),
    { updated_at: c.now },
  );
  await whereIdIn(
    trx,
    trx('orders'),
    'id',
    splits.map((s) => s.newOrderId),
  ).delete();
  await insertHistory(
    trx,
    splits.flatMap((s) =>
      history(
        s.lineIds.map((id) => lines.get(id)!),
        s.orderId,
        'merge_split_back',
        c,
      ),
    ),
  );
}

/** Current versions of these orders (missing ones absent). */
export async function orderVersions(trx: Trx, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = (await whereIdIn(trx, trx('orders').select('id', 'version'), 'id', ids)) as { id: string; version: number }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}
