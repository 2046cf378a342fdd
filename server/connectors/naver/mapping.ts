// Naver product-order states → our lifecycle (mall-apis.md §4, Naver column; claim codes §2.5, statuses §2.6),
// and product orders → mall-neutral orders grouped by orderId.
import { claimStatus, type ClaimType, type MallClaimState, type Status } from '../../../shared/lifecycle.ts';
import type { MallChange, MallLine, MallOrder } from '../types.ts';
import { toUtcIso } from './kst-time.ts';
import type { ProductOrderDetail } from './wire.ts';

const CLAIM_KINDS: Record<string, ClaimType> = { CANCEL: 'cancel', ADMIN_CANCEL: 'cancel', RETURN: 'return', EXCHANGE: 'exchange' };

/** claimStatus → state (§2.5). COLLECTING / COLLECT_DONE serve returns and exchanges alike; claimType decides. */
const CLAIM_STATES: Record<string, MallClaimState> = {
  CANCEL_REQUEST: 'requested',
  CANCELING: 'requested',
  ADMIN_CANCELING: 'requested',
  RETURN_REQUEST: 'requested',
  EXCHANGE_REQUEST: 'requested',
  COLLECTING: 'requested',
  COLLECT_DONE: 'requested',
  EXCHANGE_REDELIVERING: 'requested',
  CANCEL_DONE: 'completed',
  ADMIN_CANCEL_DONE: 'completed',
  RETURN_DONE: 'completed',
  EXCHANGE_DONE: 'completed',
  // 철회/거부: the product order goes back to where it was (§4, last row).
  CANCEL_REJECT: 'withdrawn',
  ADMIN_CANCEL_REJECT: 'withdrawn',
  RETURN_REJECT: 'withdrawn',
  EXCHANGE_REJECT: 'withdrawn',
};

/** The claim on a product order, if it is one of ours (purchase-decision holdbacks are not). */
export function claimOf(detail: ProductOrderDetail): { type: ClaimType; state: MallClaimState } | null {
  const type = detail.claimType ? CLAIM_KINDS[detail.claimType] : undefined;
  if (!type) return null;
  return { type, state: (detail.claimStatus && CLAIM_STATES[detail.claimStatus]) || 'requested' };
}

/** deliveryStatus values that mean the courier has the parcel moving (§4: IN_TRANSIT row); the rest are SHIPPED. */
const MOVING = new Set(['DELIVERING', 'DELIVERY_COMPLETION', 'DELIVERY_FAIL']);

/** Our status from productOrderStatus (+ placeOrderStatus, deliveryStatus), ignoring claims; null = never ours. */
function baseStatus(detail: ProductOrderDetail): Status | null {
  switch (detail.productOrderStatus) {
    case 'PAYED':
      // 신규주문 = PAYED + NOT_YET; 발송대기 = PAYED + OK (§2.6). CANCEL (확인 해제) is unconfirmed again.
      return detail.placeOrderStatus === 'OK' ? 'NEW' : 'PAID';
    case 'DELIVERING':
      return detail.delivery?.deliveryStatus && MOVING.has(detail.delivery.deliveryStatus) ? 'IN_TRANSIT' : 'SHIPPED';
    case 'DELIVERED':
      return 'DELIVERED';
    case 'PURCHASE_DECIDED':
      return 'PURCHASE_CONFIRMED';
    case 'CANCELED':
      return 'CANCELED';
    case 'RETURNED':
      return 'RETURNED';
    case 'EXCHANGED':
      return 'EXCHANGED';
    default:
      // PAYMENT_WAITING, CANCELED_BY_NOPAYMENT: never paid, never collected.
      return null;
  }
}

export function statusOf(detail: ProductOrderDetail): Status | null {
  const base = baseStatus(detail);
  if (base === null) return null;
  const claim = claimOf(detail);
  if (!claim || claim.state === 'withdrawn') return base;
  return claimStatus(claim.type, claim.state);
}

/** The mall's own words, for showing mismatches: e.g. "PAYED/NOT_YET", "DELIVERING/COLLECT_CARGO", "PAYED/CANCEL_REQUEST". */
export function mallStatusOf(detail: ProductOrderDetail): string {
  const parts = [detail.productOrderStatus];
  if (detail.productOrderStatus === 'PAYED' && detail.placeOrderStatus) parts.push(detail.placeOrderStatus);
  if (detail.productOrderStatus === 'DELIVERING' && detail.delivery?.deliveryStatus) parts.push(detail.delivery.deliveryStatus);
  if (claimOf(detail) && detail.claimStatus) parts.push(detail.claimStatus);
  return parts.join('/');
}

/** Still waiting to ship at Naver: paid, no live claim, not dispatched. */
export function isCollectable(detail: ProductOrderDetail): boolean {
  const claim = claimOf(detail);
  return detail.productOrderStatus === 'PAYED' && (!claim || claim.state === 'withdrawn') && !detail.delivery?.trackingNumber;
}

function line(detail: ProductOrderDetail, status: Status): MallLine {
  return {
    mallLineId: detail.productOrderId,
    mallShipmentId: detail.packageNumber,
    mallProductId: detail.productId,
    mallOptionId: detail.optionCode,
    productName: detail.productName,
    optionText: detail.productOption,
    quantity: detail.quantity,
    unitPrice: detail.unitPrice,
    amount: detail.amount,
    mallStatus: mallStatusOf(detail),
    status,
  };
}

/** The receiver and delivery memo of a product order (the same for an order's product orders). */
export function recipientOf(detail: ProductOrderDetail): Pick<MallOrder, 'recipient' | 'deliveryMemo'> {
  return {
    recipient: {
      name: detail.address.name ?? '',
      // tel1 is often a 050x safe number (§2.1); PRODUCT.md §2.4 keeps it out of merge keys downstream.
      phone: detail.address.tel1,
      mobile: detail.address.tel2,
      zip: detail.address.zipCode,
      address1: detail.address.baseAddress,
      address2: detail.address.detailedAddress,
    },
    deliveryMemo: detail.shippingMemo,
  };
}

/** One MallOrder per orderId, its lines the collectable product orders, in the order Naver listed them. */
export function toMallOrders(details: readonly ProductOrderDetail[]): MallOrder[] {
  const orders = new Map<string, MallOrder>();
  for (const detail of details) {
    const status = statusOf(detail);
    if (!status || !isCollectable(detail)) continue;
    let order = orders.get(detail.orderId);
    if (!order) {
      // Recipient and memo are per product order at Naver, but the same for an order's lines: take the first.
      order = {
        mallOrderId: detail.orderId,
        orderedAt: toUtcIso(detail.orderDate),
        paidAt: toUtcIso(detail.paymentDate),
        orderer: { name: detail.ordererName ?? '', phone: detail.ordererTel, email: null },
        ...recipientOf(detail),
        shippingFee: 0,
        lines: [],
      };
      orders.set(detail.orderId, order);
    }
    order.shippingFee += detail.deliveryFeeAmount;
    order.lines.push(line(detail, status));
  }
  return [...orders.values()];
}

export function toMallChange(detail: ProductOrderDetail, changedAt: string): MallChange | null {
  const status = statusOf(detail);
  if (!status) return null;
  const claim = claimOf(detail);
  return {
    mallLineId: detail.productOrderId,
    mallOrderId: detail.orderId,
    mallStatus: mallStatusOf(detail),
    status,
    ...(claim
      ? {
          claim: {
            type: claim.type,
            state: claim.state,
            mallClaimId: detail.claimId ?? detail.claim?.claimId ?? null,
            reason: detail.claim?.reason ?? null,
            quantity: detail.claim?.quantity ?? null,
          },
        }
      : {}),
    changedAt: toUtcIso(changedAt) ?? changedAt,
  };
}
