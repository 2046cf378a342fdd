import { defineMessages } from '../../../shared/i18n.ts';

// Stock allocation (재고할당): refusals of an apply or an undo, and of the request.
export const allocationMessages = defineMessages('allocation', {
  batch_not_found: { ko: '할당 배치 {id}을(를) 찾을 수 없습니다', en: 'no allocation batch {id}' },
  batch_not_previewed: {
    ko: '할당 배치 {id}은(는) 이미 {state} 상태입니다. 미리보기를 다시 하세요',
    en: 'allocation batch {id} is already {state}. Preview again',
  },
  preview_outdated: {
    ko: '할당 배치 {id}은(는) 이전 버전에서 만든 미리보기입니다. 미리보기를 다시 하세요',
    en: 'allocation batch {id} was previewed by an earlier version. Preview again',
  },
  lines_moved: {
    ko: '미리보기 뒤에 주문상품이 바뀌었습니다 (주문 {orders}). 미리보기를 다시 하세요',
    en: 'order lines changed since the preview (orders {orders}). Preview again',
  },
  stock_moved: {
    ko: '미리보기 뒤에 재고가 바뀌었습니다 ({rows}). 미리보기를 다시 하세요',
    en: 'stock changed since the preview ({rows}). Preview again',
  },
  batch_not_applied: { ko: '할당 배치 {id}은(는) 적용된 상태가 아닙니다 ({state})', en: 'allocation batch {id} is not applied ({state})' },
  undo_later_batch: {
    ko: '뒤에 적용된 할당 배치 {later}을(를) 먼저 취소하세요',
    en: 'undo the later allocation batch {later} first',
  },
  undo_blocked: {
    ko: '할당 뒤에 바뀐 주문이 있어 취소할 수 없습니다 (주문 {orders})',
    en: 'orders changed since the allocation; it cannot be undone (orders {orders})',
  },
  unknown_warehouse: { ko: '{field}: 창고 {code}이(가) 없습니다', en: '{field}: no warehouse {code}' },
});

/** A batch's state as the refusals name it (it showed "이미 applied 상태입니다"). */
export const BATCH_STATE_LABELS = {
  previewed: { ko: '미리보기', en: 'previewed' },
  applied: { ko: '적용', en: 'applied' },
  undone: { ko: '취소', en: 'undone' },
} as const;
