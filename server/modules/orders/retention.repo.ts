// Orders whose recipient data is due to be erased, and the erasing itself (the rule: server/modules/retention/retention.service.ts). Order tables are read and written only in the orders module.
import type { Knex } from 'knex';
import type { Status } from '../../../shared/lifecycle.ts';
import type { Db } from '../../db/knex.ts';

/** The personal fields of an order: what retention masks for good. */
export const PERSONAL_ORDER_FIELDS = [
  'orderer_name',
  'orderer_phone',
  'orderer_email',
  'recipient_name',
  'recipient_phone',
  'recipient_mobile',
  'recipient_address1',
  'recipient_address2',
  'delivery_memo',
  'hold_reason',
  'delete_reason',
] as const;

export type PersonalOrder = { id: string } & Record<(typeof PERSONAL_ORDER_FIELDS)[number], string | null>;

/**
 * Orders not yet erased, with lines, every line in a closed status, closed before `cutoff`. When an order closed: the
 * latest move of one of its lines into a closed status (status_history.at); an order collected already closed has
 * that move as its first history row, and one with no history at all falls back to its last update.
 */
function dueOrders(db: Db | Knex.Transaction, closed: readonly Status[], cutoff: string) {
  const marks = closed.map(() => '?').join(', ');
  return db('orders as o')
    .whereNull('o.personal_data_erased_at')
    .whereExists((q) => q.select(db.raw('1')).from('order_lines as l').whereRaw('l.order_id = o.id'))
    .whereNotExists((q) =>
      q
        .select(db.raw('1'))
        .from('order_lines as l')
        .whereRaw('l.order_id = o.id')
        .whereNotIn('l.status', closed as Status[]),
    )
    .whereRaw(
      `coalesce((select max(h.at) from status_history h where h.order_id = o.id and h.entity = 'line' and h.to_status in (${marks})), o.updated_at) < ?`,
      [...closed, cutoff],
    );
}

export async function countDue(db: Db, closed: readonly Status[], cutoff: string): Promise<number> {
  const [row] = await dueOrders(db, closed, cutoff).count({ n: '*' });
  return Number((row as { n: unknown }).n);
}

/** Up to `limit` due orders with their personal fields. */
export async function dueBatch(trx: Knex.Transaction, closed: readonly Status[], cutoff: string, limit: number): Promise<PersonalOrder[]> {
  return (await dueOrders(trx, closed, cutoff)
    .select('o.id', ...PERSONAL_ORDER_FIELDS.map((f) => `o.${f}`))
    .orderBy('o.id')
    .limit(limit)) as PersonalOrder[];
}

/** Writes the masked fields over the originals and marks the order erased. */
export async function overwriteOrder(trx: Knex.Transaction, id: string, fields: Record<string, string | null>, now: string): Promise<void> {
  await trx('orders')
    .where({ id })
    .update({ ...fields, personal_data_erased_at: now, updated_at: now, version: trx.raw('version + 1') });
}

/** The memos and messages of these orders (free text people write names and numbers into). */
export async function notesOf(trx: Knex.Transaction, orderIds: readonly string[]): Promise<{ id: number; order_id: string; body: string }[]> {
  return trx('order_notes')
    .whereIn('order_id', orderIds as string[])
    .select('id', 'order_id', 'body');
}

export async function overwriteNote(trx: Knex.Transaction, id: number, body: string): Promise<void> {
  await trx('order_notes').where({ id }).update({ body });
}

/** The notes of returned goods received (반품 입고) for these orders: free text an operator typed. */
export async function receiptNotesOf(
  trx: Knex.Transaction,
  orderIds: readonly string[],
): Promise<{ line_id: string; order_id: string; note: string }[]> {
  return trx('return_receipts')
    .whereIn('order_id', orderIds as string[])
    .whereNotNull('note')
    .select('line_id', 'order_id', 'note');
}

export async function overwriteReceiptNote(trx: Knex.Transaction, lineId: string, note: string): Promise<void> {
  await trx('return_receipts').where({ line_id: lineId }).update({ note });
}
