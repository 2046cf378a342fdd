// Counts typed on any sheet or kept in a file (상품코드, 창고, 수량, and 사유 when there is one), sent through the file
// pipeline's stock_count template. For the active sheet each row's result goes beside it, in one column after the
// used range (reused by the next run); for a file the pane says how many rows were counted or refused.
import type { z } from 'zod';
import type { stockCountImportResponse } from '../../../../shared/api/stock.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { FileSourceInput } from '../../api/files.ts';
import { importCounts } from '../../api/stock.ts';
import { readActiveSheet, writeResultColumn } from '../../excel/import-sheet.ts';
import type { Progress } from '../../excel/sheets.ts';
import { said, saidJoined, saidText, type Said } from '../said.ts';
import { stockMessages as sm } from './stock-messages.ts';

type ImportAnswer = z.output<typeof stockCountImportResponse>;

const RESULT_TITLES = new Set([sm.import_title.ko, sm.import_title.en]);

/** What one row's result cell says: 반영 / 변경없음 (with a warning if any), or 거부 with the reason. */
export function importResultText(r: ImportAnswer['results'][number], lang: Lang): string {
  return saidText(importResult(r), lang);
}
/** The same, kept as words (the server's reason as it is) for a notice said again when the language switches. */
export function importResult(r: ImportAnswer['results'][number]): Said {
  if (r.result === 'refused') return saidJoined([said(sm.result_refused), r.message ?? r.code ?? ''], ': ');
  // An applied count may still have something to say (below_allocated: its sentence says it was applied).
  return r.message ?? said(r.code === 'unchanged' ? sm.result_unchanged : sm.result_applied);
}

/** Counts the active sheet's rows; results beside them. */
export async function importActiveSheet(api: Api, reason: string, lang: Lang, progress?: Progress): Promise<ImportAnswer> {
  const sheet = await readActiveSheet(progress);
  const answer = await importCounts(api, {
    source: { kind: 'sheet', name: sheet.name, rows: sheet.rows },
    ...(reason.trim() ? { reason: reason.trim() } : {}),
  });
  await writeResultColumn({
    sheet: sheet.name,
    headerRow: answer.header_row,
    title: format(sm.import_title, {}, lang),
    isResultHeader: (text) => RESULT_TITLES.has(text),
    cells: new Map(answer.results.map((r) => [r.row, importResultText(r, lang)])),
  });
  return answer;
}

/** Counts a chosen file's rows. */
export async function importFile(api: Api, source: FileSourceInput, reason: string): Promise<ImportAnswer> {
  return importCounts(api, { source, ...(reason.trim() ? { reason: reason.trim() } : {}) });
}
