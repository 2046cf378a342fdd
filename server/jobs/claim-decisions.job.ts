// Send claim decisions (클레임 처리 전송): claims a mall reported (a buyer's cancel, return) that an operator decided
// here — completed (approve: the mall refunds) or withdrawn (reject) — are told to the mall, so it stops showing the
// request and the next sync finds nothing to disagree about. One job per account, started after the operator's
// decision (auto) or from the jobs tab; each claim gets a result with the mall's reason when it refused. What the mall
// took is recorded on the claim (sent) with a history row; one it could not take for now (down, busy: the connector
// says retryable) waits for the schedule's next round (pending, with the mall's reason for the order detail) — the
// schedule's interval is the wait between tries; a refusal is kept (failed) until an operator acts (a run from the
// jobs tab sends it again); a decision the mall has no call for is said once and never sent again (unsupported:
// decide it in the seller center).
// Claims entered by hand were never the mall's and are never sent.
import { message, type Text } from '../../shared/i18n.ts';
import type { ClaimDecisionTarget, Outcome } from '../connectors/types.ts';
import {
  DECISIONS_TO_SEND,
  decisionsToSend,
  recordDecisionOutcomes,
  type DecisionOutcome,
  type DecisionRow,
} from '../modules/orders/mall-lines.service.ts';
import { inParts, partAsNow, sendInPartsRecordingBehind } from './in-parts.ts';
import { stopIfCanceled, type JobContext } from './job-context.ts';
import type { JobResult } from './jobs.repo.ts';
import { jobsMessages } from './jobs.messages.ts';

/** Claims sent before their outcomes are recorded (in-parts.ts); a mall claim's lines (one receipt) go together. */
export const CLAIM_PART = 100;

/** Rounds a run takes for decisions made while it ran (each round only claims not tried in this run). */
const MAX_ROUNDS = 5;

export async function claimDecisionsJob(ctx: JobContext): Promise<void> {
  const claimIds = Array.isArray(ctx.job.params.claim_ids) ? (ctx.job.params.claim_ids as string[]) : undefined;
  // A decision the mall refused waits for an operator: only a run started from the jobs tab sends it again, never one
  // the schedule or another decision started (it would go again, unasked, every round the mall is down).
  const statuses = ctx.job.trigger === 'manual' ? DECISIONS_TO_SEND : (['pending'] as const);
  let rows = await decisionsToSend(ctx.db, ctx.account.id, claimIds, statuses);
  let total = rows.length;
  await ctx.expect(total);
  const tried = new Set<string>();
  // A decision made while this run is under way cannot start a run of its own (one at a time per account): this run
  // reads again once it is done and sends what was decided meanwhile.
  for (let round = 0; rows.length && round < MAX_ROUNDS; round++) {
    for (const r of rows) tried.add(r.claim_id);
    await sendRows(ctx, rows);
    if (claimIds) break;
    rows = (await decisionsToSend(ctx.db, ctx.account.id)).filter((r) => r.mall_decision_status === 'pending' && !tried.has(r.claim_id));
    if (rows.length) await ctx.expect((total += rows.length));
  }
}

async function sendRows(ctx: JobContext, rows: DecisionRow[]): Promise<void> {
  await sendInPartsRecordingBehind(
    inParts(rows, CLAIM_PART, (r) => r.mall_claim_id ?? r.claim_id),
    async (read) => {
      // Read again just before it goes: a claim restored or decided again meanwhile is sent as it is now, or not.
      const part = await partNow(ctx, read);
      const outcomes = part.rows.length ? await ctx.connector.sendClaimDecisions(part.rows.map(targetOf)) : [];
      ctx.reachedMall();
      return { part, outcomes };
    },
    (_read, { part, outcomes }) => recordPart(ctx, part, outcomes),
    {
      beforeSend: () => stopIfCanceled(ctx.signal),
      unheard: (error) => ctx.log.error('claim decisions: a part the mall took was not recorded', { job_id: ctx.job.id, error }),
    },
  );
}

const targetOf = (r: DecisionRow): ClaimDecisionTarget => ({
  claimId: r.claim_id,
  decision: r.decision,
  type: r.type,
  mallClaimId: r.mall_claim_id,
  mallLineId: r.mall_line_id,
  mallShipmentId: r.mall_shipment_id,
  mallOrderId: r.mall_order_id,
  mallOptionId: r.mall_option_id,
  quantity: r.quantity,
  reason: r.reason,
});

/** A part's claims still to send as they are now (`rows`), and those no longer to be sent (`gone`). */
type Part = { rows: DecisionRow[]; gone: DecisionRow[] };

async function partNow(ctx: JobContext, read: DecisionRow[]): Promise<Part> {
  const fresh = await decisionsToSend(
    ctx.db,
    ctx.account.id,
    read.map((r) => r.claim_id),
  );
  const { current, gone } = partAsNow(read, new Map(fresh.map((r) => [r.claim_id, r])), (r) => r.claim_id);
  return { rows: current, gone };
}

async function recordPart(ctx: JobContext, part: Part, outcomes: Outcome[]): Promise<void> {
  const rows = new Map(part.rows.map((r) => [r.claim_id, r]));
  const recorded: DecisionOutcome[] = outcomes.flatMap((o): DecisionOutcome[] => {
    const row = rows.get(o.ref);
    if (!row) return [];
    if (o.ok) return [{ row, status: 'sent', error: null }];
    const error: Text = o.message ?? o.code ?? 'failed';
    if (o.code === 'UNSUPPORTED_DECISION') return [{ row, status: 'unsupported', error }];
    return [{ row, status: o.retryable ? 'pending' : 'failed', error }];
  });
  await recordDecisionOutcomes(ctx.db, recorded, ctx.actor, new Date().toISOString());
  const results: JobResult[] = recorded.map(({ row, status, error }) =>
    status === 'sent' ? resultOf(row, 'ok', null, null) : resultOf(row, 'failed', outcomes.find((o) => o.ref === row.claim_id)?.code ?? null, error),
  );
  for (const row of part.gone) results.push(resultOf(row, 'skipped', 'claim_changed', message(jobsMessages.claim_changed)));
  await ctx.record(results);
}

/** One claim's result, named as an operator knows it: the mall order number, the mall's claim number, the product. */
function resultOf(row: DecisionRow, result: JobResult['result'], code: string | null, why: Text | null): JobResult {
  return {
    ref_type: 'line',
    ref_id: row.line_id,
    mall_ref: row.mall_claim_id ?? row.mall_line_id,
    mall_order_id: row.mall_order_id,
    item_name: row.product_name,
    result,
    code,
    message: why,
  };
}
