import { defineMessages } from '../../../shared/i18n.ts';

// The sold-out list and its release: why a line stays sold out, and what the history says.
export const soldOutMessages = defineMessages('sold_out', {
  not_found: { ko: '주문상품을 찾을 수 없습니다', en: 'no such order line' },
  not_sold_out: { ko: '품절 상태가 아닙니다', en: 'not sold out' },
  sku_sold_out: {
    ko: '{code} 상품이 아직 강제품절입니다. 상품 상태를 바꾼 뒤 해제하세요',
    en: '{code} is still forced sold-out. Change its status before releasing',
  },
  stock_short: {
    ko: '{code} 재고가 부족합니다 (필요 {needed}, 가용 {available})',
    en: 'not enough {code} in stock (needs {needed}, {available} available)',
  },
});
