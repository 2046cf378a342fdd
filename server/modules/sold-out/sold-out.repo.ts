// The sold-out list's catalogue reads: the SKUs each line needs and the stock those SKUs have available over all
// warehouses (on hand − allocated, summed). The order lines themselves are read in the orders module
// (orders/sold-out-lines.repo.ts).
import type { Knex } from 'knex';
import { whereIdIn } from '../../db/bulk.ts';
import { isPostgres, type Db } from '../../db/knex.ts';

type Conn = Db | Knex.Transaction;

export type LineSkuRow = { line_id: string; sku_id: string; code: string; name: string; status: string; per_unit: number };

/** The SKUs each of these lines needs (its own copy of its match), in SKU code order. */
export async function skusOfLines(db: Conn, lineIds: readonly string[]): Promise<LineSkuRow[]> {
  if (!lineIds.length) return [];
  const q = db('line_skus as ls')
    .join('skus as s', 's.id', 'ls.sku_id')
    .select('ls.line_id', 'ls.sku_id', 's.code', 's.name', 's.status', 'ls.quantity as per_unit')
    .orderBy('s.code');
  return (await whereIdIn(db, q, 'ls.line_id', lineIds)) as LineSkuRow[];
}

/**
 * Ids of the forced sold-out (강제품절) SKUs these lines need. With no SKU forced sold-out at all — the usual case —
 * it answers after one short look-up instead of a pass over the lines (every collect page comes through here).
 */
export async function forcedSkusOfLines(db: Conn, lineIds: readonly string[]): Promise<string[]> {
  if (!lineIds.length || !(await db('skus').first('id').where('status', 'sold_out'))) return [];
  const q = db('line_skus as ls').join('skus as s', 's.id', 'ls.sku_id').distinct('ls.sku_id').where('s.status', 'sold_out');
  return ((await whereIdIn(db, q, 'ls.line_id', lineIds)) as { sku_id: string }[]).map((r) => r.sku_id);
}

/** Available stock (on hand − allocated over every warehouse) of each of these SKUs; a SKU without stock rows has 0. */
export async function availableBySku(db: Conn, skuIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(skuIds.map((id) => [id, 0]));
  if (!skuIds.length) return out;
  const q = db('stock').select('sku_id', db.raw('sum(on_hand - allocated) as available')).groupBy('sku_id');
  for (const row of (await whereIdIn(db, q, 'sku_id', [...new Set(skuIds)])) as { sku_id: string; available: number | string }[]) {
    out.set(row.sku_id, Number(row.available));
  }
  return out;
}

/**
 * Waits for any other 품절해제 to commit (PostgreSQL; SQLite has one writer anyway): a release reads what earlier
 * releases took, so two at once must not both count the same stock. Taken first, before any row lock, so it cannot
 * deadlock with them.
 */
export async function releaseTurn(trx: Knex.Transaction): Promise<void> {
  if (isPostgres(trx as unknown as Db)) await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['sold_out_release']);
}
