// The reasons the system writes into an order's history (status_history.reason) and the stock history
// (stock_history.reason) by itself — an account's automatic steps, a recipient change and where it came from, an
// undo, an allocation, a return received, a file's import — stored as Messages (shared/i18n.ts storedText) so the
// order detail and the stock history say them in the reader's language. The codes are kept in rows: never rename one.
import { defineMessages, message, storedTextWithin, type CatalogEntry, type Message, type MessageParams } from '../../../shared/i18n.ts';

export const historyMessages = defineMessages('history', {
  auto_release: { ko: '자동: 발주확인 시 출고지시', en: 'Automatic: released once confirmed' },
  auto_ship: { ko: '자동: 송장 입력 시 출고', en: 'Automatic: shipped once numbered' },
  // {cells}: the changed cells by their headers, never their values (personal data).
  recipient_edited: {
    ko: '수취인 정보 수정 (쇼핑몰에는 전송되지 않음): {cells}',
    en: 'Recipient edited (not sent to the mall): {cells}',
  },
  mall_recipient: { ko: '쇼핑몰 배송지 변경: {cells}', en: 'Address changed at the mall: {cells}' },
  mall_recipient_with: { ko: '쇼핑몰 배송지 변경: {cells} ({note})', en: 'Address changed at the mall: {cells} ({note})' },
  mall_recipient_closed: {
    ko: '쇼핑몰 배송지 변경: 취소·반품·교환되었거나 삭제된 주문이라 반영하지 않음',
    en: 'Address changed at the mall: not applied, as the order is canceled, returned, exchanged or deleted',
  },
  mall_recipient_kept: {
    ko: '쇼핑몰 배송지 변경: 여기서 고친 수취인 정보({at})를 유지',
    en: 'Address changed at the mall: the recipient corrected here ({at}) was kept',
  },
  note_reprint: { ko: '송장 재출력/택배사 주소 변경 필요', en: 'reprint the label, ask the courier to change the address' },
  note_merge: { ko: '합포 확인 필요', en: 'check the merge' },
  // {action}: the undone batch's action by its label (API_ACTION_LABELS).
  transition_undone: { ko: '일괄 변경 취소 ({action})', en: 'Bulk change undone ({action})' },
  direct_order: { ko: '직접주문', en: 'Direct order' },
  direct_order_shipped: { ko: '직접주문 (운송장번호와 함께 등록)', en: 'Direct order (entered with its tracking number)' },
  // Stock settled by a ship or a cancel whose history gave no reason.
  settled_shipped: { ko: '출고완료', en: 'Shipped' },
  settled_canceled: { ko: '취소완료', en: 'Canceled' },
  return_in_sellable: { ko: '반품 입고: 정상 ({warehouse})', en: 'Return received: sellable ({warehouse})' },
  return_in_defective: { ko: '반품 입고: 불량', en: 'Return received: defective' },
  // {reason}: one of the two above; {note}: what the operator typed, as typed.
  return_in_note: { ko: '{reason} — {note}', en: '{reason} — {note}' },
  return_pickup_delayed: { ko: '반품 회수 지연: 요청 후 {days}일 경과', en: 'Return pickup overdue: {days} days since requested' },
  allocated: { ko: '재고할당 {batch}', en: 'Stock allocated {batch}' },
  // An order split off another ({order}) by {reason} (an allocation's reason, itself stored).
  split_from: { ko: '{reason} ← {order}', en: '{reason} ← {order}' },
  allocation_undone: { ko: '재고할당 취소 {batch}', en: 'Stock allocation undone {batch}' },
  allocated_on_release: { ko: '품절해제 재고할당 {batch}', en: 'Stock allocated on sold-out release {batch}' },
  gifts_undone: { ko: '사은품 적용 취소 {batch}', en: 'Gifts undone {batch}' },
  sold_out_skus: { ko: '강제품절 상품: {codes}', en: 'Products forced sold out: {codes}' },
  scan_shipped: { ko: '스캔 검수', en: 'Scan verified' },
  order_upload: { ko: '주문 업로드 {file}', en: 'Order upload {file}' },
  invoice_import: { ko: '송장 일괄등록 {file}', en: 'Tracking numbers imported {file}' },
  invoice_import_undone: { ko: '송장 일괄등록 취소 {file}', en: 'Tracking number import undone {file}' },
  band_numbered: { ko: '송장 대역 자동 채번', en: 'Numbered from a tracking band' },
  merged: { ko: '합포장', en: 'Merged' },
  merged_auto: { ko: '합포장 (자동)', en: 'Merged (automatic)' },
  merge_undone: { ko: '합포장 취소', en: 'Merge undone' },
  merge_auto_undone: { ko: '합포장 (자동) 취소', en: 'Merge (automatic) undone' },
});

/** The length of a reason column (status_history.reason, stock_history.reason, …). */
const REASON_MAX = 500;

/**
 * A history reason as stored: the entry's Message as text for status_history.reason (or stock_history.reason),
 * within the column's length (a long parameter — a file's name, SKU codes — is shortened, never the JSON cut).
 */
export const historyReason = (entry: CatalogEntry, params?: MessageParams): string => storedReason(message(entry, params));

/** A Message as a stored history reason (see historyReason). */
export const storedReason = (text: Message): string => storedTextWithin(text, REASON_MAX);
