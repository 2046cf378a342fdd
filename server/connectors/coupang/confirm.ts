// 발주확인 = 상품준비중 처리 (mall-apis.md §1.4): ACCEPT boxes become INSTRUCT, at most 50 shipmentBoxIds per call,
// one result per box, reported back per line. A box refused because it is no longer ACCEPT is re-read: if it
// is INSTRUCT it was confirmed already — by an earlier attempt whose answer was lost (sendWithRetry retries
// 5xx and timeouts, and §1.4 says "re-read, then retry") or in WING — and that is success, not failure.
import type { ConfirmTarget, Outcome } from '../types.ts';
import type { CoupangClient } from './client.ts';
import { coupangText, sheetStatusLabel } from './coupang.messages.ts';
import { LosslessNumber } from './json.ts';
import { rereadOrdersheet } from './ordersheets.ts';
import { batchFailure, chunk, failure, missingResult, OK, resultsByBox, shipmentBoxOf, type BoxResult } from './box-results.ts';
import { actionSchema } from './wire.ts';

export const ACK_BATCH = 50;

/** Codes after which the box's current state decides; a box Coupang cannot find stays failed. */
const REREAD = new Set(['INVALID_STATUS', 'UNDEFINED_ERROR_OCCUR']);

export async function confirmBoxes(client: CoupangClient, targets: ConfirmTarget[]): Promise<Outcome[]> {
  const boxes = [...new Set(targets.map(shipmentBoxOf).filter((id): id is string => id !== null))];
  const results = new Map<string, BoxResult>();
  const path = client.vendorPath('v4', 'ordersheets/acknowledgement');
  let stop: BoxResult | null = null;
  for (const batch of chunk(boxes, ACK_BATCH)) {
    // After a long rate limit, further batches would only be refused too.
    if (stop) {
      for (const box of batch) results.set(box, stop);
      continue;
    }
    try {
      const res = await client.send(actionSchema, 'PATCH', path, {
        vendorId: client.vendorId,
        shipmentBoxIds: batch.map((id) => new LosslessNumber(id)),
      });
      const byBox = resultsByBox(res.data);
      for (const box of batch) results.set(box, byBox.get(box) ?? missingResult());
    } catch (error) {
      const failed = batchFailure(error);
      if (!failed.ok && failed.code === 'RATE_LIMITED') stop = failed;
      for (const box of batch) results.set(box, failed);
    }
  }

  for (const [box, result] of results) {
    if (result.ok || !(REREAD.has(result.code) || result.code === 'NO_RESULT')) continue;
    const sheet = await rereadOrdersheet(client, box);
    if (sheet?.status === 'INSTRUCT') results.set(box, OK);
    else if (sheet && result.code === 'INVALID_STATUS')
      results.set(
        box,
        failure('INVALID_STATUS', coupangText('not_accept', { status: sheet.status, status_label: sheetStatusLabel(sheet.status) }), false),
      );
  }

  return targets.map((t): Outcome => {
    const box = shipmentBoxOf(t);
    const result = box ? results.get(box) : undefined;
    if (!result) return { ref: t.lineId, ok: false, code: 'INVALID_TARGET', message: coupangText('invalid_target'), retryable: false };
    return result.ok
      ? { ref: t.lineId, ok: true }
      : { ref: t.lineId, ok: false, code: result.code, message: result.message, retryable: result.retryable };
  });
}
