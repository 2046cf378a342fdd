import { defineMessages } from '../../../../shared/i18n.ts';
import { historyMessages, historyReason } from '../history.messages.ts';

// Order upload: per-row reasons and notes of a preview, and the refusals of a whole upload or batch. Cell problems
// (empty, bad phone, zero quantity, negative amount …) are shared/files/cell-messages.ts.
export const uploadMessages = defineMessages('order_uploads', {
  template_not_found: { ko: '{field}: 주문 업로드 템플릿 "{id}"이(가) 없습니다', en: '{field}: no order-upload template "{id}"' },
  template_wrong_type: {
    ko: '{field}: "{id}"은(는) 주문 업로드 템플릿이 아닙니다 (송장 템플릿 등)',
    en: '{field}: "{id}" is not an order-upload template (e.g. an invoice template)',
  },
  too_many_lines: {
    ko: '이 파일은 주문상품 {lines}개가 됩니다. 한 번에 {max}개까지 등록할 수 있으니 파일을 나눠 올리세요',
    en: 'This file makes {lines} order lines; at most {max} are registered at once, so split the file',
  },
  required: { ko: '{column}: 값이 비어 있습니다', en: '{column}: the value is missing' },
  quantity_above_direct: {
    ko: '{column}: 한 줄의 수량은 {max}개까지입니다 (직거래 주문과 같음): {value}',
    en: '{column}: at most {max} per row (as for direct orders): {value}',
  },
  unknown_channel_kind: {
    ko: '판매처 구분은 direct(직거래), store_release(매장출고), named(이름 있는 판매처) 중 하나입니다: {value}',
    en: 'the channel kind is one of direct, store_release, named: {value}',
  },
  named_channel_needs_name: {
    ko: '판매처 이름이 없습니다. 판매처 열을 채우거나 파일 전체의 판매처를 고르세요',
    en: 'the channel has no name. Fill the channel column or choose a channel for the whole file',
  },
  order_has_invalid_rows: {
    ko: '같은 주문의 {rows}행이 올바르지 않아 이 주문은 함께 등록하지 않습니다',
    en: 'row {rows} of the same order is invalid, so the order is not registered',
  },
  duplicate_in_file: {
    ko: '주문번호 {mall_order_id}이(가) {row}행의 다른 주문(수취인·주소가 다름)에도 있습니다',
    en: 'order number {mall_order_id} is also on row {row} for another order (another recipient or address)',
  },
  duplicate_existing: {
    ko: '주문번호 {mall_order_id}은(는) {channel}에 이미 등록된 주문({order_id})입니다',
    en: 'order number {mall_order_id} is already registered for {channel} (order {order_id})',
  },
  product_unchecked: {
    ko: '"{product}"은(는) 주문명 그대로 등록됩니다. 저장된 매칭이 있으면 그 상품에 연결되고, 없으면 비매칭으로 매칭 탭에서 연결합니다',
    en: '"{product}" is registered as named: a saved match links it to your product, otherwise it is unmatched and linked in the matching tab',
  },
  amount_too_large: {
    ko: '{column}: 한 줄의 금액은 {max}원까지입니다: {value}원',
    en: '{column}: a row amounts to at most {max} won: {value} won',
  },
  order_total_too_large: {
    ko: '이 주문의 합계(배송비 포함)가 {max}원을 넘습니다: {value}원. 주문을 나눠 올리세요',
    en: 'the order totals more than {max} won with shipping: {value} won. Split the order',
  },
  upload_not_found: { ko: '주문 업로드 {id}을(를) 찾을 수 없습니다', en: 'no order upload {id}' },
  upload_already_deleted: { ko: '주문 업로드 {id}은(는) 이미 삭제되었습니다', en: 'order upload {id} is already deleted' },
  upload_moved_on: {
    ko: '이 업로드의 주문 중 이미 진행된 주문이 있어 통째로 삭제할 수 없습니다: {orders}. 그 주문은 주문 탭에서 따로 처리하세요',
    en: 'some orders of this upload have moved on, so it cannot be deleted as a whole: {orders}. Handle those in the orders tab',
  },
});

/** The reason every history row of an upload gives (a stored Message): who is the actor, this says why. */
export const uploadReason = (sourceName: string) => historyReason(historyMessages.order_upload, { file: sourceName });
