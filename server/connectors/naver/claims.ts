// 클레임 처리 전송 for Naver (mall-apis.md §2.5): what an operator decided on a buyer's claim, told to the Commerce
// API per product order — `POST /v1/pay-order/seller/product-orders/{productOrderId}/claim/cancel/approve` (no body),
// `…/claim/return/approve` (no body) and `…/claim/return/reject` {rejectReturnReason}. Each answers the generic
// success / fail structure. Naver has no seller call that refuses a cancel, and its exchange calls are unverified:
// those come back unsupported, to be handled in the seller center.
//
// A refusal is re-read (상품 주문 상세): a product order Naver already shows decided the way we asked (an earlier
// answer lost, or done in the seller center) counts as done.
import { CLAIM_TYPE_LABELS } from '../../../shared/lifecycle.ts';
import { MallError } from '../http.ts';
import type { ClaimDecisionTarget, Outcome } from '../types.ts';
import type { NaverClient } from './client.ts';
import { codeOfError, detailOfError, isRetryable, naverText } from './errors.ts';
import { queryDetails } from './feed.ts';
import { readActionResult } from './wire.ts';
import { CLAIM_DECISION_LABELS as DECISION_LABELS } from '../../../shared/lifecycle.ts';

/** Naver's claimStatus once a decision of ours took effect. */
const DONE: Record<string, string> = { 'cancel|approve': 'CANCEL_DONE', 'return|approve': 'RETURN_DONE', 'return|reject': 'RETURN_REJECT' };
/** Naver wants a reason for a refused return; an operator's withdraw may not have given one. */
const DEFAULT_REJECT_REASON = '판매자가 반품 요청을 거부했습니다';

export const claimPath = (productOrderId: string, type: string, verb: string) =>
  `/v1/pay-order/seller/product-orders/${encodeURIComponent(productOrderId)}/claim/${type}/${verb}`;

export async function sendNaverClaimDecisions(client: NaverClient, targets: readonly ClaimDecisionTarget[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  const refused: { target: ClaimDecisionTarget; outcome: Outcome }[] = [];
  for (const t of targets) {
    if (!DONE[`${t.type}|${t.decision}`]) {
      const params = { claim: CLAIM_TYPE_LABELS[t.type], decision: DECISION_LABELS[t.decision] };
      out.push({ ref: t.claimId, ok: false, code: 'UNSUPPORTED_DECISION', message: naverText('decision_unsupported', params), retryable: false });
      continue;
    }
    const outcome = await decide(client, t);
    out.push(outcome);
    if (!outcome.ok) refused.push({ target: t, outcome });
  }
  // Already decided there: done, whatever the refusal said.
  const settled = await alreadyDecided(
    client,
    refused.map((r) => r.target),
  );
  return out.map((o) => (!o.ok && settled.has(o.ref) ? { ref: o.ref, ok: true } : o));
}

async function decide(client: NaverClient, t: ClaimDecisionTarget): Promise<Outcome> {
  const id = t.mallLineId;
  const fail = (code: string, detail: unknown): Outcome => ({
    ref: t.claimId,
    ok: false,
    code,
    message: naverText('claim_refused', { productOrderId: id, code, detail: typeof detail === 'string' ? detail : '-' }),
    retryable: isRetryable(code),
  });
  try {
    const body = t.decision === 'reject' ? { rejectReturnReason: (t.reason ?? '').slice(0, 300) || DEFAULT_REJECT_REASON } : undefined;
    const answer = readActionResult(await client.post(claimPath(id, t.type, t.decision), body), `claim/${t.type}/${t.decision}`);
    const failed = answer.failed.get(id);
    if (failed) return fail(failed.code, failed.message);
    return answer.succeeded.has(id) ? { ref: t.claimId, ok: true } : fail('NO_RESULT', '-');
  } catch (error) {
    if (!(error instanceof MallError) || error.kind === 'auth') throw error;
    const detail = detailOfError(error);
    return fail(codeOfError(error), typeof detail === 'string' ? detail : '-');
  }
}

/** Claims of ours whose product order Naver shows decided as asked (claimIds). */
async function alreadyDecided(client: NaverClient, targets: readonly ClaimDecisionTarget[]): Promise<Set<string>> {
  if (!targets.length) return new Set();
  try {
    const now = new Map((await queryDetails(client, [...new Set(targets.map((t) => t.mallLineId))])).map((d) => [d.productOrderId, d]));
    return new Set(targets.filter((t) => now.get(t.mallLineId)?.claimStatus === DONE[`${t.type}|${t.decision}`]).map((t) => t.claimId));
  } catch (error) {
    if (!(error instanceof MallError) || error.kind === 'auth') throw error;
    return new Set();
  }
}
