// Receivers of Coupang orders that may still change (mall-apis.md §1.2: "Receiver may change while ACCEPT → re-read
// after acknowledging"). Coupang has no change feed for them and no time of the change, so every order in ACCEPT or
// INSTRUCT created in the lookback is read as it stands and reported; the sync job compares each with what
// Coupang gave before. Mapped as collect maps them (toMallOrders), so an unchanged receiver compares equal.
import type { MallRecipientChange, TimeWindow } from '../types.ts';
import { LOOKBACK_MS } from './changes.ts';
import type { CoupangClient } from './client.ts';
import { listOrdersheets, toMallOrders } from './ordersheets.ts';

export async function listCoupangRecipients(client: CoupangClient, window: TimeWindow): Promise<MallRecipientChange[]> {
  const to = new Date(Date.parse(window.to)).toISOString();
  const created = { from: new Date(Math.min(Date.parse(window.from), Date.parse(to) - LOOKBACK_MS)).toISOString(), to };
  const accepted = await listOrdersheets(client, 'ACCEPT', created);
  const instructed = await listOrdersheets(client, 'INSTRUCT', created);
  return toMallOrders([...accepted, ...instructed]).map((o) => ({
    mallOrderId: o.mallOrderId,
    recipient: o.recipient,
    deliveryMemo: o.deliveryMemo,
    changedAt: null,
  }));
}
