// Merge-packing's reads and its own records: the lines on the shipping desk that may merge, with their orders'
// recipients, and the merge batches (undo records) and rejected review groups. Lines and boxes themselves are
// changed through the orders module's working set.
import type { Knex } from 'knex';
import { insertMany, whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

// The desk's lines are order tables: the orders module reads them.
export { candidateLines, deskNames, type CandidateRow, type DeskName } from '../orders/merge-candidates.repo.ts';

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
