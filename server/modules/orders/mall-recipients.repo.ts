// What a sync needs to apply recipient changes the mall reports (mall-recipients.service.ts): the account's orders of
// the reported mall orders with their recipient and the digest of what the mall gave last, when an operator last
// corrected each one here, which of them share a box with another order, and the digests written.
import type { Knex } from 'knex';
import { RECIPIENT_FIELDS, type RecipientField } from '../../../shared/sheet/recipient-edit.ts';
import { selectWhereIn, whereIdIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';

type Conn = Db | Knex.Transaction;

export type MallRecipientOrder = {
  id: string;
  mall_account_id: string | null;
  mall_order_id: string;
  mall_recipient_digest: string | null;
  deleted_at: string | null;
} & Record<RecipientField, string | null>;

/** Every order of the account for these mall orders (a split order shares its mall order number). */
export async function ordersOfMallOrders(db: Conn, accountId: string, mallOrderIds: readonly string[]): Promise<MallRecipientOrder[]> {
  const rows = (await selectWhereIn(
    db,
    'orders',
    'mall_order_id',
    mallOrderIds,
    ['id', 'mall_account_id', 'mall_order_id', 'mall_recipient_digest', 'deleted_at', ...RECIPIENT_FIELDS],
    { slices: 5000 },
  )) as MallRecipientOrder[];
  return rows.filter((r) => r.mall_account_id === accountId);
}

/** When an operator last changed each order's recipient here (a person's edit_recipient, not a job's). */
export async function lastOperatorEdits(db: Conn, orderIds: readonly string[]): Promise<Map<string, string>> {
  if (!orderIds.length) return new Map();
  const rows = (await whereIdIn(db, db('status_history'), 'order_id', orderIds)
    .where({ entity: 'order', action: 'edit_recipient', actor_type: 'user' })
    .groupBy('order_id')
    .select('order_id', db.raw('max(at) as at'))) as { order_id: string; at: string | Date }[];
  return new Map(rows.map((r) => [r.order_id, r.at instanceof Date ? r.at.toISOString() : String(r.at)]));
}

/** Of these orders, those with a line in a box that also holds another order's line (합포). */
export async function ordersInSharedBoxes(db: Conn, orderIds: readonly string[]): Promise<Set<string>> {
  if (!orderIds.length) return new Set();
  const rows = (await whereIdIn(db, db('order_lines as l'), 'l.order_id', orderIds)
    .whereNotNull('l.box_id')
    .whereExists((q) => q.select(db.raw('1')).from('order_lines as o').whereRaw('o.box_id = l.box_id').whereRaw('o.order_id <> l.order_id'))
    .distinct('l.order_id')) as { order_id: string }[];
  return new Set(rows.map((r) => r.order_id));
}

/** The digest of what the mall gave last, per order. */
export async function setRecipientDigests(db: Conn, digests: ReadonlyMap<string, string>): Promise<void> {
  const byDigest = new Map<string, string[]>();
  for (const [id, digest] of digests) byDigest.set(digest, [...(byDigest.get(digest) ?? []), id]);
  for (const [digest, ids] of byDigest) await whereIdIn(db, db('orders'), 'id', ids).update({ mall_recipient_digest: digest });
}
