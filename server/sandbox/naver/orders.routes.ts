// Listing and confirming, as the pay-order API does (mall-apis.md §2.2, §2.3): last-changed-statuses with its
// 24 h limit and `more` paging, product-order details for ≤ 300 ids, 발주확인 for ≤ 30 ids.
import { Router, type Request, type Response } from 'express';
import { sendData, sendError } from './envelope.ts';
import { liveClaim, type NaverStore } from './store.ts';
import { changeView, detailView, kst } from './views.ts';

const DAY_MS = 24 * 3600_000;
const MAX_PAGE = 300;
const MAX_QUERY_IDS = 300;
const MAX_CONFIRM_IDS = 30;

function parseDate(value: unknown): number | null {
  // A `+09:00` sent without %2B arrives as " 09:00" and is refused, as at Naver.
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** An id list in a JSON body, or a reason it is not one. */
export function idList(body: unknown, field: string, max: number): string[] | string {
  const ids = (body as Record<string, unknown> | null)?.[field];
  if (!Array.isArray(ids) || ids.length === 0) return `${field}가 비어 있습니다.`;
  if (ids.length > max) return `${field}는 한 번에 ${max}건까지 요청할 수 있습니다.`;
  if (!ids.every((id) => typeof id === 'string' && /^\d{1,20}$/.test(id))) return `${field}에 올바르지 않은 값이 있습니다.`;
  return ids as string[];
}

function lastChanged(store: NaverStore) {
  return (req: Request, res: Response): void => {
    const from = parseDate(req.query.lastChangedFrom);
    if (from === null) return sendError(res, 400, '4000', 'lastChangedFrom 형식이 올바르지 않습니다.');
    const to = req.query.lastChangedTo === undefined ? from + DAY_MS : parseDate(req.query.lastChangedTo);
    if (to === null || to < from) return sendError(res, 400, '4000', 'lastChangedTo 형식이 올바르지 않습니다.');
    if (to - from > DAY_MS) return sendError(res, 400, '104139', '조회 기간은 최대 24시간입니다.');
    const limit = req.query.limitCount === undefined ? MAX_PAGE : Number(req.query.limitCount);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) return sendError(res, 400, '4000', `limitCount는 1~${MAX_PAGE}입니다.`);
    const skip = req.query.moreSequence === undefined ? 0 : Number(req.query.moreSequence);
    if (!Number.isInteger(skip) || skip < 0) return sendError(res, 400, '4000', 'moreSequence가 올바르지 않습니다.');
    const type = typeof req.query.lastChangedType === 'string' ? req.query.lastChangedType : null;

    const list = store.sortedChanges().filter((c) => c.at >= from && c.at <= to && (!type || c.lastChangedType === type));
    // moreSequence = how many entries stamped exactly `moreFrom` the previous pages already returned.
    let start = 0;
    while (start < skip && start < list.length && list[start]!.at === from) start++;
    const end = Math.min(start + limit, list.length);
    const next = list[end];
    let more: { moreFrom: string; moreSequence: string } | undefined;
    if (next) {
      let first = end;
      while (first > 0 && list[first - 1]!.at === next.at) first--;
      more = { moreFrom: kst(next.at), moreSequence: String(end - first) };
    }
    sendData(res, { count: end - start, lastChangeStatuses: list.slice(start, end).map(changeView), ...(more ? { more } : {}) });
  };
}

function query(store: NaverStore) {
  return (req: Request, res: Response): void => {
    const ids = idList(req.body, 'productOrderIds', MAX_QUERY_IDS);
    if (typeof ids === 'string') return sendError(res, 400, '4000', ids);
    const data = [];
    for (const id of new Set(ids)) {
      const po = store.productOrders.get(id);
      const order = po && store.orders.get(po.orderId);
      if (po && order) data.push(detailView(order, po));
    }
    sendData(res, data);
  };
}

function confirm(store: NaverStore) {
  return (req: Request, res: Response): void => {
    const ids = idList(req.body, 'productOrderIds', MAX_CONFIRM_IDS);
    if (typeof ids === 'string') return sendError(res, 400, '4000', ids);
    const successProductOrderInfos: { productOrderId: string; isReceiverAddressChanged: boolean }[] = [];
    const failProductOrderInfos: { productOrderId: string; code: string; message: string }[] = [];
    const seen = new Set<string>();
    const fail = (productOrderId: string, code: string, message: string) => failProductOrderInfos.push({ productOrderId, code, message });
    for (const id of ids) {
      const po = store.productOrders.get(id);
      if (seen.has(id)) fail(id, '104131', '중복된 상품주문번호입니다.');
      else if (!po) fail(id, '100001', '상품주문을 찾을 수 없습니다.');
      else if (po.productOrderStatus !== 'PAYED' || liveClaim(po)) fail(id, '104442', '발주확인할 수 없는 주문상태입니다.');
      else if (po.placeOrderStatus !== 'NOT_YET') fail(id, '104443', '이미 발주확인된 상품주문입니다.');
      else {
        // No change-log entry: Naver's lastChangedType list has no value for 발주확인 (§2.2).
        po.placeOrderStatus = 'OK';
        po.placeOrderDate = Date.now();
        successProductOrderInfos.push({ productOrderId: id, isReceiverAddressChanged: false });
      }
      seen.add(id);
    }
    sendData(res, { successProductOrderInfos, failProductOrderInfos });
  };
}

export function ordersRoutes(store: NaverStore): Router {
  const router = Router();
  router.get('/v1/pay-order/seller/product-orders/last-changed-statuses', lastChanged(store));
  router.post('/v1/pay-order/seller/product-orders/query', query(store));
  router.post('/v1/pay-order/seller/product-orders/confirm', confirm(store));
  return router;
}
