// Naver's JSON read leniently into the few fields we use (mall-apis.md §2.2–§2.5). Ids come as numeric strings
// but are accepted as numbers too; missing text becomes null rather than "".
import { MallError } from '../http.ts';
import { naverText } from './errors.ts';
import { claimReasonText } from './claim-reasons.ts';

type Json = Record<string, unknown>;

const record = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function int(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : null;
}

/** `data` of a `{ timestamp, traceId, data }` envelope; a 2xx without it is an answer we cannot use. */
export function dataOf(body: unknown, what: string): unknown {
  const data = record(body).data;
  if (data === undefined || data === null) throw new MallError('bad_response', naverText('bad_response', { detail: `${what}: no data` }), { body });
  return data;
}

// ---- last-changed-statuses -------------------------------------------------------------------------------------

export type ChangedStatus = { orderId: string; productOrderId: string; lastChangedDate: string; lastChangedType: string | null };
export type ChangedPage = { entries: ChangedStatus[]; more: { moreFrom: string; moreSequence: string } | null };

export function readChangedPage(body: unknown): ChangedPage {
  const data = record(dataOf(body, 'last-changed-statuses'));
  const list = Array.isArray(data.lastChangeStatuses) ? data.lastChangeStatuses : [];
  const entries: ChangedStatus[] = [];
  for (const raw of list) {
    const item = record(raw);
    const orderId = text(item.orderId);
    const productOrderId = text(item.productOrderId);
    const lastChangedDate = text(item.lastChangedDate);
    if (orderId && productOrderId && lastChangedDate) {
      entries.push({ orderId, productOrderId, lastChangedDate, lastChangedType: text(item.lastChangedType) });
    }
  }
  const more = record(data.more);
  const moreFrom = text(more.moreFrom);
  const moreSequence = text(more.moreSequence);
  return { entries, more: moreFrom ? { moreFrom, moreSequence: moreSequence ?? '' } : null };
}

// ---- product-orders/query --------------------------------------------------------------------------------------

export type ClaimDetail = { claimId: string | null; reason: string | null; quantity: number | null };

export type ProductOrderDetail = {
  orderId: string;
  orderDate: string | null;
  paymentDate: string | null;
  ordererName: string | null;
  ordererTel: string | null;
  productOrderId: string;
  productOrderStatus: string;
  placeOrderStatus: string | null;
  claimType: string | null;
  claimStatus: string | null;
  claimId: string | null;
  productId: string | null;
  optionCode: string | null;
  productName: string;
  productOption: string | null;
  quantity: number;
  unitPrice: number;
  amount: number;
  deliveryFeeAmount: number;
  packageNumber: string | null;
  shippingMemo: string | null;
  address: {
    name: string | null;
    tel1: string | null;
    tel2: string | null;
    zipCode: string | null;
    baseAddress: string | null;
    detailedAddress: string | null;
  };
  delivery: { deliveryMethod: string | null; deliveryCompany: string | null; trackingNumber: string | null; deliveryStatus: string | null } | null;
  /** The current claim of `claimType`, from `currentClaim` or the legacy top-level cancel/return/exchange. */
  claim: ClaimDetail | null;
};

const CLAIM_OBJECT: Record<string, 'cancel' | 'return' | 'exchange'> = {
  CANCEL: 'cancel',
  ADMIN_CANCEL: 'cancel',
  RETURN: 'return',
  EXCHANGE: 'exchange',
};

function readClaim(item: Json, claimType: string | null): ClaimDetail | null {
  const key = claimType ? CLAIM_OBJECT[claimType] : undefined;
  if (!key) return null;
  const claim = record(record(item.currentClaim)[key] ?? item[key]);
  if (Object.keys(claim).length === 0) return null;
  const reason = claimReasonText(
    text(claim.cancelReason) ?? text(claim.returnReason) ?? text(claim.exchangeReason),
    text(claim.cancelDetailedReason) ?? text(claim.returnDetailedReason) ?? text(claim.exchangeDetailedReason),
  );
  return { claimId: text(claim.claimId), reason, quantity: int(claim.requestQuantity) };
}

export function readDetails(body: unknown): ProductOrderDetail[] {
  const data = dataOf(body, 'product-orders/query');
  const list = Array.isArray(data) ? data : [];
  const out: ProductOrderDetail[] = [];
  for (const raw of list) {
    const item = record(raw);
    const order = record(item.order);
    const po = record(item.productOrder);
    const orderId = text(order.orderId);
    const productOrderId = text(po.productOrderId);
    const productOrderStatus = text(po.productOrderStatus);
    if (!orderId || !productOrderId || !productOrderStatus) continue;
    const address = record(po.shippingAddress);
    const delivery = item.delivery && typeof item.delivery === 'object' ? record(item.delivery) : null;
    const claimType = text(po.claimType);
    const quantity = int(po.quantity) ?? 1;
    const unitPrice = int(po.unitPrice) ?? 0;
    out.push({
      orderId,
      orderDate: text(order.orderDate),
      paymentDate: text(order.paymentDate) ?? text(po.paymentDate),
      ordererName: text(order.ordererName),
      ordererTel: text(order.ordererTel),
      productOrderId,
      productOrderStatus,
      placeOrderStatus: text(po.placeOrderStatus),
      claimType,
      claimStatus: text(po.claimStatus),
      claimId: text(po.claimId),
      productId: text(po.productId),
      optionCode: text(po.optionCode),
      productName: text(po.productName) ?? '',
      productOption: text(po.productOption),
      quantity,
      unitPrice,
      // What the buyer paid for the line after discounts; the list price total when Naver omits it (brief, §2.2).
      amount: int(po.totalPaymentAmount) ?? int(po.totalProductAmount) ?? unitPrice * quantity,
      deliveryFeeAmount: int(po.deliveryFeeAmount) ?? 0,
      packageNumber: text(po.packageNumber),
      shippingMemo: text(po.shippingMemo),
      address: {
        name: text(address.name),
        tel1: text(address.tel1),
        tel2: text(address.tel2),
        zipCode: text(address.zipCode),
        baseAddress: text(address.baseAddress),
        detailedAddress: text(address.detailedAddress),
      },
      delivery: delivery
        ? {
            deliveryMethod: text(delivery.deliveryMethod),
            deliveryCompany: text(delivery.deliveryCompany),
            trackingNumber: text(delivery.trackingNumber),
            deliveryStatus: text(delivery.deliveryStatus),
          }
        : null,
      claim: readClaim(item, claimType),
    });
  }
  return out;
}

// ---- confirm / dispatch ---------------------------------------------------------------------------------------

export type ItemFailure = { productOrderId: string; code: string; message: string | null };
export type ActionResult = { succeeded: Set<string>; failed: Map<string, ItemFailure> };

/** Confirm answers `successProductOrderInfos[{productOrderId}]`, dispatch `successProductOrderIds[]` (§2.3, §2.4). */
export function readActionResult(body: unknown, what: string): ActionResult {
  const data = record(dataOf(body, what));
  const succeeded = new Set<string>();
  for (const id of Array.isArray(data.successProductOrderIds) ? data.successProductOrderIds : []) {
    const value = text(id);
    if (value) succeeded.add(value);
  }
  for (const info of Array.isArray(data.successProductOrderInfos) ? data.successProductOrderInfos : []) {
    const value = text(record(info).productOrderId);
    if (value) succeeded.add(value);
  }
  const failed = new Map<string, ItemFailure>();
  for (const info of Array.isArray(data.failProductOrderInfos) ? data.failProductOrderInfos : []) {
    const item = record(info);
    const productOrderId = text(item.productOrderId);
    if (productOrderId) failed.set(productOrderId, { productOrderId, code: text(item.code) ?? '9999', message: text(item.message) });
  }
  return { succeeded, failed };
}
