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
 * When an order is closed, by where it came from: `mall` — a mall's order, its lines in these statuses (the mall says
 * when it is confirmed); `own` — an order no mall reports on (직거래, an upload), whose lines also close once shipped
 * or delivered, as no mall will ever confirm them.
 */
export type ClosedStatuses = { mall: readonly Status[]; own: readonly Status[] };

/**
 * Orders not yet erased, with lines, closed (ClosedStatuses) before `cutoff`, or deleted before it. When an order
 * closed: the latest move of one of its lines into a closed status (status_history.at); an order collected already
 * closed has that move as its first history row, and one with no history at all falls back to its last update.
 */
function dueOrders(db: Db | Knex.Transaction, closed: ClosedStatuses, cutoff: string) {
  const closedAs = (kind: 'mall' | 'own') => (w: Knex.QueryBuilder) => {
    const statuses = closed[kind] as Status[];
    const marks = statuses.map(() => '?').join(', ');
    if (kind === 'mall') w.where('o.source', 'mall');
    else w.whereNot('o.source', 'mall');
    w.whereNotExists((q) => q.select(db.raw('1')).from('order_lines as l').whereRaw('l.order_id = o.id').whereNotIn('l.status', statuses)).whereRaw(
      `coalesce((select max(h.at) from status_history h where h.order_id = o.id and h.entity = 'line' and h.to_status in (${marks})), o.updated_at) < ?`,
      [...statuses, cutoff],
    );
  };
  return db('orders as o')
    .whereNull('o.personal_data_erased_at')
    .whereExists((q) => q.select(db.raw('1')).from('order_lines as l').whereRaw('l.order_id = o.id'))
    .where((w) =>
      w
        .where(closedAs('mall'))
        .orWhere(closedAs('own'))
        // A deleted order is kept for the same time (it may be brought back: 주문삭제 복구), then erased.
        .orWhere((d) => d.whereNotNull('o.deleted_at').where('o.deleted_at', '<', cutoff)),
    );
}

export async function countDue(db: Db, closed: ClosedStatuses, cutoff: string): Promise<number> {
  const [row] = await dueOrders(db, closed, cutoff).count({ n: '*' });
  return Number((row as { n: unknown }).n);
}

/** Up to `limit` due orders with their personal fields. */
export async function dueBatch(trx: Knex.Transaction, closed: ClosedStatuses, cutoff: string, limit: number): Promise<PersonalOrder[]> {
  return (await dueOrders(trx, closed, cutoff)
    .select('o.id', ...PERSONAL_ORDER_FIELDS.map((f) => `o.${f}`))
    .orderBy('o.id')
    .limit(limit)) as PersonalOrder[];
}

/** Writes the masked fields over the originals and marks the order erased. */
export async function overwriteOrder(trx: Knex.Transaction, id: string, fields: Record<string, string | null>, now: string): Promise<void> {
  await trx('orders')
    .where({ id })
    .update({ ...fields, mall_recipient_digest: null, personal_data_erased_at: now, updated_at: now, version: trx.raw('version + 1') });
}

/**
 * Where an order's free text lives — what people type names and numbers into: memos and messages, the notes of
 * returns received (반품 입고), claim reasons, hold and release reasons, and the reason of every status change.
 */
const FREE_TEXT = [
  { table: 'order_notes', key: 'id', columns: ['body'] },
  { table: 'return_receipts', key: 'line_id', columns: ['note'] },
  { table: 'claims', key: 'id', columns: ['reason', 'mall_decision_reason'] },
  { table: 'holds', key: 'id', columns: ['reason', 'release_reason'] },
  { table: 'status_history', key: 'id', columns: ['reason'] },
] as const;

/** One piece of an order's free text: where it is (table, row key, column) and what it says. */
export type FreeText = { table: string; key: string; keyValue: string | number; column: string; order_id: string; text: string };

/** The free text of these orders (FREE_TEXT), every non-empty piece. */
export async function freeTextOf(trx: Knex.Transaction, orderIds: readonly string[]): Promise<FreeText[]> {
  const out: FreeText[] = [];
  for (const { table, key, columns } of FREE_TEXT) {
    const rows = (await trx(table)
      .whereIn('order_id', orderIds as string[])
      .where((w) => {
        for (const c of columns) w.orWhereNotNull(c);
      })
      .select(key, 'order_id', ...columns)) as Record<string, string | number | null>[];
    for (const row of rows)
      for (const column of columns) {
        const text = row[column];
        if (typeof text === 'string' && text) out.push({ table, key, keyValue: row[key]!, column, order_id: String(row.order_id), text });
      }
  }
  return out;
}

/** Writes a piece of free text over its original (not a change of the order's: no version moves). */
export async function overwriteFreeText(trx: Knex.Transaction, piece: FreeText, text: string): Promise<void> {
  await trx(piece.table)
    .where({ [piece.key]: piece.keyValue })
    .update({ [piece.column]: text });
}
