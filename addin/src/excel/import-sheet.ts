// The 파일 tab's Excel work: reading the active sheet whole (the courier's or the buyer's file the operator opened in
// Excel) and writing the import's result beside its rows, in one column after the used range.
import type { CellValue } from '../sheet/cells.ts';
import { readTable, rowBlocks, type Progress } from './sheets.ts';
import { runExcel } from './run.ts';

export type ActiveSheet = { name: string; rows: CellValue[][] };

/** The active worksheet's name. */
export async function activeSheetName(): Promise<string> {
  return runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return sheet.name;
  });
}

/**
 * The active sheet's values from A1 to the end of its used range (rows[0] is sheet row 1, so the server's row
 * numbers are the sheet's), read in blocks as readTable reads any sheet.
 */
export async function readActiveSheet(progress?: Progress): Promise<ActiveSheet> {
  const name = await activeSheetName();
  const table = await readTable(name, progress);
  return { name, rows: table?.rows ?? [] };
}

export type ResultColumn = {
  sheet: string;
  /** 1-based row of the file's header: the column's title goes there. */
  headerRow: number;
  title: string;
  /** Whether a header cell is a result column written before (any language, preview or applied): it is reused. */
  isResultHeader: (text: string) => boolean;
  /** 1-based sheet row → the row's result. Rows without one are emptied (an earlier run's result is not left). */
  cells: ReadonlyMap<number, string>;
};

/**
 * Writes results beside the rows: into the result column an earlier run left on the header row, else into the
 * first column after the used range. The column is text ("@"), so a result is never read as a number or date.
 * Returns the 0-based column written.
 */
export async function writeResultColumn(spec: ResultColumn, progress?: Progress): Promise<number> {
  return runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(spec.sheet);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount,columnIndex,columnCount');
    await context.sync();
    const usedRows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const usedCols = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
    let column = usedCols;
    if (usedCols > 0) {
      const header = sheet.getRangeByIndexes(spec.headerRow - 1, 0, 1, usedCols).load('values');
      await context.sync();
      const found = (header.values[0] ?? []).findIndex((v) => typeof v === 'string' && spec.isResultHeader(v.trim()));
      if (found >= 0) column = found;
    }
    const lastRow = Math.max(usedRows, spec.headerRow, ...spec.cells.keys());
    const first = spec.headerRow - 1;
    const values: string[][] = [];
    for (let r = first; r < lastRow; r++) values.push([r === first ? spec.title : (spec.cells.get(r + 1) ?? '')]);
    for (const [from, to] of rowBlocks(values, 6)) {
      const range = sheet.getRangeByIndexes(first + from, column, to - from, 1);
      range.numberFormat = Array.from({ length: to - from }, () => ['@']);
      range.values = values.slice(from, to);
      await context.sync();
      progress?.(to, values.length);
    }
    return column;
  });
}
