// The order lines stock allocation reads (issue 12): released, matched lines waiting for stock with their orders and
// SKUs, and their versions locked for an apply. Order tables are the orders module's; allocation asks here.
import type { Knex } from 'knex';
import { WHOLE_SHIPMENT_MALLS } from '../../../shared/malls.ts';
import { isPostgres, type Db } from '../../db/knex.ts';
import { selectPacked, selectWhereIn, whereIdIn } from '../../db/bulk.ts';

type Conn = Db | Knex.Transaction;

export type CandidateLine = {
  id: string;
  version: number;
  order_id: string;
  quantity: number;
  amount: number;
  product_name: string;
  option_text: string | null;
  mall_order_id: string | null;
  channel_name: string;
  priority: boolean;
  order_date: string;
  ordered_at: string | null;
  /** The mall shipment the line ships whole with (WHOLE_SHIPMENT_MALLS), else null. */
  shipment: string | null;
  /** A gift line (사은품, added by a gift rule). */
  gift: boolean;
};
export type CandidateSku = { line_id: string; sku_id: string; code: string; per_unit: number };

/** No line of the gift line `l`'s order (not a gift) waits for stock other than as a candidate of this run. */
const OWN_LINES_SETTLED = `not exists (select 1 from order_lines x where x.order_id = l.order_id and x.gift_rule_id is null
  and x.status in ('PAID', 'NEW', 'READY', 'CANCEL_REQUESTED')
  and not exists (select 1 from line_allocations xa where xa.line_id = x.id)
  and (x.status <> 'READY' or x.sold_out or x.unmatched or not exists (select 1 from line_skus xs where xs.line_id = x.id)))`;

/** The lines allocation serves: READY, matched, no sold-out flag, not allocated yet, of live (and, unless asked, unheld) orders. */
function candidates(db: Conn, o: { allocateHeld: boolean; lineIds?: readonly string[] | undefined }) {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .where('l.status', 'READY')
    .where('l.sold_out', false)
    .where('l.unmatched', false)
    // A gift set aside by a hold waits with it, whatever the held-orders setting says.
    .where('l.gift_set_aside', false)
    .whereNull('o.deleted_at')
    .whereExists(db('line_skus as x').select(db.raw('1')).whereRaw('x.line_id = l.id'))
    .whereNotExists(db('line_allocations as a').select(db.raw('1')).whereRaw('a.line_id = l.id'))
    // A gift waits while a line of its own order waits outside this run (not released yet, sold out, unmatched, in
    // a cancel request): it ships only with them. Asked of gift lines only.
    .where((w) => w.whereNull('l.gift_rule_id').orWhereRaw(OWN_LINES_SETTLED));
  if (!o.allocateHeld) q.where('o.hold', false);
  if (o.lineIds) whereIdIn(db, q, 'l.id', o.lineIds);
  return q;
}

const LINE_FIELDS = [
  'id',
  'version',
  'order_id',
  'quantity',
  'amount',
  'product_name',
  'option_text',
  'mall_order_id',
  'channel_name',
  'priority',
  'order_date',
  'ordered_at',
  'shipment',
  'gift',
] as const;
const SKU_FIELDS = ['line_id', 'sku_id', 'code', 'per_unit'] as const;

/** The lines allocation serves (their SKUs: candidateSkus). */
export async function candidateLineRows(db: Conn, o: { allocateHeld: boolean; lineIds?: readonly string[] | undefined }): Promise<CandidateLine[]> {
  // 100,000 lines: read packed (see selectPacked).
  const lines = (await selectPacked(
    db,
    candidates(db, o).select(
      'l.id',
      'l.version',
      'l.order_id',
      'l.quantity',
      'l.amount',
      'l.product_name',
      'l.option_text',
      'o.mall_order_id',
      'o.channel_name',
      'o.priority',
      'o.order_date',
      'o.ordered_at',
      // Null for most lines: only a mall that takes a shipment's number at once names the shipment.
      db.raw(
        `case when o.mall_account_id in (select id from mall_accounts where mall_type in (${WHOLE_SHIPMENT_MALLS.map(() => '?').join(', ')})) then l.mall_shipment_id end as shipment`,
        [...WHOLE_SHIPMENT_MALLS],
      ),
      db.raw('case when l.gift_rule_id is null then 0 else 1 end as gift'),
    ),
    LINE_FIELDS,
  )) as CandidateLine[];
  for (const l of lines) {
    l.priority = !!l.priority;
    l.gift = !!l.gift;
    if (l.ordered_at && typeof l.ordered_at !== 'string') l.ordered_at = (l.ordered_at as unknown as Date).toISOString();
  }
  return lines;
}

/** The SKUs of these lines (candidateLineRows), with their codes. */
export async function candidateSkus(db: Conn, lines: readonly CandidateLine[]): Promise<CandidateSku[]> {
  // The SKUs of exactly those lines, by their ids (one JSON value on SQLite): cheaper than running the selection
  // again. In no particular order (the caller orders each line's few SKUs by code). The codes are read once per
  // SKU (5,000) rather than joined onto each of 120,000 rows; `code` is a column of the read (null) so every row
  // has its final shape from the start.
  const skus = lines.length
    ? ((await selectPacked(
        db,
        whereIdIn(
          db,
          db('line_skus').select('line_id', 'sku_id', db.raw('null as code'), 'quantity as per_unit'),
          'line_id',
          lines.map((l) => l.id),
        ),
        SKU_FIELDS,
      )) as CandidateSku[])
    : [];
  if (skus.length) {
    const ids = new Set<string>();
    for (const s of skus) ids.add(s.sku_id);
    const codes = new Map(
      ((await selectWhereIn(db, 'skus', 'id', [...ids], ['id', 'code'])) as { id: string; code: string }[]).map((r) => [r.id, r.code]),
    );
    for (const s of skus) s.code = codes.get(s.sku_id)!;
  }
  return skus;
}

/** Locks these lines (PostgreSQL, id order) and answers their versions; lines gone are absent. movedLines' PostgreSQL side. */
async function lockLineVersions(trx: Knex.Transaction, ids: readonly string[]): Promise<Map<string, number>> {
  // One statement, read back packed on SQLite: 100,000 lines in a fraction of the row-by-row read.
  const rows = (await selectWhereIn(trx, 'order_lines', 'id', ids, ['id', 'version'], { lock: true })) as { id: string; version: number }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Of these lines (`[id, version]` as read before), those whose version is another now or that are gone; the lines
 * are locked first on PostgreSQL (id order), then the orders they name. On SQLite (one writer, no row locks) the comparison is made in the
 * database and only the lines that moved come back: 100,000 versions are not read back to be compared here.
 */
/**
 * How an operator knows the orders behind these ids (lines or orders): their mall order numbers (the order id of an
 * order without one), once each, sorted — what a refusal names, never our internal line keys.
 */
export async function orderNumbersOf(trx: Knex.Transaction, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const viaLines = (await whereIdIn(trx, trx('order_lines').select('order_id'), 'id', ids)) as { order_id: string }[];
  const orderIds = [...new Set([...ids, ...viaLines.map((l) => l.order_id)])];
  const rows = (await whereIdIn(trx, trx('orders').select('id', 'mall_order_id'), 'id', orderIds)) as { id: string; mall_order_id: string | null }[];
  return [...new Set(rows.map((r) => r.mall_order_id ?? r.id))].sort();
}

export async function movedLines(trx: Knex.Transaction, lines: readonly (readonly [string, number, ...unknown[]])[]): Promise<string[]> {
  if (!lines.length) return [];
  if (isPostgres(trx as unknown as Db)) {
    const now = await lockLineVersions(
      trx,
      lines.map((l) => l[0]),
    );
    // Then their orders (when the lines name them: `[id, version, order_id]`), before the caller locks stock: the
    // order a transition takes them in (lines, orders, …, stock as a ship settles it), so an apply and an
    // auto-shipping import on the same order wait for each other instead of deadlocking.
    const orderIds = [...new Set(lines.flatMap((l) => (typeof l[2] === 'string' ? [l[2]] : [])))];
    if (orderIds.length) await selectWhereIn(trx, 'orders', 'id', orderIds, ['id'], { lock: true });
    return lines.filter(([id, version]) => now.get(id) !== version).map((l) => l[0]);
  }
  const rows = (await trx.raw(
    // JSONB: each pair is read from its binary form, not parsed again from text for each field.
    `select v.value ->> 0 as id from jsonb_each(jsonb(?)) as v left join order_lines as l on l.id = v.value ->> 0
     where l.version is not v.value ->> 1`,
    [JSON.stringify(lines.map((l) => [l[0], l[1]]))],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * What these lines need of the SKUs whose stock is kept (a row in an active warehouse), for the lines among them
 * that hold no allocation: `[line_id, sku_id, units, gift]`, units = the SKU's per-unit quantity × the line's
 * quantity, gift whether it is a gift line.
 * A shipped line that was never allocated still takes its units off the shelf (settle.ts); SKUs nobody counts stay
 * out of it.
 */
export async function unallocatedNeeds(trx: Knex.Transaction, lineIds: readonly string[]): Promise<[string, string, number, boolean][]> {
  if (!lineIds.length) return [];
  const q = trx('line_skus as ls')
    .join('order_lines as l', 'l.id', 'ls.line_id')
    .select(
      'ls.line_id',
      'ls.sku_id',
      trx.raw('ls.quantity * l.quantity as units'),
      trx.raw('case when l.gift_rule_id is null then 0 else 1 end as gift'),
    )
    .whereNotExists((sub) => sub.select(trx.raw('1')).from('line_allocations as a').whereRaw('a.line_id = ls.line_id'))
    .whereExists((sub) =>
      sub
        .select(trx.raw('1'))
        .from('stock as s')
        .join('warehouses as w', 'w.id', 's.warehouse_id')
        .where('w.active', true)
        .whereRaw('s.sku_id = ls.sku_id'),
    )
    .orderBy(['ls.line_id', 'ls.sku_id']);
  const rows = (await whereIdIn(trx, q, 'ls.line_id', lineIds)) as { line_id: string; sku_id: string; units: number; gift: number | boolean }[];
  return rows.map((r) => [r.line_id, r.sku_id, Number(r.units), !!Number(r.gift)]);
}

/**
 * The gift lines of these lines' orders: a 품절해제 that frees an order's own line frees its gift too (they wait
 * together: OWN_LINES_SETTLED). Which of them still wait for stock is candidates()' to say.
 */
export async function giftsOfOrdersOf(trx: Knex.Transaction, lineIds: readonly string[]): Promise<string[]> {
  if (!lineIds.length) return [];
  const orders = whereIdIn(trx, trx('order_lines').select('order_id'), 'id', lineIds);
  const rows = (await trx('order_lines').whereIn('order_id', orders).whereNotNull('gift_rule_id').select('id').orderBy('id')) as { id: string }[];
  return rows.map((r) => r.id);
}
