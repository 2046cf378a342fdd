// Invoice imports: finding the lines a file's references name, and the record of each import with what every box
// it changed carried before (for undo). Set-based: a 50,000-row file is a handful of statements.
import type { Knex } from 'knex';
import type { InvoiceReference } from '../../../shared/files/templates.ts';
import { insertMany, selectWhereIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

/** The lines each reference value names: a box's lines, an order's lines, or one line; and for orders, which. */
export type Resolved = Map<string, { lineIds: string[]; orderIds: Set<string> }>;

type FoundLine = { id: string; order_id: string; box_id: string | null; mall_line_id: string | null };
const LINE = ['id', 'order_id', 'box_id', 'mall_line_id'];

export async function resolveReferences(db: Conn, reference: InvoiceReference, values: readonly string[]): Promise<Resolved> {
  const out: Resolved = new Map();
  const add = (key: string, line: FoundLine) => {
    const entry = out.get(key) ?? { lineIds: [], orderIds: new Set<string>() };
    entry.lineIds.push(line.id);
    entry.orderIds.add(line.order_id);
    out.set(key, entry);
  };
  if (reference === 'box_key' || reference === 'mall_line_id') {
    const column = reference === 'box_key' ? 'box_id' : 'mall_line_id';
    const lines = (await selectWhereIn(db, 'order_lines', column, values, LINE)) as FoundLine[];
    for (const line of lines) add(String(line[column]), line);
    return out;
  }
  const orders = (await selectWhereIn(db, 'orders', 'mall_order_id', values, ['id', 'mall_order_id', 'deleted_at'])) as {
    id: string;
    mall_order_id: string;
    deleted_at: string | null;
  }[];
  const live = orders.filter((o) => !o.deleted_at);
  const orderNumber = new Map(live.map((o) => [o.id, o.mall_order_id]));
  const lines = (await selectWhereIn(
    db,
    'order_lines',
    'order_id',
    live.map((o) => o.id),
    LINE,
  )) as FoundLine[];
  for (const line of lines) add(orderNumber.get(line.order_id)!, line);
  return out;
}

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
