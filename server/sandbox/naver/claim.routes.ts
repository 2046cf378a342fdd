// The seller's claim decisions (mall-apis.md §2.5): `POST /v1/pay-order/seller/product-orders/{productOrderId}/claim/
// cancel/approve` (no body), `…/claim/return/approve` (no body) and `…/claim/return/reject` {rejectReturnReason}, each
// answered with the generic success / fail structure (failProductOrderInfos with the pay-order codes of §2.8). An
// approval completes the claim as Naver does (CANCEL_DONE → CANCELED, RETURN_DONE → RETURNED, CLAIM_COMPLETED in the
// change log); a refused return goes back to where it was (RETURN_REJECT, CLAIM_REJECTED). There is no seller cancel
// refusal: that path is unknown here, as at Naver.
import { Router, type Request, type Response } from 'express';
import { sendData, sendError } from './envelope.ts';
import { completeClaim } from './events.ts';
import { liveClaim, type NaverStore, type ProductOrderRecord } from './store.ts';

type Action = {
  type: 'CANCEL' | 'RETURN';
  apply(store: NaverStore, po: ProductOrderRecord, now: number, body: Record<string, unknown>): string | null;
};

const ACTIONS: Record<string, Action> = {
  'cancel/approve': {
    type: 'CANCEL',
    apply: (store, po, now) => (completeClaim('CANCEL', 'CANCELED')(store, po, now), null),
  },
  'return/approve': {
    type: 'RETURN',
    apply: (store, po, now) => (completeClaim('RETURN', 'RETURNED')(store, po, now), null),
  },
  'return/reject': {
    type: 'RETURN',
    apply: (store, po, now, body) => {
      const reason = body.rejectReturnReason;
      if (typeof reason !== 'string' || reason.trim() === '') return 'rejectReturnReason을(를) 입력해 주세요.';
      po.claim = { ...po.claim!, claimStatus: 'RETURN_REJECT', completedDate: now, rejectReason: reason };
      store.logChange(po, 'CLAIM_REJECTED', now);
      return null;
    },
  },
};

export function claimRoutes(store: NaverStore): Router {
  const router = Router();
  router.post('/v1/pay-order/seller/product-orders/:productOrderId/claim/:type/:verb', (req: Request, res: Response) => {
    const action = ACTIONS[`${req.params.type}/${req.params.verb}`];
    if (!action) return sendError(res, 404, '4040', '요청한 API를 찾을 수 없습니다.');
    const id = String(req.params.productOrderId);
    const fail = (code: string, message: string) =>
      sendData(res, { successProductOrderIds: [], failProductOrderInfos: [{ productOrderId: id, code, message }] });
    const po = store.productOrders.get(id);
    if (!po) return fail('100001', '상품주문을 찾을 수 없습니다.');
    if (liveClaim(po)?.claimType !== action.type) return fail('104442', '처리할 수 있는 클레임 상태가 아닙니다.');
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const refused = action.apply(store, po, Date.now(), body);
    if (refused) return fail('4000', refused);
    sendData(res, { successProductOrderIds: [id], failProductOrderInfos: [] });
  });
  return router;
}
