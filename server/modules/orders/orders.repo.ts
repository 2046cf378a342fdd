// Writing orders and reading one order: rows, inserts, detail, notes, locks, versions and sales figures. The lists
// and the lines view are in order-views.repo.ts. The only places order queries are written; services decide what
// they mean.
import type { Knex } from 'knex';
import { readStoredText } from '../../../shared/i18n.ts';
import { insertMany } from '../../db/bulk.ts';
import { isPostgres, type Db } from '../../db/knex.ts';

export type OrderRow = {
  id: string;
  source: 'mall' | 'manual' | 'direct';
  mall_account_id: string | null;
  mall_order_id: string | null;
  channel_kind: string;
  channel_name: string;
  orderer_name: string;
  orderer_phone: string | null;
  orderer_email: string | null;
  recipient_name: string | null;
  recipient_phone: string | null;
  recipient_mobile: string | null;
  recipient_zip: string | null;
  recipient_address1: string | null;
  recipient_address2: string | null;
  delivery_memo: string | null;
  /** A mall order's recipient as the mall last gave it, as a digest (mall-recipient.ts); null for other orders. */
  mall_recipient_digest?: string | null;
  ordered_at: string | null;
  paid_at: string | null;
  order_date: string;
  total_amount: number;
  shipping_fee: number;
  hold: boolean;
  hold_reason: string | null;
  priority: boolean;
  flagged: boolean;
  merge_locked: boolean;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
  delete_reason: string | null;
  personal_data_erased_at: string | null;
};

export type LineRow = {
  id: string;
  order_id: string;
  line_no: number;
  mall_account_id: string | null;
  mall_line_id: string | null;
  mall_shipment_id: string | null;
  mall_product_id: string | null;
  mall_option_id: string | null;
  product_name: string;
  option_text: string | null;
  quantity: number;
  unit_price: number;
  amount: number;
  sku_code: string | null;
  status: string;
  sold_out: boolean;
  unmatched: boolean;
  return_pickup_delayed: boolean;
  box_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  /** The gift rule that added this line as a gift (사은품), null for the order's own lines. */
  gift_rule_id?: string | null;
  /** A gift line a hold of its order has set aside (back when the hold is released). */
  gift_set_aside?: boolean;
};

export const ORDER_BOOLS = ['hold', 'priority', 'flagged', 'merge_locked'] as const;
export const LINE_BOOLS = ['sold_out', 'unmatched', 'return_pickup_delayed', 'gift_set_aside'] as const;

/** SQLite hands booleans back as 0/1. Converts in place: rows come fresh from the driver. */
export function bools<T extends Record<string, unknown>>(row: T, keys: readonly string[]): T {
  const out = row as Record<string, unknown>;
  for (const k of keys) if (k in out) out[k] = !!out[k];
  return row;
}

/**
 * An order row as read (`select *`). The mall's recipient digest is sync's own bookkeeping (mall-recipients.repo.ts
 * reads it): it is left out of the row every view and answer is made from.
 */
export function toOrder(row: Record<string, unknown>): OrderRow {
  if ('mall_recipient_digest' in row) delete row.mall_recipient_digest;
  return bools(row, ORDER_BOOLS) as unknown as OrderRow;
}
/** A line row as read (`select *`): the number its mall holds is the send job's own bookkeeping (mall-lines.repo.ts). */
export function toLine(row: Record<string, unknown>): LineRow {
  if ('mall_tracking_number' in row) delete row.mall_tracking_number;
  return bools(row, LINE_BOOLS) as unknown as LineRow;
}

export type NewOrder = Omit<
  OrderRow,
  | 'hold'
  | 'hold_reason'
  | 'priority'
  | 'flagged'
  | 'merge_locked'
  | 'version'
  | 'deleted_at'
  | 'deleted_by'
  | 'delete_reason'
  | 'personal_data_erased_at'
>;
export type NewLine = Omit<LineRow, 'sold_out' | 'unmatched' | 'return_pickup_delayed' | 'version'> &
  Partial<Pick<LineRow, 'sold_out' | 'unmatched' | 'return_pickup_delayed'>> & {
    /** What the mall said about a collected line (see jobs/sync). */
    mall_status?: string | null;
    mall_implied_status?: string | null;
    mall_status_at?: string | null;
    /** When the mall confirmed the line (collected already confirmed there, or by our confirm job). */
    mall_confirmed_at?: string | null;
  };

/**
 * Many orders and their lines in a few statements (collection writes a page of orders at a time). Versions start
 * at the columns' default (1); rows go in as given, not copied (a collect inserts 10,000s).
 */
export async function insertOrders(trx: Knex.Transaction | Db, orders: NewOrder[], lines: NewLine[]): Promise<void> {
  await insertMany(trx, 'orders', orders);
  await insertMany(trx, 'order_lines', lines);
}

export async function findOrder(db: Db | Knex.Transaction, id: string) {
  const row = await db('orders').where({ id }).first();
  return row ? toOrder(row) : undefined;
}

export async function orderDetailParts(db: Db, orderId: string) {
  const [lines, boxes, claims, notes, history, holds] = await Promise.all([
    db('order_lines').where({ order_id: orderId }).orderBy('line_no').orderBy('id'),
    db('boxes as b')
      .whereIn('b.id', db('order_lines').where({ order_id: orderId }).whereNotNull('box_id').select('box_id'))
      .select('b.*'),
    db('claims').where({ order_id: orderId }).orderBy('created_at'),
    db('order_notes').where({ order_id: orderId }).orderBy('id'),
    db('status_history').where({ order_id: orderId }).orderBy('id'),
    db('holds').where({ order_id: orderId }).orderBy('id'),
  ]);
  // A claim's mall decision error, a box's send error and the reasons jobs and automatic steps give in the history
  // are stored Messages, put into words when answered; what a person typed (and rows from before) read back as text.
  const withWords = claims.map((c) => ({ ...c, mall_decision_error: readStoredText(c.mall_decision_error as string | null) }));
  const boxesWithWords = boxes.map((b) => ({ ...b, send_error: readStoredText(b.send_error as string | null) }));
  const historyWithWords = history.map((h) => ({ ...h, reason: readStoredText(h.reason as string | null) }));
  return { lines: lines.map(toLine), boxes: boxesWithWords, claims: withWords, notes, history: historyWithWords, holds };
}

/** Usernames of users by id (who did what in an order's history); unknown ids are absent. */
export async function usernamesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; username: string }[] = await db('users')
    .whereIn('id', [...ids])
    .select('id', 'username');
  return new Map(rows.map((r) => [r.id, r.username]));
}

export async function insertNote(db: Db | Knex.Transaction, note: { order_id: string; kind: string; body: string; author_id: string | null }) {
  const created_at = new Date().toISOString();
  const [row] = await db('order_notes')
    .insert({ ...note, created_at })
    .returning('id');
  return { id: typeof row === 'object' ? (row as { id: number }).id : (row as number), ...note, created_at };
}

/** Locks an order's lines (in id order) and then the order, the order bulk calls lock in. SQLite has one writer. */
export async function lockOrderAndLines(trx: Knex.Transaction, orderId: string): Promise<void> {
  if (!isPostgres(trx as unknown as Db)) return;
  await trx('order_lines').select('id').where({ order_id: orderId }).orderBy('id').forUpdate();
  await trx('orders').select('id').where({ id: orderId }).forUpdate();
}

/** Moves an order's version: its lines changed (one added, say), so a sheet holding the order is stale. */
export async function bumpOrderVersion(db: Db | Knex.Transaction, orderId: string, now: string): Promise<void> {
  await db('orders')
    .where({ id: orderId })
    .update({ version: db.raw('version + 1'), updated_at: now });
}

/** Moves the versions of an order and its lines (something every sheet row of the order shows has changed). */
export async function touchOrderAndLines(db: Db | Knex.Transaction, orderId: string): Promise<void> {
  const now = new Date().toISOString();
  await bumpOrderVersion(db, orderId, now);
  await db('order_lines')
    .where({ order_id: orderId })
    .update({ version: db.raw('version + 1'), updated_at: now });
}

export type SalesRow = { day: string; channel_kind: string; channel_name: string; orders: number; lines: number; quantity: number; amount: number };

/** Sales per KST day and channel; cancelled and returned lines and deleted orders do not count. */
export async function salesByDayAndChannel(
  db: Db,
  f: { from?: string | undefined; to?: string | undefined; channel_kind?: string | undefined },
): Promise<SalesRow[]> {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .whereNull('o.deleted_at')
    .whereNotIn('l.status', ['CANCELED', 'RETURNED'])
    .groupBy('o.order_date', 'o.channel_kind', 'o.channel_name')
    .orderBy([{ column: 'o.order_date' }, { column: 'o.channel_name' }])
    .select(
      'o.order_date as day',
      'o.channel_kind',
      'o.channel_name',
      db.raw('count(distinct o.id) as orders'),
      db.raw('count(*) as lines'),
      db.raw('sum(l.quantity) as quantity'),
      db.raw('sum(l.amount) as amount'),
    );
  if (f.from) q.where('o.order_date', '>=', f.from);
  if (f.to) q.where('o.order_date', '<=', f.to);
  if (f.channel_kind) q.where('o.channel_kind', f.channel_kind);
  const rows = await q;
  return rows.map((r: Record<string, unknown>) => ({
    day: r.day as string,
    channel_kind: r.channel_kind as string,
    channel_name: r.channel_name as string,
    orders: Number(r.orders),
    lines: Number(r.lines),
    quantity: Number(r.quantity),
    amount: Number(r.amount),
  }));
}
