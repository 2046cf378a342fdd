// What operators read when Coupang refuses something: the call as a whole (MallError messages) or one box in a
// confirm / invoice upload (Outcome messages). Keys in capitals are Coupang's own resultCodes (mall-apis.md
// §1.4, §1.5); lower-case keys are ours.
import { defineMessages, message, type Message, type MessageParams, type MessageText } from '../../../shared/i18n.ts';

export const coupangMessages = defineMessages('coupang', {
  auth_failed: {
    ko: '쿠팡 인증에 실패했습니다. WING에서 발급한 Access Key·Secret Key가 맞는지, 키가 만료되지 않았는지(발급 후 180일) 확인해 주세요.',
    en: 'Coupang refused the credentials. Check the Access Key and Secret Key issued in WING and that they have not expired (180 days after issue).',
  },
  signature_expired: {
    ko: '쿠팡이 요청 시각이 맞지 않는다며 거부했습니다. 서버의 시계가 정확한지 확인해 주세요.',
    en: 'Coupang refused the request time (signature expired). Check that the server clock is correct.',
  },
  forbidden: {
    ko: '쿠팡이 접근을 거부했습니다(403). 호출하는 서버의 IP가 WING에 등록되어 있는지, 업체코드(vendorId)가 키와 맞는지 확인해 주세요.',
    en: 'Coupang denied access (403). Check that the calling IP is registered in WING and the vendor id matches the keys.',
  },
  rejected: {
    ko: '쿠팡이 요청을 거부했습니다 (HTTP {status}): {message}',
    en: 'Coupang rejected the request (HTTP {status}): {message}',
  },
  bad_response: {
    ko: '쿠팡의 응답을 해석할 수 없습니다: {detail}',
    en: 'Could not read Coupang’s answer: {detail}',
  },
  rate_limited: {
    ko: '쿠팡 호출 한도를 넘었습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Coupang’s rate limit was reached. Try again later.',
  },
  unavailable: {
    ko: '쿠팡 서버가 응답하지 않습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Coupang is not answering. Try again later.',
  },
  no_result: {
    ko: '쿠팡 응답에 이 배송번호의 처리 결과가 없습니다. 다시 시도해 주세요.',
    en: 'Coupang’s answer has no result for this shipment box. Try again.',
  },
  invalid_target: {
    ko: '쿠팡 배송번호(shipmentBoxId) 또는 옵션ID(vendorItemId)가 없는 주문입니다. 쿠팡에서 수집한 주문인지 확인해 주세요.',
    en: 'The line has no Coupang shipment box id or vendor item id. Check that it was collected from Coupang.',
  },
  unknown_courier: {
    ko: '쿠팡에 등록할 수 없는 택배사입니다: {courier}',
    en: 'This courier cannot be used on Coupang: {courier}',
  },
  missing_tracking_number: {
    ko: '운송장번호가 없습니다.',
    en: 'The tracking number is missing.',
  },
  not_accept: {
    ko: '쿠팡에서 결제완료 상태가 아니어서 발주확인할 수 없습니다. 현재 쿠팡 상태: {status_label}',
    en: 'The box is not Paid (ACCEPT) at Coupang, so it cannot be confirmed. Current Coupang status: {status_label}',
  },
  unknown_result: {
    ko: '쿠팡이 처리하지 못했습니다 ({code}): {message}',
    en: 'Coupang did not process it ({code}): {message}',
  },
  no_receipt_id: {
    ko: '쿠팡 접수번호(receiptId)가 없는 클레임이라 쿠팡에 처리 결과를 보낼 수 없습니다. 주문동기화를 다시 한 뒤 전송해 주세요.',
    en: 'The claim has no Coupang receipt id, so its decision cannot be sent. Run a sync, then send again.',
  },
  decision_unsupported: {
    ko: '쿠팡 Open API로는 이 클레임({claim})을(를) {decision}할 수 없습니다. WING(판매자센터)에서 직접 처리해 주세요.',
    en: 'The Coupang Open API cannot {decision} this claim ({claim}). Handle it in WING (the seller center).',
  },
  claim_refused: {
    ko: '쿠팡이 클레임 처리를 거부했습니다: {message}',
    en: 'Coupang refused the claim decision: {message}',
  },
  NOT_FOUND_SHIPMENT_BOX: {
    ko: '쿠팡에서 배송번호(shipmentBoxId)를 찾을 수 없습니다.',
    en: 'Coupang cannot find this shipment box.',
  },
  INVALID_STATUS: {
    ko: '쿠팡 주문 상태가 맞지 않아 처리할 수 없습니다. 송장 등록은 상품준비중 상태에서만 가능합니다.',
    en: 'The order is not in a state Coupang accepts for this; invoices can only be uploaded in INSTRUCT.',
  },
  DUPLICATE_INVOICE_NUMBER: {
    ko: '이미 다른 주문에 사용된 운송장번호입니다. 운송장번호를 확인해 주세요.',
    en: 'This tracking number is already used for another order.',
  },
  INVALID_INVOICE_NUMBER: {
    ko: '택배사의 운송장번호 형식에 맞지 않습니다. 택배사와 운송장번호를 확인해 주세요.',
    en: 'The tracking number does not fit the courier’s format.',
  },
  ORDER_DELIVERY_CANCELED: {
    ko: '고객이 취소한 주문이라 처리할 수 없습니다. 출고하지 마세요.',
    en: 'The customer cancelled this order; do not ship it.',
  },
  ORDER_DELIVERY_CANCELED_HOLDING_FOR_CANCEL: {
    ko: '고객의 취소(출고중지) 요청이 접수되어 있어 처리할 수 없습니다. 취소 요청을 먼저 처리해 주세요.',
    en: 'A cancel (stop shipment) request is pending; handle it first.',
  },
  ORDER_DELIVERY_PARTIAL_STOP_REQUESTED: {
    ko: '일부 상품에 출고중지 요청이 있어 처리할 수 없습니다. 요청을 처리한 뒤 다시 시도해 주세요.',
    en: 'A stop-shipment request exists for part of the box; handle it, then try again.',
  },
  NOT_FOUND_VENDOR_ITEM: {
    ko: '묶음배송 상자의 모든 상품(옵션)을 함께 보내야 합니다. 빠진 상품이 있거나 쿠팡에 없는 옵션ID가 있습니다.',
    en: 'Every item of a bundled Coupang box must be sent together; an item is missing or unknown.',
  },
  NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD: {
    ko: '이미 송장이 등록된 주문입니다. 운송장번호를 바꾸려면 송장 수정을 이용해 주세요.',
    en: 'An invoice is already registered for this box; use an invoice correction to change it.',
  },
  NOT_FOUND_INVOICE_NUMBER: {
    ko: '쿠팡에서 운송장번호를 찾을 수 없습니다.',
    en: 'Coupang cannot find the tracking number.',
  },
  PERMISSION_DENIED: {
    ko: '이 주문을 처리할 권한이 없습니다. 잠시 후 다시 시도해 주세요.',
    en: 'No permission to process this order. Try again later.',
  },
  NOT_ALLOW_VENDOR_DIRECT: {
    ko: '이 주문에는 업체직송을 사용할 수 없습니다.',
    en: 'Direct delivery is not allowed for this order.',
  },
  PSD_NOT_ALLOW_TO_CHANGE: {
    ko: '쿠팡에서 변경을 허용하지 않는 주문입니다.',
    en: 'Coupang does not allow changing this order.',
  },
  NOT_ALLOW_SEPARATE_AFTER_NORMAL_DELIVERY: {
    ko: '일반 배송으로 등록된 뒤에는 분리배송할 수 없습니다.',
    en: 'Split shipping is not allowed after a normal shipment.',
  },
  IS_SEPARATE_MUST_BE_TRUE_WHEN_SEPARATE_DELIVERY: {
    ko: '분리배송 주문은 분리배송으로 등록해야 합니다.',
    en: 'A split shipment must be registered as split.',
  },
  NOT_ALLOW_SEPARATE_WHEN_ONE_VENDOR_ITEM: {
    ko: '상품이 하나인 주문은 분리배송할 수 없습니다.',
    en: 'A box with one item cannot be split.',
  },
  INVALID_DELIVERY_COMPANY: {
    ko: '쿠팡이 택배사 코드를 받지 않았습니다. 택배사를 확인해 주세요.',
    en: 'Coupang did not accept the courier code.',
  },
  UNDEFINED_ERROR_OCCUR: {
    ko: '쿠팡에서 알 수 없는 오류가 났습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Coupang reported an unknown error. Try again later.',
  },
});

export type CoupangMessageKey = keyof typeof coupangMessages;

/** Coupang's ordersheet statuses as WING shows them to sellers (mall-apis.md §1): operators read these, not codes. */
const SHEET_STATUS_LABELS: Record<string, MessageText> = {
  ACCEPT: { ko: '결제완료', en: 'Paid (ACCEPT)' },
  INSTRUCT: { ko: '상품준비중', en: 'Preparing (INSTRUCT)' },
  DEPARTURE: { ko: '배송지시', en: 'Dispatched (DEPARTURE)' },
  DELIVERING: { ko: '배송중', en: 'In transit (DELIVERING)' },
  FINAL_DELIVERY: { ko: '배송완료', en: 'Delivered (FINAL_DELIVERY)' },
  NONE_TRACKING: { ko: '업체직송', en: 'Shipped without tracking (NONE_TRACKING)' },
};

/** Coupang's name of an ordersheet status in the reader's language; a status we have no name for is shown as is. */
export function sheetStatusLabel(status: string): MessageText {
  return SHEET_STATUS_LABELS[status] ?? { ko: status, en: status };
}

export function coupangText(key: CoupangMessageKey, params: MessageParams = {}): Message {
  return message(coupangMessages[key], params);
}

/** The operator's text for one of Coupang's per-item resultCodes; codes we have no text for keep Coupang's words. */
export function resultText(code: string, mallMessage: string | null | undefined): Message {
  if (Object.hasOwn(coupangMessages, code) && code === code.toUpperCase()) return coupangText(code as CoupangMessageKey);
  return coupangText('unknown_result', { code, message: mallMessage || '-' });
}
