// The pane's words for the order detail beside the sheet, the operator's own layout and the unpushed-edits warning
// (issue 13 §2, §4). Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const deskMessages = {
  // unpushed edits
  unpushed_title: { ko: '반영하지 않은 수정이 있습니다', en: 'There are edits not pushed' },
  unpushed_rows: {
    ko: '{count}개 행: {rows}{more}. {what} 전에 먼저 반영할까요?',
    en: '{count} rows: {rows}{more}. Push them before {what}?',
  },
  unpushed_more: { ko: ' 외 {count}개', en: ' and {count} more' },
  unpushed_row: { ko: '{row}행 (주문번호 {order})', en: 'row {row} (order {order})' },
  unpushed_row_plain: { ko: '{row}행', en: 'row {row}' },
  unpushed_lost: { ko: '다시 불러오면 반영하지 않은 수정은 사라집니다.', en: 'A re-pull drops the edits not pushed.' },
  push_first: { ko: '먼저 반영', en: 'Push first' },
  go_anyway: { ko: '그대로 진행', en: 'Go on anyway' },
  what_pull: { ko: '다시 불러오기', en: 're-pulling' },
  what_reset: { ko: '레이아웃 초기화', en: 'resetting the layout' },
  what_ship: { ko: '출고', en: 'shipping' },
  what_send: { ko: '송장 전송', en: 'sending' },
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
  // detail
  detail: { ko: '주문 상세', en: 'Order detail' },
  detail_hint: { ko: '주문 시트에서 행을 선택하면 그 주문의 상세가 여기 보입니다.', en: 'Select a row of the 주문 sheet to see its order here.' },
  detail_several: {
    ko: '선택한 행에 주문이 {count}개 있습니다. 한 주문의 행만 선택하세요.',
    en: 'The selection has {count} orders. Select rows of one order.',
  },
  detail_loading: { ko: '불러오는 중…', en: 'Loading…' },
  detail_order: { ko: '주문번호 {order} · {channel}', en: 'Order {order} · {channel}' },
  detail_lines: { ko: '상품 ({count})', en: 'Lines ({count})' },
  detail_boxes: { ko: '박스 ({count})', en: 'Boxes ({count})' },
  detail_claims: { ko: '클레임 ({count})', en: 'Claims ({count})' },
  detail_holds: { ko: '보류 ({count})', en: 'Holds ({count})' },
  detail_notes: { ko: '메모·메시지 ({count})', en: 'Memos and messages ({count})' },
  detail_history: { ko: '이력 ({count})', en: 'History ({count})' },
  detail_none: { ko: '없음', en: 'None' },
  note_memo: { ko: '메모', en: 'Memo' },
  note_message: { ko: '메시지', en: 'Message' },
  note_kind: { ko: '종류', en: 'Kind' },
  note_body: { ko: '내용', en: 'Text' },
  note_add: { ko: '추가', en: 'Add' },
  note_added: { ko: '추가했습니다.', en: 'Added.' },
  hold_released: { ko: '해제 {at}', en: 'released {at}' },
  by_job: { ko: '작업', en: 'job' },
  by_system: { ko: '시스템', en: 'system' },
  reason: { ko: '사유: {reason}', en: 'why: {reason}' },
} satisfies Messages;
