// Confirm (발주확인): lines still PAID are acknowledged at the mall; those the mall accepted become NEW here, and
// only those: confirming a mall's line is the mall's word, never ours alone (the transition engine refuses a local
// confirm of a mall line). The mall's acceptance is also remembered on the line, for the send job.
import type { Outcome } from '../connectors/types.ts';
import type { BulkResult } from '../modules/orders/transitions.service.ts';
import { applyTransitions } from '../modules/orders/transitions.service.ts';
import { inParts } from './in-parts.ts';
import { stopIfCanceled, type JobContext } from './job-context.ts';
import type { JobResult } from './jobs.repo.ts';
import { currentVersions, linesToConfirm, markMallConfirmed, type ConfirmRow } from '../modules/orders/mall-lines.service.ts';

/** Lines confirmed at the mall before their outcomes are recorded (in-parts.ts), an order's lines always together. */
export const CONFIRM_PART_LINES = 300;

export async function confirmJob(ctx: JobContext): Promise<void> {
  const lineIds = Array.isArray(ctx.job.params.line_ids) ? (ctx.job.params.line_ids as string[]) : undefined;
  const lines = await linesToConfirm(ctx.db, ctx.account.id, lineIds);
  await ctx.expect(lines.length);
  // A mall confirms a shipment (Coupang's shipmentBoxId) as a whole: an order's lines go in the same part.
  for (const part of inParts(lines, CONFIRM_PART_LINES, (l) => l.mall_order_id)) {
    stopIfCanceled(ctx.signal);
    await ctx.record(await confirmPart(ctx, part));
  }
}

/** Confirms one part's lines at the mall, and here those the mall accepted. */
async function confirmPart(ctx: JobContext, lines: ConfirmRow[]): Promise<JobResult[]> {
  const outcomes = await ctx.connector.confirm(
    lines.map((l) => ({ lineId: l.id, mallLineId: l.mall_line_id, mallShipmentId: l.mall_shipment_id, mallOrderId: l.mall_order_id })),
  );
  ctx.reachedMall();
  // What the mall accepted is recorded here too, even if the job was asked to stop meanwhile.
  const byLine = new Map(lines.map((l) => [l.id, l]));
  const accepted = outcomes.filter((o) => o.ok).map((o) => byLine.get(o.ref)!);
  await markMallConfirmed(
    ctx.db,
    accepted.map((l) => l.id),
    new Date().toISOString(),
  );
  const versions = await currentVersions(
    ctx.db,
    accepted.map((l) => l.id),
  );
  const applied = accepted.length
    ? await applyTransitions(
        ctx.db,
        ctx.actor,
        { action: 'confirm', items: accepted.map((l) => ({ id: l.id, version: versions.get(l.id) ?? l.version })) },
        { source: 'mall' },
        { blockItems: ctx.blockItems },
      )
    : null;
  return resultsOf(outcomes, byLine, applied);
}

/** One result per line: the mall's refusal, or ours (e.g. the order changed meanwhile), or ok. */
function resultsOf(outcomes: Outcome[], lines: Map<string, ConfirmRow>, applied: BulkResult | null): JobResult[] {
  const ours = new Map((applied?.results ?? []).map((r) => [r.id, r]));
  return outcomes.map((o) => {
    const line = lines.get(o.ref);
    const names = { mall_ref: line?.mall_line_id ?? null, mall_order_id: line?.mall_order_id ?? null, item_name: line?.product_name ?? null };
    if (!o.ok) return { ref_type: 'line', ref_id: o.ref, ...names, result: 'failed', code: o.code ?? null, message: o.message ?? null };
    const r = ours.get(o.ref);
    if (r?.result === 'refused')
      return { ref_type: 'line', ref_id: o.ref, ...names, result: 'failed', code: r.code ?? null, message: r.message ?? null };
    return { ref_type: 'line', ref_id: o.ref, ...names, result: 'ok', code: null, message: null };
  });
}
