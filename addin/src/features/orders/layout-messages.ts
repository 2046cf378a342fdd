// The pane's words for the operator's own layout of the order sheet and the unpushed-edits warning (issue 13 §4).
// Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const layoutMessages = {
  // unpushed edits
  unpushed_title: { ko: '반영하지 않은 수정이 있습니다', en: 'There are edits not pushed' },
  unpushed_rows: {
    ko: '{count}개 행: {rows}{more}. {what} 전에 먼저 반영할까요?',
    en: '{count} rows: {rows}{more}. Push them before {what}?',
  },
  unpushed_more: { ko: ' 외 {count}개', en: ' and {count} more' },
  // Rows whose last push was refused keep their edits: pushing them again is refused again until they change.
  unpushed_refused: {
    ko: ' 그중 {count}개 행은 지난 반영에서 거부되었습니다 (결과메시지 참고): 고치지 않았다면 그대로 진행하세요.',
    en: ' {count} of them were refused at the last push (see the result message): unless you fixed them, go on anyway.',
  },
  unpushed_row: { ko: '{row}행 (주문번호 {order})', en: 'row {row} (order {order})' },
  unpushed_row_plain: { ko: '{row}행', en: 'row {row}' },
  unpushed_lost: { ko: '다시 불러오면 반영하지 않은 수정은 사라집니다.', en: 'A re-pull drops the edits not pushed.' },
  unpushed_moved_lost: {
    ko: '그대로 진행하면 이 작업으로 바뀌는 행의 반영하지 않은 수정은 사라집니다.',
    en: 'Going on anyway drops the edits not pushed on the rows this changes.',
  },
  push_first: { ko: '먼저 반영', en: 'Push first' },
  go_anyway: { ko: '그대로 진행', en: 'Go on anyway' },
  what_pull: { ko: '다시 불러오기', en: 're-pulling' },
  what_reset: { ko: '레이아웃 초기화', en: 'resetting the layout' },
  what_ship: { ko: '출고', en: 'shipping' },
  what_send: { ko: '송장 전송', en: 'sending' },
  what_number: { ko: '대역 번호 넣기', en: 'numbering from the band' },
  // layout
  reset_layout: { ko: '레이아웃 초기화', en: 'Reset layout' },
  layout_reset_done: {
    ko: '레이아웃을 기본으로 되돌리고 {count}줄을 다시 불러왔습니다.',
    en: 'Layout back to the default; {count} lines pulled again.',
  },
  layout_help: {
    ko: '열 순서·너비·숨김과 직접 추가한 열은 다시 불러와도 유지되고, 다른 통합문서에서도 내 레이아웃으로 열립니다.',
    en: 'Column order, widths, hidden columns and your own columns stay on re-pull, and follow you to other workbooks.',
  },
} satisfies Messages;
