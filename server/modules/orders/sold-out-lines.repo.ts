// The order lines the sold-out flag is about (server/modules/sold-out decides what they mean): waiting lines of
// forced sold-out SKUs, and the flagged lines as the sold-out list shows them. Order tables are queried only here,
// in the orders module.
import type { Knex } from 'knex';
import { whereIdIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';
import { PRE_SHIPMENT_STATUSES } from '../../../shared/lifecycle.ts';

type Conn = Db | Knex.Transaction;

/** Statuses of lines still waiting to be released or picked: the ones a sold-out SKU stops. */
export const WAITING_STATUSES = ['PAID', 'NEW', 'READY'] as const;

/**
 * Ids of waiting, not yet flagged lines of live orders that need one of these SKUs while it is forced sold-out, as a
 * subquery (the caller locks and reads the lines themselves).
 */
export function waitingLinesOfSoldOutSkus(db: Conn, skuIds: readonly string[]): Knex.QueryBuilder {
  const skus = whereIdIn(db, db('skus').select('id').where('status', 'sold_out'), 'id', skuIds);
  return db('order_lines as l')
    .select('l.id')
    .join('orders as o', 'o.id', 'l.order_id')
    .whereNull('o.deleted_at')
    .whereIn('l.status', [...WAITING_STATUSES])
    .where('l.sold_out', false)
    .whereIn('l.id', db('line_skus').select('line_id').whereIn('sku_id', skus));
}

/**
 * The flagged lines that still matter: of live orders, the goods not gone yet. A sold-out line canceled since (or
 * claimed) needs no stock fix and no release; the status board's 품절 count leaves it out the same way.
 */
function flagged(db: Conn): Knex.QueryBuilder {
  return db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .whereNull('o.deleted_at')
    .where('l.sold_out', true)
    .whereIn('l.status', [...PRE_SHIPMENT_STATUSES]);
}

/** Ids of every flagged line that still matters, as a subquery. */
export function soldOutLineIds(db: Conn): Knex.QueryBuilder {
  return flagged(db).select('l.id');
}

export type SoldOutLineRow = {
  line_id: string;
  line_version: number;
  order_id: string;
  mall_order_id: string | null;
  channel_name: string;
  status: string;
  product_name: string;
  option_text: string | null;
  quantity: number;
  sku_code: string | null;
};

/** Flagged lines that still matter, oldest order first, keyset-paged on (order_id, line id); `lineIds` narrows them. */
export async function soldOutLines(
  db: Conn,
  page: { after?: [string, string] | undefined; limit: number; lineIds?: readonly string[] | undefined },
): Promise<SoldOutLineRow[]> {
  const q = flagged(db)
    .select(
      'l.id as line_id',
      'l.version as line_version',
      'l.order_id',
      'o.mall_order_id',
      'o.channel_name',
      'l.status',
      'l.product_name',
      'l.option_text',
      'l.quantity',
      'l.sku_code',
    )
    .orderBy([
      { column: 'l.order_id', order: 'asc' },
      { column: 'l.id', order: 'asc' },
    ])
    .limit(page.limit);
  if (page.after) q.whereRaw('(l.order_id, l.id) > (?, ?)', page.after);
  if (page.lineIds) whereIdIn(db, q, 'l.id', page.lineIds);
  return (await q) as SoldOutLineRow[];
}

/**
 * Units of these SKUs still taken by lines released from sold-out (a `releaseAction` row in their history) that
 * hold no allocation: lines of live orders, not flagged again, not shipped yet (PRE_SHIPMENT_STATUSES). Such a line
 * will take its units off the shelf when it ships, so the stock it was released against is not there for the next
 * release. A line allocated since counts in `stock.allocated` instead; a line gone (shipped, canceled, deleted,
 * flagged again) takes nothing. Per SKU; SKUs no such line needs are absent.
 */
export async function unallocatedReleasedUnits(db: Conn, skuIds: readonly string[], releaseAction: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!skuIds.length) return out;
  const q = db('line_skus as ls')
    .join('order_lines as l', 'l.id', 'ls.line_id')
    .join('orders as o', 'o.id', 'l.order_id')
    .select('ls.sku_id', db.raw('sum(ls.quantity * l.quantity) as units'))
    .whereNull('o.deleted_at')
    .where('l.sold_out', false)
    .whereIn('l.status', [...PRE_SHIPMENT_STATUSES])
    .whereNotExists(db('line_allocations as a').select(db.raw('1')).whereRaw('a.line_id = l.id'))
    .whereExists(
      db('status_history as h').select(db.raw('1')).whereRaw('h.entity_id = l.id').where({ 'h.entity': 'line', 'h.action': releaseAction }),
    )
    .groupBy('ls.sku_id');
  for (const row of (await whereIdIn(db, q, 'ls.sku_id', [...new Set(skuIds)])) as { sku_id: string; units: number | string }[]) {
    out.set(row.sku_id, Number(row.units));
  }
  return out;
}

export async function countSoldOutLines(db: Conn): Promise<number> {
  const [row] = (await flagged(db).count({ n: '*' })) as { n: number | string }[];
  return Number(row?.n ?? 0);
}
