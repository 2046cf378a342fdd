// Scan-to-ship's catalogue reads: the SKUs (and barcodes) a box's lines need, and which catalogue SKU a scanned code
// names. The box and its lines are read in the orders module (orders/scan-boxes.repo.ts); writes go through the
// orders engine (ship, hold).
import type { Knex } from 'knex';
import { whereIdIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';

type Conn = Db | Knex.Transaction;

export type LineSkuRow = { line_id: string; sku_id: string; code: string; name: string; per_unit: number };

/** The SKUs each line needs per unit (its own copy of its match). */
export async function skusOfLines(db: Conn, lineIds: readonly string[]): Promise<LineSkuRow[]> {
  if (!lineIds.length) return [];
  const q = db('line_skus as ls')
    .join('skus as s', 's.id', 'ls.sku_id')
    .select('ls.line_id', 'ls.sku_id', 's.code', 's.name', 'ls.quantity as per_unit')
    .orderBy('s.code');
  return (await whereIdIn(db, q, 'ls.line_id', lineIds)) as LineSkuRow[];
}

/** Each SKU's barcodes. */
export async function barcodesOf(db: Conn, skuIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!skuIds.length) return out;
  const q = db('sku_barcodes').select('sku_id', 'barcode').orderBy('barcode');
  for (const r of (await whereIdIn(db, q, 'sku_id', [...new Set(skuIds)])) as { sku_id: string; barcode: string }[]) {
    out.set(r.sku_id, [...(out.get(r.sku_id) ?? []), r.barcode]);
  }
  return out;
}

/** The catalogue SKU code each of these scanned codes names (a barcode, or a SKU code itself), keyed upper case. */
export async function skuCodesOfScans(db: Conn, codes: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = [...new Set(codes.flatMap((c) => [c, c.toUpperCase()]))];
  if (!wanted.length) return out;
  const barcodeQuery = db('sku_barcodes as b').join('skus as s', 's.id', 'b.sku_id').select('b.barcode as scan', 's.code');
  const byBarcode = (await whereIdIn(db, barcodeQuery, 'b.barcode', wanted)) as { scan: string; code: string }[];
  const byCode = (await whereIdIn(db, db('skus').select('code as scan', 'code'), 'code', wanted)) as { scan: string; code: string }[];
  for (const r of [...byCode, ...byBarcode]) out.set(r.scan.toUpperCase(), r.code);
  return out;
}
