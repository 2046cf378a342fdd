// 발송처리 (mall-apis.md §2.4): one dispatchProductOrders entry per line, ≤ 30 per call; PAYED → DELIVERING.
// Naver offers no call that changes a dispatched number: a changed number is refused with that reason.
// Results come per product order; a box is sent only when every line of it went through. A line Naver already
// shows as dispatched with the same tracking number counts as sent, so sending a box again is harmless.
import { courierToMallCode, findCourier } from '../../../shared/couriers.ts';
import type { Message } from '../../../shared/i18n.ts';
import type { InvoiceTarget, Outcome } from '../types.ts';
import { runInBatches, type LineResult } from './batch.ts';
import type { NaverClient } from './client.ts';
import { describeCode, isRetryable, naverText } from './errors.ts';
import { queryDetails } from './feed.ts';
import { toKstIso } from './kst-time.ts';

export const DISPATCH_PATH = '/v1/pay-order/seller/product-orders/dispatch';
const BATCH = 30;

type DispatchItem = {
  productOrderId: string;
  deliveryMethod: 'DELIVERY' | 'DIRECT_DELIVERY';
  deliveryCompanyCode?: string;
  trackingNumber?: string;
  dispatchDate: string;
};

/** DIRECT (업체직송) goes as DIRECT_DELIVERY without courier or number (shared/couriers.ts, §2.4); others need a Naver code. */
function itemsFor(box: InvoiceTarget, dispatchDate: string): DispatchItem[] | null {
  if (findCourier(box.courier)?.code === 'DIRECT') {
    return box.lines.map((l) => ({ productOrderId: l.mallLineId, deliveryMethod: 'DIRECT_DELIVERY', dispatchDate }));
  }
  const code = courierToMallCode('naver', box.courier);
  if (!code) return null;
  return box.lines.map((l) => ({
    productOrderId: l.mallLineId,
    deliveryMethod: 'DELIVERY',
    deliveryCompanyCode: code,
    trackingNumber: box.trackingNumber,
    dispatchDate,
  }));
}

/** Lines refused for their status (104442) that Naver in fact shows as dispatched exactly as we asked. */
async function alreadyDispatched(client: NaverClient, results: Map<string, LineResult>, sent: Map<string, DispatchItem>): Promise<Set<string>> {
  return showsAsSent(
    client,
    [...results].filter(([, r]) => !r.ok && r.code === '104442').map(([id]) => id),
    sent,
  );
}

/** Of these product orders, the ones Naver shows as dispatched exactly as `sent` says. */
async function showsAsSent(client: NaverClient, doubtful: string[], sent: Map<string, DispatchItem>): Promise<Set<string>> {
  if (doubtful.length === 0) return new Set();
  try {
    const done = new Set<string>();
    for (const detail of await queryDetails(client, doubtful)) {
      const item = sent.get(detail.productOrderId);
      const delivery = detail.delivery;
      if (!item || !delivery || !['DELIVERING', 'DELIVERED', 'PURCHASE_DECIDED'].includes(detail.productOrderStatus)) continue;
      const same =
        item.deliveryMethod === 'DIRECT_DELIVERY'
          ? delivery.deliveryMethod === 'DIRECT_DELIVERY'
          : delivery.trackingNumber === item.trackingNumber && delivery.deliveryCompany === item.deliveryCompanyCode;
      if (same) done.add(detail.productOrderId);
    }
    return done;
  } catch {
    // Could not check: the refusal stands.
    return new Set();
  }
}

/**
 * 발송처리 for first numbers. A box Naver already has a number for (sent, then overwritten here) is not
 * dispatched again: the Commerce API has no call that changes a dispatched product order's number (§2.4 names
 * none; dispatch refuses a DELIVERING order with 104442). It is ok only when Naver already shows the new number
 * (changed in the seller center), otherwise refused with that reason.
 */
export async function dispatchBoxes(client: NaverClient, boxes: readonly InvoiceTarget[], now: Date): Promise<Outcome[]> {
  const dispatchDate = toKstIso(now.getTime());
  const sent = new Map<string, DispatchItem>();
  const changes = new Map<string, DispatchItem>();
  const unsupported = new Set<string>();
  for (const box of boxes) {
    const items = itemsFor(box, dispatchDate);
    if (!items) unsupported.add(box.boxId);
    else for (const item of items) (box.numberChange ? changes : sent).set(item.productOrderId, item);
  }
  const results = sent.size
    ? await runInBatches([...sent.values()], BATCH, (batch) => client.post(DISPATCH_PATH, { dispatchProductOrders: batch }), 'dispatch')
    : new Map<string, LineResult>();
  const settled = await alreadyDispatched(client, results, sent);
  const changedThere = await showsAsSent(client, [...changes.keys()], changes);

  return boxes.map((box): Outcome => {
    if (box.numberChange && !unsupported.has(box.boxId)) {
      if (box.lines.length && box.lines.every((l) => changedThere.has(l.mallLineId))) {
        return { ref: box.boxId, ok: true, message: naverText('already_dispatched') };
      }
      return {
        ref: box.boxId,
        ok: false,
        code: 'NUMBER_CHANGE_UNSUPPORTED',
        message: describeCode('NUMBER_CHANGE_UNSUPPORTED', { trackingNumber: box.trackingNumber }),
        retryable: false,
      };
    }
    if (unsupported.has(box.boxId)) {
      return {
        ref: box.boxId,
        ok: false,
        code: 'UNSUPPORTED_COURIER',
        message: describeCode('UNSUPPORTED_COURIER', { courier: box.courier }),
        retryable: false,
      };
    }
    if (box.lines.length === 0)
      return { ref: box.boxId, ok: false, code: '4000', message: describeCode('4000', { detail: 'no lines' }), retryable: false };
    const failures: { code: string; message: Message }[] = [];
    for (const line of box.lines) {
      const result = results.get(line.mallLineId) ?? { ok: false, code: 'NO_RESULT', detail: '-' };
      if (result.ok || settled.has(line.mallLineId)) continue;
      failures.push({
        code: result.code,
        message: describeCode(result.code, {
          productOrderId: line.mallLineId,
          detail: result.detail,
          trackingNumber: box.trackingNumber,
          courier: sent.get(line.mallLineId)?.deliveryCompanyCode ?? box.courier,
        }),
      });
    }
    if (failures.length === 0) {
      const resent = box.lines.some((l) => settled.has(l.mallLineId));
      return { ref: box.boxId, ok: true, ...(resent ? { message: naverText('already_dispatched') } : {}) };
    }
    // Naver took the box's other lines (they show as dispatched there): said first, so the operator knows the mall
    // has the number for part of the box while the rest waits on the refusal.
    const accepted = box.lines.length - failures.length;
    const said =
      accepted > 0
        ? [naverText('part_dispatched', { accepted, total: box.lines.length }), ...failures.map((f) => f.message)]
        : failures.map((f) => f.message);
    return {
      ref: box.boxId,
      ok: false,
      code: [...new Set(failures.map((f) => f.code))].join(','),
      message: said.reduce((first, next) => naverText('and_then', { first, next })),
      retryable: failures.every((f) => isRetryable(f.code)),
    };
  });
}
