// Delivery addresses the buyer changed at Naver (mall-apis.md §2.2): the product orders last-changed-statuses lists
// as DELIVERY_ADDRESS_CHANGED in the window, read through /query for their shippingAddress and shippingMemo, one
// report per order (its first product order's address, as collect takes it) at the latest such change of the order.
import type { MallRecipientChange, TimeWindow } from '../types.ts';
import type { NaverClient } from './client.ts';
import { listChanged, queryDetails } from './feed.ts';
import { toUtcIso } from './kst-time.ts';
import { recipientOf } from './mapping.ts';

export const ADDRESS_CHANGED = 'DELIVERY_ADDRESS_CHANGED';

export async function listNaverRecipientChanges(client: NaverClient, window: TimeWindow): Promise<MallRecipientChange[]> {
  const changed = await listChanged(client, window, ADDRESS_CHANGED);
  if (!changed.size) return [];
  const reports = new Map<string, MallRecipientChange>();
  for (const detail of await queryDetails(client, [...changed.keys()])) {
    const at = changed.get(detail.productOrderId)?.lastChangedDate;
    const changedAt = at ? (toUtcIso(at) ?? at) : null;
    const seen = reports.get(detail.orderId);
    if (!seen) reports.set(detail.orderId, { mallOrderId: detail.orderId, ...recipientOf(detail), changedAt });
    else if (changedAt && (!seen.changedAt || changedAt > seen.changedAt)) seen.changedAt = changedAt;
  }
  return [...reports.values()];
}
