// The order-list export: the order sheet's visible columns (shared/sheet/order-columns.ts), one row per order
// line, cells as the sheet shows them (shared/sheet/cell-values.ts), so a downloaded list and a pulled sheet read
// the same. The hidden keys and the add-in's push-result columns are left out.
import type { Lang } from '../i18n.ts';
import { maskPersonalRecord } from '../mask-record.ts';
import { cellOf } from '../sheet/cell-values.ts';
import { ORDER_COLUMNS, type SheetColumn } from '../sheet/order-columns.ts';
import type { Cell, FileColumn } from './cells.ts';

export const ORDER_LIST_COLUMNS: readonly SheetColumn[] = ORDER_COLUMNS.filter((c) => !c.hidden && c.kind !== 'result');

export function orderListColumns(lang: Lang): FileColumn[] {
  return ORDER_LIST_COLUMNS.map((c) => ({ header: c.header[lang], width: c.width, text: c.kind === 'digits' }));
}

/** One lines-view row as cells: numbers for quantities and amounts, text for everything else, empty as null. */
export function orderListRow(row: Record<string, unknown>, lang: Lang, options: { masked?: boolean } = {}): Cell[] {
  const source = options.masked ? maskPersonalRecord(row) : row;
  return ORDER_LIST_COLUMNS.map((c) => {
    const value = cellOf(c, source, lang);
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    return value === '' ? null : String(value);
  });
}

/** Rows as they come (e.g. pages of GET /api/order-lines read by the server), turned into cells one at a time. */
export async function* orderListRows(
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
  lang: Lang,
  options: { masked?: boolean } = {},
): AsyncGenerator<Cell[]> {
  for await (const row of rows) yield orderListRow(row, lang, options);
}
