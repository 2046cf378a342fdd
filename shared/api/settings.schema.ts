// The shop's own settings as the API reads and writes them. For now one: the sender (보내는 분) every courier booking
// file carries — the seller's shipping origin, a business address rather than a customer's personal data.
import { z } from 'zod';
import { normalizePhone } from '../phone.ts';
import { instant } from './common.schema.ts';

/** An optional text field: absent, null or blank all mean "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/**
 * PUT /api/settings/sender. Phones are checked as Korean numbers by the service (normaliseSenderPhones), which names
 * the field in the caller's language; here only their shape.
 */
export const senderBody = z.object({
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().min(1).max(40),
  mobile: optionalText(40),
  /** 국가기초구역번호: five digits since 2015 (korean-oms.md §2.2). */
  zip: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { message: '5 digits (e.g. 06236)' }),
  address1: z.string().trim().min(1).max(200),
  address2: optionalText(200),
});
export type SenderBody = z.input<typeof senderBody>;

/** The sender as stored and answered: phones hyphenated (CJ refuses unhyphenated ones, korean-oms.md §2.2). */
export const senderView = z.object({
  name: z.string(),
  phone: z.string(),
  mobile: z.string().nullable(),
  zip: z.string(),
  address1: z.string(),
  address2: z.string().nullable(),
});
export type SenderView = z.infer<typeof senderView>;

/** GET / PUT /api/settings/sender: null until an admin sets one. */
export const senderSetting = z.object({
  sender: senderView.nullable(),
  updated_at: instant.nullable(),
  updated_by: z.string().nullable(),
});
export type SenderSetting = z.infer<typeof senderSetting>;

export const SENDER_FIELDS = ['name', 'phone', 'mobile', 'zip', 'address1', 'address2'] as const satisfies readonly (keyof SenderView)[];

/**
 * The sender with its phones normalised and hyphenated, or the first phone field that is not a Korean number.
 * Pure, so the pane can check a form before it is sent.
 */
export function normaliseSenderPhones(
  sender: z.output<typeof senderBody>,
): { ok: true; sender: SenderView } | { ok: false; field: 'phone' | 'mobile' } {
  const phone = normalizePhone(sender.phone);
  if (phone.kind === 'invalid') return { ok: false, field: 'phone' };
  let mobile: string | null = null;
  if (sender.mobile) {
    const m = normalizePhone(sender.mobile);
    if (m.kind === 'invalid') return { ok: false, field: 'mobile' };
    mobile = m.formatted;
  }
  return { ok: true, sender: { ...sender, phone: phone.formatted, mobile } };
}
