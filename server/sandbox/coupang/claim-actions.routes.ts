// The seller's answers to return/cancel receipts (mall-apis.md §1.6): `PATCH|PUT …/v4/vendors/{vendorId}/
// returnRequests/{receiptId}/…` with `vendorId` and `receiptId` in the body — stoppedShipment {cancelCount} approves
// a stop-shipment request (RU: the box is cancelled, the receipt joins the completed cancels), receiveConfirmation
// confirms the returned goods arrived (RETURNS_UNCHECKED → VENDOR_WAREHOUSE_CONFIRM), approval {cancelCount}
// approves the return (→ RETURNS_COMPLETED, the box leaves the lists). Each answers `{code, message, data:
// {resultCode: SUCCESS|FAIL, resultMessage}}`; a receipt in another state, or a cancelCount that is not the
// receipt's, is a FAIL with Coupang's kind of words. Every step moves the receipt's modifiedAt, which the
// returnRequests list (and so a sync) reports.
import { Router, type Request, type Response } from 'express';
import { cancelItems } from './events.ts';
import { bodyOf, idOf } from './request.ts';
import type { CoupangStore, Receipt } from './store.ts';
import { send, sendError } from './views.ts';

const PATH = '/v2/providers/openapi/apis/api/v4/vendors/:vendorId/returnRequests/:receiptId/:step';
const STEPS = new Set(['stoppedShipment', 'receiveConfirmation', 'approval']);

const answer = (res: Response, ok: boolean, resultMessage: string) =>
  send(res, 200, { code: '200', message: 'OK', data: { resultCode: ok ? 'SUCCESS' : 'FAIL', resultMessage } });

export function claimActionsRoutes(store: CoupangStore): Router {
  const router = Router();
  const handle = (req: Request, res: Response) => {
    const step = String(req.params.step);
    if (!STEPS.has(step)) return sendError(res, 404, 'Not Found');
    const body = bodyOf(req);
    if (!body) return sendError(res, 400, 'request body is required');
    if (body.vendorId !== req.params.vendorId) return sendError(res, 400, 'vendorId in the body must match the path');
    if (idOf(body.receiptId) !== req.params.receiptId) return sendError(res, 400, 'receiptId in the body must match the path');
    const receipt = store.receipts.find((r) => r.receiptId === req.params.receiptId && !r.withdrawnAt);
    if (!receipt) return sendError(res, 404, '반품접수번호를 찾을 수 없습니다.');
    const box = store.boxes.get(receipt.items[0]?.shipmentBoxId ?? '');
    const total = receipt.items.reduce((sum, i) => sum + i.cancelCount, 0);
    const countOk = () => body.cancelCount === total;
    const now = new Date();
    const moved = (next: Partial<Receipt>) => {
      Object.assign(receipt, next, { modifiedAt: now });
      return answer(res, true, 'OK');
    };
    if (step === 'stoppedShipment') {
      if (receipt.receiptType !== 'RETURN' || receipt.receiptStatus !== 'RELEASE_STOP_UNCHECKED')
        return answer(res, false, '출고중지 요청 상태가 아닌 접수건입니다.');
      if (!countOk()) return answer(res, false, `취소 수량이 접수 수량(${total})과 다릅니다.`);
      if (box) cancelItems(box);
      return moved({ receiptType: 'CANCEL', receiptStatus: 'RETURNS_COMPLETED' });
    }
    if (receipt.receiptType !== 'RETURN' || receipt.receiptStatus === 'RELEASE_STOP_UNCHECKED') return answer(res, false, '반품 접수건이 아닙니다.');
    if (step === 'receiveConfirmation') {
      if (receipt.receiptStatus !== 'RETURNS_UNCHECKED') return answer(res, false, '입고 확인할 수 없는 상태입니다. (이미 입고 확인 또는 완료)');
      return moved({ receiptStatus: 'VENDOR_WAREHOUSE_CONFIRM' });
    }
    if (receipt.receiptStatus !== 'VENDOR_WAREHOUSE_CONFIRM') return answer(res, false, '입고 확인 후에 반품을 승인할 수 있습니다.');
    if (!countOk()) return answer(res, false, `반품 수량이 접수 수량(${total})과 다릅니다.`);
    if (box) box.returned = true;
    return moved({ receiptStatus: 'RETURNS_COMPLETED' });
  };
  router.patch(PATH, handle);
  router.put(PATH, handle);
  return router;
}
