// 송장업로드 and 송장수정 (mall-apis.md §1.5): upload for INSTRUCT boxes only, a change only through updateInvoices; every live vendorItem of a box in the same request, the
// courier's number format, no number shared with another receiver; per-box results with partial failures.
import { Router, type Request, type Response } from 'express';
import { courierFromMallCode } from '../../../shared/couriers.ts';
import { bodyOf, idOf } from './request.ts';
import type { CoupangStore, SandboxBox } from './store.ts';
import { actionAnswer, send, sendError, type ItemResult } from './views.ts';

const V4 = '/v2/providers/openapi/apis/api/v4/vendors/:vendorId';

/** Coupang codes outside our courier table (international, §1.8): accepted with any number. */
const OTHER_CODES = new Set(['KGBPS', 'DHL', 'UPS', 'FEDEX', 'TNT', 'USPS', 'LOTTEGLOBAL', 'PANTOS']);

type Dto = { shipmentBoxId: string; vendorItemId: string; deliveryCompanyCode: string; invoiceNumber: string };

function readDto(raw: unknown): Dto | null {
  if (!raw || typeof raw !== 'object') return null;
  const d = raw as Record<string, unknown>;
  const shipmentBoxId = idOf(d.shipmentBoxId);
  const vendorItemId = idOf(d.vendorItemId);
  if (!shipmentBoxId || !vendorItemId || typeof d.deliveryCompanyCode !== 'string' || typeof d.invoiceNumber !== 'string') return null;
  return { shipmentBoxId, vendorItemId, deliveryCompanyCode: d.deliveryCompanyCode, invoiceNumber: d.invoiceNumber.trim() };
}

/** null when the number fits the courier (documented lengths, §1.8); otherwise the failing resultCode. */
function numberProblem(code: string, number: string): 'INVALID_DELIVERY_COMPANY' | 'INVALID_INVOICE_NUMBER' | null {
  if (OTHER_CODES.has(code)) return /^[A-Za-z0-9]+$/.test(number) ? null : 'INVALID_INVOICE_NUMBER';
  const courier = courierFromMallCode('coupang', code);
  if (!courier) return 'INVALID_DELIVERY_COMPANY';
  const rule = courier.tracking;
  if (rule.check === 's10') return /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(number) ? null : 'INVALID_INVOICE_NUMBER';
  if (!/^\d+$/.test(number)) return 'INVALID_INVOICE_NUMBER';
  return rule.lengths.length && !rule.lengths.includes(number.length) ? 'INVALID_INVOICE_NUMBER' : null;
}

const sameReceiver = (a: SandboxBox, b: SandboxBox) =>
  a.receiver.name === b.receiver.name && a.receiver.addr1 === b.receiver.addr1 && a.receiver.addr2 === b.receiver.addr2;

/** Statuses 송장수정 takes a box in (§1.5): it has a number and has not been returned or cancelled. */
const CHANGEABLE = new Set(['DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING']);

type Mode = 'upload' | 'update';

/** Whether the box's status lets this call set its number: null when it does, else the failing code and message. */
function statusProblem(box: SandboxBox, mode: Mode): [string, string] | null {
  if (mode === 'update') return CHANGEABLE.has(box.status) ? null : ['INVALID_STATUS', '송장을 수정할 수 있는 상태가 아닙니다.'];
  if (box.status === 'INSTRUCT') return null;
  // A number already registered changes only through 송장수정 (updateInvoices), as at Coupang.
  return box.invoiceNumber
    ? ['NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD', '이미 송장이 등록된 주문입니다.']
    : ['INVALID_STATUS', '상품준비중 상태가 아닙니다.'];
}

/** 송장업로드 (upload: INSTRUCT → DEPARTURE) and 송장수정 (update: a registered number replaced, back to DEPARTURE). */
function invoiceHandler(store: CoupangStore, mode: Mode) {
  return (req: Request, res: Response) => {
    const body = bodyOf(req);
    if (!body) return sendError(res, 400, 'request body must be JSON');
    if (body.vendorId !== store.vendorId) return sendError(res, 400, 'vendorId in the body does not match the path');
    const raw = body.orderSheetInvoiceApplyDtos;
    if (!Array.isArray(raw) || raw.length === 0) return sendError(res, 400, 'orderSheetInvoiceApplyDtos is required');
    // Split shipping (§1.5) is not modelled by the sandbox; refusing it beats pretending.
    if (raw.some((d) => d && typeof d === 'object' && (d as Record<string, unknown>).splitShipping === true))
      return sendError(res, 400, 'split shipping is not supported by the sandbox');
    const dtos = raw.map(readDto);
    if (dtos.some((d) => d === null))
      return sendError(res, 400, 'each entry needs shipmentBoxId, vendorItemId, deliveryCompanyCode and invoiceNumber');
    res.locals.items = dtos.length;

    const groups = new Map<string, Dto[]>();
    for (const dto of dtos as Dto[]) groups.set(dto.shipmentBoxId, [...(groups.get(dto.shipmentBoxId) ?? []), dto]);

    const results: ItemResult[] = [...groups].map(([id, entries]) => {
      const fail = (resultCode: string, resultMessage: string, retryRequired: boolean): ItemResult => ({
        shipmentBoxId: id,
        succeed: false,
        resultCode,
        resultMessage,
        retryRequired,
      });
      const box = store.boxes.get(id);
      if (!box) return fail('NOT_FOUND_SHIPMENT_BOX', '배송번호를 찾을 수 없습니다.', false);
      const live = box.items.filter((i) => i.shippingCount > 0);
      if (!live.length) return fail('ORDER_DELIVERY_CANCELED', '취소된 주문입니다.', false);
      if (box.items.some((i) => i.holdCountForCancel > 0))
        return fail('ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL', '취소(출고중지) 요청이 있는 주문입니다.', true);
      const wrongStatus = statusProblem(box, mode);
      if (wrongStatus) return fail(wrongStatus[0], wrongStatus[1], false);
      const sent = new Set(entries.map((e) => e.vendorItemId));
      if (entries.some((e) => !live.some((i) => i.vendorItemId === e.vendorItemId)) || live.some((i) => !sent.has(i.vendorItemId))) {
        return fail('NOT_FOUND_VENDOR_ITEM', '묶음배송 상품이 모두 포함되어야 합니다.', false);
      }
      const first = entries[0]!;
      if (entries.some((e) => e.invoiceNumber !== first.invoiceNumber || e.deliveryCompanyCode !== first.deliveryCompanyCode)) {
        return fail('INVALID_INVOICE_NUMBER', '한 배송번호의 상품은 같은 운송장으로 등록해야 합니다.', true);
      }
      const problem = numberProblem(first.deliveryCompanyCode, first.invoiceNumber);
      if (problem === 'INVALID_DELIVERY_COMPANY') return fail(problem, '유효하지 않은 택배사 코드입니다.', false);
      if (problem) return fail(problem, '운송장번호 형식이 올바르지 않습니다.', true);
      const owner = store.boxes.get(store.invoiceOwners.get(first.invoiceNumber) ?? '');
      if (owner && owner !== box && !sameReceiver(owner, box)) return fail('DUPLICATE_INVOICE_NUMBER', '이미 사용된 운송장번호입니다.', true);

      const now = new Date();
      // The replaced number no longer belongs to this box: another receiver may use it again.
      if (box.invoiceNumber && box.invoiceNumber !== first.invoiceNumber && store.invoiceOwners.get(box.invoiceNumber) === box.shipmentBoxId)
        store.invoiceOwners.delete(box.invoiceNumber);
      box.status = 'DEPARTURE';
      box.deliveryCompanyCode = first.deliveryCompanyCode;
      box.invoiceNumber = first.invoiceNumber;
      for (const item of live) item.invoiceUploadedAt = now;
      if (!owner) store.invoiceOwners.set(first.invoiceNumber, box.shipmentBoxId);
      return { shipmentBoxId: id, succeed: true, resultCode: 'OK', resultMessage: '', retryRequired: false };
    });
    send(res, 200, actionAnswer(results));
  };
}

export function invoicesRoutes(store: CoupangStore): Router {
  const router = Router();
  router.post(`${V4}/orders/invoices`, invoiceHandler(store, 'upload'));
  router.post(`${V4}/orders/updateInvoices`, invoiceHandler(store, 'update'));
  return router;
}
