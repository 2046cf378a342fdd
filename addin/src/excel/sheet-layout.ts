// The operator's layout of a sheet as Excel holds it (issue 13 §4): the header row with each column's width and
// whether it is hidden, read in one sync; and the values of a few columns only (the line key and the operator's own
// columns), so a re-pull keeps their values without reading the whole sheet.
import type { CellValue } from '../sheet/cells.ts';
import { runExcel } from './run.ts';
import { usedExtent } from './sheets.ts';

export type ColumnLayoutRead = { header: CellValue; width: number | null; hidden: boolean };

/** Cells one read of a few columns may return (far under the 5 MB answer with short text). */
const COLUMN_READ_CELLS = 50_000;

/**
 * The sheet's columns left to right (to the last used one): header, width in points, hidden; and how many rows it
 * uses (the header included). Null without the sheet.
 */
export async function readColumnLayout(name: string): Promise<{ columns: ColumnLayoutRead[]; rows: number } | null> {
  return runExcel(async (context) => {
    const extent = await usedExtent(context, name);
    if (!extent) return null;
    const { sheet, rows, cols } = extent;
    if (!rows) return { columns: [], rows: 0 };
    const header = sheet.getRangeByIndexes(0, 0, 1, cols).load('values');
    // One range per column: a wider range answers null for a width or hidden state its columns do not share.
    const columns = Array.from({ length: cols }, (_, c) => {
      const cell = sheet.getRangeByIndexes(0, c, 1, 1);
      cell.load('columnHidden');
      cell.format.load('columnWidth');
      return cell;
    });
    await context.sync();
    const names = (header.values[0] ?? []) as CellValue[];
    return {
      columns: columns.map((cell, c) => ({ header: names[c] ?? '', width: cell.format.columnWidth ?? null, hidden: cell.columnHidden === true })),
      rows,
    };
  });
}

/** The values of some columns over the data rows 1…`rows` (0-based sheet rows), one array per column. */
export async function readColumnValues(name: string, columns: readonly number[], rows: number): Promise<Map<number, CellValue[]>> {
  const out = new Map<number, CellValue[]>(columns.map((c) => [c, []]));
  if (!columns.length || rows <= 0) return out;
  const block = Math.max(1, Math.floor(COLUMN_READ_CELLS / columns.length));
  await runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    for (let from = 0; from < rows; from += block) {
      const count = Math.min(block, rows - from);
      const ranges = columns.map((c) => [c, sheet.getRangeByIndexes(1 + from, c, count, 1).load('values')] as const);
      await context.sync();
      for (const [c, range] of ranges) out.get(c)!.push(...(range.values as CellValue[][]).map((r) => r[0] ?? ''));
    }
  });
  return out;
}

/** Some cells of some rows (0-based sheet rows, e.g. the selected ones): row → the columns' values in order. */
export async function readCellsOfRows(name: string, rows: readonly number[], columns: readonly number[]): Promise<Map<number, CellValue[]>> {
  const out = new Map<number, CellValue[]>();
  if (!rows.length || !columns.length) return out;
  // Adjacent rows share one range per column.
  const runs: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  await runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const reads = runs.map(([start, count]) => ({ start, ranges: columns.map((c) => sheet.getRangeByIndexes(start, c, count, 1).load('values')) }));
    await context.sync();
    for (const { start, ranges } of reads)
      ranges.forEach((range, i) =>
        (range.values as CellValue[][]).forEach((v, k) => {
          const cells = out.get(start + k) ?? [];
          cells[i] = v[0] ?? '';
          out.set(start + k, cells);
        }),
      );
  });
  return out;
}

/** The header row of a sheet (empty without the sheet or data). */
export async function readHeaderRow(name: string): Promise<CellValue[]> {
  const layout = await readColumnLayout(name);
  return (layout?.columns ?? []).map((c) => c.header);
}
