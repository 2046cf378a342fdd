// XLSX out, streamed: exceljs' streaming WorkbookWriter commits each row as it comes, so a 50,000-line export
// does not build the workbook in memory (bench/order-export.bench.ts measures it). Strings are written as text
// cells (inline, without a shared-strings table that would grow with every distinct address), numbers as numbers;
// a string a spreadsheet would take for a formula keeps its text and gets the text format (shared/files/cells.ts).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCell, startsLikeFormula, typedCell, type FileColumn } from '../../shared/files/cells.ts';
import { letDrain, ROWS_PER_TURN, type RowSource } from './flow.ts';

export type XlsxOptions = { sheetName: string; columns: readonly FileColumn[]; rows: RowSource };

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetNameOf(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return clean === '' ? 'Sheet1' : clean;
}

/** Writes one sheet (a header row, then the rows) to `out` and ends it. Resolves with the number of data rows. */
export async function writeXlsx(out: Writable, options: XlsxOptions): Promise<{ rows: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetNameOf(options.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((c, i) => ({
    key: String(i),
    header: String(safeCell(c.header) ?? ''),
    width: c.width ?? 14,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const width = options.columns.length;
  let count = 0;
  for await (const row of options.rows) {
    const cells = new Array<ExcelJS.CellValue>(width);
    let formulaLike: number[] | undefined;
    for (let i = 0; i < width; i++) {
      const cell = (cells[i] = typedCell(row[i]));
      if (typeof cell === 'string' && startsLikeFormula(cell)) (formulaLike ??= []).push(i + 1);
    }
    const added = sheet.addRow(cells);
    for (const column of formulaLike ?? []) added.getCell(column).numFmt = '@';
    added.commit();
    if (++count % ROWS_PER_TURN === 0) await letDrain(out);
  }
  sheet.commit();
  // Resolves when the zip is complete and handed to `out` (exceljs ends the stream itself).
  await workbook.commit();
  return { rows: count };
}
