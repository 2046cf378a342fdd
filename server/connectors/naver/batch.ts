// Sending product-order ids to an action endpoint (confirm, dispatch) in Naver's batch size, collecting one result
// per product order. A batch refused as a whole gives every id in it that refusal; once the mall is unreachable
// or rate-limiting past our retries, the remaining batches are not sent but reported the same way.
import type { Text } from '../../../shared/i18n.ts';
import { MallError } from '../http.ts';
import { codeOfError, detailOfError, stopsTheRun } from './errors.ts';
import { readActionResult } from './wire.ts';

export type LineResult = { ok: true } | { ok: false; code: string; detail: Text };

export async function runInBatches<T extends { productOrderId: string }>(
  items: readonly T[],
  size: number,
  send: (batch: T[]) => Promise<unknown>,
  what: string,
): Promise<Map<string, LineResult>> {
  const results = new Map<string, LineResult>();
  let stopped: MallError | null = null;
  for (let at = 0; at < items.length; at += size) {
    const batch = items.slice(at, at + size);
    if (stopped) {
      for (const item of batch) results.set(item.productOrderId, { ok: false, code: codeOfError(stopped), detail: detailOfError(stopped) });
      continue;
    }
    try {
      const answer = readActionResult(await send(batch), what);
      for (const { productOrderId } of batch) {
        const failed = answer.failed.get(productOrderId);
        if (failed) results.set(productOrderId, { ok: false, code: failed.code, detail: failed.message ?? '-' });
        else if (answer.succeeded.has(productOrderId)) results.set(productOrderId, { ok: true });
        else results.set(productOrderId, { ok: false, code: 'NO_RESULT', detail: '-' });
      }
    } catch (error) {
      // A refused token is the account's problem, not the batch's: the job should see it as such.
      if (!(error instanceof MallError) || error.kind === 'auth') throw error;
      if (stopsTheRun(error)) stopped = error;
      const code = codeOfError(error);
      const detail = detailOfError(error);
      for (const item of batch) results.set(item.productOrderId, { ok: false, code, detail });
    }
  }
  return results;
}
