// An import's answer written where the operator reads it: for the active sheet, one result cell beside each row
// (a column after the used range, reused by the next run); for an uploaded file, a "가져오기결과" sheet with the
// file's row numbers and what the server read from them. The texts are pure; the writes go through excel/.
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { InvoiceImportAnswer, OrderUploadAnswer } from '../../api/files.ts';
import { columnLetter } from '../../sheet/column-letter.ts';
import { writeResultColumn } from '../../excel/import-sheet.ts';
import { writeTable, type Progress } from '../../excel/sheets.ts';
import { courierLabel } from '../../sheet/cells.ts';
import { fileMessages as fm, type FileMessage } from './files-messages.ts';

type InvoiceRow = InvoiceImportAnswer['results'][number];
type UploadRow = OrderUploadAnswer['rows'][number];

const say = (key: FileMessage, params: Record<string, string | number>, lang: Lang) => format(fm[key], params, lang);

/** new / overwrite old → new / unchanged / refused: reason — and, for a number taken, what to check in it. */
export function invoiceResultText(r: InvoiceRow, lang: Lang): string {
  // A number accepted with a doubt (its check digit, say) carries it beside the row, where it can be checked.
  const warned = (text: string) => (r.warnings?.length ? `${text} — ${r.warnings.join('; ')}` : text);
  switch (r.outcome) {
    case 'new':
      return warned(say('out_new', { tracking: r.tracking_number ?? '' }, lang));
    case 'overwrite':
      return warned(say('out_overwrite', { old: r.old_tracking_number ?? '', new: r.tracking_number ?? '' }, lang));
    case 'unchanged':
      return r.message ? `${say('out_unchanged', {}, lang)} (${r.message})` : say('out_unchanged', {}, lang);
    case 'refused':
      return say('out_refused', { reason: r.message ?? r.code ?? '' }, lang);
  }
}

export function uploadResultText(r: UploadRow, lang: Lang): string {
  const reason = r.reasons.join('; ');
  if (r.result === 'ok') {
    const text = say('out_ok', { order: r.order ?? '' }, lang);
    return r.notes.length ? `${text} — ${r.notes.join('; ')}` : text;
  }
  return say(r.result === 'invalid' ? 'out_invalid' : 'out_duplicate', { reason }, lang);
}

/** A header cell that is one of our result columns (either language, preview or applied). */
export function isResultHeader(text: string): boolean {
  return [fm.result_title, fm.result_title_preview].some((m) => text === m.ko || text === m.en);
}

export type ImportAnswer = { kind: 'invoice'; answer: InvoiceImportAnswer } | { kind: 'order'; answer: OrderUploadAnswer };

/** 1-based sheet row → the row's result text. */
export function resultCells(result: ImportAnswer, lang: Lang): Map<number, string> {
  if (result.kind === 'invoice') return new Map(result.answer.results.map((r) => [r.row, invoiceResultText(r, lang)]));
  return new Map(result.answer.rows.map((r) => [r.row, uploadResultText(r, lang)]));
}

/** The result sheet of an uploaded file: the row number, the result, and what the server read from the row. */
export function resultTable(result: ImportAnswer, lang: Lang): { header: string[]; rows: string[][] } {
  const h = (key: FileMessage) => say(key, {}, lang);
  if (result.kind === 'invoice') {
    return {
      header: [h('col_row'), h('result_title'), h('col_reference'), h('col_courier'), h('col_tracking')],
      rows: result.answer.results.map((r) => [
        String(r.row),
        invoiceResultText(r, lang),
        r.reference ?? '',
        r.courier ? courierLabel(r.courier, lang) : '',
        r.tracking_number ?? '',
      ]),
    };
  }
  return {
    header: [h('col_row'), h('result_title'), h('col_order')],
    rows: result.answer.rows.map((r) => [String(r.row), uploadResultText(r, lang), r.order === null ? '' : String(r.order)]),
  };
}

export type Written = { sheet: string; column?: string };

/**
 * Writes the results: beside the rows of the sheet they came from (`sheet`), or onto the result sheet for a file.
 * `preview` titles the column so a preview is never taken for an applied import.
 */
export async function writeImportResults(
  target: { sheet: string } | { file: true },
  result: ImportAnswer,
  preview: boolean,
  lang: Lang,
  progress?: Progress,
): Promise<Written> {
  if ('sheet' in target) {
    const column = await writeResultColumn(
      {
        sheet: target.sheet,
        headerRow: result.answer.header_row,
        title: say(preview ? 'result_title_preview' : 'result_title', {}, lang),
        isResultHeader,
        cells: resultCells(result, lang),
      },
      progress,
    );
    return { sheet: target.sheet, column: columnLetter(column) };
  }
  const { header, rows } = resultTable(result, lang);
  const name = say('result_sheet', {}, lang);
  // Row numbers, references and tracking numbers stay text: a 12-digit number would otherwise become a number.
  await writeTable({ name, header, rows, textColumns: header.map((_, i) => i), headerTools: true, activate: true }, progress);
  return { sheet: name };
}

/**
 * The sheet's rows without a result column an earlier run wrote (found by its title in the first rows): its cells
 * are blanked, not removed, so every row keeps its number and every other cell its column.
 */
export function withoutResultColumn<T>(rows: readonly (readonly T[])[]): (T | '')[][] {
  const columns = new Set<number>();
  for (const row of rows.slice(0, 50)) row.forEach((cell, c) => typeof cell === 'string' && isResultHeader(cell.trim()) && columns.add(c));
  if (!columns.size) return rows.map((row) => [...row]);
  return rows.map((row) => row.map((cell, c) => (columns.has(c) ? '' : cell)));
}
