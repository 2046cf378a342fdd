// Which order the operator's selection on the 주문 sheet stands for (issue 13 §2): the order keys of the selected
// rows (visible ones), read cell by cell — never the whole sheet, since this runs on every selection change.
import { ORDER_COLUMNS } from '../../../../shared/sheet/order-columns.ts';
import { readCellsOfRows, readHeaderRow } from '../../excel/sheet-layout.ts';
import { selectedRows } from '../../excel/sheets.ts';
import { textOf } from '../../sheet/cells.ts';
import { findColumns } from '../../sheet/columns.ts';
import { ORDER_SHEET } from './order-sheet.ts';

/** Rows read at most for one selection (a whole column selected is a million rows): enough to tell one order. */
const MAX_ROWS = 2_000;

/**
 * The distinct order keys of the selected data rows, in sheet order (of the first MAX_ROWS rows: `partial` when
 * more were selected, so a count of them is a lower bound); empty when the selection is elsewhere.
 */
export async function selectedOrderIds(): Promise<string[] & { partial?: boolean }> {
  const selected = (await selectedRows(ORDER_SHEET)).filter((r) => r >= 1);
  const rows = selected.slice(0, MAX_ROWS);
  if (!rows.length) return [];
  const col = findColumns(ORDER_COLUMNS, await readHeaderRow(ORDER_SHEET)).get('order_id');
  if (col === undefined) return [];
  const cells = await readCellsOfRows(ORDER_SHEET, rows, [col]);
  const ids = new Set<string>();
  for (const row of rows) {
    const id = textOf(cells.get(row)?.[0]);
    if (id) ids.add(id);
  }
  return Object.assign([...ids], selected.length > MAX_ROWS ? { partial: true } : {});
}
