// What buyers, couriers and Coupang do to an order after it is paid, on request of the admin API: cancels
// before or after confirmation, returns, exchanges, withdrawals, delivery progress and purchase confirmation
// (mall-apis.md §1.6, §1.7, §4).
import type { CoupangStore, ExchangeRecord, Receipt, SandboxBox } from './store.ts';

export { EVENTS, type SandboxEvent } from '../admin-schema.ts';
import type { AddressChange, SandboxEvent } from '../admin-schema.ts';
import { newAddress } from '../address-change.ts';

export class EventRefused extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export type EventResult = { receiptId?: string; exchangeId?: string };

const SHIPPED = ['DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING'];
const OPEN_RETURN = ['RELEASE_STOP_UNCHECKED', 'RETURNS_UNCHECKED', 'VENDOR_WAREHOUSE_CONFIRM', 'REQUEST_COUPANG_CHECK'];

function live(box: SandboxBox) {
  return box.items.filter((i) => i.shippingCount > 0);
}

function openReceipt(store: CoupangStore, box: SandboxBox): Receipt | undefined {
  return store.receipts.find(
    (r) => !r.withdrawnAt && OPEN_RETURN.includes(r.receiptStatus) && r.items.some((i) => i.shipmentBoxId === box.shipmentBoxId),
  );
}

function openExchange(store: CoupangStore, box: SandboxBox): ExchangeRecord | undefined {
  return store.exchanges.find(
    (e) => (e.exchangeStatus === 'RECEIPT' || e.exchangeStatus === 'PROGRESS') && e.items.some((i) => i.shipmentBoxId === box.shipmentBoxId),
  );
}

function newReceipt(
  store: CoupangStore,
  box: SandboxBox,
  receiptType: Receipt['receiptType'],
  receiptStatus: Receipt['receiptStatus'],
  reason: [string, string, string],
): Receipt {
  const now = new Date();
  const receipt: Receipt = {
    receiptId: store.newReceiptId(),
    orderId: box.orderId,
    receiptType,
    receiptStatus,
    createdAt: now,
    modifiedAt: now,
    reasonCategory1: reason[0],
    reasonCategory2: reason[1],
    reason: reason[2],
    items: live(box).map((i) => ({
      shipmentBoxId: box.shipmentBoxId,
      vendorItemId: i.vendorItemId,
      cancelCount: i.shippingCount,
      purchaseCount: i.shippingCount + i.cancelCount,
    })),
    withdrawnAt: null,
  };
  store.receipts.push(receipt);
  return receipt;
}

/** The quantity leaves shippingCount for cancelCount; an item left with nothing to ship reads as `canceled`. */
export function cancelItems(box: SandboxBox): void {
  for (const item of box.items) {
    item.cancelCount += item.shippingCount;
    item.shippingCount = 0;
    item.holdCountForCancel = 0;
  }
}

/** Boxes whose receiver the buyer may still change: not shipped (§1.2, ACCEPT and INSTRUCT). */
const ADDRESS_OPEN = ['ACCEPT', 'INSTRUCT'];

export function applyEvent(store: CoupangStore, orderId: string, event: SandboxEvent, shipmentBoxId?: string, change?: AddressChange): EventResult {
  const boxes = store.boxesOfOrder(orderId);
  if (!boxes.length) throw new EventRefused(404, `order ${orderId} not found`);
  const box = shipmentBoxId ? boxes.find((b) => b.shipmentBoxId === shipmentBoxId) : boxes[0];
  if (!box) throw new EventRefused(404, `shipmentBoxId ${shipmentBoxId} is not part of order ${orderId}`);
  const refuse = (why: string): never => {
    throw new EventRefused(409, `${event}: ${why} (box ${box.shipmentBoxId} is ${box.status})`);
  };
  const now = new Date();

  switch (event) {
    case 'buyer_cancel': {
      if (!live(box).length) refuse('already cancelled');
      if (openReceipt(store, box)) refuse('a claim is already open');
      if (box.status === 'ACCEPT') {
        // Cancelled at 결제완료: refunded at once, listed under cancelType=CANCEL (§1.6, §4).
        const receipt = newReceipt(store, box, 'CANCEL', 'RETURNS_COMPLETED', ['CUSTOMER_CHANGE_MIND', '단순변심', '주문 실수']);
        cancelItems(box);
        return { receiptId: receipt.receiptId };
      }
      if (box.status === 'INSTRUCT') {
        // After confirmation the buyer can only ask to stop shipment: RU 출고중지요청 (§4 CANCEL_REQUESTED).
        const receipt = newReceipt(store, box, 'RETURN', 'RELEASE_STOP_UNCHECKED', ['CUSTOMER_CHANGE_MIND', '단순변심', '다른 상품 구매']);
        for (const item of live(box)) item.holdCountForCancel = item.shippingCount;
        return { receiptId: receipt.receiptId };
      }
      return refuse('shipped already; use return_request');
    }
    case 'cancel_complete': {
      // A cancel at 결제완료 completed at once: completing it again changes nothing.
      const done = store.receipts.find((r) => r.receiptType === 'CANCEL' && r.items.some((i) => i.shipmentBoxId === box.shipmentBoxId));
      if (done && !live(box).length) return { receiptId: done.receiptId };
      const receipt = openReceipt(store, box);
      if (!receipt || receipt.receiptStatus !== 'RELEASE_STOP_UNCHECKED') return refuse('no open cancel request');
      // The stop-shipment was accepted: the box is cancelled and the receipt joins the completed cancels.
      receipt.receiptType = 'CANCEL';
      receipt.receiptStatus = 'RETURNS_COMPLETED';
      receipt.modifiedAt = now;
      cancelItems(box);
      return { receiptId: receipt.receiptId };
    }
    case 'return_request': {
      if (!SHIPPED.includes(box.status) || box.returned) refuse('not shipped');
      if (openReceipt(store, box)) refuse('a claim is already open');
      const receipt = newReceipt(store, box, 'RETURN', 'RETURNS_UNCHECKED', ['CUSTOMER_CHANGE_MIND', '단순변심', '사이즈가 맞지 않아요']);
      return { receiptId: receipt.receiptId };
    }
    case 'return_complete': {
      const receipt = openReceipt(store, box);
      if (!receipt || receipt.receiptStatus === 'RELEASE_STOP_UNCHECKED') return refuse('no open return');
      receipt.receiptStatus = 'RETURNS_COMPLETED';
      receipt.modifiedAt = now;
      box.returned = true;
      return { receiptId: receipt.receiptId };
    }
    case 'exchange_request': {
      if (!['DELIVERING', 'FINAL_DELIVERY'].includes(box.status) || box.returned) refuse('not delivered');
      if (openExchange(store, box) || openReceipt(store, box)) refuse('a claim is already open');
      const exchange: ExchangeRecord = {
        exchangeId: store.newExchangeId(),
        orderId: box.orderId,
        exchangeStatus: 'RECEIPT',
        createdAt: now,
        modifiedAt: now,
        reasonCodeText: '옵션 변경',
        reasonEtcDetail: '다른 색상으로 바꾸고 싶어요',
        items: live(box).map((i) => ({
          shipmentBoxId: box.shipmentBoxId,
          vendorItemId: i.vendorItemId,
          quantity: i.shippingCount,
          name: `${i.productName}, ${i.optionName}`,
        })),
      };
      store.exchanges.push(exchange);
      return { exchangeId: exchange.exchangeId };
    }
    case 'exchange_complete': {
      const exchange = openExchange(store, box) ?? refuse('no open exchange');
      exchange.exchangeStatus = 'SUCCESS';
      exchange.modifiedAt = now;
      return { exchangeId: exchange.exchangeId };
    }
    case 'claim_withdraw': {
      const receipt = openReceipt(store, box);
      if (receipt) {
        // Withdrawn returns vanish from returnRequests and show in returnWithdrawRequests (§1.6).
        receipt.withdrawnAt = now;
        receipt.modifiedAt = now;
        for (const item of box.items) item.holdCountForCancel = 0;
        return { receiptId: receipt.receiptId };
      }
      const exchange = openExchange(store, box) ?? refuse('no open claim');
      exchange.exchangeStatus = 'CANCEL';
      exchange.modifiedAt = now;
      return { exchangeId: exchange.exchangeId };
    }
    case 'in_transit': {
      if (box.status !== 'DEPARTURE') refuse('only DEPARTURE boxes go in transit');
      box.status = 'DELIVERING';
      box.inTransitAt = now;
      return {};
    }
    case 'deliver': {
      if (box.status !== 'DEPARTURE' && box.status !== 'DELIVERING') refuse('only shipped boxes can be delivered');
      box.status = 'FINAL_DELIVERY';
      box.inTransitAt ??= now;
      box.deliveredAt = now;
      return {};
    }
    case 'address_change': {
      // The receiver of every box of the order not shipped yet (or of the box named); no change-log at Coupang:
      // sellers see it only by reading the ordersheet again.
      const open = (shipmentBoxId ? [box] : boxes).filter((b) => ADDRESS_OPEN.includes(b.status) && live(b).length);
      if (!open.length) refuse('the receiver can change only before shipping (ACCEPT, INSTRUCT)');
      const to = newAddress(change, store.random);
      for (const b of open) {
        b.receiver = { name: to.name, safeNumber: to.phone, addr1: to.address1, addr2: to.address2, postCode: to.zip };
        b.memo = to.memo;
      }
      return {};
    }
    case 'purchase_confirm': {
      if (box.status !== 'FINAL_DELIVERY') refuse('only delivered boxes can be confirmed');
      for (const item of live(box)) item.confirmedAt = now;
      return {};
    }
  }
}
