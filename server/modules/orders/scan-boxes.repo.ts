// Scan-to-ship's reads of the order tables, for server/modules/scan: a box by its tracking number and its lines
// with their orders (locked, when a verify is about to ship it).
import type { Knex } from 'knex';
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
