// Order uploads: the batch rows, the link of each order to its batch (which also reserves the order's number for
// its channel, see the migration), and the stored orders an upload's numbers would duplicate.
import type { Knex } from 'knex';
import { insertMany, whereIdIn } from '../../../db/bulk.ts';
import type { Db } from '../../../db/knex.ts';
import { readTogether } from '../../../db/read-together.ts';

type Conn = Db | Knex.Transaction;

export type UploadRow = {
  id: string;
  template_id: string;
  template_name: string;
  source_kind: 'sheet' | 'file';
  source_name: string;
  channel_kind: string | null;
  channel_name: string | null;
  rows_total: number;
  rows_registered: number;
  rows_refused: number;
  orders_created: number;
  lines_created: number;
  created_by: string | null;
  created_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
  delete_reason: string | null;
};

/** PostgreSQL answers timestamps as Dates; the API speaks ISO text on both databases. */
const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();
const toUpload = (r: Record<string, unknown>): UploadRow => ({ ...(r as UploadRow), created_at: iso(r.created_at)!, deleted_at: iso(r.deleted_at) });

/**
 * Orders that hold one of these order numbers, with their channel, for the caller to match: live orders from any
 * source, and uploaded orders whose batch still holds the number (one deleted on its own keeps it until its batch is).
 */
export async function ordersWithNumbers(
  db: Conn,
  numbers: readonly string[],
): Promise<{ id: string; channel_name: string; mall_order_id: string }[]> {
  if (!numbers.length) return [];
  const unique = [...new Set(numbers)];
  const live = whereIdIn(db, db('orders').select('id', 'channel_name', 'mall_order_id').whereNull('deleted_at'), 'mall_order_id', unique);
  const held = whereIdIn(
    db,
    db('order_upload_orders').select('order_id as id', 'channel_name', 'mall_order_key as mall_order_id'),
    'mall_order_key',
    unique,
  );
  const [a, b] = await readTogether(db, [() => live, () => held]);
  return [
    ...(a as { id: string; channel_name: string; mall_order_id: string }[]),
    ...(b as { id: string; channel_name: string; mall_order_id: string }[]),
  ];
}

export async function insertUpload(db: Conn, row: UploadRow): Promise<void> {
  await db('order_uploads').insert(row);
}

/** Links orders to their batch; a number another live upload holds for the channel is a unique violation. */
export async function linkOrders(
  db: Conn,
  rows: readonly { order_id: string; upload_id: string; channel_name: string; mall_order_key: string | null }[],
) {
  await insertMany(db, 'order_upload_orders', rows);
}

export async function insertMemos(db: Conn, rows: readonly { order_id: string; body: string; author_id: string | null; created_at: string }[]) {
  await insertMany(
    db,
    'order_notes',
    rows.map((r) => ({ ...r, kind: 'memo' })),
  );
}

export async function listUploads(db: Conn, options: { limit: number; includeDeleted: boolean }): Promise<UploadRow[]> {
  const q = db('order_uploads').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit);
  if (!options.includeDeleted) q.whereNull('deleted_at');
  return (await q).map(toUpload);
}

/** One batch; under `lock` its row is locked (PostgreSQL) so two deletes of one batch queue up. */
export async function findUpload(db: Conn, id: string, options: { lock?: boolean } = {}): Promise<UploadRow | undefined> {
  const q = db('order_uploads').where({ id }).first();
  const row = (await (options.lock ? q.forUpdate() : q)) as Record<string, unknown> | undefined;
  return row ? toUpload(row) : undefined;
}

export async function orderIdsOf(db: Conn, uploadId: string): Promise<string[]> {
  const rows = (await db('order_upload_orders').where({ upload_id: uploadId }).orderBy('order_id').select('order_id')) as { order_id: string }[];
  return rows.map((r) => r.order_id);
}

/** The orders of a batch with a summary of their lines (count, units, statuses), in creation order. */
export async function ordersOf(db: Conn, uploadId: string) {
  const orders = (await db('order_upload_orders as u')
    .join('orders as o', 'o.id', 'u.order_id')
    .where('u.upload_id', uploadId)
    .orderBy('o.id')
    .select('o.id', 'o.mall_order_id', 'o.channel_name', 'o.total_amount', 'o.deleted_at')) as {
    id: string;
    mall_order_id: string | null;
    channel_name: string;
    total_amount: number;
    deleted_at: unknown;
  }[];
  const lines = (await db('order_upload_orders as u')
    .join('order_lines as l', 'l.order_id', 'u.order_id')
    .where('u.upload_id', uploadId)
    .select('l.order_id', 'l.status', 'l.quantity')) as { order_id: string; status: string; quantity: number }[];
  const summary = new Map<string, { line_count: number; quantity: number; statuses: string[] }>();
  for (const l of lines) {
    const s = summary.get(l.order_id) ?? { line_count: 0, quantity: 0, statuses: [] };
    s.line_count++;
    s.quantity += Number(l.quantity);
    if (!s.statuses.includes(l.status)) s.statuses.push(l.status);
    summary.set(l.order_id, s);
  }
  return orders.map((o) => ({
    ...o,
    total_amount: Number(o.total_amount),
    deleted_at: iso(o.deleted_at),
    ...(summary.get(o.id) ?? { line_count: 0, quantity: 0, statuses: [] }),
  }));
}

/** Marks the batch deleted and gives its order numbers back, so a corrected file can be uploaded again. */
export async function markDeleted(db: Conn, id: string, by: { deleted_at: string; deleted_by: string | null; delete_reason: string }) {
  await db('order_uploads').where({ id }).update(by);
  await db('order_upload_orders').where({ upload_id: id }).update({ mall_order_key: null });
}
