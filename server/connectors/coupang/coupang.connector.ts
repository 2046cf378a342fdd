// The Coupang WING connector (mall-apis.md §1): MallConnector over the signed v4/v6 Open API. Each operation
// lives in its own module; this file wires them to one client per account.
import type { RetryPolicy } from '../http.ts';
import type { MallConnector, MallOrder, TimeWindow } from '../types.ts';
import { listCoupangChanges } from './changes.ts';
import { sendCoupangClaimDecisions } from './claims.ts';
import { createCoupangClient, type CoupangCredentials } from './client.ts';
import { confirmBoxes } from './confirm.ts';
import { uploadInvoices } from './invoices.ts';
import { listOrdersheets, toMallOrders } from './ordersheets.ts';
import { listCoupangRecipients } from './recipients.ts';
import { dayPieces } from './windows.ts';
import { ordersheetPageSchema } from './wire.ts';

/** How far back open orders are read on every collection (see listNewOrders). */
export const COLLECT_LOOKBACK_MS = 7 * 86400_000;

export type CoupangConnectorOptions = {
  /** `https://api-gateway.coupang.com`, or a sandbox's URL. */
  baseUrl: string;
  credentials: CoupangCredentials;
  retry?: RetryPolicy;
  /** Clock for signed-date; tests move it to provoke "signature expired". */
  now?: () => Date;
  /** Ends every call of this connector (a canceled job). */
  signal?: AbortSignal;
};

export function createCoupangConnector(options: CoupangConnectorOptions): MallConnector {
  const client = createCoupangClient(options);
  const now = options.now ?? (() => new Date());
  /**
   * ACCEPT (결제완료, not yet confirmed) and INSTRUCT (confirmed, not shipped) boxes, read by creation day over
   * the window and at least the last 7 days: Coupang lists by order creation, and an order created days ago can
   * be paid (virtual-account deposit) or still be waiting after the short windows of scheduled runs. Only
   * unshipped boxes are listed, so the lookback stays small; collection skips lines it already has.
   */
  async function listNewOrders(window: TimeWindow): Promise<MallOrder[]> {
    const span = { from: new Date(Math.min(Date.parse(window.from), Date.parse(window.to) - COLLECT_LOOKBACK_MS)).toISOString(), to: window.to };
    const accepted = await listOrdersheets(client, 'ACCEPT', span);
    const instructed = await listOrdersheets(client, 'INSTRUCT', span);
    return toMallOrders([...accepted, ...instructed]);
  }
  return {
    mallType: 'coupang',
    invoiceNeedsConfirm: true,

    async testConnection() {
      // The cheapest signed call: today's ACCEPT sheets, one per page.
      const today = dayPieces({ from: now().toISOString(), to: now().toISOString() }, 1)[0]!;
      await client.get(ordersheetPageSchema, client.vendorPath('v4', 'ordersheets'), [
        ['createdAtFrom', today.from],
        ['createdAtTo', today.to],
        ['status', 'ACCEPT'],
        ['maxPerPage', 1],
      ]);
    },

    listNewOrders,
    // One page: a box can move from ACCEPT to INSTRUCT between the two listings, and boxes of one order can be
    // listed far apart, so orders are only whole once everything is read.
    async *newOrderPages(window) {
      yield await listNewOrders(window);
    },

    confirm: (targets) => confirmBoxes(client, targets),
    sendInvoices: (boxes) => uploadInvoices(client, boxes),
    sendClaimDecisions: (targets) => sendCoupangClaimDecisions(client, targets),
    listChanges: (window) => listCoupangChanges(client, window),
    listRecipientChanges: (window) => listCoupangRecipients(client, window),
  };
}
