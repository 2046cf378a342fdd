import { defineMessages } from '../../../shared/i18n.ts';

// Merge-packing (합포장): refusals of an apply or an undo, and what the history rows say.
export const mergeMessages = defineMessages('merge', {
  reason_for_many: {
    ko: '{field}: 합포 미리보기가 수령인 정보 {count}건을 시트에 씁니다({max}건 초과). 개인정보 다운로드 사유를 고르세요 (기록됩니다)',
    en: '{field}: the merge preview writes {count} rows with recipients into the sheet (more than {max}): say why (a download of personal data records its reason)',
  },
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
