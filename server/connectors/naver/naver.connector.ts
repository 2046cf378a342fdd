// The Naver Commerce API connector (SmartStore): MallConnector over OAuth2 + bcrypt-signed tokens and the pay-order
// endpoints (mall-apis.md §2). baseUrl is https://api.commerce.naver.com/external for the real mall, or a sandbox.
import type { MallConnector, MallChange, MallOrder, TimeWindow } from '../types.ts';
import { DEFAULT_RETRY, type RetryPolicy } from '../http.ts';
import { createNaverClient } from './client.ts';
import { sendNaverClaimDecisions } from './claims.ts';
import { confirmProductOrders } from './confirm.ts';
import { dispatchBoxes } from './dispatch.ts';
import { LAST_CHANGED_PATH, listChanged, orderBatches, queryDetails } from './feed.ts';
import { toKstIso } from './kst-time.ts';
import { toMallChange, toMallOrders } from './mapping.ts';
import { listNaverRecipientChanges } from './recipients.ts';
import { createTokenSource } from './token.ts';

export type NaverConnectorOptions = {
  baseUrl: string;
  credentials: { client_id: string; client_secret: string };
  retry?: RetryPolicy;
  /** The clock for token timestamps, token expiry and dispatch dates. */
  now?: () => Date;
  /** Ends every call of this connector (a canceled job). */
  signal?: AbortSignal;
};

export function createNaverConnector(options: NaverConnectorOptions): MallConnector {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retry = options.retry ?? DEFAULT_RETRY;
  const now = options.now ?? (() => new Date());
  const tokens = createTokenSource({
    baseUrl,
    clientId: options.credentials.client_id.trim(),
    clientSecret: options.credentials.client_secret.trim(),
    retry,
    now,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const client = createNaverClient(baseUrl, tokens, retry, options.signal);

  /** Every product order that changed in the window, then only those still waiting to ship (§2.2, §4). */
  async function* newOrderPages(window: TimeWindow): AsyncGenerator<MallOrder[]> {
    const changed = await listChanged(client, window);
    const batches = orderBatches(changed);
    if (!batches.length) yield [];
    // The whole change list comes first: an order's product orders may be listed pages apart, and a batch must
    // hold all of them.
    for (const ids of batches) yield toMallOrders(await queryDetails(client, ids));
  }

  return {
    mallType: 'naver',
    invoiceNeedsConfirm: false,

    async testConnection() {
      // A token proves the credentials; one tiny listing proves the token opens the pay-order API (and the IP is allowed).
      const to = now().getTime();
      await client.get(LAST_CHANGED_PATH, { lastChangedFrom: toKstIso(to - 60_000), lastChangedTo: toKstIso(to), limitCount: '1' });
    },

    async listNewOrders(window: TimeWindow) {
      const orders: MallOrder[] = [];
      for await (const page of newOrderPages(window)) orders.push(...page);
      return orders;
    },

    newOrderPages,

    confirm: (targets) => confirmProductOrders(client, targets),

    sendInvoices: (boxes) => dispatchBoxes(client, boxes, now()),

    sendClaimDecisions: (targets) => sendNaverClaimDecisions(client, targets),

    async listChanges(window: TimeWindow) {
      const changed = await listChanged(client, window);
      const changes: MallChange[] = [];
      for (const detail of await queryDetails(client, [...changed.keys()])) {
        const change = toMallChange(detail, changed.get(detail.productOrderId)?.lastChangedDate ?? now().toISOString());
        if (change) changes.push(change);
      }
      return changes;
    },

    listRecipientChanges: (window) => listNaverRecipientChanges(client, window),
  };
}
