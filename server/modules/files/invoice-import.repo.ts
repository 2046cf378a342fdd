// Invoice imports: the record of each import with what every box it changed carried before (for undo). Set-based:
// a 50,000-row file is a handful of statements. (The lines a file's references name are found by the orders module:
// orders/line-references.repo.ts.)
import type { Knex } from 'knex';
import type { Db } from '../../db/knex.ts';
import { unpackText } from '../../db/packed-text.ts';

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

/** A line of a box an import changed: its status before and its version right after the import. */
export type LineAfter = { id: string; status: string; version: number };

export type ImportBoxRecord = {
  box_id: string;
  row: number;
  old_courier: string | null;
  old_tracking_number: string | null;
  old_send_status: string | null;
  old_sent_at: string | null;
  box_version_after: number | null;
  lines: LineAfter[];
};

type PackedBox = [string, number, string | null, string | null, string | null, string | null, number | null, [string, string, number][]];

/** A box of the undo record as it is packed into the import's row (importBoxes unpacks it). */
export function packBox(b: ImportBoxRecord): PackedBox {
  return [
    b.box_id,
    b.row,
    b.old_courier,
    b.old_tracking_number,
    b.old_send_status,
    b.old_sent_at,
    b.box_version_after,
    b.lines.map((l) => [l.id, l.status, l.version]),
  ];
}

/**
 * The import and its undo record — its boxes packed (packBox) as one JSON array, `undoBoxes` (packed-text.ts), on the import's row:
 * one statement however many boxes (50,000 rows of invoice_import_boxes took longer than the numbers themselves).
 */
export async function insertImport(db: Conn, record: ImportRecord, undoBoxes: string): Promise<void> {
  await db('invoice_imports').insert({ ...record, undo_boxes: undoBoxes });
}

const bool = (v: unknown) => v === true || v === 1 || v === '1';
const toRecord = <R extends ImportSummary>(r: R): R => ({ ...r, overwrite: bool(r.overwrite), all_or_nothing: bool(r.all_or_nothing) });

/**
 * An import as the list, an undo and a result file read it: without its per-row results (megabytes for a 50,000-row
 * file; only the applied import's result file reads them, through importResults) nor its undo record (importBoxes).
 */
export type ImportSummary = Omit<ImportRecord, 'results'>;
const SUMMARY_FIELDS: Record<keyof ImportSummary, true> = {
  id: true,
  batch_id: true,
  created_by: true,
  created_at: true,
  template_id: true,
  source_kind: true,
  source_name: true,
  courier: true,
  overwrite: true,
  all_or_nothing: true,
  rows: true,
  new_count: true,
  overwrite_count: true,
  unchanged_count: true,
  refused_count: true,
  undone_at: true,
  undone_by: true,
  undo_batch_id: true,
};
const SUMMARY_COLUMNS = Object.keys(SUMMARY_FIELDS);

/** One import; under `lock` its row is locked (PostgreSQL) so two undos of one import queue up. */
export async function findImport(db: Conn, id: string, options: { lock?: boolean } = {}): Promise<ImportSummary | undefined> {
  const q = db('invoice_imports').select(SUMMARY_COLUMNS).where({ id }).first();
  const row = (await (options.lock ? q.forUpdate() : q)) as ImportSummary | undefined;
  return row && toRecord(row);
}

/** An import's per-row results as stored (invoice-rows.ts storeResults), or null when it kept none. */
export async function importResults(db: Conn, id: string): Promise<string | null> {
  const row = (await db('invoice_imports').select('results').where({ id }).first()) as { results: string | null } | undefined;
  return row?.results ?? null;
}

/** Newest first. */
export async function listImports(db: Db, limit: number): Promise<ImportSummary[]> {
  const rows = (await db('invoice_imports')
    .select(SUMMARY_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)) as ImportSummary[];
  return rows.map(toRecord);
}

/** What every box an import changed carried before, in sheet-row order of the record. */
export async function importBoxes(db: Conn, importId: string): Promise<ImportBoxRecord[]> {
  const row = (await db('invoice_imports').select('undo_boxes').where({ id: importId }).first()) as { undo_boxes: string | null } | undefined;
  if (row?.undo_boxes) {
    return (JSON.parse(await unpackText(row.undo_boxes)) as PackedBox[]).map(
      ([box_id, r, old_courier, old_tracking_number, old_send_status, old_sent_at, after, lines]) => ({
        box_id,
        row: r,
        old_courier,
        old_tracking_number,
        old_send_status,
        old_sent_at,
        box_version_after: after,
        lines: lines.map(([id, status, version]) => ({ id, status, version })),
      }),
    );
  }
  // Imports recorded before the packed record (20261126051000) keep a row per box.
  const rows = (await db('invoice_import_boxes').where({ import_id: importId }).orderBy('id')) as (Omit<ImportBoxRecord, 'lines'> & {
    lines: string;
  })[];
  return rows.map((r) => ({
    box_id: r.box_id,
    row: r.row,
    old_courier: r.old_courier,
    old_tracking_number: r.old_tracking_number,
    old_send_status: r.old_send_status,
    old_sent_at: r.old_sent_at,
    box_version_after: r.box_version_after,
    lines: JSON.parse(r.lines) as LineAfter[],
  }));
}

export async function markUndone(db: Conn, id: string, patch: Pick<ImportRecord, 'undone_at' | 'undone_by' | 'undo_batch_id'>): Promise<void> {
  await db('invoice_imports').where({ id }).update(patch);
}
