// The operator's own layout of a sheet we write (issue 13 §4), pure: read from the sheet as it stands (columns by
// header, widths, hidden, the operator's own columns), and turned into the columns of the next pull — the layout's
// order, then any column of ours it does not name (a column added by a later version, or one the operator deleted:
// our columns always come back, the key ones hidden as before). Own columns keep their values beside the same lines.
import type { SheetLayout } from '../../../shared/api/preferences.schema.ts';
import type { Lang } from '../../../shared/i18n.ts';
import { textOf, type CellValue } from './cells.ts';
import { findColumns, type HeaderedColumn } from './columns.ts';

/** A column we write: found by header, with its default width (characters) and whether it starts hidden. */
export type OurColumn = HeaderedColumn & { width: number; hidden?: boolean };

/** A column as Excel reports it. */
export type ColumnRead = { header: CellValue; width: number | null; hidden: boolean };

/** A column of the next pull: one of ours (its index among ours) or the operator's own (by header). */
export type PlannedColumn = ({ kind: 'ours'; index: number } | { kind: 'own'; header: string }) & { width: number | null; hidden: boolean };

/** Points for a width in characters, as the pane has always set them. */
export const pointsOf = (chars: number) => Math.round(chars * 7 + 5);

/** A header cut to what a layout keeps as an own column's id (100 UTF-16 units), never between the halves of a
 * surrogate pair (an emoji): the server refuses half a pair (lone_surrogate), which would fail the whole save. */
function ownId(header: string): string {
  const cut = header.slice(0, 100);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The layout of a sheet as read, or null when it has no columns at all. Columns without a header are left out. */
export function layoutOfSheet(read: readonly ColumnRead[], ours: readonly OurColumn[]): SheetLayout | null {
  const at = findColumns(
    ours,
    read.map((c) => c.header),
  );
  const ourAt = new Map([...at].map(([id, index]) => [index, id]));
  const seen = new Set<string>();
  const columns: SheetLayout['columns'] = [];
  read.forEach((c, index) => {
    const id = ourAt.get(index);
    const header = textOf(c.header).trim();
    const key = id ?? `own:${header}`;
    if ((!id && !header) || seen.has(key)) return;
    seen.add(key);
    columns.push({ id: id ?? ownId(header), own: !id, width: c.width, hidden: c.hidden });
  });
  return columns.length ? { columns } : null;
}

/** The columns of the next pull for a layout (null: ours, as the pane lays them out). */
export function planColumns(layout: SheetLayout | null, ours: readonly OurColumn[]): PlannedColumn[] {
  const defaults = (index: number): PlannedColumn => ({ kind: 'ours', index, width: pointsOf(ours[index]!.width), hidden: !!ours[index]!.hidden });
  if (!layout) return ours.map((_, i) => defaults(i));
  const indexOf = new Map(ours.map((c, i) => [c.id, i]));
  const placed = new Set<number>();
  const plan: PlannedColumn[] = [];
  for (const c of layout.columns) {
    if (c.own) {
      plan.push({ kind: 'own', header: c.id, width: c.width, hidden: c.hidden });
      continue;
    }
    const index = indexOf.get(c.id);
    if (index === undefined || placed.has(index)) continue; // a column we no longer write
    placed.add(index);
    plan.push({ kind: 'ours', index, width: c.width ?? pointsOf(ours[index]!.width), hidden: c.hidden });
  }
  ours.forEach((_, i) => placed.has(i) || plan.push(defaults(i)));
  return plan;
}

/** True when a plan is ours in the pane's order with nothing of the operator's: rows can be written as built. */
export const isPlainPlan = (plan: readonly PlannedColumn[]) => plan.every((p, i) => p.kind === 'ours' && p.index === i);

/** The operator's own columns' values by line key: line id → header → value (the first row of a line wins). */
export function ownValuesByLine(keys: readonly CellValue[], own: ReadonlyMap<string, readonly CellValue[]>): Map<string, Map<string, CellValue>> {
  const out = new Map<string, Map<string, CellValue>>();
  keys.forEach((key, row) => {
    const id = textOf(key);
    if (!id || out.has(id)) return;
    const values = new Map<string, CellValue>();
    for (const [header, column] of own) {
      const v = column[row];
      if (v !== undefined && v !== '') values.set(header, v);
    }
    if (values.size) out.set(id, values);
  });
  return out;
}

/** A pulled row (cells in our order) laid out by the plan, with the line's own values beside it (or empty cells). */
export function layRow(cells: readonly CellValue[], plan: readonly PlannedColumn[], own: ReadonlyMap<string, CellValue> | undefined): CellValue[] {
  return plan.map((p) => (p.kind === 'ours' ? cells[p.index]! : (own?.get(p.header) ?? '')));
}

/** Headers of the plan in the pane's language (own columns as the operator wrote them). */
export const planHeaders = (plan: readonly PlannedColumn[], ours: readonly OurColumn[], lang: Lang) =>
  plan.map((p) => (p.kind === 'ours' ? ours[p.index]!.header[lang] : p.header));

/** Own columns that hold digit strings must stay text, or Excel turns "0123" into 123. */
export function ownTextColumns(plan: readonly PlannedColumn[], values: ReadonlyMap<string, ReadonlyMap<string, CellValue>>): number[] {
  const digits = new Set<string>();
  for (const row of values.values()) for (const [h, v] of row) if (typeof v === 'string' && /^\d+$/.test(v)) digits.add(h);
  return plan.flatMap((p, i) => (p.kind === 'own' && digits.has(p.header) ? [i] : []));
}
