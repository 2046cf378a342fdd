// Numbering the selected order rows from the courier's band (자동 채번): the server gives one number per box (or per
// order for rows not yet in one) through the rules a typed number meets; each row gets its result beside it, and
// the rows that moved are read again, so their numbers and 운송장출력 show.
import { LABEL_LINES_MAX, LABELS_MAX } from '../../../../shared/api/exports.schema.ts';
import { SHEET_PUSH_MAX_ROWS } from '../../../../shared/api/sheet.schema.ts';
import { TRACKING_ISSUE_MAX } from '../../../../shared/api/tracking-bands.schema.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { StartedJob } from '../../api/jobs.ts';
import { exportLabels } from '../../api/exports.ts';
import { sheetBoxes } from '../../api/sheet.ts';
import { issueNumbers } from '../../api/tracking-bands.ts';
import { saveFile } from '../files/save-file.ts';
import { applyItemResults } from '../orders/order-sheet.ts';
import { selection } from '../orders/sheet-actions.ts';

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
 * Consecutive parts of at most `max` rows and `maxOrders` keys (orders with their boxes: partKeyOf), a key's rows
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
 * What keeps rows in one part: the server's word on each line's order and box, joined — the rows of an order, and
 * of a box whatever orders it holds (합포), share a key, so neither is split between two parts. Read from the
 * server, not the sheet: the 합포 column may be hidden or gone from the operator's layout. A box split between two
 * parts was numbered by the first and its rows in the second refused, and its label printed in both files.
 */
async function partKeyOf(api: Api, lineIds: readonly string[]): Promise<(lineId: string) => string> {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let r = key;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(key, r);
    return r;
  };
  const join = (a: string, b: string) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  const orderOf = new Map<string, string>();
  for (let i = 0; i < lineIds.length; i += SHEET_PUSH_MAX_ROWS) {
    const { items } = await sheetBoxes(api, { line_ids: lineIds.slice(i, i + SHEET_PUSH_MAX_ROWS) });
    for (const line of items) {
      orderOf.set(line.line_id, `order:${line.order_id}`);
      root(`order:${line.order_id}`);
      if (line.box_id) join(`order:${line.order_id}`, `box:${line.box_id}`);
    }
  }
  // A line the server no longer knows (deleted meanwhile) goes alone: its refusal comes back beside it.
  return (lineId) => root(orderOf.get(lineId) ?? `line:${lineId}`);
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
  const keyOf = await partKeyOf(
    api,
    items.map((i) => i.id),
  );
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
  const { rows } = await selection(lang);
  if (!rows.length) return null;
  const fileNames: string[] = [];
  const keyOf = await partKeyOf(
    api,
    rows.map((r) => r.id),
  );
  for (const part of partsByOrder(rows, (r) => keyOf(r.id), LABEL_LINES_MAX, Math.floor(LABELS_MAX * 0.9))) {
    const file = await exportLabels(api, { line_ids: part.map((r) => r.id), reason: 'shipping' });
    saveFile(file);
    fileNames.push(file.fileName);
  }
  return { fileNames };
}
