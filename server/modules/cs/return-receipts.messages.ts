import { defineMessages } from '../../../shared/i18n.ts';

// 반품 입고 (returns received): each line's result, and the refusals of a call.
export const receiptMessages = defineMessages('return_receipts', {
  received_sellable: {
    ko: '정상 입고: {warehouse} 창고 재고 +{units}',
    en: 'Received sellable: {warehouse} stock +{units}',
  },
  received_sellable_unkept: {
    ko: '정상 입고 (재고를 관리하지 않는 SKU라 재고 변동 없음)',
    en: 'Received sellable (its SKUs keep no stock, so no stock moved)',
  },
  received_defective: { ko: '불량 입고 (재고 변동 없음)', en: 'Received defective (no stock moved)' },
  not_found: { ko: '주문상품을 찾을 수 없습니다', en: 'no such line' },
  not_returning: {
    ko: '반품·교환 중인 상품이 아닙니다 (현재 {status_label})',
    en: 'not a line being returned or exchanged (now {status_label})',
  },
  already_received: {
    ko: '이미 입고했습니다 ({at}, {condition})',
    en: 'already received ({at}, {condition})',
  },
  no_skus: {
    ko: '매칭된 SKU가 없어 재고에 넣을 수 없습니다. 매칭한 뒤 입고하거나 불량으로 입고하세요',
    en: 'no SKUs matched, so it cannot go back into stock. Match it first, or receive it as defective',
  },
  duplicate_item: { ko: '같은 요청에 두 번 들어 있습니다', en: 'appears twice in the same request' },
  unknown_warehouse: { ko: '{field}: {code}은(는) 없거나 쓰지 않는 창고입니다', en: '{field}: no active warehouse {code}' },
  no_default_warehouse: {
    ko: '{field}: 기본 창고가 없습니다. 창고를 지정하세요',
    en: '{field}: there is no default warehouse; name one',
  },
});

/** The conditions as receipts name them. */
export const CONDITION_LABELS = {
  sellable: { ko: '정상', en: 'sellable' },
  defective: { ko: '불량', en: 'defective' },
} as const;
