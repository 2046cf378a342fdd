// Whole-sheet work through Office.js: writing a table in blocks that keep every request under Excel on the web's
// 5 MB limit, reading one back the same way, patching scattered cells, and reading the operator's selection.
// The blocks are sized by the bytes of their JSON (Korean text is 3 bytes a character), so a 50,000-line pull
// takes a handful of syncs instead of thousands (reference/excel-addin.md §5).
import { formulaLikeCells, type CellPatches, type CellValue } from '../sheet/cells.ts';
import { findColumns, type HeaderedColumn } from '../sheet/columns.ts';
import { runExcel } from './run.ts';

/** Bytes of JSON one sync may carry: under 5 MB with room for the operations' own overhead. */
export const REQUEST_BUDGET_BYTES = 3_500_000;
/** Cells one read may return: far under the 5,000,000-cell cap, and sized by bytes below. */
const READ_MAX_CELLS = 500_000;

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export type TableSpec = {
  name: string;
  header: string[];
  rows: readonly (readonly CellValue[])[];
  /** Columns Excel must keep as text (digits: ids, phones, tracking numbers): formatted "@" before the values. */
  textColumns?: readonly number[];
  hiddenColumns?: readonly number[];
  /** Column widths in characters. */
  widths?: readonly number[];
  /** Column widths in points (the operator's, as Excel reported them); null leaves a column as Excel has it. */
  widthPoints?: readonly (number | null)[];
  /** In-cell dropdowns on data rows: a list kept on another sheet, e.g. `='_lists'!$A$1:$A$30`. */
  dropdowns?: readonly { column: number; source: string }[];
  visibility?: SheetVisibility;
  /** Empty rows below the data that get the text formats too, for the operator to fill (a template sheet). */
  reserveRows?: number;
  /** Freeze the header and put a filter on it. */
  headerTools?: boolean;
  activate?: boolean;
};

export type Progress = (done: number, total: number) => void;

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** Consecutive row blocks whose JSON (plus `extraPerRow` bytes each) fits the budget. */
export function rowBlocks(
  rows: readonly (readonly unknown[])[],
  extraPerRow = 0,
  budget = REQUEST_BUDGET_BYTES,
  extraOf?: (row: readonly unknown[], index: number) => number,
): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let size = 0;
  rows.forEach((row, i) => {
    const bytes = bytesOf(row) + extraPerRow + (extraOf?.(row, i) ?? 0) + 1;
    if (i > start && size + bytes > budget) {
      blocks.push([start, i]);
      start = i;
      size = 0;
    }
    size += bytes;
  });
  if (start < rows.length) blocks.push([start, rows.length]);
  return blocks;
}

/**
 * Replaces a sheet's contents with a table: header on row 1, rows below. An existing sheet is cleared and reused
 * (it keeps its place among the tabs); a new one is added. Returns the number of data rows written.
 */
export async function writeTable(spec: TableSpec, progress?: Progress): Promise<number> {
  return runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    let sheet = sheets.getItemOrNullObject(spec.name);
    await context.sync();
    if (sheet.isNullObject) sheet = sheets.add(spec.name);
    else {
      sheet.autoFilter.remove();
      sheet.freezePanes.unfreeze();
      const all = sheet.getRange();
      all.clear();
      all.columnHidden = false;
    }
    const width = spec.header.length;
    const header = sheet.getRangeByIndexes(0, 0, 1, width);
    header.values = [spec.header];
    header.format.font.bold = true;

    const text = spec.textColumns ?? [];
    const formulas = formulaTextOf(spec.rows, text);
    const blocks = rowBlocks(spec.rows, text.length * 6, REQUEST_BUDGET_BYTES, formulas.bytes);
    for (const [from, to] of blocks) {
      const count = to - from;
      // Text format first, in the same request: a digit string written into a General cell is already a number.
      const formats = Array.from({ length: count }, () => ['@']);
      for (const column of text) sheet.getRangeByIndexes(1 + from, column, count, 1).numberFormat = formats;
      formulas.keep(sheet, 1 + from, from, to);
      sheet.getRangeByIndexes(1 + from, 0, count, width).values = spec.rows.slice(from, to) as CellValue[][];
      await context.sync();
      progress?.(to, spec.rows.length);
    }

    if (spec.reserveRows) {
      const formats = Array.from({ length: spec.reserveRows }, () => ['@']);
      for (const column of text) sheet.getRangeByIndexes(1 + spec.rows.length, column, spec.reserveRows, 1).numberFormat = formats;
    }
    spec.widths?.forEach((chars, column) => (sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = Math.round(chars * 7 + 5)));
    spec.widthPoints?.forEach((points, column) => {
      if (points !== null) sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = points;
    });
    for (const column of spec.hiddenColumns ?? []) sheet.getRangeByIndexes(0, column, 1, 1).columnHidden = true;
    const dataRows = Math.max(spec.rows.length, 1);
    for (const d of spec.dropdowns ?? []) {
      sheet.getRangeByIndexes(1, d.column, dataRows, 1).dataValidation.rule = { list: { inCellDropDown: true, source: d.source } };
    }
    if (spec.headerTools) {
      sheet.freezePanes.freezeRows(1);
      sheet.autoFilter.apply(sheet.getRangeByIndexes(0, 0, spec.rows.length + 1, width));
    }
    if (spec.visibility) sheet.visibility = spec.visibility;
    if (spec.activate) sheet.activate();
    await context.sync();
    if (!blocks.length) progress?.(0, 0);
    return spec.rows.length;
  });
}

export type TableRead = { rows: CellValue[][] };

/**
 * A sheet and how far its used range reaches from A1 (rows and columns, 0 when it holds nothing), read in one sync;
 * null without the sheet. What every reader of a whole sheet starts from.
 */
export async function usedExtent(
  context: Excel.RequestContext,
  name: string,
): Promise<{ sheet: Excel.Worksheet; rows: number; cols: number } | null> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount,columnIndex,columnCount');
  await context.sync();
  if (sheet.isNullObject) return null;
  if (used.isNullObject) return { sheet, rows: 0, cols: 0 };
  return { sheet, rows: used.rowIndex + used.rowCount, cols: used.columnIndex + used.columnCount };
}

/**
 * Every row of a sheet's used range (row 0 is the header), read in blocks sized so no answer goes over the limit;
 * null when the sheet does not exist. Cells come back as Excel holds them (numbers for number cells).
 */
export async function readTable(name: string, progress?: Progress): Promise<TableRead | null> {
  return runExcel(async (context) => {
    const extent = await usedExtent(context, name);
    if (!extent) return null;
    const { sheet, rows: total, cols } = extent;
    if (!total) return { rows: [] };
    const rows: CellValue[][] = [];
    // The first block measures how wide a row is; later blocks are sized from it.
    let block = Math.min(1000, Math.floor(READ_MAX_CELLS / cols));
    while (rows.length < total) {
      const count = Math.min(block, total - rows.length);
      const range = sheet.getRangeByIndexes(rows.length, 0, count, cols).load('values');
      await context.sync();
      const values = range.values as CellValue[][];
      rows.push(...values);
      const perRow = bytesOf(values) / count;
      block = Math.max(1, Math.min(Math.floor(REQUEST_BUDGET_BYTES / perRow), Math.floor(READ_MAX_CELLS / cols)));
      progress?.(rows.length, total);
    }
    return { rows };
  });
}

/** A sheet of ours as read now: its header, the rows under it, and where its known columns are (by header). */
export type ColumnsRead = { header: CellValue[]; rows: CellValue[][]; at: Map<string, number> };

/** Reads a sheet whole and finds its columns; null when there is no such sheet. */
export async function readColumns(name: string, columns: readonly HeaderedColumn[], progress?: Progress): Promise<ColumnsRead | null> {
  const table = await readTable(name, progress);
  if (!table) return null;
  const [header = [], ...rows] = table.rows;
  return { header, rows, at: findColumns(columns, header) };
}

/**
 * Writes whole rows from sheet row `firstRow` (0-based) down, under what a sheet holds: rows added to a table
 * after it was written (a line split off by a partial claim). Text columns are formatted "@" first, in the same
 * request, as writeTable does, so digits stay text.
 */
export async function writeRowsAt(
  name: string,
  firstRow: number,
  rows: readonly (readonly CellValue[])[],
  textColumns: readonly number[],
): Promise<void> {
  if (!rows.length) return;
  const width = rows[0]!.length;
  await runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const formulas = formulaTextOf(rows, textColumns);
    for (const [from, to] of rowBlocks(rows, textColumns.length * 6, REQUEST_BUDGET_BYTES, formulas.bytes)) {
      const count = to - from;
      const formats = Array.from({ length: count }, () => ['@']);
      for (const column of textColumns) sheet.getRangeByIndexes(firstRow + from, column, count, 1).numberFormat = formats;
      formulas.keep(sheet, firstRow + from, from, to);
      sheet.getRangeByIndexes(firstRow + from, 0, count, width).values = rows.slice(from, to) as CellValue[][];
      await context.sync();
    }
  });
}

/**
 * What one cell made text costs in a request (a range of its own and its format, as Office.js sends them): counted
 * in each block's budget, so a sheet with thousands of such cells still stays under the 5 MB a request may hold.
 */
const FORMAT_OP_BYTES = 300;

/**
 * The formula-like cells of rows written in blocks, found once: what each row adds to its block's budget
 * (rowBlocks), and `keep`, which makes text the cells of each block (asked in order; its first row at sheet row `row`).
 */
function formulaTextOf(rows: readonly (readonly CellValue[])[], textColumns: readonly number[]) {
  const cells = formulaLikeCells(rows, textColumns);
  const perRow = new Map<number, number>();
  for (const [r] of cells) perRow.set(r, (perRow.get(r) ?? 0) + 1);
  let next = 0;
  return {
    bytes: (_row: readonly unknown[], i: number) => (perRow.get(i) ?? 0) * FORMAT_OP_BYTES,
    keep(sheet: Excel.Worksheet, row: number, from: number, to: number) {
      for (; next < cells.length && cells[next]![0] < to; next++) {
        const [r, c] = cells[next]!;
        if (r >= from) sheet.getRangeByIndexes(row + r - from, c, 1, 1).numberFormat = [['@']];
      }
    },
  };
}

/**
 * Makes text ("@") each cell of `rows` — to be written with its first cell at (row, col) — that Excel would take for
 * a formula (cells.ts readsAsFormula), in the same request and before the values, as text columns are made. Answers
 * how many it made text.
 */
export function keepFormulaText(
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  rows: readonly (readonly CellValue[])[],
  textColumns?: readonly number[],
): number {
  const cells = formulaLikeCells(rows, textColumns);
  for (const [r, c] of cells) sheet.getRangeByIndexes(row + r, col + c, 1, 1).numberFormat = [['@']];
  return cells.length;
}

/** New values for some cells (defined with the pure sheet logic, re-exported for the features that write them). */
export type { CellPatches };

/**
 * Writes scattered cells with few ranges: rows next to each other that change the same columns share one
 * rectangle per run of adjacent columns (after a sort, pushed rows are scattered; before one, they are blocks).
 */
export async function writeCells(name: string, patches: CellPatches): Promise<void> {
  if (!patches.size) return;
  const rects = rectangles(patches);
  await runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(name);
    let bytes = 0;
    for (const r of rects) {
      const size = bytesOf(r.values);
      if (bytes > 0 && bytes + size > REQUEST_BUDGET_BYTES) {
        await context.sync();
        bytes = 0;
      }
      const formats = keepFormulaText(sheet, r.row, r.col, r.values);
      sheet.getRangeByIndexes(r.row, r.col, r.values.length, r.values[0]!.length).values = r.values;
      bytes += size + 64 + formats * FORMAT_OP_BYTES;
    }
    await context.sync();
  });
}

type Rect = { row: number; col: number; values: CellValue[][] };

export function rectangles(patches: CellPatches): Rect[] {
  const out: Rect[] = [];
  const rows = [...patches.keys()].sort((a, b) => a - b);
  let open: { signature: string; runs: Rect[]; lastRow: number } | null = null;
  for (const row of rows) {
    const cells = patches.get(row)!;
    const cols = [...cells.keys()].sort((a, b) => a - b);
    const signature = cols.join(',');
    if (open && open.signature === signature && open.lastRow === row - 1) {
      let i = 0;
      for (const run of open.runs) {
        const width = run.values[0]!.length;
        run.values.push(cols.slice(i, i + width).map((c) => cells.get(c)!));
        i += width;
      }
      open.lastRow = row;
      continue;
    }
    const runs: Rect[] = [];
    for (const col of cols) {
      const last = runs[runs.length - 1];
      if (last && last.col + last.values[0]!.length === col) last.values[0]!.push(cells.get(col)!);
      else runs.push({ row, col, values: [[cells.get(col)!]] });
    }
    out.push(...runs);
    open = { signature, runs, lastRow: row };
  }
  return out;
}

/** Sheet rows (0-based) of the visible cells the operator selected on a sheet; empty when the selection is elsewhere. */
export async function selectedRows(name: string): Promise<number[]> {
  return runExcel(async (context) => {
    const selection = context.workbook.getSelectedRanges();
    selection.worksheet.load('name');
    // Filtered-out rows inside a selection are not selected for the operator: only visible cells count.
    const visible = selection.getSpecialCellsOrNullObject('Visible');
    visible.areas.load('items/rowIndex,items/rowCount');
    await context.sync();
    if (visible.isNullObject || selection.worksheet.name !== name) return [];
    const rows = new Set<number>();
    for (const area of visible.areas.items) for (let r = area.rowIndex; r < area.rowIndex + area.rowCount; r++) rows.add(r);
    return [...rows].sort((a, b) => a - b);
  });
}
