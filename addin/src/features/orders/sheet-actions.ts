// Actions on the order sheet's rows: an action on the selected rows (status, claim, flags, delete, restore) (발주확인 of mall lines goes to the malls as
// confirm jobs), a courier on the selection, ship every invoiced row, send shipped boxes' numbers to the malls. Each
// writes its results beside the rows it touched and refreshes the rows it moved.
import type { JobView } from '../../../../shared/api/jobs.schema.ts';
import type { BulkTransitionBody, ItemResult } from '../../../../shared/api/orders.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { LEAVES_BOX, PAST_SHIPPING_STATUSES, RETURNING_STATUSES, STATUS_LABELS, type Status } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { allJobResults, startJobs, type JobResult, type StartedJob } from '../../api/jobs.ts';
import { listMallAccounts } from '../../api/mall-accounts.ts';
import { applyTransitions, undoTransitions } from '../../api/orders.ts';
import { selectedRows, writeCells, type Progress } from '../../excel/sheets.ts';
import { textOf } from '../../sheet/cells.ts';
import { actionMessages } from './action-messages.ts';
import type { SelectionAction } from './action-menu.ts';
import {
  ORDER_SHEET,
  appendLines,
  applyItemResults,
  linesWithStatus,
  numberedLines,
  readOrderSheet,
  refreshRows,
  type SheetState,
} from './order-sheet.ts';
import { announceOrderSheetChange } from './sheet-changes.ts';
import { said, type Said } from '../said.ts';

/** The order rows the operator selected (visible ones), with the sheet as read now. */
export async function selection(lang: Lang): Promise<{ state: SheetState; rows: { row: number; id: string }[] }> {
  const picked = (await selectedRows(ORDER_SHEET)).filter((r) => r >= 1);
  const state = await readOrderSheet(lang);
  const key = state.at.get('line_id');
  const rows =
    key === undefined
      ? []
      : picked.flatMap((row) => {
          const id = textOf(state.rows[row - 1]?.[key]);
          return id && state.rowOf.get(id) === row ? [{ row, id }] : [];
        });
  return { state, rows };
}

/** Puts a courier on the selected order rows (the operator then types or pastes the numbers). */
export async function setCourierOnSelection(courierLabelText: string, lang: Lang): Promise<number> {
  const { state, rows } = await selection(lang);
  const col = state.at.get('courier');
  if (col === undefined || !rows.length) return 0;
  await writeCells(ORDER_SHEET, new Map(rows.map(({ row }) => [row, new Map([[col, courierLabelText]])])));
  return rows.length;
}

/** What an action on the sheet's rows did, counted as the sheet shows it, and what it left for the caller. */
export type ActionOutcome = {
  applied: number;
  unchanged: number;
  refused: number;
  /** Jobs the server started after it (send on ship, claim decisions): the caller follows them (followAutoJobs). */
  autoJobs: StartedJob[];
  batchId: string;
  undoable: boolean;
  stockShort: StockShort;
};

/**
 * Applies an action to the selected rows with their pulled versions and its parameters (action-menu.ts); results
 * beside them. A claim on part of a line splits it (the claimed part keeps the row, the rest becomes new lines):
 * the new lines are added under the sheet and the row's message says so. 발주확인 of a mall's
 * line is the mall's to accept: the server refuses it locally (mall_confirm_required), so those lines go to the
 * mall in a confirm job per account, and each row shows what the mall said once the jobs end. The jobs the server
 * started on its own (클레임 처리 전송 after a mall's claim is decided, 송장 전송 after a ship) are answered for the
 * caller to follow (followAutoJobs), as a ship's are.
 */
export async function actOnSelection(
  api: Api,
  jobs: JobFeed,
  action: SelectionAction,
  lang: Lang,
  progress?: Progress,
  params: Omit<BulkTransitionBody, 'items' | 'action'> = {},
): Promise<ActionOutcome | null> {
  const { state, rows } = await selection(lang);
  const items = rows.map(({ id }) => ({ id, version: state.snapshot.get(id)?.line_version ?? 0 })).filter((i) => i.version > 0);
  if (!items.length) return null;
  const out = await applyTransitions(api, { ...params, action, items });
  const splitOff = out.results.flatMap((r) => noteSplit(r, state, lang));
  const atMall = out.results.filter((r) => r.result === 'refused' && r.code === 'mall_confirm_required');
  const atMalls = atMall.length ? await confirmAtMalls(api, jobs, atMall, progress) : { results: [], confirmed: [] };
  const results = atMall.length ? [...out.results.filter((r) => !atMall.includes(r)), ...atMalls.results] : out.results;
  // The split-off lines go under the sheet first, so the refresh below finds their rows.
  await appendLines(api, state, splitOff, lang);
  await applyItemResults(api, state, results, lang, atMalls.confirmed);
  const applied = results.filter((r) => r.result === 'applied').length;
  const unchanged = results.filter((r) => r.result === 'applied' && r.code === 'unchanged').length;
  return {
    applied: applied - unchanged,
    unchanged,
    refused: results.length - applied,
    autoJobs: out.auto_jobs ?? [],
    batchId: out.batch_id,
    undoable: !!out.undoable,
    stockShort: out.stock_short ?? [],
  };
}

/**
 * Undoes a bulk change made from the pane (its batch) and reads the rows it moved back again, so the sheet shows
 * them as they are now (with their new versions). Answers how many lines went back.
 */
export async function undoChange(api: Api, batchId: string, lang: Lang): Promise<number> {
  const out = await undoTransitions(api, batchId);
  const state = await readOrderSheet(lang);
  await refreshRows(
    api,
    state,
    out.line_ids.filter((id) => state.rowOf.has(id)),
    lang,
  );
  return out.lines;
}

/**
 * A line split by a partial claim: the new lines are not on the sheet yet; they are added under it, and the claimed
 * row says where the rest went. Answers the new lines' ids.
 */
function noteSplit(r: ItemResult, state: SheetState, lang: Lang): string[] {
  const added = (r.lines ?? []).filter((l) => !state.rowOf.has(l.id)).map((l) => l.id);
  if (added.length) r.warnings = [...(r.warnings ?? []), format(actionMessages.split_rest, { count: added.length }, lang)];
  return added;
}

/** The jobs that started, to follow; each of the others says why it did not. */
const startedJobs = (items: readonly StartedJob[]) => items.flatMap((i) => (i.started ? [i.job] : []));
const notStartedMessages = (items: readonly StartedJob[]) => items.flatMap((i) => (i.started ? [] : [i.message]));

/**
 * Confirms mall lines at their malls (one confirm job per account): one item result per line, and the lines the
 * malls confirmed (the jobs moved them, so their rows are read again).
 */
async function confirmAtMalls(
  api: Api,
  feed: JobFeed,
  refused: readonly ItemResult[],
  progress?: Progress,
): Promise<{ results: ItemResult[]; confirmed: string[] }> {
  const started = await startJobs(api, { type: 'confirm', line_ids: refused.map((r) => r.id) });
  const jobs = await feed.follow(startedJobs(started.items), progress);
  const byLine = new Map<string, JobResult>();
  for (const job of jobs) for (const r of await allJobResults(api, job.id)) if (r.ref_id) byLine.set(r.ref_id, r);
  // A job that could not start (the account is off, a confirm already runs) says why on its lines.
  const notStarted = notStartedMessages(started.items).join(' / ');
  const results = refused.map((item): ItemResult => {
    const r = byLine.get(item.id);
    if (r?.result === 'ok') return { id: item.id, result: 'applied' };
    if (r) return { id: item.id, result: 'refused', message: r.message || r.code || '' };
    return { id: item.id, result: 'refused', message: notStarted || item.message || '' };
  });
  return { results, confirmed: refused.filter((item) => byLine.get(item.id)?.result === 'ok').map((item) => item.id) };
}

/** Stock rows a ship left below zero, as the server names them. */
export type StockShort = { sku_code: string; warehouse_code: string; on_hand: number }[];

/** What the operator reads of them: the first few rows, and that the shelf wants counting ('' when none). */
export function stockShortText(short: StockShort): Said {
  if (!short.length) return '';
  const first = short
    .slice(0, 5)
    .map((r) => `${r.sku_code} (${r.warehouse_code}) ${r.on_hand}`)
    .join(', ');
  const list = short.length > 5 ? said(actionMessages.and_more, { list: first, count: short.length - 5 }) : first;
  return said(actionMessages.stock_short, { list });
}

const statusLabels = (...statuses: Status[]) => new Set(statuses.flatMap((status) => Object.values(STATUS_LABELS[status])));

/** Where a send no longer moves a line: the parcel is past shipping, or a claim closed it or brings it back. */
const BEYOND_SEND = statusLabels(...PAST_SHIPPING_STATUSES, ...LEAVES_BOX, ...RETURNING_STATUSES);

/** Ships every invoiced row of the sheet (boxes ship whole); results beside the rows, moved rows refreshed. */
export async function shipInvoiced(api: Api, lang: Lang, read?: SheetState): Promise<ActionOutcome | null> {
  const state = read ?? (await readOrderSheet(lang));
  const items = linesWithStatus(state, statusLabels('INVOICED'));
  if (!items.length) return null;
  const out = await applyTransitions(api, { action: 'ship', items });
  await applyItemResults(api, state, out.results, lang);
  // A box ships whole with its first row: its other rows come back unchanged (변경없음), counted apart as on the sheet.
  const unchanged = out.results.filter((r) => r.result === 'applied' && r.code === 'unchanged').length;
  // Accounts that send once shipped had their send jobs started by the server: the caller follows them.
  return {
    applied: out.applied - unchanged,
    unchanged,
    refused: out.refused,
    autoJobs: out.auto_jobs ?? [],
    batchId: out.batch_id,
    undoable: !!out.undoable,
    stockShort: out.stock_short ?? [],
  };
}

/**
 * Sends tracking numbers of shipped boxes to the malls (one job per account), waits for the jobs, then refreshes
 * the numbered rows so each shows its box's send result (sent / failed with the mall's reason) and new status.
 */
export async function sendToMalls(api: Api, feed: JobFeed, accountIds: readonly string[], lang: Lang, progress: Progress, signal?: AbortSignal) {
  const started = await startJobs(api, { type: 'send_invoices', mall_account_ids: [...accountIds] });
  return followSends(api, feed, started.items, lang, progress, signal);
}

/**
 * Follows send jobs (started by the operator, or by the server after a push or ship for accounts that send once
 * shipped) to their end, then refreshes the numbered rows so each shows its box's send result (`keepResults`: the
 * push's or ship's results beside the rows stay).
 */
export async function followSends(
  api: Api,
  feed: JobFeed,
  items: readonly StartedJob[],
  lang: Lang,
  progress: Progress,
  signal?: AbortSignal,
  options: { keepResults?: boolean } = {},
): Promise<{ ok: number; failed: number; notStarted: string[]; unfinished: JobView[] }> {
  const notStarted = notStartedMessages(items);
  // Canceled jobs keep what they sent, so the rows are still refreshed.
  const jobs = await feed.follow(startedJobs(items), progress, signal);
  const state = await readOrderSheet(lang);
  // Not only the rows the sheet shows shipped: a box shipped elsewhere (the 스캔 tab, another operator) was sent
  // too while its rows still read 운송장출력, so every numbered row a send could have moved is read again.
  await refreshRows(api, state, numberedLines(state, BEYOND_SEND), lang, options);
  return {
    ok: jobs.reduce((n, j) => n + j.ok, 0),
    failed: jobs.reduce((n, j) => n + j.failed, 0),
    notStarted,
    // A job that failed or stopped as a whole (the server killed mid-send, the mall refusing the keys) may have no
    // item failed: the caller must not call that a success.
    unfinished: jobs.filter((j) => j.state === 'failed' || j.state === 'canceled'),
  };
}

/**
 * What to say of send jobs that failed or stopped as a whole (followSends' `unfinished`): each account by name, with
 * the job's reason; empty when every job went to its end.
 */
export async function unfinishedSendsText(api: Api, jobs: readonly JobView[]): Promise<Said> {
  if (!jobs.length) return '';
  const names = new Map((await listMallAccounts(api)).items.map((a) => [a.id, a.display_name]));
  const accounts = jobs.map((j) => {
    const name = (j.mall_account_id && names.get(j.mall_account_id)) || j.mall_account_id || '';
    return j.error ? `${name} (${j.error})` : name;
  });
  return said(actionMessages.sends_unfinished, { accounts: accounts.join(', ') });
}

/**
 * Follows the claim-decisions jobs the server started after mall claims were decided here (클레임 처리 전송) to their
 * end. They write no sheet rows, but each moved its claims' 쇼핑몰 전송 (전송 대기 → 전송 완료 / 실패): what shows the
 * orders beside the sheet (주문 상세) is told, so it reads them again.
 */
export async function followClaimDecisions(
  feed: JobFeed,
  items: readonly StartedJob[],
  progress: Progress,
  signal?: AbortSignal,
): Promise<{ ok: number; failed: number; allSucceeded: boolean; notStarted: string[] }> {
  const notStarted = notStartedMessages(items);
  const jobs = await feed.follow(startedJobs(items), progress, signal);
  if (jobs.length) announceOrderSheetChange();
  return {
    ok: jobs.reduce((n, j) => n + j.ok, 0),
    failed: jobs.reduce((n, j) => n + j.failed, 0),
    // A job may fail or be canceled as a whole (the mall refused the keys) with no item failed.
    allSucceeded: jobs.every((j) => j.state === 'succeeded'),
    notStarted,
  };
}
