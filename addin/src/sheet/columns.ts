// Any sheet of ours, read and answered the same way: its columns are found by their headers (in either language,
// so the operator may reorder, hide or insert columns; headers that are not ours are the operator's own columns),
// and results are written beside the rows, into whichever result columns the sheet still has. Pure: the Excel
// layer moves the cells.
import type { MessageText } from '../../../shared/i18n.ts';
import type { CellPatches } from './cells.ts';
import { textOf, type CellValue } from './cells.ts';

/** What a column needs to be found: its id and its header in both languages. */
export type HeaderedColumn = { id: string; header: MessageText };

/** Column id → index on the sheet. Korean headers match exactly, English ones in any case; the first one wins. */
export function findColumns(columns: readonly HeaderedColumn[], header: readonly unknown[]): Map<string, number> {
  const byHeader = new Map<string, string>();
  for (const c of columns) {
    if (!byHeader.has(c.header.ko)) byHeader.set(c.header.ko, c.id);
    if (!byHeader.has(c.header.en.toLowerCase())) byHeader.set(c.header.en.toLowerCase(), c.id);
  }
  const found = new Map<string, number>();
  header.forEach((cell, index) => {
    const text = textOf(cell);
    const id = byHeader.get(text) ?? byHeader.get(text.toLowerCase());
    if (id && !found.has(id)) found.set(id, index);
  });
  return found;
}

/**
 * Puts values beside one sheet row (0-based, the header is row 0): column id → value, merged into the row's
 * patches. A column the operator deleted is skipped rather than written somewhere else.
 */
export function putBeside(at: ReadonlyMap<string, number>, patches: CellPatches, row: number, values: Readonly<Record<string, CellValue>>): void {
  const cells = patches.get(row) ?? new Map<number, CellValue>();
  for (const [id, value] of Object.entries(values)) {
    const col = at.get(id);
    if (col !== undefined) cells.set(col, value);
  }
  patches.set(row, cells);
}
