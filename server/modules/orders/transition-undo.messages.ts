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
  batch_in_progress: {
    ko: '아직 진행 중이거나 중간에 끊긴 일괄 작업이라 되돌릴 수 없습니다',
    en: 'This bulk change is still being written (or broke off), so it cannot be undone',
  },
  sends_running: {
    ko: '쇼핑몰 송장 전송 작업이 진행 중입니다. 전송이 끝난 뒤 다시 하세요 (쇼핑몰에 전송된 송장은 되돌릴 수 없습니다)',
    en: 'A send of tracking numbers to the malls is running. Try again once it ends (numbers a mall has cannot be undone)',
  },
  stock_changed_since: {
    ko: '이후에 재고를 실사·조정·이동한 SKU가 있어 출고를 되돌릴 수 없습니다: {skus}{more}',
    en: 'Stock of these SKUs was counted, adjusted or moved since, so the ship cannot be undone: {skus}{more}',
  },
  and_more: { ko: ' 외 {count}건', en: ' and {count} more' },
  undo_blocked: {
    ko: '이후에 바뀐 주문이 있어 되돌릴 수 없습니다 (쇼핑몰 전송·합포·다른 작업 등): {orders}{more}',
    en: 'Orders changed after it (sent to the mall, merged, another change …), so it cannot be undone: {orders}{more}',
  },
});

/** Why a record does not cover a call (transition-undo.ts `uncovered`), as the refusal says it. */
export const UNDO_BLOCKED_REASONS: Record<string, { ko: string; en: string }> = {
  boxes_changed: { ko: '박스나 운송장번호가 바뀌었습니다', en: 'it changed boxes or tracking numbers' },
  expired: { ko: '보존 기간이 지나 되돌리기 기록을 지웠습니다', en: 'its undo record was erased with the retention period' },
  lines_added: { ko: '주문상품이 나뉘었습니다', en: 'it split lines' },
  claims_changed: { ko: '클레임이 바뀌었습니다', en: 'it changed claims' },
  notes_added: { ko: '메모가 추가되었습니다', en: 'it added memos' },
  orders_deleted: { ko: '주문이 삭제되었습니다', en: 'it deleted orders' },
  merged_after: {
    ko: '출고지시 뒤 자동 합포되었습니다 (합포를 되돌려도 출고지시는 그대로입니다)',
    en: 'its orders merged by themselves right after (undoing the merge leaves the release as it is)',
  },
  row_not_kept: { ko: '바뀌기 전 값이 남아 있지 않습니다', en: 'the values before it were not kept' },
  field_not_kept: { ko: '바뀌기 전 값이 남아 있지 않습니다', en: 'the values before it were not kept' },
};
