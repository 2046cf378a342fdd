// Splitting an order (분할, 선배송): lines that cannot ship now move to a new order (a copy of the order: same mall
// order number, recipient and channel) so the rest ships first; and the way back, for an undo. Also the version
// touch of lines whose allocation changed (a sheet row shows it). Like every change a sheet row shows, the versions
// of the lines and orders move and each line gets a history row (from = to = its status) naming the batch.
import type { Knex } from 'knex';
import { whereIdIn } from '../../db/bulk.ts';
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
  return (await whereIdIn(trx, trx('order_lines').select('id', 'status', 'amount'), 'id', lineIds)) as {
    id: string;
    status: string;
    amount: number;
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

/**
 * Moves `lineIds` of `orderId` to a new order copied from it; the amounts follow the lines. Answers the new order's
 * id and the original order's amount before, which the way back restores.
 */
export async function splitOrder(
  trx: Trx,
  orderId: string,
  lineIds: readonly string[],
  c: SplitChange,
): Promise<{ newOrderId: string; totalBefore: number }> {
  const order = (await trx('orders').where({ id: orderId }).first()) as Record<string, unknown> & { total_amount: number };
  const lines = await lineRows(trx, lineIds);
  const moved = lines.reduce((s, l) => s + l.amount, 0);
  const newOrderId = newId(ID_PREFIX.order);
  await trx('orders').insert({ ...order, id: newOrderId, total_amount: moved, shipping_fee: 0, version: 1, created_at: c.now, updated_at: c.now });
  await trx('orders')
    .where({ id: orderId })
    .update({ total_amount: order.total_amount - moved, version: trx.raw('version + 1'), updated_at: c.now });
  await whereIdIn(trx, trx('order_lines'), 'id', lineIds).update({ order_id: newOrderId, version: trx.raw('version + 1'), updated_at: c.now });
  await insertHistory(trx, [
    ...history(lines, newOrderId, 'split_order', c),
    {
      ...history([{ id: newOrderId, status: 'split' }], newOrderId, 'split_order', c)[0]!,
      entity: 'order',
      reason: `${c.reason} ← ${orderId}`.slice(0, 500),
    },
  ]);
  return { newOrderId, totalBefore: order.total_amount };
}

/** The way back: the lines return to their order, its amount is restored and the split-off order is removed. */
export async function mergeSplitBack(
  trx: Trx,
  s: { orderId: string; newOrderId: string; lineIds: readonly string[]; totalBefore: number },
  c: SplitChange,
) {
  const lines = await lineRows(trx, s.lineIds);
  await whereIdIn(trx, trx('order_lines'), 'id', s.lineIds).update({ order_id: s.orderId, version: trx.raw('version + 1'), updated_at: c.now });
  await trx('orders')
    .where({ id: s.orderId })
    .update({ total_amount: s.totalBefore, version: trx.raw('version + 1'), updated_at: c.now });
  await trx('orders').where({ id: s.newOrderId }).delete();
  await insertHistory(trx, history(lines, s.orderId, 'merge_split_back', c));
}

/** Current versions of these orders (missing ones absent). */
export async function orderVersions(trx: Trx, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = (await whereIdIn(trx, trx('orders').select('id', 'version'), 'id', ids)) as { id: string; version: number }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}
