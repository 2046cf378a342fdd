import { defineMessages } from '../../../shared/i18n.ts';

// Undo of a bulk transition (PRODUCT §6.9): its refusals.
export const transitionUndoMessages = defineMessages('transition_undo', {
  batch_not_found: {
    ko: '되돌릴 일괄 작업 {id}을(를) 찾을 수 없습니다 (출고지시·출고완료·배송 단계·보류·표시 변경만 되돌릴 수 있습니다)',
    en: 'No bulk change {id} to undo (release, ship, the delivery steps, hold and flags can be undone)',
  },
  batch_undone: { ko: '이미 되돌린 일괄 작업입니다 ({at})', en: 'This bulk change was already undone ({at})' },
  undo_unsupported: {
    ko: '이 일괄 작업은 되돌릴 수 없습니다: {why}',
    en: 'This bulk change cannot be undone: {why}',
  },
  undo_blocked: {
    ko: '이후에 바뀐 주문이 있어 되돌릴 수 없습니다 (쇼핑몰 전송·합포·다른 작업 등): {orders}',
    en: 'Orders changed after it (sent to the mall, merged, another change …), so it cannot be undone: {orders}',
  },
});

/** Why a record does not cover a call (transition-undo.ts `uncovered`), as the refusal says it. */
export const UNDO_BLOCKED_REASONS: Record<string, { ko: string; en: string }> = {
  boxes_changed: { ko: '박스나 운송장번호가 바뀌었습니다', en: 'it changed boxes or tracking numbers' },
  lines_added: { ko: '주문상품이 나뉘었습니다', en: 'it split lines' },
  claims_changed: { ko: '클레임이 바뀌었습니다', en: 'it changed claims' },
  notes_added: { ko: '메모가 추가되었습니다', en: 'it added memos' },
  orders_deleted: { ko: '주문이 삭제되었습니다', en: 'it deleted orders' },
  row_not_kept: { ko: '바뀌기 전 값이 남아 있지 않습니다', en: 'the values before it were not kept' },
  field_not_kept: { ko: '바뀌기 전 값이 남아 있지 않습니다', en: 'the values before it were not kept' },
};
