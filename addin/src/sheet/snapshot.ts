// The snapshot: what each pulled row's editable cells held when it was pulled (or last refreshed), with the
// row's version. A push compares the sheet with it, so only cells the operator changed are sent. It lives on a
// hidden sheet of the workbook, so it survives closing and reopening the file.
import { EDITABLE_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { RECIPIENT_FIELDS, isRecipientField } from '../../../shared/sheet/recipient-edit.ts';
import { rowCells, textOf, type CellValue } from './cells.ts';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import type { Lang } from '../../../shared/i18n.ts';

export const SNAPSHOT_SHEET = '_shipsheet_snapshot';
/**
 * The snapshot's columns. The recipient cells (editable since issue 13) come last, so a snapshot written before
 * keeps its columns where they were: its rows read as having no recipient values, and recipient cells are not
 * pushed from it (push-plan.ts) until the next pull.
 */
export const SNAPSHOT_COLUMNS = [
  'line_id',
  'order_id',
  'line_version',
  ...EDITABLE_COLUMNS.filter((c) => !isRecipientField(c.id)).map((c) => c.id),
  ...RECIPIENT_FIELDS,
] as const;

export type SnapshotEntry = {
  /** Row of the snapshot sheet (0-based, the header is row 0), to update the entry in place. */
  at: number;
  order_id: string;
  line_version: number;
  /** Editable column id → the cell's text when pulled. */
  values: Record<string, string>;
};

const positions = SNAPSHOT_COLUMNS.map((id) => ORDER_COLUMNS.findIndex((c) => c.id === id));

/** The snapshot row of a lines-view row: the same texts the order sheet shows. */
export function snapshotRow(row: Record<string, unknown>, lang: Lang): string[] {
  return snapshotOfCells(rowCells(row, lang));
}

/** The snapshot row of an order-sheet row already built (a pull builds each row's cells once for both sheets). */
export function snapshotOfCells(cells: readonly CellValue[]): string[] {
  return positions.map((i) => textOf(cells[i]));
}

export function readSnapshot(rows: readonly (readonly CellValue[])[]): Map<string, SnapshotEntry> {
  const out = new Map<string, SnapshotEntry>();
  const [header, ...data] = rows;
  if (!header) return out;
  const index = new Map(header.map((h, i) => [textOf(h), i]));
  data.forEach((row, i) => {
    const id = textOf(row[index.get('line_id') ?? -1]);
    if (!id) return;
    const values: Record<string, string> = {};
    // Only the columns the snapshot has: a column it lacks holds nothing to compare with.
    for (const c of EDITABLE_COLUMNS) if (index.has(c.id)) values[c.id] = textOf(row[index.get(c.id)!]);
    out.set(id, {
      at: i + 1,
      order_id: textOf(row[index.get('order_id') ?? -1]),
      line_version: Number(row[index.get('line_version') ?? -1]) || 0,
      values,
    });
  });
  return out;
}
