// The recipient cells an operator may correct on the order sheet (name, phones, zip, address, delivery memo). The
// corrections are ours: they change the waybill and our records, and are never sent to the mall (no mall API here
// takes them). One check for both sides, so the pane and the server say the same thing about a cell.
import type { Messages } from '../i18n.ts';
import { COLUMN_SIZES } from '../files/column-sizes.ts';
import { normalizePhone } from '../phone.ts';

export const RECIPIENT_FIELDS = [
  'recipient_name',
  'recipient_mobile',
  'recipient_phone',
  'recipient_zip',
  'recipient_address1',
  'recipient_address2',
  'delivery_memo',
] as const;
export type RecipientField = (typeof RECIPIENT_FIELDS)[number];
export const isRecipientField = (id: string): id is RecipientField => (RECIPIENT_FIELDS as readonly string[]).includes(id);

/** Column sizes of the orders table (PostgreSQL refuses longer text). */
export const RECIPIENT_MAX: Record<RecipientField, number> = COLUMN_SIZES.orders;

export const recipientMessages = {
  recipient_required: { ko: '{column}은(는) 비울 수 없습니다', en: '{column} cannot be empty' },
  recipient_phone_invalid: {
    ko: '{column}: 전화번호가 아닙니다 (예: 010-1234-5678)',
    en: '{column}: not a phone number (e.g. 010-1234-5678)',
  },
  recipient_zip_invalid: { ko: '{column}: 숫자 5자리여야 합니다', en: '{column}: a zip code is 5 digits' },
  recipient_not_sent: {
    ko: '수취인 정보를 고쳤습니다 (쇼핑몰에는 전송되지 않음)',
    en: 'Recipient details changed (not sent to the mall)',
  },
} satisfies Messages;

export type RecipientProblem = { field: RecipientField; code: 'recipient_required' | 'recipient_phone_invalid' | 'recipient_zip_invalid' };

/** Fields that must keep a value: a parcel needs a name and an address. */
const REQUIRED: readonly RecipientField[] = ['recipient_name', 'recipient_address1'];
const PHONES: readonly RecipientField[] = ['recipient_mobile', 'recipient_phone'];

/**
 * The value a recipient cell is stored as (phones hyphenated, as malls give them; empty optional cells as null), or
 * the problem with it.
 */
export function checkRecipientField(field: RecipientField, raw: string): { value: string | null } | { problem: RecipientProblem } {
  const text = raw.normalize('NFC').trim();
  if (!text) return REQUIRED.includes(field) ? { problem: { field, code: 'recipient_required' } } : { value: null };
  if (PHONES.includes(field)) {
    const phone = normalizePhone(text);
    return phone.kind === 'invalid' ? { problem: { field, code: 'recipient_phone_invalid' } } : { value: phone.formatted };
  }
  if (field === 'recipient_zip') {
    const digits = text.normalize('NFKC');
    return /^\d{5}$/.test(digits) ? { value: digits } : { problem: { field, code: 'recipient_zip_invalid' } };
  }
  return { value: text };
}
