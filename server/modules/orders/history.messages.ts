// The reasons the system writes into an order's history (status_history.reason) by itself — an account's automatic
// steps, a recipient change and where it came from — stored as Messages (shared/i18n.ts storedText) so the order
// detail says them in the reader's language. The codes are kept in rows: never rename one.
import { defineMessages, message, storedText, type CatalogEntry, type MessageParams } from '../../../shared/i18n.ts';

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
});

/** A history reason as stored: the entry's Message as text for status_history.reason. */
export const historyReason = (entry: CatalogEntry, params?: MessageParams): string => storedText(message(entry, params));
