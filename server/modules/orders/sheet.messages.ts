// What a sheet push says about a refused row. Shown in the row's result column, next to the cells, so the messages
// speak of the row and its cells rather than naming ids.
import { defineMessages } from '../../../shared/i18n.ts';
import { cellMessages } from '../../../shared/sheet/cell-messages.ts';
import { recipientMessages } from '../../../shared/sheet/recipient-edit.ts';

export const sheetMessages = defineMessages('sheet', {
  stale_row: {
    ko: '불러온 뒤 이 행이 바뀌었습니다 (현재 상태 {status_label}). 다시 불러온 뒤 고치세요',
    en: 'This row changed since the pull (now {status_label}). Pull again and redo the change',
  },
  ...cellMessages,
  ...recipientMessages,
  reason_needs_hold: {
    ko: '보류 중인 주문이 아닙니다. 보류하려면 출고보류도 함께 입력하세요',
    en: 'The order is not on hold; set Hold as well to hold it with this reason',
  },
  hold_conflict_hold: {
    ko: '같은 주문의 다른 행이 이번 반영에서 사유 "{reason}"(으)로 보류를 요청했습니다. 한 주문의 행은 모두 같은 보류 상태여야 합니다',
    en: 'Another row of this order asks in this push to hold it with the reason "{reason}"; every row of an order must ask for the same hold',
  },
  hold_conflict_release: {
    ko: '같은 주문의 다른 행이 이번 반영에서 보류 해제를 요청했습니다. 한 주문의 행은 모두 같은 보류 상태여야 합니다',
    en: 'Another row of this order asks in this push to release its hold; every row of an order must ask for the same hold',
  },
  box_conflict: {
    ko: '같은 상자의 다른 행이 이번 반영에서 운송장번호 {tracking_number}({courier})을(를) 넣었습니다. 한 상자에는 번호가 하나입니다',
    en: 'Another row in the same box set tracking number {tracking_number} ({courier}) in this push; a box has one number',
  },
});
