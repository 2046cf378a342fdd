// The order detail's words for what a history entry did and where a box's number stands. The lifecycle's own
// actions (출고지시, 송장입력, …) carry their labels in shared/lifecycle.ts; the rest are the other modules' history
// actions (a collect, a split, a merge, a gift, a hold…), which the detail showed as their raw codes (collect, memo)
// in the middle of Korean text.
import type { Lang, MessageText } from '../../../../shared/i18n.ts';
import { ACTION_RULES } from '../../../../shared/lifecycle.ts';
import { SEND_STATUS_LABELS } from '../../../../shared/sheet/cell-values.ts';

const OTHER_ACTIONS: Record<string, MessageText> = {
  collect: { ko: '수집', en: 'Collected' },
  sync: { ko: '동기화', en: 'Synced' },
  create_direct: { ko: '직접주문 등록', en: 'Direct order created' },
  create_upload: { ko: '주문 업로드', en: 'Order upload' },
  hold: { ko: '출고보류', en: 'Hold' },
  release_hold: { ko: '보류해제', en: 'Hold released' },
  set_flags: { ko: '표시 변경', en: 'Flags changed' },
  sold_out: { ko: '품절 표시', en: 'Marked sold out' },
  release_sold_out: { ko: '품절해제', en: 'Sold-out released' },
  delete: { ko: '삭제', en: 'Deleted' },
  undelete: { ko: '삭제 복구', en: 'Delete undone' },
  memo: { ko: '메모', en: 'Memo' },
  edit_recipient: { ko: '수취인 정보 수정', en: 'Recipient edited' },
  // A delivery address the buyer changed at the mall that a sync recorded without applying (the reason says why).
  mall_recipient_change: { ko: '쇼핑몰 배송지 변경 (미반영)', en: 'Address changed at the mall (not applied)' },
  split: { ko: '수량 분리', en: 'Quantity split' },
  split_order: { ko: '주문 분리', en: 'Order split' },
  merge: { ko: '합포', en: 'Merged' },
  merge_undo: { ko: '합포 취소', en: 'Merge undone' },
  merge_split_back: { ko: '합포 되돌리기', en: 'Merge split back' },
  transition_undo: { ko: '일괄 변경 취소', en: 'Bulk change undone' },
  return_received: { ko: '반품 입고', en: 'Return received' },
  match: { ko: '매칭', en: 'Matched' },
  unmatch: { ko: '매칭 해제', en: 'Unmatched' },
  flag_unmatched: { ko: '비매칭 표시', en: 'Marked unmatched' },
  allocate: { ko: '재고할당', en: 'Stock allocated' },
  deallocate: { ko: '할당 취소', en: 'Allocation undone' },
  gift_add: { ko: '사은품 추가', en: 'Gift added' },
  gift_remove: { ko: '사은품 제거', en: 'Gift removed' },
  gift_set_aside: { ko: '사은품 보류', en: 'Gift set aside' },
  gift_restore: { ko: '사은품 복원', en: 'Gift restored' },
  gift_cancel: { ko: '사은품 취소', en: 'Gift canceled' },
  // 클레임 처리 전송: what the mall answered when told of a decision made here.
  mall_approve_sent: { ko: '쇼핑몰에 승인 전송', en: 'Approval sent to the mall' },
  mall_approve_failed: { ko: '쇼핑몰 승인 전송 실패', en: 'Approval not taken by the mall' },
  mall_reject_sent: { ko: '쇼핑몰에 거부 전송', en: 'Refusal sent to the mall' },
  mall_reject_failed: { ko: '쇼핑몰 거부 전송 실패', en: 'Refusal not taken by the mall' },
};

/** A history entry's action in the pane's language; a code no catalog knows yet is shown as it is. */
export function historyActionLabel(action: string, lang: Lang): string {
  const rule = (ACTION_RULES as Record<string, { label: MessageText } | undefined>)[action];
  return (rule?.label ?? OTHER_ACTIONS[action])?.[lang] ?? action;
}

/** Whether a box's tracking number reached the mall, in the pane's language (as the sheet's 전송상태 cell says it). */
export function sendStatusLabel(status: string, lang: Lang): string {
  return SEND_STATUS_LABELS[status]?.[lang] ?? status;
}
