// Which lines on the order sheet a sync just put in a claim status the sheet does not show yet (issue 13 §7).
//
// How new claims are found, cheaply enough to run after every sync on a 50,000-line sheet: a sync that moved no line
// (its `ok` count is 0, the usual scheduled run) costs nothing. Otherwise the lines it moved are its ok results
// (GET /api/jobs/:id/results); of those, the ones on the sheet (found by reading only the sheet's key and status
// columns) are read again from the server (POST /api/sheet/lines, with the claims the notice lists, in one request), and a line whose status is now a claim status
// (취소요청, 반품완료, …) while its status cell reads otherwise is new to the operator. Collect jobs never move a
// line already collected, so they cannot bring a claim for a row on the sheet. A claim already announced in this
// session is not announced again until its status changes; one a later sync closed (withdrawn, say) leaves the
// notice.
import type { JobView } from '../../../../shared/api/jobs.schema.ts';
import { STATUS_LABELS, claimTypeOf, type Status } from '../../../../shared/lifecycle.ts';
import { ORDER_COLUMNS } from '../../../../shared/sheet/order-columns.ts';
import type { Api } from '../../api/client.ts';
import { allJobResults } from '../../api/jobs.ts';
import { sheetLines } from '../../api/sheet.ts';
import { readColumnLayout, readColumnValues } from '../../excel/sheet-layout.ts';
import { textOf } from '../../sheet/cells.ts';
import { findColumns } from '../../sheet/columns.ts';
import { ORDER_SHEET } from '../orders/order-sheet.ts';

export type NewClaim = { line_id: string; mall_order_id: string; status: Status };

const KEY_AND_STATUS = ORDER_COLUMNS.filter((c) => c.id === 'line_id' || c.id === 'status');

/** Whether a finished job may have moved lines that are on the sheet: only a sync does, and only when it moved some. */
export const mayBringClaims = (job: Pick<JobView, 'type' | 'ok'>): boolean => job.type === 'sync' && job.ok > 0;

/** What the status cells of the given lines read, for those of them on the order sheet (none without a sheet). */
async function shownStatuses(lineIds: ReadonlySet<string>): Promise<Map<string, string>> {
  const shown = new Map<string, string>();
  const layout = await readColumnLayout(ORDER_SHEET);
  const at = findColumns(KEY_AND_STATUS, layout?.columns.map((c) => c.header) ?? []);
  const key = at.get('line_id');
  const status = at.get('status');
  if (!layout || key === undefined || status === undefined) return shown;
  const cells = await readColumnValues(ORDER_SHEET, [key, status], layout.rows - 1);
  const keys = cells.get(key)!;
  const statuses = cells.get(status)!;
  keys.forEach((cell, i) => {
    const id = textOf(cell);
    if (lineIds.has(id) && !shown.has(id)) shown.set(id, textOf(statuses[i]));
  });
  return shown;
}

/** A claim as announced: its line in that status (the same line in another status is another announcement). */
export const claimKey = (c: Pick<NewClaim, 'line_id' | 'status'>) => `${c.line_id}:${c.status}`;

/**
 * What a finished sync changed in the notice (`listed`: the claims it lists now), from one read of the lines again:
 * `found`, the lines it moved that are on the sheet in a claim status their cell does not read, not announced yet;
 * `closed`, the listed claims whose line is no longer in the status announced (a later sync withdrew the claim, or
 * moved it on: a completed one is announced anew). `seen` is updated: closed claims leave it, so the same claim made
 * again is news again.
 */
export async function claimNews(
  api: Api,
  job: Pick<JobView, 'id' | 'type' | 'ok'>,
  listed: readonly NewClaim[],
  seen: Set<string>,
): Promise<{ found: NewClaim[]; closed: Set<string> }> {
  if (!mayBringClaims(job)) return { found: [], closed: new Set() };
  const moved = new Set((await allJobResults(api, job.id, { result: 'ok' })).flatMap((r) => (r.ref_type === 'line' && r.ref_id ? [r.ref_id] : [])));
  const shown = moved.size ? await shownStatuses(moved) : new Map<string, string>();
  const ids = new Set([...shown.keys(), ...listed.map((c) => c.line_id)]);
  if (!ids.size) return { found: [], closed: new Set() };
  const { items } = await sheetLines(api, { line_ids: [...ids] });
  const now = new Map(items.map((l) => [l.line_id, l.status]));
  const closed = new Set(listed.filter((c) => now.get(c.line_id) !== c.status).map(claimKey));
  for (const key of closed) seen.delete(key);
  const found: NewClaim[] = [];
  for (const line of items) {
    const cell = shown.get(line.line_id);
    const status = line.status as Status;
    if (cell === undefined || !claimTypeOf(status)) continue;
    const key = claimKey({ line_id: line.line_id, status });
    if (Object.values(STATUS_LABELS[status]).includes(cell) || cell === status || seen.has(key)) continue;
    seen.add(key);
    found.push({ line_id: line.line_id, mall_order_id: line.mall_order_id ?? line.order_id, status });
  }
  return { found, closed };
}
