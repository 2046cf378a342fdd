// Reading what changed: last-changed-statuses over a window cut into ≤ 24 h pieces, each followed through its
// `more` pages (mall-apis.md §2.2), then the details of those product orders through /query in chunks of ≤ 300.
import type { TimeWindow } from '../types.ts';
import { MallError } from '../http.ts';
import type { NaverClient } from './client.ts';
import { naverText } from './errors.ts';
import { splitWindow, toKstIso } from './kst-time.ts';
import { readChangedPage, readDetails, type ProductOrderDetail } from './wire.ts';

export const LAST_CHANGED_PATH = '/v1/pay-order/seller/product-orders/last-changed-statuses';
export const QUERY_PATH = '/v1/pay-order/seller/product-orders/query';
const PAGE_SIZE = 300;
const QUERY_CHUNK = 300;

/** A product order that changed in the window, with its latest change there. */
export type Changed = { orderId: string; productOrderId: string; lastChangedDate: string };

/** `lastChangedType`: only changes of that type (the API's filter; checked again on each entry). */
export async function listChanged(client: NaverClient, window: TimeWindow, lastChangedType?: string): Promise<Map<string, Changed>> {
  const changed = new Map<string, Changed>();
  for (const span of splitWindow(window.from, window.to)) {
    const to = toKstIso(span.toMs);
    let cursor: { from: string; sequence: string | null } = { from: toKstIso(span.fromMs), sequence: null };
    for (;;) {
      const query: Record<string, string> = { lastChangedFrom: cursor.from, lastChangedTo: to, limitCount: String(PAGE_SIZE) };
      if (cursor.sequence !== null) query.moreSequence = cursor.sequence;
      if (lastChangedType) query.lastChangedType = lastChangedType;
      const page = readChangedPage(await client.get(LAST_CHANGED_PATH, query));
      for (const entry of page.entries) {
        if (lastChangedType && entry.lastChangedType !== lastChangedType) continue;
        // A product order shows once per change; keep one row, with its latest change time.
        const seen = changed.get(entry.productOrderId);
        if (!seen || Date.parse(entry.lastChangedDate) >= Date.parse(seen.lastChangedDate)) {
          changed.set(entry.productOrderId, { orderId: entry.orderId, productOrderId: entry.productOrderId, lastChangedDate: entry.lastChangedDate });
        }
      }
      if (!page.more) break;
      // A cursor that does not move would loop for ever; that is a broken answer, not "more".
      if (page.more.moreFrom === cursor.from && page.more.moreSequence === cursor.sequence) {
        throw new MallError('bad_response', naverText('bad_response', { detail: 'more cursor did not advance' }));
      }
      cursor = { from: page.more.moreFrom, sequence: page.more.moreSequence };
    }
  }
  return changed;
}

/**
 * The changed product orders cut into query batches of ≤ QUERY_CHUNK ids that keep each order's product orders
 * together (an order bigger than a chunk gets a batch of its own), so every batch maps to whole orders. Orders
 * keep the order they were first listed in, and their product orders the order they were listed in.
 */
export function orderBatches(changed: Map<string, Changed>): string[][] {
  const byOrder = new Map<string, string[]>();
  for (const c of changed.values()) {
    const ids = byOrder.get(c.orderId);
    if (ids) ids.push(c.productOrderId);
    else byOrder.set(c.orderId, [c.productOrderId]);
  }
  const batches: string[][] = [];
  let batch: string[] = [];
  for (const ids of byOrder.values()) {
    if (batch.length && batch.length + ids.length > QUERY_CHUNK) {
      batches.push(batch);
      batch = [];
    }
    batch.push(...ids);
  }
  if (batch.length) batches.push(batch);
  return batches;
}

export async function queryDetails(client: NaverClient, productOrderIds: readonly string[]): Promise<ProductOrderDetail[]> {
  const details: ProductOrderDetail[] = [];
  for (let at = 0; at < productOrderIds.length; at += QUERY_CHUNK) {
    const chunk = productOrderIds.slice(at, at + QUERY_CHUNK);
    // quantityClaimCompatibility: quantities as they stand after partial claims (§2.2).
    details.push(...readDetails(await client.post(QUERY_PATH, { productOrderIds: chunk, quantityClaimCompatibility: true })));
  }
  return details;
}
