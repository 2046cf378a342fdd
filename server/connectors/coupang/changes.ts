// 주문동기화 for Coupang (mall-apis.md §1.2, §1.6, §4): what happened to lines after collection, from four lists —
// ordersheets past INSTRUCT (shipped, in transit, delivered; confirmDate = purchase confirmed), returnRequests
// (cancel and return claims), returnWithdrawRequests (claims the buyer took back) and exchangeRequests.
//
// Coupang filters ordersheets, returns and exchanges by when the order or claim was *created*, while sync asks
// what *changed* in a window (often minutes long). So those lists are read over a lookback of 30 days of creation
// dates, and only changes whose own time (delivered, in transit, invoice upload, confirmDate, claim modifiedAt,
// withdrawal) falls in the window are returned. Withdrawals are listed by withdrawal date: the window itself.
// Within one answer changes keep list order (sheets, returns, withdrawals, exchanges), so for equal times a claim
// stands after the delivery it follows (the sync job keeps the latest change per line).
import type { z } from 'zod';
import { claimStatus, type Status } from '../../../shared/lifecycle.ts';
import type { MallChange, TimeWindow } from '../types.ts';
import type { CoupangClient, Query } from './client.ts';
import { MAX_DAYS, PAGE_SIZE, getOrderBoxes, lifecycleOf, lineIdOf, listOrdersheets, liveItems, type SheetStatus } from './ordersheets.ts';
import { dayPieces, kstToIso, timePieces } from './windows.ts';
import {
  exchangePageSchema,
  returnPageSchema,
  withdrawalPageSchema,
  type Exchange,
  type Ordersheet,
  type ReturnRequest,
  type Withdrawal,
} from './wire.ts';

/**
 * Statuses after confirmation. INSTRUCT is left out: the ordersheet does not say when a box was confirmed, so no
 * change time could be given; collection (listNewOrders) reports INSTRUCT boxes as NEW.
 */
const PROGRESS: SheetStatus[] = ['DEPARTURE', 'NONE_TRACKING', 'DELIVERING', 'FINAL_DELIVERY'];
/** returnRequests statuses (§1.6): RU 출고중지요청, UC 반품접수, CC 반품완료, PR 쿠팡확인요청. */
const RETURN_STATUSES = ['RU', 'UC', 'CC', 'PR'] as const;
const DAY_MS = 86400_000;
/** How far back orders and claims are read for changes: one 31-day request per list and status. */
export const LOOKBACK_MS = 30 * DAY_MS;
const SEVEN_DAYS = 7;
const SEVEN_DAYS_MS = 7 * DAY_MS;
/** returnWithdrawRequests pages by pageIndex, at most 100 a page. */
const WITHDRAW_PAGE = 100;

type Claim = NonNullable<MallChange['claim']>;

export async function listCoupangChanges(client: CoupangClient, window: TimeWindow): Promise<MallChange[]> {
  // Coupang's times have whole seconds: compare at that precision.
  const from = new Date(Math.floor(Date.parse(window.from) / 1000) * 1000).toISOString();
  const to = new Date(Date.parse(window.to)).toISOString();
  const created = { from: new Date(Math.min(Date.parse(from), Date.parse(to) - LOOKBACK_MS)).toISOString(), to };
  const changes: MallChange[] = [];
  const boxesOfOrder = orderBoxCache(client);

  for (const status of PROGRESS) {
    for (const sheet of await listOrdersheets(client, status, created)) changes.push(...progressChanges(sheet, to));
  }
  for (const receipt of await listReturns(client, created)) changes.push(...returnChanges(receipt, to));
  for (const withdrawal of await listWithdrawals(client, { from, to }))
    changes.push(...withdrawalChanges(withdrawal, await boxesOfOrder(withdrawal.orderId), to));
  for (const exchange of await listExchanges(client, created)) {
    const withdrawn = exchange.exchangeStatus === 'CANCEL' || exchange.exchangeStatus === 'REJECT';
    changes.push(...exchangeChanges(exchange, withdrawn ? await boxesOfOrder(exchange.orderId) : [], to));
  }
  return dedupe(changes.filter((c) => c.changedAt >= from && c.changedAt <= to));
}

// ---- lists -----------------------------------------------------------------------------------------------------

/** Day mode, ≤ 31 days, every claim status plus cancelType=CANCEL (cancelled at 결제완료; status omitted). */
async function listReturns(client: CoupangClient, window: TimeWindow): Promise<{ receipt: ReturnRequest; canceled: boolean }[]> {
  const path = client.vendorPath('v6', 'returnRequests');
  const out: { receipt: ReturnRequest; canceled: boolean }[] = [];
  for (const piece of dayPieces(window, MAX_DAYS)) {
    const base: Query = [
      ['createdAtFrom', piece.from],
      ['createdAtTo', piece.to],
    ];
    for (const status of RETURN_STATUSES) {
      for (const receipt of await pagedByToken(client, returnPageSchema, path, [...base, ['status', status]])) out.push({ receipt, canceled: false });
    }
    for (const receipt of await pagedByToken(client, returnPageSchema, path, [...base, ['cancelType', 'CANCEL']]))
      out.push({ receipt, canceled: true });
  }
  return out;
}

async function listWithdrawals(client: CoupangClient, window: TimeWindow): Promise<Withdrawal[]> {
  const path = client.vendorPath('v4', 'returnWithdrawRequests');
  const out: Withdrawal[] = [];
  for (const piece of dayPieces(window, SEVEN_DAYS)) {
    for (let pageIndex = 1, guard = 0; guard < 10_000; guard++) {
      const page = await client.get(withdrawalPageSchema, path, [
        ['dateFrom', piece.from],
        ['dateTo', piece.to],
        ['pageIndex', pageIndex],
        ['sizePerPage', WITHDRAW_PAGE],
      ]);
      out.push(...page.data);
      const next = Number(page.nextPageIndex ?? '');
      if (!page.data.length || !Number.isInteger(next) || next <= pageIndex) break;
      pageIndex = next;
    }
  }
  return out;
}

/** Exchange lists take KST date-times and ≤ 7 days (§1.6). */
async function listExchanges(client: CoupangClient, window: TimeWindow): Promise<Exchange[]> {
  const path = client.vendorPath('v4', 'exchangeRequests');
  const out: Exchange[] = [];
  for (const piece of timePieces(window, SEVEN_DAYS_MS)) {
    out.push(
      ...(await pagedByToken(client, exchangePageSchema, path, [
        ['createdAtFrom', piece.from],
        ['createdAtTo', piece.to],
      ])),
    );
  }
  return out;
}

type TokenPage<T> = { data: T[]; nextToken?: string | null | undefined };

/** nextToken paging (§1.6), 50 a page, until the token comes back "" (or repeats, which would loop forever). */
async function pagedByToken<T>(client: CoupangClient, schema: z.ZodType<TokenPage<T>>, path: string, query: Query): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token = '';
  do {
    const page = await client.get(schema, path, [...query, ['maxPerPage', PAGE_SIZE], ['nextToken', token || undefined]]);
    out.push(...page.data);
    token = page.nextToken ?? '';
    if (seen.has(token)) break;
    seen.add(token);
  } while (token);
  return out;
}

/** Boxes per order, read once per sync: withdrawn claims name the order and items, not the box (§1.6). */
function orderBoxCache(client: CoupangClient): (orderId: string) => Promise<Ordersheet[]> {
  const cache = new Map<string, Promise<Ordersheet[]>>();
  return (orderId) => {
    let boxes = cache.get(orderId);
    if (!boxes) cache.set(orderId, (boxes = getOrderBoxes(client, orderId)));
    return boxes;
  };
}

// ---- mapping ---------------------------------------------------------------------------------------------------

/** Where a box stands now: its sheet status, or PURCHASE_CONFIRMED once every live item has a confirmDate. */
function boxStatus(sheet: Ordersheet): Status | null {
  const items = liveItems(sheet);
  if (items.length && items.every((i) => i.confirmDate)) return 'PURCHASE_CONFIRMED';
  return lifecycleOf(sheet.status);
}

/**
 * One change per live item at the time of the box's last step: invoice upload for DEPARTURE/NONE_TRACKING,
 * inTrasitDateTime for DELIVERING, deliveredDate for FINAL_DELIVERY. Without a time the change counts as seen at
 * the end of the window (`seenAt`), so it is reported rather than lost.
 */
function progressChanges(sheet: Ordersheet, seenAt: string): MallChange[] {
  const status = lifecycleOf(sheet.status);
  if (!status) return [];
  const boxAt =
    sheet.status === 'FINAL_DELIVERY' ? kstToIso(sheet.deliveredDate) : sheet.status === 'DELIVERING' ? kstToIso(sheet.inTrasitDateTime) : null;
  return liveItems(sheet).flatMap((item) => {
    const base = { mallLineId: lineIdOf(sheet.shipmentBoxId, item.vendorItemId), mallOrderId: sheet.orderId };
    const at = boxAt ?? kstToIso(item.invoiceNumberUploadDate) ?? seenAt;
    const out: MallChange[] = [{ ...base, mallStatus: sheet.status, status, changedAt: at }];
    // No purchase-confirmed status at Coupang: the item's confirmDate says it (§1.7).
    const confirmedAt = kstToIso(item.confirmDate);
    if (confirmedAt) out.push({ ...base, mallStatus: `${sheet.status}/CONFIRMED`, status: 'PURCHASE_CONFIRMED', changedAt: confirmedAt });
    return out;
  });
}

/** A code (CUSTOMER_CHANGE_MIND) next to the category's own words is left out: operators read the words. A buyer's
 *  "XL" has no underscore: words. */
const CODE = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

function reasonOf(...parts: (string | null | undefined)[]): string | null {
  const given = parts.filter((p): p is string => !!p && p.trim() !== '');
  const words = given.filter((p) => !CODE.test(p.trim()));
  const text = (words.length ? words : given).join(' / ');
  return text || null;
}

/**
 * §4: cancelType=CANCEL rows and receiptType CANCEL are completed cancels; RELEASE_STOP_UNCHECKED (RU) is a cancel
 * requested after confirmation; RETURNS_COMPLETED a completed return; every other receipt status a return in progress.
 */
function returnChanges({ receipt, canceled }: { receipt: ReturnRequest; canceled: boolean }, seenAt: string): MallChange[] {
  const receiptStatus = receipt.receiptStatus ?? '';
  const [type, state]: [Claim['type'], 'requested' | 'completed'] =
    canceled || receipt.receiptType === 'CANCEL'
      ? ['cancel', 'completed']
      : receiptStatus === 'RELEASE_STOP_UNCHECKED'
        ? ['cancel', 'requested']
        : receiptStatus === 'RETURNS_COMPLETED'
          ? ['return', 'completed']
          : ['return', 'requested'];
  const changedAt = kstToIso(receipt.modifiedAt) ?? kstToIso(receipt.createdAt) ?? seenAt;
  const reason = reasonOf(receipt.cancelReasonCategory1, receipt.cancelReasonCategory2, receipt.cancelReason);
  return receipt.returnItems.map((item) => ({
    mallLineId: lineIdOf(item.shipmentBoxId, item.vendorItemId),
    mallOrderId: receipt.orderId,
    mallStatus: canceled ? `CANCEL/${receiptStatus}` : receiptStatus,
    status: claimStatus(type, state),
    claim: { type, state, mallClaimId: receipt.receiptId, reason, quantity: item.cancelCount ?? null },
    changedAt,
  }));
}

/**
 * A withdrawn return or cancel request: the line goes back to where its box stands. The record names the order
 * and vendor items only, so the box comes from the order's ordersheets; a box not yet shipped means the claim
 * was a cancel (출고중지) request, otherwise a return (assumption: §5 leaves the record's claim type open).
 */
function withdrawalChanges(withdrawal: Withdrawal, boxes: Ordersheet[], seenAt: string): MallChange[] {
  const wanted = new Set(withdrawal.vendorItemIds ?? []);
  const changedAt = kstToIso(withdrawal.createdAt) ?? seenAt;
  return boxes.flatMap((sheet) => {
    const status = boxStatus(sheet);
    if (!status) return [];
    const type: Claim['type'] = sheet.status === 'ACCEPT' || sheet.status === 'INSTRUCT' ? 'cancel' : 'return';
    return liveItems(sheet)
      .filter((item) => !wanted.size || wanted.has(item.vendorItemId))
      .map((item) => ({
        mallLineId: lineIdOf(sheet.shipmentBoxId, item.vendorItemId),
        mallOrderId: withdrawal.orderId,
        mallStatus: sheet.status,
        status,
        claim: { type, state: 'withdrawn' as const, mallClaimId: withdrawal.cancelId, reason: null, quantity: null },
        changedAt,
      }));
  });
}

/** exchangeStatus RECEIPT/PROGRESS → requested, SUCCESS → completed, CANCEL/REJECT → withdrawn (§4). */
function exchangeChanges(exchange: Exchange, boxes: Ordersheet[], seenAt: string): MallChange[] {
  const changedAt = kstToIso(exchange.modifiedAt) ?? kstToIso(exchange.createdAt) ?? seenAt;
  const reason = reasonOf(exchange.reasonCodeText, exchange.reasonEtcDetail);
  const s = exchange.exchangeStatus;
  const state: Claim['state'] | null =
    s === 'RECEIPT' || s === 'PROGRESS' ? 'requested' : s === 'SUCCESS' ? 'completed' : s === 'CANCEL' || s === 'REJECT' ? 'withdrawn' : null;
  if (!state) return [];
  return exchange.exchangeItemDtoV1s.flatMap((item) => {
    const shipmentBoxId =
      item.originalShipmentBoxId ?? boxes.find((b) => b.orderItems.some((i) => i.vendorItemId === item.orderItemId))?.shipmentBoxId;
    if (!shipmentBoxId) return [];
    // A withdrawn exchange leaves the line where its box is; exchanges start after delivery.
    const box = boxes.find((b) => b.shipmentBoxId === shipmentBoxId);
    const status = state === 'withdrawn' ? ((box && boxStatus(box)) ?? 'DELIVERED') : claimStatus('exchange', state);
    return [
      {
        mallLineId: lineIdOf(shipmentBoxId, item.orderItemId),
        mallOrderId: exchange.orderId,
        mallStatus: `EXCHANGE/${s}`,
        status,
        claim: { type: 'exchange' as const, state, mallClaimId: exchange.exchangeId, reason, quantity: item.quantity ?? null },
        changedAt,
      },
    ];
  });
}

/** The same fact seen twice (overlapping pieces, a box listed under two statuses while it moved) counts once. */
function dedupe(changes: MallChange[]): MallChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = [c.mallLineId, c.status, c.mallStatus, c.claim?.type, c.claim?.state, c.claim?.mallClaimId].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
