// 송장업로드 and 송장수정 (mall-apis.md §1.5): one orderSheetInvoiceApplyDtos entry per vendorItemId of each shipmentBoxId —
// all items of a bundled box in the same call, or Coupang answers NOT_FOUND_VENDOR_ITEM — in calls of at most
// 50 entries. Results come per shipmentBoxId; one of our boxes may span several Coupang boxes and is ok only when
// all of them are. A box refused as already invoiced is re-read: carrying our number, it is done (an earlier
// attempt went through but its answer was lost).
import { courierToMallCode } from '../../../shared/couriers.ts';
import type { InvoiceTarget, Outcome } from '../types.ts';
import type { CoupangClient } from './client.ts';
import { coupangText } from './coupang.messages.ts';
import { LosslessNumber } from './json.ts';
import { rereadOrdersheet } from './ordersheets.ts';
import { batchFailure, failure, missingResult, OK, resultsByBox, shipmentBoxOf, vendorItemOf, type BoxResult } from './box-results.ts';
import { actionSchema } from './wire.ts';

export const INVOICE_BATCH = 50;

const REREAD = new Set(['INVALID_STATUS', 'NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD', 'NO_RESULT', 'UNDEFINED_ERROR_OCCUR']);
const INVOICED = new Set(['DEPARTURE', 'DELIVERING', 'FINAL_DELIVERY', 'NONE_TRACKING']);

type Dto = {
  shipmentBoxId: LosslessNumber;
  orderId: LosslessNumber;
  vendorItemId: LosslessNumber;
  deliveryCompanyCode: string;
  invoiceNumber: string;
  splitShipping: false;
  preSplitShipped: false;
  estimatedShippingDate: '';
};

/** The entries of one Coupang box within one of our boxes, and, once sent, its result. */
export type Group = { shipmentBoxId: string; invoiceNumber: string; dtos: Dto[]; result?: BoxResult };

/** Our box → its Coupang groups, or the reason it cannot be sent at all. */
function groupsOf(box: InvoiceTarget): Group[] | BoxResult {
  const code = courierToMallCode('coupang', box.courier);
  if (!code) return failure('UNKNOWN_COURIER', coupangText('unknown_courier', { courier: box.courier }), false);
  const invoiceNumber = box.trackingNumber.trim();
  if (!invoiceNumber) return failure('MISSING_TRACKING_NUMBER', coupangText('missing_tracking_number'), false);
  const groups = new Map<string, Group>();
  for (const line of box.lines) {
    const shipmentBoxId = shipmentBoxOf(line);
    const vendorItemId = vendorItemOf(line);
    if (!shipmentBoxId || !vendorItemId || !/^\d+$/.test(line.mallOrderId)) return failure('INVALID_TARGET', coupangText('invalid_target'), false);
    const group = groups.get(shipmentBoxId) ?? { shipmentBoxId, invoiceNumber, dtos: [] };
    groups.set(shipmentBoxId, group);
    if (group.dtos.some((d) => d.vendorItemId.value === vendorItemId)) continue;
    group.dtos.push({
      shipmentBoxId: new LosslessNumber(shipmentBoxId),
      orderId: new LosslessNumber(line.mallOrderId),
      vendorItemId: new LosslessNumber(vendorItemId),
      deliveryCompanyCode: code,
      invoiceNumber,
      splitShipping: false,
      preSplitShipped: false,
      estimatedShippingDate: '',
    });
  }
  return [...groups.values()];
}

type Batch = { index: number; groups: Group[]; size: number; boxes: Set<string> };

/**
 * Whole groups into calls of ≤ 50 entries, never the same shipmentBoxId twice in one call: each group goes to the
 * first call it fits (first fit). Open calls are kept by the room left in them, each list in call order, so a group
 * looks only at the heads of the lists with room enough instead of walking every call made so far (50,000 boxes
 * took ~60-140 ms of blocked event loop that way, ~20 ms now, warm).
 */
export function batchesOf(groups: readonly Group[]): Group[][] {
  const batches: Batch[] = [];
  const byRoom: Batch[][] = Array.from({ length: INVOICE_BATCH + 1 }, () => []);
  for (const group of groups) {
    const need = group.dtos.length;
    let best: { batch: Batch; list: Batch[]; at: number } | null = null;
    for (let room = Math.max(need, 1); room <= INVOICE_BATCH; room++) {
      const list = byRoom[room]!;
      for (let at = 0; at < list.length; at++) {
        const batch = list[at]!;
        if (best && batch.index > best.batch.index) break;
        // Another of our boxes in the same Coupang box (rare): that call cannot take this one; try the next.
        if (batch.boxes.has(group.shipmentBoxId)) continue;
        best = { batch, list, at };
        break;
      }
    }
    let batch: Batch;
    if (best) {
      batch = best.batch;
      best.list.splice(best.at, 1);
    } else {
      batch = { index: batches.length, groups: [], size: 0, boxes: new Set() };
      batches.push(batch);
    }
    batch.groups.push(group);
    batch.size += need;
    batch.boxes.add(group.shipmentBoxId);
    const left = INVOICE_BATCH - batch.size;
    if (left > 0) insertInOrder(byRoom[left]!, batch);
  }
  return batches.map((b) => b.groups);
}

/** Puts `batch` into `list` (ordered by call index) at its place. */
function insertInOrder(list: Batch[], batch: Batch): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.index < batch.index) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, batch);
}

/**
 * First numbers go to 송장업로드 (orders/invoices); a box the mall already has a number for (sent before, then
 * overwritten here) goes to 송장수정 (orders/updateInvoices, same DTOs, §1.5), the only call Coupang takes a new
 * number of a box through.
 */
export async function uploadInvoices(client: CoupangClient, boxes: InvoiceTarget[]): Promise<Outcome[]> {
  const planned = boxes.map((box) => ({ box, groups: groupsOf(box) }));
  const groups = (change: boolean) => planned.flatMap((p) => (Array.isArray(p.groups) && !!p.box.numberChange === change ? p.groups : []));
  const stopped = await sendGroups(client, client.vendorPath('v4', 'orders/invoices'), groups(false), null);
  await sendGroups(client, client.vendorPath('v4', 'orders/updateInvoices'), groups(true), stopped);
  const all = [...groups(false), ...groups(true)];

  for (const g of all) {
    if (!g.result || g.result.ok || !REREAD.has(g.result.code)) continue;
    const sheet = await rereadOrdersheet(client, g.shipmentBoxId);
    if (sheet && INVOICED.has(sheet.status) && sheet.invoiceNumber === g.invoiceNumber) g.result = OK;
  }

  return planned.map(({ box, groups: planned }): Outcome => {
    if (!Array.isArray(planned)) return outcome(box.boxId, planned);
    if (!planned.length) return outcome(box.boxId, failure('INVALID_TARGET', coupangText('invalid_target'), false));
    const failures = planned.map((g) => g.result ?? missingResult()).filter((r): r is Extract<BoxResult, { ok: false }> => !r.ok);
    const first = failures[0];
    if (!first) return { ref: box.boxId, ok: true };
    return outcome(box.boxId, { ...first, retryable: failures.every((f) => f.retryable) });
  });
}

/** Sends the groups in batches to `path`, setting each group's result; answers the rate limit that stopped it, if any. */
async function sendGroups(client: CoupangClient, path: string, groups: Group[], stopped: BoxResult | null): Promise<BoxResult | null> {
  let stop = stopped;
  for (const batch of batchesOf(groups)) {
    if (stop) {
      for (const g of batch) g.result = stop;
      continue;
    }
    try {
      const res = await client.send(actionSchema, 'POST', path, {
        vendorId: client.vendorId,
        orderSheetInvoiceApplyDtos: batch.flatMap((g) => g.dtos),
      });
      const byBox = resultsByBox(res.data);
      for (const g of batch) g.result = byBox.get(g.shipmentBoxId) ?? missingResult();
    } catch (error) {
      const failed = batchFailure(error);
      if (!failed.ok && failed.code === 'RATE_LIMITED') stop = failed;
      for (const g of batch) g.result = failed;
    }
  }
  return stop;
}

function outcome(ref: string, result: BoxResult): Outcome {
  return result.ok ? { ref, ok: true } : { ref, ok: false, code: result.code, message: result.message, retryable: result.retryable };
}
