// The order detail's history and the stock history as a reader in one language gets them: the reasons the system
// writes are stored Messages, put into that reader's words when read (server/modules/orders/history.messages.ts).
import type { TestServer } from './server.ts';

export type Lang = 'ko' | 'en';

export type HistoryEntry = {
  entity: string;
  entity_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_type: string;
  reason: string | null;
  batch_id: string | null;
};

/** An order's history as GET /api/orders/:id answers it in `lang`. */
export async function orderHistoryIn(s: TestServer, orderId: string, lang: Lang): Promise<HistoryEntry[]> {
  const res = await s.call('GET', `/api/orders/${orderId}`, undefined, { lang });
  if (res.status !== 200) throw new Error(`GET /api/orders/${orderId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.history as HistoryEntry[];
}

export type StockHistoryEntry = { id: number; sku_code: string; warehouse_code: string; kind: string; reason: string | null };

/** The stock history of a SKU, newest first, as GET /api/stock/history answers it in `lang`. */
export async function stockHistoryIn(s: TestServer, skuCode: string, lang: Lang): Promise<StockHistoryEntry[]> {
  const res = await s.call('GET', `/api/stock/history?sku=${encodeURIComponent(skuCode)}&limit=200`, undefined, { lang });
  if (res.status !== 200) throw new Error(`GET /api/stock/history: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items as StockHistoryEntry[];
}
