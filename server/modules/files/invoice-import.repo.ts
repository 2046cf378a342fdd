// Invoice imports: the record of each import with what every box it changed carried before (for undo). Set-based:
// a 50,000-row file is a handful of statements. (The lines a file's references name are found by the orders module:
// orders/line-references.repo.ts.)
import type { Knex } from 'knex';
import { insertMany } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

export type ImportRecord = {
  id: string;
  batch_id: string;
  created_by: string | null;
  created_at: string;
  template_id: string;
  source_kind: string;
  source_name: string;
  courier: string | null;
  overwrite: boolean;
  all_or_nothing: boolean;
  rows: number;
  new_count: number;
  overwrite_count: number;
  unchanged_count: number;
  refused_count: number;
  results: string | null;
  undone_at: string | null;
  undone_by: string | null;
  undo_batch_id: string | null;
};

export type ImportBoxRecord = {
  import_id: string;
  box_id: string;
  row: number;
  old_courier: string | null;
  old_tracking_number: string | null;
  old_send_status: string | null;
  old_sent_at: string | null;
  box_version_after: number | null;
  /** JSON [{ id, status, version }]. */
  lines: string;
};

export async function insertImport(db: Conn, record: ImportRecord, boxes: ImportBoxRecord[]): Promise<void> {
  await db('invoice_imports').insert(record);
  await insertMany(db, 'invoice_import_boxes', boxes);
}

const bool = (v: unknown) => v === true || v === 1 || v === '1';
const toRecord = (r: ImportRecord): ImportRecord => ({ ...r, overwrite: bool(r.overwrite), all_or_nothing: bool(r.all_or_nothing) });

export async function findImport(db: Conn, id: string): Promise<ImportRecord | undefined> {
  const row = (await db('invoice_imports').where({ id }).first()) as ImportRecord | undefined;
  return row && toRecord(row);
}

/** Newest first. */
export async function listImports(db: Db, limit: number): Promise<ImportRecord[]> {
  const rows = (await db('invoice_imports').select('*').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit)) as ImportRecord[];
  return rows.map(toRecord);
}

export async function importBoxes(db: Conn, importId: string): Promise<ImportBoxRecord[]> {
  return db('invoice_import_boxes').where({ import_id: importId }).orderBy('id');
}

export async function markUndone(db: Conn, id: string, patch: Pick<ImportRecord, 'undone_at' | 'undone_by' | 'undo_batch_id'>): Promise<void> {
  await db('invoice_imports').where({ id }).update(patch);
}
