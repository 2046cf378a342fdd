import { defineMessages } from '../../../shared/i18n.ts';

// Merge-packing (합포장): refusals of an apply or an undo, and what the history rows say.
export const mergeMessages = defineMessages('merge', {
  order_moved: {
    ko: '미리보기 이후 주문 {order}이(가) 바뀌었습니다. 합포 미리보기를 다시 하세요',
    en: 'Order {order} changed since the preview. Preview the merge again',
  },
  order_not_mergeable: {
    ko: '주문 {order}은(는) 합포할 수 없습니다 (출고대기·송장 없음·보류/합포금지/클레임/미매칭/품절 아님이어야 합니다)',
    en: 'Order {order} cannot be merged (it must be ready to ship, without a number, and not held, merge-locked, claimed, unmatched or sold out)',
  },
  order_twice: {
    ko: '{field}: 주문 {order}이(가) 두 그룹에 있습니다',
    en: '{field}: order {order} is in two groups',
  },
  batch_not_found: { ko: '합포 작업 {id}을(를) 찾을 수 없습니다', en: 'Merge batch {id} not found' },
  batch_undone: { ko: '이미 취소된 합포 작업입니다 ({at})', en: 'This merge was already undone ({at})' },
  undo_blocked: {
    ko: '합포 이후 바뀐 주문이 있어 취소할 수 없습니다 (송장 입력·출고 등): {orders}',
    en: 'Orders changed after the merge (a number entered, shipped …), so it cannot be undone: {orders}',
  },
});
