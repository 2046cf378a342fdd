// The order sheet's layout at a pull (issue 13 §4): the operator's layout as the sheet stands now (kept on the server
// for their next workbook), or — in a fresh workbook — the one kept for them; and the values of their own columns by
// line key, so a re-pull writes them beside the same lines. Reset forgets the kept layout: the pane's default is back.
import type { SheetLayout } from '../../../../shared/api/preferences.schema.ts';
import { ORDER_COLUMNS } from '../../../../shared/sheet/order-columns.ts';
import type { Api } from '../../api/client.ts';
import { getSheetLayout, keepSheetLayout, resetSheetLayout } from '../../api/preferences.ts';
import { readColumnLayout, readColumnValues } from '../../excel/sheet-layout.ts';
import type { CellValue } from '../../sheet/cells.ts';
import { findColumns } from '../../sheet/columns.ts';
import { layoutOfSheet, ownValuesByLine } from '../../sheet/layout.ts';

/** The key of the 주문 sheet's layout among the user's preferences. */
export const ORDERS_LAYOUT = 'orders';

/** What a sheet read already holds (the unpushed-edits check reads it whole): reused instead of reading again. */
export type SheetRead = { header: readonly CellValue[]; rows: readonly (readonly CellValue[])[] };

export type PullLayout = { layout: SheetLayout | null; own: Map<string, Map<string, CellValue>> };

export async function layoutForPull(
  api: Api,
  sheetName: string,
  options: { reset?: boolean; read?: SheetRead | undefined } = {},
): Promise<PullLayout> {
  if (options.reset) {
    await resetSheetLayout(api, ORDERS_LAYOUT);
    return { layout: null, own: new Map() };
  }
  const current = await readColumnLayout(sheetName);
  const layout = current ? layoutOfSheet(current.columns, ORDER_COLUMNS) : null;
  if (!layout) return { layout: (await getSheetLayout(api, ORDERS_LAYOUT)).layout, own: new Map() };
  await keepSheetLayout(api, ORDERS_LAYOUT, layout);
  const own = layout.columns.filter((c) => c.own).map((c) => c.id);
  if (!own.length || !current) return { layout, own: new Map() };
  // Only the key and the own columns are read (none of this when the operator has no columns of their own).
  const header = options.read?.header ?? current.columns.map((c) => c.header);
  const key = findColumns(ORDER_COLUMNS, header).get('line_id');
  if (key === undefined) return { layout, own: new Map() };
  const at = new Map(own.map((h) => [h, header.findIndex((cell) => String(cell ?? '').trim() === h)] as const));
  const wanted = [key, ...[...at.values()].filter((i) => i >= 0)];
  const values = options.read
    ? new Map(wanted.map((c) => [c, options.read!.rows.map((r) => r[c] ?? '')]))
    : await readColumnValues(sheetName, wanted, current.rows - 1);
  const ownColumns = new Map([...at].filter(([, i]) => i >= 0).map(([h, i]) => [h, values.get(i)!] as const));
  return { layout, own: ownValuesByLine(values.get(key)!, ownColumns) };
}
