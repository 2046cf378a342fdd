// The result file of an invoice import (issue 10 §3, for uploads): the file's own rows, from its header down, with
// a result column (새번호 / 덮어씀 old → new / 변경없음 / 거절: reason). What an apply stores for it is per sheet row
// the outcome, the reference (our box key or the mall's number) and the old and new tracking numbers — never the
// file's other cells, which may carry recipients' names, phones and addresses: those come back from the file the
// operator sends again, so nothing personal is kept for this. A preview's file is made from the preview itself.
import type { InvoiceImportBody } from '../../../shared/api/file-imports.schema.ts';
import type { FileSource } from '../../../shared/api/files.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Cell } from '../../../shared/files/cells.ts';
import type { Cell as ReadCell } from '../../../shared/files/normalise.ts';
import { message, readStoredText, type Text } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { readSource } from '../../files/source.ts';
import { fileImportsMessages as m } from './file-imports.messages.ts';
import { mappedImportRows, runInvoiceImport, sourceName } from './invoice-import.service.ts';
import * as repo from './invoice-import.repo.ts';
import { storedResults, type RowResult } from './invoice-rows.ts';
import { findImportOrFail } from './invoice-undo.ts';

type Outcome = { outcome: RowResult['outcome']; message: Text | null; old: string | null; number: string | null };

/** The result column's text of one row. */
function resultText(r: Outcome): Text {
  switch (r.outcome) {
    case 'new':
      return message(m.result_new, { tracking_number: r.number ?? '' });
    case 'overwrite':
      return message(m.result_overwrite, { old: r.old ?? '', tracking_number: r.number ?? '' });
    case 'unchanged':
      return message(m.result_unchanged);
    default:
      return message(m.result_refused, { reason: r.message ?? '' });
  }
}

/** A sheet laid out for the writer: the header row (plus the result column) and each row after it with its result. */
/** Each row with its row number in the file (what the results' "(14행)" name: the title rows above count too). */
export type ResultSheet = { name: string; header: Cell[]; rows: { row: number; cells: Cell[]; result: Text | null }[] };

/** A cell as read, as it is written back: dates as their day (or time), TRUE/FALSE as text. */
function written(cell: ReadCell | undefined): Cell {
  if (cell === undefined || cell === null || typeof cell === 'string' || typeof cell === 'number') return cell ?? null;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const iso = cell.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function layout(name: string, sheetRows: ReadCell[][], headerRow: number, results: ReadonlyMap<number, Outcome>): ResultSheet {
  const header = sheetRows[headerRow - 1] ?? [];
  const width = Math.max(header.length, ...sheetRows.slice(headerRow).map((r) => r.length));
  const pad = (cells: ReadCell[]) => Array.from({ length: width }, (_, i) => written(cells[i]));
  return {
    name: `${name.replace(/\.[^.]*$/, '')}-결과`,
    header: pad(header),
    rows: sheetRows.slice(headerRow).map((cells, i) => {
      const r = results.get(headerRow + 1 + i);
      return { row: headerRow + 1 + i, cells: pad(cells), result: r ? resultText(r) : null };
    }),
  };
}

/** A preview's result file: the import is previewed (nothing written) and laid over the same file's rows. */
export async function previewResultSheet(db: Db, actor: Actor, body: InvoiceImportBody): Promise<ResultSheet> {
  const answer = await runInvoiceImport(db, actor, body, false);
  const sheet = await readSource(body.source);
  const results = new Map(
    answer.results.map((r) => [r.row, { outcome: r.outcome, message: r.message ?? null, old: r.old_tracking_number, number: r.tracking_number }]),
  );
  return layout(sourceName(body.source), sheet.rows, answer.header_row, results);
}

/**
 * An applied import's result file: its stored results over the file it read, sent again. The file must be that
 * one: every row the import read must name the same reference again (409 otherwise, naming the first row that differs).
 */
export async function appliedResultSheet(db: Db, id: string, source: FileSource): Promise<ResultSheet> {
  const record = await findImportOrFail(db, id);
  const stored = await storedResults(await repo.importResults(db, id));
  if (!stored) throw new AppError('conflict', 'result_not_kept', message(m.result_not_kept));
  const sheet = await readSource(source);
  const { rows: mapped } = await mappedImportRows(db, record.template_id, sheet, record.courier ?? undefined);
  const references = new Map(mapped.map((r) => [r.row, r.reference]));
  const differs = stored.rows.find(([row, , , , reference]) => (references.get(row) ?? null) !== reference);
  if (differs) throw new AppError('conflict', 'result_file_mismatch', message(m.result_file_mismatch, { row: differs[0] }));
  const results = new Map(
    stored.rows.map(([row, outcome, , text, , old, number]) => [row, { outcome, message: readStoredText(text), old, number }] as const),
  );
  return layout(sourceName(source), sheet.rows, stored.header_row, results);
}
