// The pane's words for the order detail beside the sheet (issue 13 §2). Korean first.
import type { Messages } from '../../../../shared/i18n.ts';

export const orderDetailMessages = {
  detail: { ko: '주문 상세', en: 'Order detail' },
  detail_hint: { ko: '주문 시트에서 행을 선택하면 그 주문의 상세가 여기 보입니다.', en: 'Select a row of the 주문 sheet to see its order here.' },
  detail_several: {
    ko: '선택한 행에 주문이 {count}개 있습니다. 한 주문의 행만 선택하세요.',
    en: 'The selection has {count} orders. Select rows of one order.',
  },
  detail_several_more: {
    ko: '선택한 행에 주문이 {count}개 넘게 있습니다. 한 주문의 행만 선택하세요.',
    en: 'The selection has more than {count} orders. Select rows of one order.',
  },
  detail_loading: { ko: '불러오는 중…', en: 'Loading…' },
  detail_order: { ko: '주문번호 {order} · {channel}', en: 'Order {order} · {channel}' },
  detail_order_direct: { ko: '{channel} 주문 · {orderer} · {at}', en: '{channel} order · {orderer} · {at}' },
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
  deleted: {
    ko: '삭제된 주문입니다 ({at} · {who}). 되살리려면 행을 선택하고 주문삭제 복구를 실행하세요.',
    en: 'This order was deleted ({at} · {who}). To bring it back, select its rows and run Undo delete.',
  },
} satisfies Messages;
