// 발주서 목록 (mall-apis.md §1.2, §1.3): paged listing by status in day mode, and the mapping of ordersheets
// (one shipmentBoxId each, orderItems = lines) to mall-neutral orders. Statuses follow §4.
import type { Status } from '../../../shared/lifecycle.ts';
import { MallError } from '../http.ts';
import type { MallLine, MallOrder, TimeWindow } from '../types.ts';
import type { CoupangClient } from './client.ts';
import { coupangText } from './coupang.messages.ts';
import { dayPieces, kstToIso } from './windows.ts';
import { ordersheetListSchema, ordersheetOneSchema, ordersheetPageSchema, type OrderItem, type Ordersheet } from './wire.ts';

export type SheetStatus = 'ACCEPT' | 'INSTRUCT' | 'DEPARTURE' | 'DELIVERING' | 'FINAL_DELIVERY' | 'NONE_TRACKING';

/** §4: ACCEPT 결제완료 → PAID, INSTRUCT 상품준비중 → NEW, DEPARTURE/NONE_TRACKING → SHIPPED, … */
const STATUS_OF: Record<string, Status> = {
  ACCEPT: 'PAID',
  INSTRUCT: 'NEW',
  DEPARTURE: 'SHIPPED',
  NONE_TRACKING: 'SHIPPED',
  DELIVERING: 'IN_TRANSIT',
  FINAL_DELIVERY: 'DELIVERED',
};

export function lifecycleOf(sheetStatus: string): Status | null {
  return STATUS_OF[sheetStatus] ?? null;
}

/** ≤ 31 days per day-mode request ("range should less than 32 day", §1.2); 50 per page is the maximum. */
export const MAX_DAYS = 31;
export const PAGE_SIZE = 50;

/** Every ordersheet in `status` created on the window's KST days, following nextToken until it is "". */
export async function listOrdersheets(client: CoupangClient, status: SheetStatus, window: TimeWindow, pageSize = PAGE_SIZE): Promise<Ordersheet[]> {
  const path = client.vendorPath('v4', 'ordersheets');
  const sheets: Ordersheet[] = [];
  for (const piece of dayPieces(window, MAX_DAYS)) {
    const seen = new Set<string>();
    let token = '';
    do {
      const page = await client.get(ordersheetPageSchema, path, [
        ['createdAtFrom', piece.from],
        ['createdAtTo', piece.to],
        ['status', status],
        ['maxPerPage', pageSize],
        ['nextToken', token || undefined],
      ]);
      sheets.push(...page.data);
      token = page.nextToken ?? '';
      // A token that comes back twice would page forever.
      if (token && seen.has(token)) throw new MallError('bad_response', coupangText('bad_response', { detail: `nextToken ${token} repeated` }));
      seen.add(token);
    } while (token);
  }
  return sheets;
}

/**
 * One box by shipmentBoxId, to re-read it after an unclear action result; null when it cannot be read (the
 * caller then keeps the result it had). Refused credentials still throw.
 */
export async function rereadOrdersheet(client: CoupangClient, shipmentBoxId: string): Promise<Ordersheet | null> {
  try {
    const res = await client.get(ordersheetOneSchema, client.vendorPath('v4', `ordersheets/${shipmentBoxId}`));
    return Array.isArray(res.data) ? (res.data[0] ?? null) : res.data;
  } catch (error) {
    if (error instanceof MallError && error.kind !== 'auth') return null;
    throw error;
  }
}

/** All boxes of one order (`/{orderId}/ordersheets`, §1.2). */
export async function getOrderBoxes(client: CoupangClient, orderId: string): Promise<Ordersheet[]> {
  try {
    return (await client.get(ordersheetListSchema, client.vendorPath('v4', `${orderId}/ordersheets`))).data;
  } catch (error) {
    if (error instanceof MallError && error.kind === 'rejected') return [];
    throw error;
  }
}

/** Items cancelled before collection (canceled, or nothing left to ship) are not lines to work (PRODUCT.md §2.1). */
export function liveItems(sheet: Ordersheet): OrderItem[] {
  return sheet.orderItems.filter((item) => item.canceled !== true && item.shippingCount > 0);
}

export const lineIdOf = (shipmentBoxId: string, vendorItemId: string) => `${shipmentBoxId}-${vendorItemId}`;

function toLine(sheet: Ordersheet, item: OrderItem, status: Status): MallLine {
  const unitPrice = item.salesPrice ?? 0;
  return {
    mallLineId: lineIdOf(sheet.shipmentBoxId, item.vendorItemId),
    mallShipmentId: sheet.shipmentBoxId,
    mallProductId: item.sellerProductId ?? null,
    mallOptionId: item.vendorItemId,
    productName: item.sellerProductName || item.vendorItemName || '',
    optionText: item.sellerProductItemName || item.firstSellerProductItemName || null,
    quantity: item.shippingCount,
    unitPrice,
    amount: item.orderPrice ?? unitPrice * item.shippingCount,
    mallStatus: sheet.status,
    status,
  };
}

/**
 * Ordersheets → orders. One order can have several boxes (one ordersheet each), so boxes are grouped by orderId;
 * a box met twice (it moved from ACCEPT to INSTRUCT between two listings) counts once, as last seen.
 */
export function toMallOrders(sheets: Ordersheet[]): MallOrder[] {
  const boxes = new Map<string, Ordersheet>();
  for (const sheet of sheets) boxes.set(sheet.shipmentBoxId, sheet);
  const orders = new Map<string, MallOrder>();
  for (const sheet of boxes.values()) {
    const status = lifecycleOf(sheet.status);
    const items = liveItems(sheet);
    if (!status || !items.length) continue;
    let order = orders.get(sheet.orderId);
    if (!order) {
      const receiver = sheet.receiver;
      order = {
        mallOrderId: sheet.orderId,
        orderedAt: kstToIso(sheet.orderedAt),
        paidAt: kstToIso(sheet.paidAt),
        orderer: {
          name: sheet.orderer?.name ?? '',
          phone: sheet.orderer?.safeNumber || sheet.orderer?.ordererNumber || null,
          email: sheet.orderer?.email || null,
        },
        // Coupang hides the receiver's number behind a 050x safe number; receiverNumber is null (§1.3).
        recipient: {
          name: receiver?.name ?? '',
          phone: receiver?.safeNumber || null,
          mobile: receiver?.receiverNumber || null,
          zip: receiver?.postCode || null,
          address1: receiver?.addr1 || null,
          address2: receiver?.addr2 || null,
        },
        deliveryMemo: sheet.parcelPrintMessage || null,
        shippingFee: 0,
        lines: [],
      };
      orders.set(sheet.orderId, order);
    }
    order.shippingFee += sheet.shippingPrice ?? 0;
    order.lines.push(...items.map((item) => toLine(sheet, item, status)));
  }
  return [...orders.values()];
}
