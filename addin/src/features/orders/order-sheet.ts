// The order sheet's round trip: pull lines from the server into the sheet (and its snapshot), push the operator's
// changes back with each row's version, write a result beside every pushed row, and refresh rows from the server
// (after a push, a ship, a send, or to re-pull refused rows). Rows are always found by their hidden key.
import type { ItemResult } from '../../../../shared/api/orders.schema.ts';
import { fromLineColumns, type LineViewRow } from '../../../../shared/api/order-views.schema.ts';
import type { SheetRowResult } from '../../../../shared/api/sheet.schema.ts';
import { LINES_PAGE_MAX } from '../../../../shared/api/orders.schema.ts';
import { COURIERS } from '../../../../shared/couriers.ts';
import type { ExportReason } from '../../../../shared/export-reasons.ts';
import { format, type Lang, type Messages } from '../../../../shared/i18n.ts';
import { EDITABLE_COLUMNS, ORDER_COLUMNS, TEXT_COLUMNS } from '../../../../shared/sheet/order-columns.ts';
import type { Api } from '../../api/client.ts';
import type { StartedJob } from '../../api/jobs.ts';
import type { Answer } from '../../api/endpoint.ts';
import { lineColumns } from '../../api/orders.ts';
import { pushSheet, sheetEndpoints, sheetLines } from '../../api/sheet.ts';
import { readColumns, readTable, writeCells, writeRowsAt, writeTable, type CellPatches, type Progress } from '../../excel/sheets.ts';
import { courierLabel, rowCells, textOf, type CellValue } from '../../sheet/cells.ts';
import { putBeside } from '../../sheet/columns.ts';
import { isPlainPlan, layRow, ownTextColumns, planColumns, planHeaders, type PlannedColumn } from '../../sheet/layout.ts';
import { planPush } from '../../sheet/push-plan.ts';
import { layoutForPull, type SheetRead } from './sheet-layout.ts';
import { announceOrderSheetChange } from './sheet-changes.ts';
import { SNAPSHOT_COLUMNS, SNAPSHOT_SHEET, readSnapshot, snapshotOfCells, type SnapshotEntry } from '../../sheet/snapshot.ts';

export const ORDER_SHEET = '주문';
export const LISTS_SHEET = '_shipsheet_lists';

export const RESULT_LABELS = {
  applied: { ko: '반영', en: 'Applied' },
  unchanged: { ko: '변경없음', en: 'Unchanged' },
  refused: { ko: '거부', en: 'Refused' },
  check: { ko: '확인필요', en: 'Check' },
} satisfies Messages;

const orderSheetMessages = {
  no_sheet: { ko: '주문 시트가 없습니다. 먼저 주문을 불러오세요.', en: 'There is no order sheet. Pull orders first.' },
} satisfies Messages;

type ResultLabel = keyof typeof RESULT_LABELS;

/** How the server answered one row or item: the label the result column shows and the message beside it. */
function serverResult(r: Pick<ItemResult | SheetRowResult, 'result' | 'code' | 'message' | 'warnings'>): { label: ResultLabel; message: string } {
  const label = r.result === 'refused' ? 'refused' : r.code === 'unchanged' ? 'unchanged' : 'applied';
  return { label, message: [r.message, ...(r.warnings ?? [])].filter(Boolean).join(' / ') };
}

/** Writes a result and its message beside a row (when the sheet still has those columns). */
function putResult(state: SheetState, patches: CellPatches, row: number, result: { label: ResultLabel | null; message: string }, lang: Lang): void {
  putBeside(state.at, patches, row, { push_result: result.label ? format(RESULT_LABELS[result.label], {}, lang) : '', push_message: result.message });
}

/** A lines-view row; the pane reads its cells by column id, so it is also indexed by any string. */
export type LineRow = LineViewRow & Record<string, unknown>;
export type PullFilter = Record<string, string | undefined>;
/** Why recipients are pulled into the sheet (asked once a session, see features/reason); the server requires it. */
export type PullReason = { reason: ExportReason; reason_text?: string | undefined };

/** The fields a pull needs: the sheet's columns (the snapshot keeps some of them); result columns are the pane's. */
const PULL_FIELDS = ORDER_COLUMNS.filter((c) => c.kind !== 'result').map((c) => c.id);

/**
 * Every line matching the filter, page by page (the server pages at 10,000), in the column-array form with only the
 * sheet's fields: names once a page instead of on every row, and about half the fields, so the server reads and
 * sends less and the pane parses less.
 */
export async function fetchLines(api: Api, filter: PullFilter, why: PullReason, progress?: Progress): Promise<LineRow[]> {
  const rows: LineRow[] = [];
  let cursor: string | null = null;
  // Empty filter fields filter nothing.
  const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
  do {
    const page = await lineColumns(api, { ...given, ...reasonQuery(why), limit: LINES_PAGE_MAX, fields: PULL_FIELDS, ...(cursor ? { cursor } : {}) });
    for (const row of fromLineColumns(page)) rows.push(row as LineRow);
    cursor = page.next_cursor;
    progress?.(rows.length, 0);
  } while (cursor);
  return rows;
}

/** The reason as query fields: free text only when there is some. */
const reasonQuery = (why: PullReason) => ({ reason: why.reason, ...(why.reason_text ? { reason_text: why.reason_text } : {}) });

const TEXT_COLUMN_IDS = new Set<string>(TEXT_COLUMNS);

export type PullOptions = {
  /** Forget the operator's layout and write the pane's default (레이아웃 초기화). */
  resetLayout?: boolean;
  /** The sheet as already read (by the unpushed-edits check), so own columns are not read again. */
  read?: SheetRead | undefined;
};

/**
 * Pulls lines into the order sheet (replacing it) and its snapshot; returns how many lines. The sheet keeps the
 * operator's layout — column order, widths, hidden columns and their own columns, with those columns' values beside
 * the same lines (by the hidden line key); a line no longer pulled drops its values, a new line gets empty cells.
 */
export async function pullOrders(
  api: Api,
  filter: PullFilter,
  why: PullReason,
  lang: Lang,
  progress?: (phase: 'fetch' | 'write', done: number, total: number) => void,
  options: PullOptions = {},
): Promise<number> {
  const lines = await fetchLines(api, filter, why, (d) => progress?.('fetch', d, 0));
  await writeLists(lang);
  const { layout, own } = await layoutForPull(api, ORDER_SHEET, { reset: !!options.resetLayout, read: options.read });
  const plan = planColumns(layout, ORDER_COLUMNS);
  const total = lines.length;
  const cells = lines.map((l) => rowCells(l, lang));
  const rows = isPlainPlan(plan) ? cells : cells.map((c, i) => layRow(c, plan, own.get(lines[i]!.line_id)));
  const columnsWhere = (test: (p: PlannedColumn) => boolean) => plan.flatMap((p, i) => (test(p) ? [i] : []));
  const courierColumn = plan.findIndex((p) => p.kind === 'ours' && ORDER_COLUMNS[p.index]!.id === 'courier');
  await writeTable(
    {
      name: ORDER_SHEET,
      header: planHeaders(plan, ORDER_COLUMNS, lang),
      rows,
      textColumns: [...columnsWhere((p) => p.kind === 'ours' && TEXT_COLUMN_IDS.has(ORDER_COLUMNS[p.index]!.id)), ...ownTextColumns(plan, own)],
      hiddenColumns: columnsWhere((p) => p.hidden),
      widthPoints: plan.map((p) => p.width),
      dropdowns: courierColumn < 0 ? [] : [{ column: courierColumn, source: `='${LISTS_SHEET}'!$A$2:$A$${COURIERS.length + 1}` }],
      headerTools: true,
      activate: true,
    },
    (d) => progress?.('write', d, total * 2),
  );
  await writeTable(
    {
      name: SNAPSHOT_SHEET,
      header: [...SNAPSHOT_COLUMNS],
      rows: cells.map(snapshotOfCells),
      textColumns: SNAPSHOT_COLUMNS.map((_, i) => i),
      visibility: 'VeryHidden',
    },
    (d) => progress?.('write', total + d, total * 2),
  );
  announceOrderSheetChange();
  return total;
}

/** The couriers the dropdown offers, on a hidden sheet (a literal list is capped at 255 characters). */
async function writeLists(lang: Lang): Promise<void> {
  const header = lang === 'ko' ? '택배사' : 'Courier';
  await writeTable({ name: LISTS_SHEET, header: [header], rows: COURIERS.map((c) => [courierLabel(c.code, lang)]), visibility: 'Hidden' });
}

/** The order sheet as read now, with where its columns are and which sheet row holds which line. */
export type SheetState = {
  header: CellValue[];
  rows: CellValue[][];
  at: Map<string, number>;
  rowOf: Map<string, number>;
  snapshot: Map<string, SnapshotEntry>;
};

export async function readOrderSheet(lang: Lang, progress?: Progress): Promise<SheetState> {
  const sheet = await readColumns(ORDER_SHEET, ORDER_COLUMNS, progress);
  if (!sheet) throw new Error(format(orderSheetMessages.no_sheet, {}, lang));
  const snap = await readTable(SNAPSHOT_SHEET);
  const { header, rows, at } = sheet;
  const rowOf = new Map<string, number>();
  const key = at.get('line_id');
  if (key !== undefined)
    rows.forEach((r, i) => {
      const id = textOf(r[key]);
      if (id && !rowOf.has(id)) rowOf.set(id, i + 1);
    });
  return { header, rows, at, rowOf, snapshot: readSnapshot(snap?.rows ?? []) };
}

export type PushSummary = {
  sent: number;
  applied: number;
  unchanged: number;
  refused: number;
  check: number;
  /** Headers of editable columns the operator deleted: what was typed there could not be pushed. */
  missing: string[];
  fatal?: string;
  /** Send jobs the server started because the push shipped boxes of accounts that send once shipped. */
  autoJobs?: StartedJob[];
  /**
   * Rows the server took with a warning beside them (a number kept but not shipped by 송장 입력 시 출고, a courier
   * the mall does not take, …): counted apart, so that "applied" does not read as "done as asked".
   */
  warned?: number;
};

/** Pushes the changed rows; every row sent or checked gets a result beside it. */
export async function pushOrders(api: Api, lang: Lang, progress?: Progress): Promise<PushSummary> {
  const state = await readOrderSheet(lang, progress);
  const plan = planPush(state.header, state.rows, 1, state.snapshot, lang);
  const missing = EDITABLE_COLUMNS.filter((c) => !state.at.has(c.id)).map((c) => c.header[lang]);
  if (plan.fatal) return { sent: 0, applied: 0, unchanged: 0, refused: 0, check: 0, missing, fatal: plan.fatal };
  const results = new Map<number, { label: ResultLabel; message: string }>();
  for (const issue of plan.issues) {
    const had = results.get(issue.sheetRow);
    results.set(issue.sheetRow, { label: 'check', message: had ? `${had.message} / ${issue.message}` : issue.message });
  }
  let response: Answer<typeof sheetEndpoints.push> | null = null;
  if (plan.rows.length) {
    response = await pushSheet(api, { rows: plan.rows.map((p) => p.row) });
    response.results.forEach((r, i) => results.set(plan.rows[i]!.sheetRow, serverResult(r)));
  }
  const warned = response?.results.filter((r) => r.result === 'applied' && r.warnings?.length).length ?? 0;
  // Refused and unchecked rows keep the operator's values; the lines the push moved are refreshed.
  const keep = new Set([...results].filter(([, r]) => r.label === 'refused' || r.label === 'check').map(([row]) => row));
  const patches = refreshPatches(state, (response?.lines ?? []) as LineRow[], lang, keep);
  for (const [row, r] of results) putResult(state, patches.sheet, row, r, lang);
  await writeCells(ORDER_SHEET, patches.sheet);
  await writeCells(SNAPSHOT_SHEET, patches.snapshot);
  if (response) announceOrderSheetChange();
  const count = (label: string) => [...results.values()].filter((r) => r.label === label).length;
  return {
    sent: plan.rows.length,
    applied: count('applied'),
    unchanged: count('unchanged'),
    refused: count('refused'),
    check: count('check'),
    missing,
    ...(response?.auto_jobs?.length ? { autoJobs: response.auto_jobs } : {}),
    ...(warned ? { warned } : {}),
  };
}

/**
 * Cell patches that bring sheet rows (and their snapshot entries) up to date with fresh lines-view rows. Rows in
 * `keep` are left alone: they hold edits the server refused, which the operator still has to see.
 */
export function refreshPatches(state: SheetState, lines: readonly LineRow[], lang: Lang, keep: ReadonlySet<number> = new Set()) {
  const sheet: CellPatches = new Map();
  const snapshot: CellPatches = new Map();
  for (const line of lines) {
    const row = state.rowOf.get(line.line_id);
    if (row === undefined || keep.has(row)) continue;
    // Each row's cells are built once, for the sheet and for its snapshot.
    const values = rowCells(line, lang);
    const cells = new Map<number, CellValue>();
    // Only the fields the server sent: a push answers with the ones a push can change.
    ORDER_COLUMNS.forEach((c, i) => {
      const col = state.at.get(c.id);
      if (col !== undefined && c.kind !== 'result' && c.id in line) cells.set(col, values[i]!);
    });
    sheet.set(row, cells);
    // The snapshot learns only the fields the server sent: a push without recipient cells leaves theirs as they were.
    const entry = state.snapshot.get(line.line_id);
    if (entry) snapshot.set(entry.at, new Map(snapshotOfCells(values).flatMap((v, i) => (SNAPSHOT_COLUMNS[i]! in line ? [[i, v] as const] : []))));
  }
  return { sheet, snapshot };
}

/**
 * Re-reads rows from the server and writes them over the sheet and the snapshot; their result cells are cleared,
 * unless `keepResults` (a refresh after the automatic sends a push started: the push's own results stay).
 */
export async function refreshRows(
  api: Api,
  state: SheetState,
  lineIds: readonly string[],
  lang: Lang,
  { keepResults = false }: { keepResults?: boolean } = {},
): Promise<number> {
  if (!lineIds.length) return 0;
  const { items: lines } = await sheetLines(api, { line_ids: [...lineIds] });
  const patches = refreshPatches(state, lines, lang);
  for (const id of keepResults ? [] : lineIds) {
    const row = state.rowOf.get(id);
    if (row !== undefined) putResult(state, patches.sheet, row, { label: null, message: '' }, lang);
  }
  await writeCells(ORDER_SHEET, patches.sheet);
  await writeCells(SNAPSHOT_SHEET, patches.snapshot);
  announceOrderSheetChange();
  return lines.length;
}

const labelsOf = (key: ResultLabel) => new Set(Object.values(RESULT_LABELS[key]));

/**
 * Adds lines the sheet does not hold yet (a line split off by a partial claim) under its last row, laid out as the
 * sheet's columns are now (the operator's order; their own columns left empty), and their snapshot entries, so
 * they push like pulled rows. Answers how many rows were added; `state` learns where they are.
 */
export async function appendLines(api: Api, state: SheetState, lineIds: readonly string[], lang: Lang): Promise<number> {
  const fresh = [...new Set(lineIds)].filter((id) => !state.rowOf.has(id));
  if (!fresh.length) return 0;
  const { items } = await sheetLines(api, { line_ids: fresh });
  const width = Math.max(state.header.length, ...[...state.at.values()].map((c) => c + 1));
  const cells = items.map((line) => rowCells(line, lang));
  const rows = cells.map((values) => {
    const row: CellValue[] = Array.from({ length: width }, () => '');
    ORDER_COLUMNS.forEach((c, i) => {
      const col = state.at.get(c.id);
      if (col !== undefined && c.kind !== 'result') row[col] = values[i]!;
    });
    return row;
  });
  const textAt = ORDER_COLUMNS.flatMap((c) => (TEXT_COLUMNS.includes(c.id) && state.at.has(c.id) ? [state.at.get(c.id)!] : []));
  const first = state.rows.length + 1;
  await writeRowsAt(ORDER_SHEET, first, rows, textAt);
  const snapFirst = Math.max(0, ...[...state.snapshot.values()].map((e) => e.at)) + 1;
  await writeRowsAt(
    SNAPSHOT_SHEET,
    snapFirst,
    cells.map(snapshotOfCells),
    SNAPSHOT_COLUMNS.map((_, i) => i),
  );
  items.forEach((line, i) => {
    state.rowOf.set(line.line_id, first + i);
    state.rows.push(rows[i]!);
  });
  announceOrderSheetChange();
  return items.length;
}

/** Re-pulls only the rows whose last push was refused or failed the local checks. */
export async function repullRefused(api: Api, lang: Lang): Promise<number> {
  const state = await readOrderSheet(lang);
  const col = state.at.get('push_result');
  if (col === undefined) return 0;
  const wanted = new Set([...labelsOf('refused'), ...labelsOf('check')]);
  const ids = [...state.rowOf].filter(([, row]) => wanted.has(textOf(state.rows[row - 1]![col]))).map(([id]) => id);
  return refreshRows(api, state, ids, lang);
}

/** Lines on the sheet (with their versions as pulled) whose status cell reads the given status. */
export function linesWithStatus(state: SheetState, statusLabel: ReadonlySet<string>): { id: string; version: number }[] {
  const col = state.at.get('status');
  if (col === undefined) return [];
  return [...state.rowOf]
    .filter(([, row]) => statusLabel.has(textOf(state.rows[row - 1]![col])))
    .map(([id]) => ({ id, version: state.snapshot.get(id)?.line_version ?? 0 }))
    .filter((l) => l.version > 0);
}

/**
 * Lines whose box the server knows a number for (the snapshot's, so a number typed and not pushed does not count)
 * and whose status cell reads none of `skipStatus`: whatever else the sheet shows, a send may have moved them.
 */
export function numberedLines(state: SheetState, skipStatus: ReadonlySet<string>): string[] {
  const col = state.at.get('status');
  const statusOf = (row: number) => (col === undefined ? '' : textOf(state.rows[row - 1]![col]));
  return [...state.rowOf].filter(([id, row]) => !!state.snapshot.get(id)?.values.tracking_number && !skipStatus.has(statusOf(row))).map(([id]) => id);
}

/** Writes one result per item of a bulk transition beside its row, then refreshes the lines it moved. */
export async function applyItemResults(
  api: Api,
  state: SheetState,
  results: readonly ItemResult[],
  lang: Lang,
  alsoRefresh: readonly string[] = [],
): Promise<void> {
  // The lines an item moved (and any the caller knows moved elsewhere, e.g. by a job) are read again.
  const moved = new Set<string>(alsoRefresh);
  for (const r of results) for (const l of r.lines ?? []) moved.add(l.id);
  await refreshRows(api, state, [...moved], lang);
  const patches: CellPatches = new Map();
  for (const r of results) {
    const row = state.rowOf.get(r.id);
    if (row !== undefined) putResult(state, patches, row, serverResult(r), lang);
  }
  await writeCells(ORDER_SHEET, patches);
}
