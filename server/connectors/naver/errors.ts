// Naver's refusal codes → operator text and whether trying again later can help (mall-apis.md §2.8).
// Per-item codes arrive in failProductOrderInfos[].code, whole-call codes in a 4xx body's `code`.
import { message, type Message, type MessageParams, type Text } from '../../../shared/i18n.ts';
import type { Outcome } from '../types.ts';
import { MallError } from '../http.ts';
import { naverMessages } from './messages.ts';

type MessageKey = keyof typeof naverMessages;

const CODE_MESSAGES: Record<string, MessageKey> = {
  '4000': 'bad_param',
  '9999': 'other',
  '100001': 'not_found',
  '101009': 'not_permitted',
  '104116': 'delivery_method',
  '104117': 'delivery_method',
  '104118': 'no_courier',
  '104119': 'bad_courier',
  '104120': 'no_tracking',
  '104121': 'tracking_used',
  '104122': 'tracking_invalid',
  '104131': 'duplicate_id',
  '104139': 'date_range',
  '104442': 'order_status',
  '104443': 'place_order_status',
  '105306': 'same_status',
  'GW.RATE_LIMIT': 'rate_limited',
  'GW.QUOTA_LIMIT': 'rate_limited',
  'GW.IP_NOT_ALLOWED': 'ip_not_allowed',
  // Our own codes for failures that never got a Naver code: no answer, an unreadable one, a courier Naver lacks.
  TRANSIENT: 'transient',
  BAD_RESPONSE: 'bad_response',
  UNSUPPORTED_COURIER: 'unsupported_courier',
  NUMBER_CHANGE_UNSUPPORTED: 'number_change_unsupported',
  NO_RESULT: 'no_result',
};

/** Worth sending again later without changing anything. */
const RETRYABLE = new Set(['GW.RATE_LIMIT', 'GW.QUOTA_LIMIT', 'TRANSIENT', 'BAD_RESPONSE', 'NO_RESULT', '9999']);

export function naverText(key: MessageKey, params: MessageParams = {}): Message {
  return message(naverMessages[key], params);
}

/** The operator's text for a Naver code; unknown codes keep Naver's own message so nothing is lost. */
export function describeCode(code: string, params: MessageParams = {}): Message {
  const key = CODE_MESSAGES[code] ?? 'unknown';
  return naverText(key, { code, ...params, detail: params.detail ?? '-' });
}

export function isRetryable(code: string): boolean {
  return RETRYABLE.has(code);
}

export function failure(ref: string, code: string, params: MessageParams = {}): Outcome {
  return { ref, ok: false, code, message: describeCode(code, params), retryable: RETRYABLE.has(code) };
}

/** The code a whole failed call stands for: Naver's when it gave one that fits, else ours by kind. */
export function codeOfError(error: MallError): string {
  const body = error.details.body as { code?: unknown } | null | undefined;
  const naverCode = body && typeof body === 'object' && typeof body.code === 'string' ? body.code : undefined;
  if (error.kind === 'rate_limited') return naverCode?.startsWith('GW.') ? naverCode : 'GW.RATE_LIMIT';
  if (error.kind === 'transient') return 'TRANSIENT';
  if (error.kind === 'bad_response') return 'BAD_RESPONSE';
  return error.details.code ?? naverCode ?? '9999';
}

/** Naver's own words for a failed call when it sent any, else ours. */
export function detailOfError(error: MallError): Text {
  const body = error.details.body as { message?: unknown } | null | undefined;
  return body && typeof body === 'object' && typeof body.message === 'string' && body.message !== '' ? body.message : error.text;
}

/** Calls that failed this way will fail the same for the next batch too: stop sending, report the rest. */
export function stopsTheRun(error: MallError): boolean {
  return error.kind === 'rate_limited' || error.kind === 'transient' || error.kind === 'bad_response';
}
