// Store records → the JSON Naver answers with (mall-apis.md §2.2 detail structure, §2.5 claim objects), and the
// plainer view the admin API shows.
import type { Claim, ChangeEntry, OrderRecord, ProductOrderRecord } from './store.ts';

const KST_OFFSET_MS = 9 * 3600_000;

/** `2023-01-16T17:14:51.794+09:00`, as Naver writes every date-time. */
export function kst(ms: number): string {
  return new Date(ms + KST_OFFSET_MS).toISOString().replace('Z', '+09:00');
}

const CLAIM_KEY = { CANCEL: 'cancel', RETURN: 'return', EXCHANGE: 'exchange' } as const;

function claimView(claim: Claim): Record<string, unknown> {
  const common = {
    claimId: claim.claimId,
    claimStatus: claim.claimStatus,
    claimRequestDate: kst(claim.requestDate),
    requestQuantity: claim.requestQuantity,
    requestChannel: '구매자',
  };
  switch (claim.claimType) {
    case 'CANCEL':
      return {
        ...common,
        cancelReason: claim.reason,
        cancelDetailedReason: claim.detailedReason,
        ...(claim.completedDate ? { cancelCompletedDate: kst(claim.completedDate), cancelApprovalDate: kst(claim.completedDate) } : {}),
      };
    case 'RETURN':
      return {
        ...common,
        returnReason: claim.reason,
        returnDetailedReason: claim.detailedReason,
        collectStatus: claim.completedDate ? 'COLLECT_DONE' : 'NOT_REQUESTED',
        holdbackStatus: 'RELEASED',
      };
    case 'EXCHANGE':
      return {
        ...common,
        exchangeReason: claim.reason,
        exchangeDetailedReason: claim.detailedReason,
        collectStatus: claim.completedDate ? 'COLLECT_DONE' : 'NOT_REQUESTED',
        holdbackStatus: 'RELEASED',
      };
  }
}

export function detailView(order: OrderRecord, po: ProductOrderRecord): Record<string, unknown> {
  const claim = po.claim ? { [CLAIM_KEY[po.claim.claimType]]: claimView(po.claim) } : {};
  return {
    order: {
      orderId: order.orderId,
      orderDate: kst(order.orderDate),
      paymentDate: kst(order.paymentDate),
      paymentMeans: order.paymentMeans,
      ordererId: order.ordererId,
      ordererName: order.ordererName,
      ordererTel: order.ordererTel,
      orderDiscountAmount: 0,
      payLocationType: 'MOBILE',
    },
    productOrder: {
      productOrderId: po.productOrderId,
      productOrderStatus: po.productOrderStatus,
      placeOrderStatus: po.placeOrderStatus,
      ...(po.placeOrderDate ? { placeOrderDate: kst(po.placeOrderDate) } : {}),
      ...(po.claim ? { claimType: po.claim.claimType, claimStatus: po.claim.claimStatus, claimId: po.claim.claimId } : {}),
      productId: po.productId,
      originalProductId: po.productId,
      productName: po.productName,
      productOption: po.productOption,
      optionCode: po.optionCode,
      quantity: po.quantity,
      initialQuantity: po.quantity,
      remainQuantity: po.quantity,
      unitPrice: po.unitPrice,
      optionPrice: 0,
      productDiscountAmount: po.productDiscountAmount,
      totalProductAmount: po.totalProductAmount,
      totalPaymentAmount: po.totalPaymentAmount,
      deliveryFeeAmount: po.deliveryFeeAmount,
      ...(po.packageNumber ? { packageNumber: po.packageNumber } : {}),
      shippingAddress: { ...po.shippingAddress, isRoadNameAddress: true, addressType: 'DOMESTIC' },
      shippingMemo: po.shippingMemo,
      shippingDueDate: kst(po.shippingDueDate),
      expectedDeliveryCompany: 'CJGLS',
      deliveryAttributeType: 'NORMAL',
      ...(po.decisionDate ? { decisionDate: kst(po.decisionDate) } : {}),
      expectedSettlementAmount: Math.round(po.totalPaymentAmount * 0.95),
    },
    ...(po.delivery
      ? {
          delivery: {
            deliveryMethod: po.delivery.deliveryMethod,
            ...(po.delivery.deliveryCompany ? { deliveryCompany: po.delivery.deliveryCompany } : {}),
            ...(po.delivery.trackingNumber ? { trackingNumber: po.delivery.trackingNumber } : {}),
            sendDate: kst(po.delivery.sendDate),
            ...(po.delivery.deliveryStatus ? { deliveryStatus: po.delivery.deliveryStatus } : {}),
            ...(po.delivery.deliveredDate ? { deliveredDate: kst(po.delivery.deliveredDate) } : {}),
            isWrongTrackingNumber: false,
          },
        }
      : {}),
    // Current API puts the live claim under currentClaim; older clients read the top-level copy.
    ...(po.claim ? { currentClaim: claim, ...claim } : {}),
  };
}

export function changeView(entry: ChangeEntry): Record<string, unknown> {
  return {
    orderId: entry.orderId,
    productOrderId: entry.productOrderId,
    ...(entry.lastChangedType ? { lastChangedType: entry.lastChangedType } : {}),
    paymentDate: kst(entry.paymentDate),
    lastChangedDate: kst(entry.at),
    productOrderStatus: entry.productOrderStatus,
    ...(entry.claimType ? { claimType: entry.claimType, claimStatus: entry.claimStatus } : {}),
    receiverAddressChanged: entry.lastChangedType === 'DELIVERY_ADDRESS_CHANGED',
  };
}

/** What the admin API lists: enough to drive events and check results, not the full Naver structure. */
export function adminOrderView(order: OrderRecord, productOrders: ProductOrderRecord[]): Record<string, unknown> {
  return {
    orderId: order.orderId,
    paidAt: new Date(order.paymentDate).toISOString(),
    ordererName: order.ordererName,
    productOrders: productOrders.map((po) => ({
      productOrderId: po.productOrderId,
      packageNumber: po.packageNumber,
      productName: po.productName,
      productOption: po.productOption,
      quantity: po.quantity,
      productOrderStatus: po.productOrderStatus,
      placeOrderStatus: po.placeOrderStatus,
      claimType: po.claim?.claimType ?? null,
      claimStatus: po.claim?.claimStatus ?? null,
      claimId: po.claim?.claimId ?? null,
      claimRejectReason: po.claim?.rejectReason ?? null,
      deliveryMethod: po.delivery?.deliveryMethod ?? null,
      deliveryCompany: po.delivery?.deliveryCompany ?? null,
      trackingNumber: po.delivery?.trackingNumber ?? null,
      deliveryStatus: po.delivery?.deliveryStatus ?? null,
      recipient: po.shippingAddress,
      shippingMemo: po.shippingMemo,
    })),
  };
}
