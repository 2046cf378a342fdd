// Intake: how an order comes into being, whatever brings it in — a mall's collect, a direct order, the uploads and
// merges to come, test fixtures. One place builds an order with its lines and each line's first history row, and
// inserts many at once (a collect page is a few set-based statements). What happens to an order after it exists
// is the transition engine's: intake only writes the status it starts in.
import { COLUMN_SIZES } from '../../../shared/files/column-sizes.ts';
import type { Knex } from 'knex';
import { kstDate } from '../../../shared/time.ts';
import type { Db } from '../../db/knex.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import { applyRememberedMatches } from '../matching/matching.service.ts';
import { insertHistory, type HistoryRow } from './history.repo.ts';
import { maxLineNo } from './mall-lines.repo.ts';
import { recipientDigest } from './mall-recipient.ts';
import { bumpOrderVersion, insertOrders, type NewLine, type NewOrder } from './orders.repo.ts';

export type { NewLine, NewOrder };

type Nullable<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** Fields that only some sources know (a direct order has no orderer email, a fixture no mall ids): null if left out. */
type OptionalOrderField =
  | 'mall_account_id'
  | 'mall_order_id'
  | 'orderer_phone'
  | 'orderer_email'
  | 'recipient_name'
  | 'recipient_phone'
  | 'recipient_mobile'
  | 'recipient_zip'
  | 'recipient_address1'
  | 'recipient_address2'
  | 'delivery_memo'
  | 'ordered_at'
  | 'paid_at'
  | 'shipping_fee'
  | 'created_by';
type OptionalLineField =
  'mall_account_id' | 'mall_line_id' | 'mall_shipment_id' | 'mall_product_id' | 'mall_option_id' | 'option_text' | 'sku_code' | 'box_id';

/** An order as its source describes it; ids, times and versions are intake's. */
export type OrderFields = Nullable<Omit<NewOrder, 'id' | 'order_date' | 'created_at' | 'updated_at'>, OptionalOrderField>;
/** A line as its source describes it, with the status it starts in. */
export type LineFields = Nullable<
  Omit<NewLine, 'id' | 'order_id' | 'line_no' | 'created_at' | 'updated_at' | 'sold_out' | 'unmatched' | 'return_pickup_delayed'>,
  OptionalLineField
>;

/** Who brought the lines in and why: each line's first history row says so (from no status to the one it starts in). */
export type IntakeOrigin = {
  action: string;
  actor: { type: string; id: string | null };
  batchId: string | null;
  reason: string | null | ((line: NewLine) => string | null);
};

/** An order ready to insert: the order, its lines and their first history rows. */
export type Intake = { order: NewOrder; lines: NewLine[]; history: HistoryRow[] };

/**
 * Texts are cut to our column sizes: PostgreSQL refuses longer ones (SQLite would keep them). What a mall sends is
 * kept, cut; files and the API refuse a longer cell on its row before it gets here (shared/files/map-rows.ts).
 */
const SIZE = COLUMN_SIZES.orders;
const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const cutOrNull = (text: string | null | undefined, max: number) => (text === null || text === undefined ? null : cut(text, max));

export function buildOrder(fields: OrderFields, lines: readonly LineFields[], origin: IntakeOrigin, now = new Date().toISOString()): Intake {
  const id = newId(ID_PREFIX.order);
  const order: NewOrder = {
    id,
    source: fields.source,
    mall_account_id: fields.mall_account_id ?? null,
    mall_order_id: fields.mall_order_id ?? null,
    channel_kind: fields.channel_kind,
    channel_name: fields.channel_name,
    orderer_name: cut(fields.orderer_name, SIZE.orderer_name),
    orderer_phone: cutOrNull(fields.orderer_phone, SIZE.orderer_phone),
    orderer_email: cutOrNull(fields.orderer_email, SIZE.orderer_email),
    recipient_name: cutOrNull(fields.recipient_name, SIZE.recipient_name),
    recipient_phone: cutOrNull(fields.recipient_phone, SIZE.recipient_phone),
    recipient_mobile: cutOrNull(fields.recipient_mobile, SIZE.recipient_mobile),
    recipient_zip: cutOrNull(fields.recipient_zip, SIZE.recipient_zip),
    recipient_address1: cutOrNull(fields.recipient_address1, SIZE.recipient_address1),
    recipient_address2: cutOrNull(fields.recipient_address2, SIZE.recipient_address2),
    delivery_memo: cutOrNull(fields.delivery_memo, SIZE.delivery_memo),
    // What the mall gave, to tell a later change at the mall from a correction made here (sync, mall-recipient.ts).
    mall_recipient_digest: fields.source === 'mall' ? recipientDigest(fields) : null,
    ordered_at: fields.ordered_at ?? null,
    paid_at: fields.paid_at ?? null,
    // The order's day on the desk: the KST day it was paid (or ordered, or came in).
    order_date: kstDate(fields.paid_at ?? fields.ordered_at ?? now),
    total_amount: fields.total_amount,
    shipping_fee: fields.shipping_fee ?? 0,
    created_by: fields.created_by ?? null,
    created_at: now,
    updated_at: now,
  };
  const built = buildLines(id, 1, lines, now);
  return { order, lines: built, history: historyOf(built, origin) };
}

/**
 * Lines of an order, numbered from `firstLineNo`. Every field is written out (no spread): a collect builds 10,000s
 * of these, and objects of one fixed shape are several times cheaper to make than spread copies.
 */
export function buildLines(orderId: string, firstLineNo: number, lines: readonly LineFields[], now: string): NewLine[] {
  return lines.map((l, i) => ({
    id: newId(ID_PREFIX.line),
    order_id: orderId,
    line_no: firstLineNo + i,
    mall_account_id: l.mall_account_id ?? null,
    mall_line_id: l.mall_line_id ?? null,
    mall_shipment_id: l.mall_shipment_id ?? null,
    mall_product_id: l.mall_product_id ?? null,
    mall_option_id: l.mall_option_id ?? null,
    product_name: cut(l.product_name, COLUMN_SIZES.order_lines.product_name),
    option_text: cutOrNull(l.option_text, COLUMN_SIZES.order_lines.option_text),
    quantity: l.quantity,
    unit_price: l.unit_price,
    amount: l.amount,
    sku_code: l.sku_code ?? null,
    status: l.status,
    mall_status: l.mall_status ?? null,
    mall_implied_status: l.mall_implied_status ?? null,
    mall_status_at: l.mall_status_at ?? null,
    mall_confirmed_at: l.mall_confirmed_at ?? null,
    box_id: l.box_id ?? null,
    created_at: now,
    updated_at: now,
  }));
}

/** Each line's first history row: from nothing to the status it starts in. */
export function historyOf(lines: readonly NewLine[], origin: IntakeOrigin): HistoryRow[] {
  const { reason } = origin;
  return lines.map((l) => ({
    entity: 'line',
    entity_id: l.id,
    order_id: l.order_id,
    action: origin.action,
    from_status: null,
    to_status: l.status,
    actor_type: origin.actor.type,
    actor_id: origin.actor.id,
    reason: typeof reason === 'function' ? reason(l) : reason,
    batch_id: origin.batchId,
    at: l.created_at,
  }));
}

/**
 * Many orders, their lines and history in a few statements; the caller's transaction makes them whole or absent.
 * Every source comes in here (collect, order upload, direct trade), so remembered product matches are applied here,
 * once, set-based (matching.service applyRememberedMatches). `flagUnmatched: false` for lines entered as already
 * shipped (a direct trade with its tracking number): they are past the step an unmatched line holds back.
 */
export async function insertIntakes(db: Knex.Transaction | Db, intakes: readonly Intake[], options: { flagUnmatched?: boolean } = {}): Promise<void> {
  const lines = intakes.flatMap((i) => i.lines);
  await insertOrders(
    db,
    intakes.map((i) => i.order),
    lines,
  );
  await insertHistory(
    db,
    intakes.flatMap((i) => i.history),
  );
  await applyRememberedMatches(
    db,
    lines.map((l) => l.id),
    options,
  );
}

/**
 * Lines added to an order that exists (a mall adding lines to an order collected before): numbered after its
 * last line, with their history, and the order's version moved so a sheet holding the order reads as stale.
 */
export async function appendLines(
  trx: Knex.Transaction,
  orderId: string,
  lines: readonly LineFields[],
  origin: IntakeOrigin,
  now: string,
): Promise<NewLine[]> {
  const built = buildLines(orderId, (await maxLineNo(trx, orderId)) + 1, lines, now);
  await insertOrders(trx, [], built);
  await applyRememberedMatches(
    trx,
    built.map((l) => l.id),
  );
  await bumpOrderVersion(trx, orderId, now);
  await insertHistory(trx, historyOf(built, origin));
  return built;
}
