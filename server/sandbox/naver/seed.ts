// Sample orders for the sandbox, from the shared Korean data generator: one Naver order per sample order, one
// product order per item, a packageNumber (묶음배송) when an order has several items, 050x safe numbers as tel1
// (mall-apis.md §2.1), and a PAYED entry in the change log at the payment time.
import type { SandboxRecipient } from '../admin-schema.ts';
import { makeSampleOrders, toRecipient } from '../korean-data.ts';
import type { NaverStore, OrderRecord, ProductOrderRecord } from './store.ts';

export type CreateOrdersInput = { count: number; status: 'paid' | 'confirmed'; paidAt?: number; recipient?: SandboxRecipient | undefined };

/** Below this order total the buyer pays shipping (a common SmartStore setting). */
const FREE_SHIPPING_FROM = 30000;
const SHIPPING_FEE = 3000;
const DAY_MS = 86400_000;

/** Stable numeric codes per product and option text, as a seller's catalogue would have. */
function numericCode(textValue: string, digits: number): string {
  let hash = 2166136261;
  for (const ch of textValue) hash = Math.imul(hash ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return String(10 ** (digits - 1) + (hash % (9 * 10 ** (digits - 1))));
}

export function createOrders(store: NaverStore, input: CreateOrdersInput, paidAtFor?: (index: number) => number): OrderRecord[] {
  const created: OrderRecord[] = [];
  const samples = makeSampleOrders(input.count, store.nextBatchSeed()).map((o) => toRecipient(o, input.recipient));
  samples.forEach((sample, index) => {
    const paymentDate = paidAtFor ? paidAtFor(index) : (input.paidAt ?? Date.now());
    const orderId = store.newId(paymentDate);
    const packageNumber = sample.items.length > 1 ? store.newId(paymentDate) : null;
    const orderTotal = sample.items.reduce((sum, it) => sum + it.unitPrice * it.quantity, 0);
    const order: OrderRecord = {
      orderId,
      orderDate: paymentDate - Math.floor(store.random() * 600_000),
      paymentDate,
      paymentMeans: store.random() < 0.7 ? '신용카드' : '네이버페이 포인트',
      ordererId: `user${String(Math.floor(store.random() * 1e4)).padStart(4, '0')}****`,
      ordererName: sample.ordererName,
      ordererTel: sample.ordererPhone,
      productOrderIds: [],
    };
    store.orders.set(orderId, order);
    sample.items.forEach((item, k) => {
      const totalProductAmount = item.unitPrice * item.quantity;
      const discount = store.random() < 0.3 ? Math.round((totalProductAmount * 0.1) / 100) * 100 : 0;
      const po: ProductOrderRecord = {
        productOrderId: store.newId(paymentDate),
        orderId,
        productId: numericCode(item.name, 10),
        optionCode: numericCode(`${item.name}/${item.option}`, 9),
        productName: item.name,
        productOption: item.option,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        productDiscountAmount: discount,
        totalProductAmount,
        totalPaymentAmount: totalProductAmount - discount,
        deliveryFeeAmount: k === 0 && orderTotal < FREE_SHIPPING_FROM ? SHIPPING_FEE : 0,
        packageNumber,
        productOrderStatus: 'PAYED',
        placeOrderStatus: input.status === 'confirmed' ? 'OK' : 'NOT_YET',
        placeOrderDate: input.status === 'confirmed' ? paymentDate : null,
        claim: null,
        delivery: null,
        decisionDate: null,
        shippingAddress: {
          name: sample.recipientName,
          tel1: sample.safeNumber,
          tel2: sample.mobile,
          zipCode: sample.zip,
          baseAddress: sample.address1,
          detailedAddress: sample.address2,
        },
        shippingMemo: sample.memo,
        shippingDueDate: paymentDate + 3 * DAY_MS,
      };
      store.productOrders.set(po.productOrderId, po);
      order.productOrderIds.push(po.productOrderId);
      store.logChange(po, 'PAYED', paymentDate);
    });
    created.push(order);
  });
  return created;
}

/** Start-up orders: paid over the last three days, about a third already confirmed. */
export function seedInitialOrders(store: NaverStore, count: number): void {
  if (count <= 0) return;
  const now = Date.now();
  const confirmed = Math.round(count / 3);
  createOrders(store, { count: confirmed, status: 'confirmed' }, () => now - Math.floor(store.random() * 3 * DAY_MS));
  createOrders(store, { count: count - confirmed, status: 'paid' }, () => now - Math.floor(store.random() * 3 * DAY_MS));
}
