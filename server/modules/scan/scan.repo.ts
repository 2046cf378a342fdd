// Reads of scan-to-ship: a box by its number, its lines with their orders, the SKUs (and barcodes) they need, and
// which catalogue SKU a scanned code names. Writes go through the orders engine (ship, hold).
import type { Knex } from 'knex';
import { whereIdIn } from '../../db/bulk.ts';
import { isPostgres, type Db } from '../../db/knex.ts';

type Conn = Db | Knex.Transaction;

export type BoxRow = { id: string; courier: string | null; tracking_number: string | null; version: number };
export type BoxLineRow = {
  line_id: string;
  order_id: string;
  version: number;
  status: string;
  product_name: string;
  option_text: string | null;
  quantity: number;
  mall_order_id: string | null;
  order_version: number;
  hold: boolean | number;
  deleted_at: unknown;
};
export type LineSkuRow = { line_id: string; sku_id: string; code: string; name: string; per_unit: number };

/** Boxes carrying this number (any courier; usually one). */
export async function boxesByNumber(db: Conn, number: string): Promise<BoxRow[]> {
  return (await db('boxes').select('id', 'courier', 'tracking_number', 'version').where('tracking_number', number).orderBy('id')) as BoxRow[];
}

export async function boxById(db: Conn, id: string): Promise<BoxRow | undefined> {
  return (await db('boxes').first('id', 'courier', 'tracking_number', 'version').where({ id })) as BoxRow | undefined;
}

/**
 * The box's lines with their orders. `lock`: the lines are locked first (PostgreSQL, id order — the engine's order:
 * lines, then orders, then boxes), so nothing changes them between this check and the shipment.
 */
export async function linesOfBox(db: Conn, boxId: string, lock = false): Promise<BoxLineRow[]> {
  if (lock && isPostgres(db as Db)) await db('order_lines').select('id').where('box_id', boxId).orderBy('id').forUpdate();
  return (await db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .select(
      'l.id as line_id',
      'l.order_id',
      'l.version',
      'l.status',
      'l.product_name',
      'l.option_text',
      'l.quantity',
      'o.mall_order_id',
      'o.version as order_version',
      'o.hold',
      'o.deleted_at',
    )
    .where('l.box_id', boxId)
    .orderBy(['l.order_id', 'l.line_no'])) as BoxLineRow[];
}

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
