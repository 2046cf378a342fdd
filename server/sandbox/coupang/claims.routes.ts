// 반품/취소 요청 목록, 반품철회 이력, 교환요청 목록 (mall-apis.md §1.6).
import { Router } from 'express';
import { queryOf } from './request.ts';
import { clockRange, createdRange, dayRange, pageAfter, pageSize } from './ranges.ts';
import { compareIds, type CoupangStore, type Receipt, type ReceiptStatus } from './store.ts';
import { exchangeView, receiptView, send, sendError, withdrawalView } from './views.ts';

const VENDOR = '/v2/providers/openapi/apis/api/:version/vendors/:vendorId';
const SEVEN_DAYS = 7;

/** Which receipt states each `status` lists: RU 출고중지요청, UC 반품접수 (and 입고완료), CC 반품완료, PR 쿠팡확인요청. */
const BY_STATUS: Record<string, ReceiptStatus[]> = {
  RU: ['RELEASE_STOP_UNCHECKED'],
  UC: ['RETURNS_UNCHECKED', 'VENDOR_WAREHOUSE_CONFIRM'],
  CC: ['RETURNS_COMPLETED'],
  PR: ['REQUEST_COUPANG_CHECK'],
};

export function claimsRoutes(store: CoupangStore): Router {
  const router = Router();
  const boxOf = (receipt: Receipt) => store.boxes.get(receipt.items[0]?.shipmentBoxId ?? '');

  // v6 today; v4 in older documents (§1.6). Same answer.
  router.get(`${VENDOR}/returnRequests`, (req, res) => {
    if (req.params.version !== 'v6' && req.params.version !== 'v4') return sendError(res, 404, 'Not Found');
    const q = queryOf(req);
    const range = createdRange(q);
    if (!range.ok) return sendError(res, 400, range.message);
    const size = pageSize(q);
    if (size === null) return sendError(res, 400, 'maxPerPage should be between 1 and 50');
    const cancelType = q.get('cancelType') ?? 'RETURN';
    const status = q.get('status');
    const orderId = q.get('orderId');
    let wanted: (r: Receipt) => boolean;
    if (cancelType === 'CANCEL') {
      if (status) return sendError(res, 400, 'status must be omitted with cancelType=CANCEL');
      wanted = (r) => r.receiptType === 'CANCEL';
    } else if (cancelType === 'RETURN') {
      if (!status && !orderId) return sendError(res, 400, 'status or orderId is required');
      if (status && !BY_STATUS[status]) return sendError(res, 400, 'status must be one of RU, UC, CC, PR');
      const states = status ? BY_STATUS[status]! : Object.values(BY_STATUS).flat();
      wanted = (r) => r.receiptType === 'RETURN' && states.includes(r.receiptStatus);
    } else {
      return sendError(res, 400, 'cancelType must be RETURN or CANCEL');
    }
    const matching = store.receipts.filter(
      (r) =>
        !r.withdrawnAt && wanted(r) && (!orderId || r.orderId === orderId) && r.createdAt.getTime() >= range.from && r.createdAt.getTime() < range.to,
    );
    const token = q.get('nextToken') ?? '';
    const { page, nextToken } = range.paged ? pageAfter(matching, (r) => r.receiptId, token, size, compareIds) : { page: matching, nextToken: '' };
    send(res, 200, { code: 200, message: 'OK', nextToken, data: page.map((r) => receiptView(r, boxOf(r))) });
  });

  router.get(`${VENDOR}/returnRequests/:receiptId`, (req, res) => {
    const receipt = store.receipts.find((r) => r.receiptId === req.params.receiptId && !r.withdrawnAt);
    if (!receipt) return sendError(res, 404, '반품접수번호를 찾을 수 없습니다.');
    send(res, 200, { code: 200, message: 'OK', data: [receiptView(receipt, boxOf(receipt))] });
  });

  router.get(`${VENDOR}/returnWithdrawRequests`, (req, res) => {
    const q = queryOf(req);
    const range = dayRange(q.get('dateFrom') ?? '', q.get('dateTo') ?? '', SEVEN_DAYS);
    if (!range.ok) return sendError(res, 400, range.message.replace('createdAt', 'date'));
    const size = pageSize(q, 100, 10);
    const pageIndex = Number(q.get('pageIndex') ?? '1');
    if (size === null || !Number.isInteger(pageIndex) || pageIndex < 1) return sendError(res, 400, 'pageIndex ≥ 1 and sizePerPage ≤ 100');
    const matching = store.receipts
      .filter((r) => r.withdrawnAt && r.withdrawnAt.getTime() >= range.from && r.withdrawnAt.getTime() < range.to)
      .sort((a, b) => compareIds(a.receiptId, b.receiptId));
    const page = matching.slice((pageIndex - 1) * size, pageIndex * size);
    const more = matching.length > pageIndex * size;
    send(res, 200, { code: 200, message: 'OK', data: page.map((r) => withdrawalView(r, store.vendorId)), nextPageIndex: more ? pageIndex + 1 : '' });
  });

  router.get(`${VENDOR}/exchangeRequests`, (req, res) => {
    const q = queryOf(req);
    const range = clockRange(q, SEVEN_DAYS * 86400_000);
    if (!range.ok) return sendError(res, 400, range.message);
    const size = pageSize(q);
    if (size === null) return sendError(res, 400, 'maxPerPage should be between 1 and 50');
    const status = q.get('status');
    const matching = store.exchanges.filter(
      (e) => (!status || e.exchangeStatus === status) && e.createdAt.getTime() >= range.from && e.createdAt.getTime() < range.to,
    );
    const { page, nextToken } = pageAfter(matching, (e) => e.exchangeId, q.get('nextToken') ?? '', size, compareIds);
    send(res, 200, {
      code: 200,
      message: 'OK',
      nextToken,
      data: page.map((e) => exchangeView(e, store.vendorId, store.boxes.get(e.items[0]?.shipmentBoxId ?? ''))),
    });
  });

  return router;
}
