// 시트로 검수: the active sheet as a scanner that types into Excel fills it — a header row with 송장번호 and 바코드,
// then one scan per row (the number repeated, or only on a box's first row) — verified on the server, each row's
// result written beside it.
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { verifyScanSheet } from '../../api/scan.ts';
import { readActiveSheet, writeResultColumn } from '../../excel/import-sheet.ts';
import { textOf, type CellValue } from '../../sheet/cells.ts';
import { scanPaneMessages as m, scanResultLabels } from './scan-messages.ts';

const NUMBER_HEADERS = ['송장번호', '운송장번호', 'tracking number', 'tracking'];
const BARCODE_HEADERS = ['바코드', 'barcode'];

/** The header row (0-based) and the two columns, from the first row naming both; null when none does. */
export function findScanColumns(rows: readonly (readonly CellValue[])[]): { header: number; number: number; barcode: number } | null {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const cells = (rows[r] ?? []).map((c) => textOf(c).toLowerCase());
    const number = cells.findIndex((c) => NUMBER_HEADERS.includes(c));
    const barcode = cells.findIndex((c) => BARCODE_HEADERS.includes(c));
    if (number >= 0 && barcode >= 0) return { header: r, number, barcode };
  }
  return null;
}

export async function verifyActiveSheet(api: Api, lang: Lang) {
  const sheet = await readActiveSheet();
  const cols = findScanColumns(sheet.rows);
  if (!cols) throw new Error(format(m.sc_sheet_no_header, {}, lang));
  const body = sheet.rows.slice(cols.header + 1);
  if (!body.length) throw new Error(format(m.sc_sheet_no_header, {}, lang));
  const answer = await verifyScanSheet(api, {
    rows: body.map((r) => ({ tracking_number: textOf(r[cols.number]) || null, barcode: textOf(r[cols.barcode]) || null })),
  });
  const cells = new Map<number, string>();
  for (const r of answer.rows) {
    if (r.result === 'blank') continue;
    const label = format(scanResultLabels[r.result], {}, lang);
    const box = r.box_result
      ? format(scanResultLabels[r.box_result as keyof typeof scanResultLabels] ?? { ko: r.box_result, en: r.box_result }, {}, lang)
      : '';
    // 1-based sheet row: the header's row + 1 + the row's place in the body.
    cells.set(cols.header + 2 + r.row, [label, box && box !== label ? `(${box})` : '', r.message].filter(Boolean).join(' '));
  }
  const title = format(m.sc_result_title, {}, lang);
  await writeResultColumn({
    sheet: sheet.name,
    headerRow: cols.header + 1,
    title,
    isResultHeader: (text) => text === m.sc_result_title.ko || text === m.sc_result_title.en,
    cells,
  });
  return { boxes: answer.boxes.length, shipped: answer.shipped };
}
