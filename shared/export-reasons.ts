// Why personal data leaves ShipSheet (a downloaded file, a pull of recipients into a sheet): a short list the pane
// shows (and remembers for the session) plus free text. The law asks that the reason of a download of personal data
// can be confirmed (개인정보의 안전성 확보조치 기준 §8, korean-oms.md §1); the access record keeps the code and text.
import { z } from 'zod';
import type { MessageText } from './i18n.ts';

export const EXPORT_REASONS = ['shipping', 'customer_inquiry', 'return_exchange', 'settlement', 'other'] as const;
export type ExportReason = (typeof EXPORT_REASONS)[number];

export const EXPORT_REASON_LABELS: Record<ExportReason, MessageText> = {
  shipping: { ko: '배송 처리', en: 'Shipping' },
  customer_inquiry: { ko: '고객 문의 응대', en: 'Customer inquiry' },
  return_exchange: { ko: '반품·교환 처리', en: 'Return or exchange' },
  settlement: { ko: '정산', en: 'Settlement' },
  other: { ko: '기타', en: 'Other' },
};

/** Free text with a reason: required with 'other', optional with the others. */
export const REASON_TEXT_MAX = 200;

export const exportReason = z.enum(EXPORT_REASONS);
export const reasonText = z.string().trim().max(REASON_TEXT_MAX);

/** The reason fields of a request; 'other' without text is refused naming `reason_text`. */
export const reasonFields = {
  reason: exportReason,
  reason_text: reasonText.optional(),
};

/** A zod check for objects carrying reasonFields: 기타 needs words saying what it is. */
export function requireTextForOther(value: { reason?: ExportReason | undefined; reason_text?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.reason === 'other' && !value.reason_text) {
    ctx.addIssue({ code: 'custom', path: ['reason_text'], message: 'required when the reason is "other" (기타)' });
  }
}
