// Numbering the selected order rows from the courier's band (자동 채번): the server gives one number per box (or per
// order for rows not yet in one) through the rules a typed number meets; each row gets its result beside it, and
// the rows that moved are read again, so their numbers and 운송장출력 show.
import { LABEL_LINES_MAX, LABELS_MAX } from '../../../../shared/api/exports.schema.ts';
import { TRACKING_ISSUE_MAX } from '../../../../shared/api/tracking-bands.schema.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { StartedJob } from '../../api/jobs.ts';
import { exportLabels } from '../../api/exports.ts';
import { issueNumbers } from '../../api/tracking-bands.ts';
import { saveFile } from '../files/save-file.ts';
import { applyItemResults } from '../orders/order-sheet.ts';
import { selection } from '../orders/sheet-actions.ts';
import type { SheetState } from '../orders/order-sheet.ts';
import { textOf } from '../../sheet/cells.ts';

export type Numbered = {
  applied: number;
  refused: number;
  issued: number;
  first: string | null;
  last: string | null;
  remaining: number;
  autoJobs: StartedJob[];
};

/**
 * Consecutive parts of at most `max` rows and `maxOrders` keys (orders, or merged boxes: partKeyOf), a key's rows
 * never split between two (a box is numbered once, by the part that holds its rows; a key with more than `max` rows
 * alone is a part of its own).
 */
export function partsByOrder<T>(rows: readonly T[], orderOf: (row: T) => string, max: number, maxOrders = Infinity): T[][] {
  const byOrder = new Map<string, T[]>();
  for (const row of rows) {
    const order = orderOf(row);
    const list = byOrder.get(order);
    if (list) list.push(row);
    else byOrder.set(order, [row]);
  }
  const parts: T[][] = [];
  let part: T[] = [];
  let orders = 0;
  for (const list of byOrder.values()) {
    if (part.length && (part.length + list.length > max || orders + 1 > maxOrders)) {
      parts.push(part);
      part = [];
      orders = 0;
    }
    part.push(...list);
    orders++;
  }
  if (part.length) parts.push(part);
  return parts;
}

/**
 * What keeps rows in one part: the merged box a row is in (its 합포 cell names it the same on every line of the box,
 * whatever order), else its order. A box split between two parts was numbered by the first and its rows in the
 * second refused; its label printed in both files.
 */
function partKeyOf(state: SheetState): (lineId: string) => string {
  const col = state.at.get('box_group');
  return (lineId) => {
    const row = state.rowOf.get(lineId);
    const group = col === undefined || row === undefined ? '' : textOf(state.rows[row - 1]?.[col]);
    return group ? `box:${group}` : (state.snapshot.get(lineId)?.order_id ?? lineId);
  };
}

/**
 * Null when no order row is selected. A sale day's selection (tens of thousands of rows) goes in parts the server
 * takes (TRACKING_ISSUE_MAX), each answered beside its rows before the next; `progress` hears rows done of all.
 */
export async function numberSelection(
  api: Api,
  courier: string,
  lang: Lang,
  progress?: (done: number, total: number) => void,
): Promise<Numbered | null> {
  const { state, rows } = await selection(lang);
  const items = rows.map(({ id }) => ({ id, version: state.snapshot.get(id)?.line_version ?? 0 })).filter((i) => i.version > 0);
  if (!items.length) return null;
  const total: Numbered = { applied: 0, refused: 0, issued: 0, first: null, last: null, remaining: 0, autoJobs: [] };
  let done = 0;
  const keyOf = partKeyOf(state);
  for (const part of partsByOrder(items, (i) => keyOf(i.id), TRACKING_ISSUE_MAX)) {
    const out = await issueNumbers(api, { courier, items: part });
    // Rows numbered meanwhile (another operator) or changed since the pull are read again too: they show what the
    // server holds now, beside their refusal.
    const moved = out.results.filter((r) => r.code === 'already_numbered' || r.code === 'stale_version').map((r) => r.id);
    await applyItemResults(api, state, out.results, lang, moved);
    total.applied += out.applied;
    total.refused += out.refused;
    total.issued += out.numbers.issued;
    total.first ??= out.numbers.first;
    total.last = out.numbers.last ?? total.last;
    total.remaining = out.remaining;
    total.autoJobs.push(...(out.auto_jobs ?? []));
    progress?.((done += part.length), items.length);
  }
  return total;
}

/**
 * 송장 출력: the labels of the selected rows' numbered boxes as HTML files — one per part the server makes at once
 * (LABEL_LINES_MAX lines, LABELS_MAX labels: an order is a box, or shares one; some room left for one split in two)
 * — saved for the operator to open and print (the reason is shipping:
 * labels are for nothing else). Null when no order row is selected.
 */
export async function printSelection(api: Api, lang: Lang): Promise<{ fileNames: string[] } | null> {
  const { state, rows } = await selection(lang);
  if (!rows.length) return null;
  const fileNames: string[] = [];
  const keyOf = partKeyOf(state);
  for (const part of partsByOrder(rows, (r) => keyOf(r.id), LABEL_LINES_MAX, Math.floor(LABELS_MAX * 0.9))) {
    const file = await exportLabels(api, { line_ids: part.map((r) => r.id), reason: 'shipping' });
    saveFile(file);
    fileNames.push(file.fileName);
  }
  return { fileNames };
}
