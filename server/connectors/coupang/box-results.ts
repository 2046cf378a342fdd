// Per-box results of the action APIs (acknowledgement, invoice upload; mall-apis.md §1.4, §1.5) and what a batch
// that failed as a whole means for each of its boxes. Jobs need one result per line or box, so a failed batch
// becomes failed boxes (retryable when the cause was transient) rather than an exception that would hide the
// batches already done — except refused credentials, which stop everything.
import type { Text } from '../../../shared/i18n.ts';
import { MallError } from '../http.ts';
import { coupangText, resultText } from './coupang.messages.ts';
import type { ActionData } from './wire.ts';

export type BoxResult = { ok: true } | { ok: false; code: string; message: Text; retryable: boolean };

export const OK: BoxResult = { ok: true };

export function failure(code: string, message: Text, retryable: boolean): BoxResult {
  return { ok: false, code, message, retryable };
}

/** responseList → result per shipmentBoxId (§1.4: succeed, resultCode, resultMessage, retryRequired). */
export function resultsByBox(data: ActionData): Map<string, BoxResult> {
  const results = new Map<string, BoxResult>();
  for (const item of data.responseList ?? []) {
    if (item.succeed) {
      results.set(item.shipmentBoxId, OK);
    } else {
      const code = item.resultCode || 'UNDEFINED_ERROR_OCCUR';
      results.set(item.shipmentBoxId, failure(code, resultText(code, item.resultMessage), item.retryRequired === true));
    }
  }
  return results;
}

/** A box the answer did not mention: unknown outcome, worth another try. */
export const missingResult = (): BoxResult => failure('NO_RESULT', coupangText('no_result'), true);

/** What a batch-level MallError means for each box of the batch. Refused credentials are rethrown. */
export function batchFailure(error: unknown): BoxResult {
  if (!(error instanceof MallError) || error.kind === 'auth') throw error;
  switch (error.kind) {
    case 'rate_limited':
      return failure('RATE_LIMITED', coupangText('rate_limited'), true);
    case 'transient':
      return failure('UNAVAILABLE', coupangText('unavailable'), true);
    case 'bad_response':
      return failure('BAD_RESPONSE', error.text, true);
    default:
      return failure(error.details.code ?? `HTTP_${error.details.status ?? 400}`, error.text, false);
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** shipmentBoxId of a line: its mallShipmentId, else the part of `${shipmentBoxId}-${vendorItemId}` before '-'. */
export function shipmentBoxOf(line: { mallShipmentId: string | null; mallLineId: string }): string | null {
  const id = line.mallShipmentId ?? line.mallLineId.split('-')[0] ?? '';
  return /^\d+$/.test(id) ? id : null;
}

/** vendorItemId of a line: its mallOptionId, else the part of the line id after '-'. */
export function vendorItemOf(line: { mallOptionId: string | null; mallLineId: string }): string | null {
  const id = line.mallOptionId ?? line.mallLineId.split('-')[1] ?? '';
  return /^\d+$/.test(id) ? id : null;
}
