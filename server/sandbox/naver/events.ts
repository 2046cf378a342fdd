// What buyers, couriers and Naver do to a product order after payment, driven by the admin API so tests can
// make claims and deliveries happen (claim codes mall-apis.md §2.5, statuses §2.6). Each event writes the
// change-log entry last-changed-statuses will report.
import { liveClaim, type ClaimType, type NaverStore, type ProductOrderRecord } from './store.ts';

export { EVENTS, type SandboxEvent } from '../admin-schema.ts';
import type { AddressChange, SandboxEvent } from '../admin-schema.ts';
import { newAddress, type NewAddress } from '../address-change.ts';

type Rule = {
  /** Why the event cannot happen to this product order, or null when it can. */
  refuse(po: ProductOrderRecord): string | null;
  apply(store: NaverStore, po: ProductOrderRecord, now: number, address: NewAddress): void;
};

const SHIPPED = ['DELIVERING', 'DELIVERED'];

function openClaim(store: NaverStore, po: ProductOrderRecord, claimType: ClaimType, claimStatus: string, reason: string, now: number): void {
  po.claim = {
    claimId: store.newId(now),
    claimType,
    claimStatus,
    reason,
    detailedReason: '구매자 요청',
    requestDate: now,
    requestQuantity: po.quantity,
    completedDate: null,
  };
  store.logChange(po, 'CLAIM_REQUESTED', now);
}

export function completeClaim(type: ClaimType, status: string) {
  return (store: NaverStore, po: ProductOrderRecord, now: number) => {
    po.claim = { ...po.claim!, claimStatus: `${type}_DONE`, completedDate: now };
    po.productOrderStatus = status;
    store.logChange(po, 'CLAIM_COMPLETED', now);
  };
}

const needsClaim = (type: ClaimType) => (po: ProductOrderRecord) =>
  liveClaim(po)?.claimType === type ? null : `진행 중인 ${type} 클레임이 없습니다`;

const RULES: Record<SandboxEvent, Rule> = {
  buyer_cancel: {
    // Always a request the seller must act on (cancel_complete), so tests can see both states.
    refuse: (po) =>
      po.productOrderStatus !== 'PAYED' ? '발송 전(PAYED) 상품주문만 취소 요청할 수 있습니다' : liveClaim(po) ? '이미 클레임이 진행 중입니다' : null,
    apply: (store, po, now) => openClaim(store, po, 'CANCEL', 'CANCEL_REQUEST', 'INTENT_CHANGED', now),
  },
  cancel_complete: { refuse: needsClaim('CANCEL'), apply: completeClaim('CANCEL', 'CANCELED') },
  return_request: {
    refuse: (po) =>
      !SHIPPED.includes(po.productOrderStatus) ? '발송된 상품주문만 반품 요청할 수 있습니다' : liveClaim(po) ? '이미 클레임이 진행 중입니다' : null,
    apply: (store, po, now) => openClaim(store, po, 'RETURN', 'RETURN_REQUEST', 'SIMPLE_INTENT_CHANGED', now),
  },
  return_complete: { refuse: needsClaim('RETURN'), apply: completeClaim('RETURN', 'RETURNED') },
  exchange_request: {
    refuse: (po) =>
      !SHIPPED.includes(po.productOrderStatus) ? '발송된 상품주문만 교환 요청할 수 있습니다' : liveClaim(po) ? '이미 클레임이 진행 중입니다' : null,
    apply: (store, po, now) => openClaim(store, po, 'EXCHANGE', 'EXCHANGE_REQUEST', 'COLOR_AND_SIZE', now),
  },
  exchange_complete: { refuse: needsClaim('EXCHANGE'), apply: completeClaim('EXCHANGE', 'EXCHANGED') },
  claim_withdraw: {
    refuse: (po) => (liveClaim(po) ? null : '진행 중인 클레임이 없습니다'),
    apply: (store, po, now) => {
      // 철회: the claim stays on record as *_REJECT and the product order is back where it was (§4).
      po.claim = { ...po.claim!, claimStatus: `${po.claim!.claimType}_REJECT`, completedDate: now };
      store.logChange(po, 'CLAIM_REJECTED', now);
    },
  },
  in_transit: {
    refuse: (po) => (po.productOrderStatus !== 'DELIVERING' ? '배송중(DELIVERING) 상품주문이 아닙니다' : null),
    apply: (store, po, now) => {
      po.delivery = { ...po.delivery!, deliveryStatus: 'DELIVERING' };
      store.logChange(po, null, now);
    },
  },
  deliver: {
    refuse: (po) => (po.productOrderStatus !== 'DELIVERING' ? '배송중(DELIVERING) 상품주문이 아닙니다' : null),
    apply: (store, po, now) => {
      po.productOrderStatus = 'DELIVERED';
      po.delivery = { ...po.delivery!, deliveryStatus: 'DELIVERY_COMPLETION', deliveredDate: now };
      store.logChange(po, null, now);
    },
  },
  address_change: {
    // Before dispatch only (발송 전); the change-log says DELIVERY_ADDRESS_CHANGED (§2.2).
    refuse: (po) => (po.productOrderStatus !== 'PAYED' ? '발송 전(PAYED) 상품주문만 배송지를 바꿀 수 있습니다' : null),
    apply: (store, po, now, to) => {
      po.shippingAddress = {
        name: to.name,
        tel1: to.phone,
        tel2: to.mobile,
        zipCode: to.zip,
        baseAddress: to.address1,
        detailedAddress: to.address2,
      };
      po.shippingMemo = to.memo;
      store.logChange(po, 'DELIVERY_ADDRESS_CHANGED', now);
    },
  },
  purchase_confirm: {
    refuse: (po) =>
      !SHIPPED.includes(po.productOrderStatus) ? '배송된 상품주문만 구매확정할 수 있습니다' : liveClaim(po) ? '클레임이 진행 중입니다' : null,
    apply: (store, po, now) => {
      po.productOrderStatus = 'PURCHASE_DECIDED';
      po.decisionDate = now;
      store.logChange(po, 'PURCHASE_DECIDED', now);
    },
  },
};

/** Applies to every given product order or to none: returns the first refusal, or null when applied. */
export function applyEvent(store: NaverStore, event: SandboxEvent, productOrders: ProductOrderRecord[], change?: AddressChange): string | null {
  const rule = RULES[event];
  for (const po of productOrders) {
    const reason = rule.refuse(po);
    if (reason) return `${po.productOrderId}: ${reason}`;
  }
  const now = Date.now();
  // One new address for the whole event (an order's product orders share it).
  const address = newAddress(change, store.random);
  for (const po of productOrders) rule.apply(store, po, now, address);
  return null;
}
