import { defineMessages } from '../../../shared/i18n.ts';

// Stock per SKU × warehouse: refusals of a count, an adjustment or a transfer, each naming the field it is about.
export const stockMessages = defineMessages('stock', {
  unknown_sku: { ko: '{field}: 등록되지 않은 상품코드입니다 ({code})', en: '{field}: no SKU with code {code}' },
  unknown_warehouse: { ko: '{field}: 등록되지 않은 창고입니다 ({code})', en: '{field}: no warehouse with code {code}' },
  no_default_warehouse: { ko: '{field}: 기본창고가 없습니다. 창고를 적으세요', en: '{field}: there is no default warehouse; name one' },
  negative_count: { ko: '{field}: 재고 수량은 0 이상이어야 합니다 ({value})', en: '{field}: a count cannot be negative ({value})' },
  reason_required: { ko: '{field}: 재고를 바꾸는 사유를 적으세요', en: '{field}: say why the stock changes' },
  count_too_large: { ko: '{field}: 재고 수량은 {max} 이하여야 합니다 ({value})', en: '{field}: a count is at most {max} ({value})' },
  reason_too_long: { ko: '{field}: 사유는 {max}자까지입니다 ({length}자)', en: '{field}: a reason is at most {max} characters ({length})' },
  stale: {
    ko: '불러온 뒤 재고가 바뀌었습니다 (지금 현재고 {current}개). 다시 불러와 확인하세요',
    en: 'the stock changed since you loaded it (on hand is now {current}). Load it again and check',
  },
  below_allocated: {
    ko: '반영했습니다. 다만 현재고 {on_hand}개가 주문에 할당된 {allocated}개보다 적어, 할당된 주문 중 {short}개분은 이 창고에서 보낼 수 없습니다. 재고할당을 되돌려 다시 하거나 재고를 옮기세요',
    en: 'applied, but on hand ({on_hand}) is below what orders hold allocated ({allocated}): {short} allocated units cannot ship from this warehouse. Undo the allocation and allocate again, or move stock in',
  },
  // Several problems of one row, said together (count.service.ts allOf).
  and_more: { ko: '{first} / {rest}', en: '{first} / {rest}' },
  duplicate_row: { ko: '같은 상품·창고가 위 행에 이미 있습니다', en: 'the same SKU and warehouse is in an earlier row' },
  negative_on_hand: {
    ko: '{field}: 현재고 {on_hand}개에서 {delta}하면 0보다 적어집니다',
    en: '{field}: {delta} would take on hand ({on_hand}) below zero',
  },
  insufficient_stock: {
    ko: '{field}: 보내는 창고 {warehouse}의 가용재고가 {available}개라 {quantity}개를 옮길 수 없습니다',
    en: '{field}: warehouse {warehouse} has {available} available, cannot move {quantity}',
  },
  same_warehouse: { ko: '{field}: 보내는 창고와 받는 창고가 같습니다', en: '{field}: the same warehouse as the source' },
  not_a_count: { ko: '{field}: 0 이상의 정수를 넣으세요 ({value})', en: '{field}: enter a whole number, 0 or more ({value})' },
  template_not_found: { ko: '{field}: 템플릿이 없습니다 ({id})', en: '{field}: no such template ({id})' },
  template_wrong_type: { ko: '{field}: 재고 실사 템플릿이 아닙니다 ({id})', en: '{field}: not a stock-count template ({id})' },
  stock_busy: {
    ko: '다른 작업이 같은 재고를 바꾸는 중이라 반영하지 못했습니다. 잠시 후 다시 하세요',
    en: 'other changes to the same stock kept this one from applying; try again in a moment',
  },
});
