// 발주확인 (mall-apis.md §2.3): ≤ 30 productOrderIds per call, PAYED + NOT_YET → OK. A product order Naver already
// shows as confirmed (someone used the seller center, or our earlier call timed out after it succeeded and the
// retry got 104443) counts as done: confirming is what the job wanted.
import type { ConfirmTarget, Outcome } from '../types.ts';
import type { NaverClient } from './client.ts';
import { runInBatches, type LineResult } from './batch.ts';
import { failure, naverText } from './errors.ts';
import { queryDetails } from './feed.ts';
import { claimOf } from './mapping.ts';

export const CONFIRM_PATH = '/v1/pay-order/seller/product-orders/confirm';
const BATCH = 30;

async function settleAlreadyConfirmed(client: NaverClient, results: Map<string, LineResult>): Promise<Set<string>> {
  const doubtful = [...results].filter(([, r]) => !r.ok && r.code === '104443').map(([id]) => id);
  if (doubtful.length === 0) return new Set();
  try {
    const details = await queryDetails(client, doubtful);
    const confirmed = details.filter((d) => {
      const claim = claimOf(d);
      return d.productOrderStatus === 'PAYED' && d.placeOrderStatus === 'OK' && (!claim || claim.state === 'withdrawn');
    });
    return new Set(confirmed.map((d) => d.productOrderId));
  } catch {
    // Could not check: the 104443 stands, and the operator sees Naver's reason.
    return new Set();
  }
}

export async function confirmProductOrders(client: NaverClient, targets: readonly ConfirmTarget[]): Promise<Outcome[]> {
  const ids = [...new Set(targets.map((t) => t.mallLineId))].map((productOrderId) => ({ productOrderId }));
  const results = await runInBatches(
    ids,
    BATCH,
    (batch) => client.post(CONFIRM_PATH, { productOrderIds: batch.map((b) => b.productOrderId) }),
    'confirm',
  );
  const alreadyConfirmed = await settleAlreadyConfirmed(client, results);
  return targets.map((target): Outcome => {
    const result = results.get(target.mallLineId) ?? { ok: false, code: 'NO_RESULT', detail: '-' };
    if (result.ok) return { ref: target.lineId, ok: true };
    if (alreadyConfirmed.has(target.mallLineId)) return { ref: target.lineId, ok: true, message: naverText('already_confirmed') };
    return failure(target.lineId, result.code, { productOrderId: target.mallLineId, detail: result.detail });
  });
}
