// 발주서 목록·단건 조회 and 상품준비중 처리 (mall-apis.md §1.2–§1.4).
import { Router, type Request, type Response } from 'express';
import { bodyOf, idOf, queryOf } from './request.ts';
import { createdRange, pageAfter, pageSize } from './ranges.ts';
import { BOX_STATUSES, compareIds, type BoxStatus, type CoupangStore } from './store.ts';
import { actionAnswer, ordersheetView, send, sendError, type ItemResult } from './views.ts';

const V4 = '/v2/providers/openapi/apis/api/v4/vendors/:vendorId';
export const ACK_LIMIT = 50;

export function ordersRoutes(store: CoupangStore): Router {
  const router = Router();

  router.get(`${V4}/ordersheets`, (req, res) => {
    const q = queryOf(req);
    const status = q.get('status') ?? '';
    if (!BOX_STATUSES.includes(status as BoxStatus)) return sendError(res, 400, `status is required: one of ${BOX_STATUSES.join(', ')}`);
    const range = createdRange(q);
    if (!range.ok) return sendError(res, 400, range.message);
    const size = pageSize(q);
    if (size === null) return sendError(res, 400, 'maxPerPage should be between 1 and 50');
    const token = q.get('nextToken') ?? '';
    if (token && !/^\d+$/.test(token)) return sendError(res, 400, 'invalid nextToken');
    // Return-completed boxes vanish from the lists (§1.2).
    const matching = [...store.boxes.values()].filter(
      (b) => b.status === status && !b.returned && b.orderedAt.getTime() >= range.from && b.orderedAt.getTime() < range.to,
    );
    // Minute mode has no paging (§1.2): everything in one answer.
    const { page, nextToken } = range.paged
      ? pageAfter(matching, (b) => b.shipmentBoxId, token, size, compareIds)
      : { page: matching, nextToken: '' };
    send(res, 200, { code: 200, message: 'OK', nextToken, data: page.map(ordersheetView) });
  });

  const acknowledge = (req: Request, res: Response) => {
    const body = bodyOf(req);
    if (!body) return sendError(res, 400, 'request body must be JSON');
    if (body.vendorId !== store.vendorId) return sendError(res, 400, 'vendorId in the body does not match the path');
    const raw = body.shipmentBoxIds;
    if (!Array.isArray(raw) || raw.length === 0) return sendError(res, 400, 'shipmentBoxIds is required');
    if (raw.length > ACK_LIMIT) return sendError(res, 400, `shipmentBoxIds: at most ${ACK_LIMIT} per request`);
    const ids = raw.map(idOf);
    if (ids.some((id) => id === null)) return sendError(res, 400, 'shipmentBoxIds must be numbers');
    res.locals.items = ids.length;
    const results: ItemResult[] = [...new Set(ids as string[])].map((id) => {
      const box = store.boxes.get(id);
      const fail = (resultCode: string, resultMessage: string, retryRequired = false): ItemResult => ({
        shipmentBoxId: id,
        succeed: false,
        resultCode,
        resultMessage,
        retryRequired,
      });
      if (!box) return fail('NOT_FOUND_SHIPMENT_BOX', '배송번호를 찾을 수 없습니다.');
      if (box.items.every((i) => i.shippingCount === 0)) return fail('ORDER_DELIVERY_CANCELED', '취소된 주문입니다.');
      // Only ACCEPT boxes, and not while a refund (cancel) is in progress (§1.4).
      if (box.status !== 'ACCEPT' || box.items.some((i) => i.holdCountForCancel > 0)) return fail('INVALID_STATUS', '배송상태를 변경할 수 없습니다.');
      box.status = 'INSTRUCT';
      return { shipmentBoxId: id, succeed: true, resultCode: 'OK', resultMessage: '', retryRequired: false };
    });
    send(res, 200, actionAnswer(results));
  };
  router.patch(`${V4}/ordersheets/acknowledgement`, acknowledge);
  router.put(`${V4}/ordersheets/acknowledgement`, acknowledge);

  router.get(`${V4}/ordersheets/:shipmentBoxId`, (req, res) => {
    const box = store.boxes.get(String(req.params.shipmentBoxId));
    if (!box) return sendError(res, 404, '배송번호를 찾을 수 없습니다.');
    send(res, 200, { code: 200, message: 'OK', data: ordersheetView(box) });
  });

  router.get(`${V4}/:orderId/ordersheets`, (req, res) => {
    const boxes = store.boxesOfOrder(String(req.params.orderId));
    if (!boxes.length) return sendError(res, 404, '주문번호를 찾을 수 없습니다.');
    send(res, 200, { code: 200, message: 'OK', data: boxes.map(ordersheetView) });
  });

  return router;
}
