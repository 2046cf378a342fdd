// Where a sheet's cells may reach, as the XLSX reader (xlsx-stream.ts) keeps them: Excel's bounds, one budget of
// kept cells for the whole workbook, and merged ranges blanked over the rows kept. A small crafted file must be
// refused, not fill the heap or hold the server: every bound here came from one that did.
import type { Cell } from '../../shared/files/normalise.ts';

/**
 * Excel's own bounds (1,048,576 rows × 16,384 columns, XFD): a reference past them is a damaged or crafted file, and
 * the row and column numbers index arrays here — one `<row r="900000000">` in a 6 KB file filled the heap.
 */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
/**
 * Cells a workbook keeps, all its sheets together, counting the empty ones before a row's last value, the empty rows
 * before a row and the rows its merged ranges walk: 50,000 rows × 40 columns is 2 million.
 */
export const MAX_CELL_SLOTS = 20_000_000;
/** What an empty row costs against MAX_CELL_SLOTS (an empty array is a few pointers' worth). */
export const EMPTY_ROW_SLOTS = 4;

/** What a workbook's sheets may still keep and walk, all together (MAX_CELL_SLOTS). */
export type CellBudget = { left: number };

export const cellBudget = (): CellBudget => ({ left: MAX_CELL_SLOTS });

/** Takes `n` slots from the workbook's budget: a file that spreads over more is damaged or crafted. */
export function spend(budget: CellBudget, n: number): void {
  budget.left -= n;
  if (budget.left < 0) throw new Error('xlsx: the workbook spreads over too many cells');
}

/** "AB12" → 28; a cell reference's column, 1-based. */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return n;
}

const rowOf = (ref: string) => parseInt(ref.replace(/^[A-Z]+/, ''), 10);

/**
 * Excel keeps a merged range's value in its top-left cell; any other cell of it reads empty (as Office.js gives it).
 * Only the rows kept (`kept`, ascending) in the range are visited, each against the workbook's budget: a range down
 * to row 1,048,576 walked every row number, and 2,000 of them in a 10 KB file held the server for a minute.
 */
export function blankMerged(rows: Cell[][], kept: readonly number[], ref: string, budget: CellBudget): void {
  const [from, to = from] = ref.toUpperCase().split(':') as [string, string?];
  const top = rowOf(from);
  const bottom = rowOf(to);
  const left = columnOf(from);
  const right = columnOf(to);
  // The first kept row at or below the top (binary search).
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]! < top) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < kept.length && kept[k]! <= bottom; k++) {
    const r = kept[k]!;
    const row = rows[r - 1]!;
    spend(budget, 1);
    for (let col = r === top ? left + 1 : left; col <= right && col <= row.length; col++) row[col - 1] = null;
    rows[r - 1] = trimEnd(row);
  }
}

export function trimEnd(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
