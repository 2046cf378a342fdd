// Merge-packing's reads and its own records: the lines on the shipping desk that may merge, with their orders'
// recipients, and the merge batches (undo records) and rejected review groups. Lines and boxes themselves are
// changed through the orders module's working set.
import type { Knex } from 'knex';
import { CLAIM_STATUSES } from '../../../shared/lifecycle.ts';
import { insertMany, selectPacked, whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

/** A line that may merge, with what its order says of the recipient. */
export type CandidateRow = {
  line_id: string;
  order_id: string;
  box_id: string | null;
  product_name: string;
  option_text: string | null;
  quantity: number;
  order_version: number;
  mall_order_id: string | null;
  channel_name: string;
  recipient_name: string | null;
  recipient_phone: string | null;
  recipient_mobile: string | null;
  recipient_zip: string | null;
  recipient_address1: string | null;
  recipient_address2: string | null;
  line_no: number;
};

const FIELDS = [
  'line_id',
  'order_id',
  'box_id',
  'product_name',
  'option_text',
  'quantity',
  'order_version',
  'mall_order_id',
  'channel_name',
  'recipient_name',
  'recipient_phone',
  'recipient_mobile',
  'recipient_zip',
  'recipient_address1',
  'recipient_address2',
  'line_no',
];

const CLAIMED = Object.values(CLAIM_STATUSES).map((s) => s.requested);

/**
 * The shipping desk's lines that may merge: released (READY), in no box or a box without a number, not sold out or
 * unmatched, of orders not held, merge-locked, deleted or with a line under a claim; in no particular order (sorting
 * 100,000 rows in SQL cost more than the plan itself: the caller groups them by order).
 */
export async function candidateLines(db: Conn): Promise<CandidateRow[]> {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .leftJoin('boxes as b', 'b.id', 'l.box_id')
    .where('l.status', 'READY')
    .whereNull('b.tracking_number')
    .where('l.sold_out', false)
    .where('l.unmatched', false)
    .where('o.hold', false)
    .where('o.merge_locked', false)
    .whereNull('o.deleted_at')
    .whereNotExists(db('order_lines as c').select(db.raw('1')).whereRaw('c.order_id = o.id').whereIn('c.status', CLAIMED))
    .select(
      'l.id as line_id',
      'l.order_id',
      'l.box_id',
      'l.product_name',
      'l.option_text',
      'l.quantity',
      'o.version as order_version',
      'o.mall_order_id',
      'o.channel_name',
      'o.recipient_name',
      'o.recipient_phone',
      'o.recipient_mobile',
      'o.recipient_zip',
      'o.recipient_address1',
      'o.recipient_address2',
      'l.line_no',
    );
  return (await selectPacked(db, q, FIELDS)) as CandidateRow[];
}

export type BatchRow = {
  id: string;
  source: 'manual' | 'auto';
  groups: number;
  lines: number;
  undo: string;
  created_by: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_batch_id: string | null;
};

export async function insertBatch(db: Conn, row: BatchRow): Promise<void> {
  await db('merge_batches').insert(row);
}

/** A batch, its row locked on PostgreSQL with `lock` (two undos at once: the second waits and sees the first). */
export async function findBatch(db: Conn, id: string, options: { lock?: boolean } = {}): Promise<BatchRow | undefined> {
  const q = db('merge_batches').where({ id }).first();
  return options.lock && isPostgres(db as Knex) ? q.forUpdate() : q;
}

export async function markUndone(db: Conn, id: string, patch: Pick<BatchRow, 'undone_at' | 'undone_by' | 'undo_batch_id'>): Promise<void> {
  await db('merge_batches').where({ id }).update(patch);
}

/** Newest first, without their undo records. */
export async function listBatches(db: Conn, limit: number): Promise<Omit<BatchRow, 'undo'>[]> {
  return db('merge_batches')
    .select('id', 'source', 'groups', 'lines', 'created_by', 'created_at', 'undone_at', 'undone_by', 'undo_batch_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
}

/** The keys of rejected review groups (see rejectionKey in the service). */
export async function rejectedKeys(db: Conn): Promise<Set<string>> {
  const rows = (await db('merge_rejections').select('orders_key')) as { orders_key: string }[];
  return new Set(rows.map((r) => r.orders_key));
}

export async function insertRejections(db: Conn, rows: { orders_key: string; batch_id: string; order_ids: string }[]): Promise<void> {
  if (!rows.length) return;
  const known = await rejectedKeysAmong(
    db,
    rows.map((r) => r.orders_key),
  );
  await insertMany(
    db,
    'merge_rejections',
    rows.filter((r) => !known.has(r.orders_key)),
  );
}

async function rejectedKeysAmong(db: Conn, keys: string[]): Promise<Set<string>> {
  const rows = (await whereIdIn(db, db('merge_rejections').select('orders_key'), 'orders_key', keys)) as { orders_key: string }[];
  return new Set(rows.map((r) => r.orders_key));
}

export async function deleteRejections(db: Conn, batchId: string): Promise<void> {
  await db('merge_rejections').where({ batch_id: batchId }).delete();
}
