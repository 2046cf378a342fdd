import { defineMessages } from '../../../shared/i18n.ts';

// Gift rules and the preview → apply → undo of gift lines.
export const giftsMessages = defineMessages('gifts', {
  rule_not_found: { ko: '사은품 규칙을 찾을 수 없습니다 ({id})', en: 'no such gift rule ({id})' },
  unknown_sku: { ko: '{field}: 없는 상품코드입니다 ({code})', en: '{field}: unknown SKU code ({code})' },
  period_reversed: { ko: '기간의 시작일이 종료일보다 늦습니다', en: 'the period starts after it ends' },
  stale_rule: {
    ko: '다른 사용자가 규칙을 바꿨습니다 (현재 버전 {current}). 다시 불러오세요',
    en: 'someone changed the rule (now version {current}); reload it',
  },
  rule_in_use: {
    ko: '이 규칙으로 추가된 사은품이 있어 삭제할 수 없습니다. 규칙의 중지를 누르세요',
    en: 'gift lines were added by this rule: it cannot be deleted; turn it off instead',
  },
  order_moved: {
    ko: '미리보기 이후 바뀐 주문이 있습니다: {orders}. 다시 미리보기 하세요',
    en: 'orders changed since the preview: {orders}; preview again',
  },
  rule_no_longer_holds: {
    ko: '미리보기 이후 조건이 맞지 않게 된 주문이 있습니다: {orders}. 다시 미리보기 하세요',
    en: 'gift rules no longer hold for orders since the preview: {orders}; preview again',
  },
  batch_not_found: { ko: '사은품 적용 내역을 찾을 수 없습니다 ({id})', en: 'no such gift batch ({id})' },
  batch_undone: { ko: '이미 취소된 적용입니다 ({at})', en: 'this apply was undone already ({at})' },
  undo_blocked: {
    ko: '적용 이후 바뀐 주문이 있어 취소할 수 없습니다: {orders}',
    en: 'orders changed after the apply, so it cannot be undone: {orders}',
  },
  apply_reason: { ko: '사은품 적용', en: 'Gifts applied' },
});
