// Sync for Coupang: what the sandbox's admin API makes happen (cancels before and after confirmation, returns,
// exchanges, withdrawals, transit, delivery, purchase confirmation) comes back from listChanges as the line
// statuses and claims of mall-apis.md §4; lists are asked in the spans Coupang allows.
import { afterEach, beforeEach, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { createCoupangConnector } from '../../server/connectors/coupang/coupang.connector.ts';
import type { RetryPolicy } from '../../server/connectors/http.ts';
import type { MallChange, MallConnector } from '../../server/connectors/types.ts';
import { startCoupangSandbox, type CoupangSandbox } from '../../server/sandbox/coupang/coupang.sandbox.ts';
import { daysInclusive, kstDate } from '../../shared/time.ts';

const VENDOR = 'A00012345';
const ACCESS = 'sandbox-access-key';
const SECRET = 'sandbox-secret-key';
const FAST: RetryPolicy = { retries: 4, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 3000, maxRetryAfterMs: 3000 };
const DAY = 86400_000;

type Order = {
  orderId: string;
  shipmentBoxIds: string[];
  boxes: { shipmentBoxId: string; items: { vendorItemId: string; shippingCount: number }[] }[];
};

let sandbox: CoupangSandbox;
let connector: MallConnector;
let serial = 0;

async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  assert.ok(res.ok, `${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

const newOrder = async (status: 'paid' | 'confirmed' = 'paid'): Promise<Order> => (await admin('POST', '/orders', { count: 1, status })).orders[0];
const event = (order: Order, name: string) => admin('POST', `/orders/${order.orderId}/events`, { event: name });
const linesOf = (order: Order) => order.boxes.flatMap((b) => b.items.map((i) => `${b.shipmentBoxId}-${i.vendorItemId}`));
const window = (days = 3) => ({ from: new Date(Date.now() - days * DAY).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });

/** Confirmed and invoiced through the connector, as ShipSheet would: the box is DEPARTURE at Coupang. */
async function shippedOrder(): Promise<Order> {
  const order = await newOrder('confirmed');
  const lines = order.boxes.flatMap((b) =>
    b.items.map((i) => ({
      lineId: 'x',
      mallLineId: `${b.shipmentBoxId}-${i.vendorItemId}`,
      mallShipmentId: b.shipmentBoxId,
      mallOrderId: order.orderId,
      mallProductId: null,
      mallOptionId: i.vendorItemId,
    })),
  );
  const [outcome] = await connector.sendInvoices([{ boxId: order.orderId, courier: 'CJ', trackingNumber: String(650000000000 + ++serial), lines }]);
  assert.ok(outcome?.ok, JSON.stringify(outcome));
  return order;
}

/** The sync job's view: changes ordered by time, the last one per line wins. */
function latestPerLine(changes: MallChange[]): Map<string, MallChange> {
  const latest = new Map<string, MallChange>();
  for (const c of [...changes].sort((a, b) => a.changedAt.localeCompare(b.changedAt))) latest.set(c.mallLineId, c);
  return latest;
}

beforeEach(async () => {
  sandbox = await startCoupangSandbox({ vendorId: VENDOR, accessKey: ACCESS, secretKey: SECRET, rateLimit: { rate: 1000, burst: 1000 }, seed: 11 });
  connector = createCoupangConnector({
    baseUrl: sandbox.url,
    credentials: { vendor_id: VENDOR, access_key: ACCESS, secret_key: SECRET },
    retry: FAST,
  });
});
afterEach(() => sandbox.close());

describe('Coupang listChanges', () => {
  it('sees cancels, a return request, a withdrawn return, transit, delivery, purchase confirmation and an exchange', async () => {
    const cancelledPaid = await newOrder('paid');
    const cancelReceipt = (await event(cancelledPaid, 'buyer_cancel')).receiptId as string;
    const stopRequested = await newOrder('confirmed');
    const stopReceipt = (await event(stopRequested, 'buyer_cancel')).receiptId as string;
    const returned = await shippedOrder();
    await event(returned, 'deliver');
    const returnReceipt = (await event(returned, 'return_request')).receiptId as string;
    const withdrawn = await shippedOrder();
    await event(withdrawn, 'deliver');
    await event(withdrawn, 'return_request');
    await event(withdrawn, 'claim_withdraw');
    const moving = await shippedOrder();
    await event(moving, 'in_transit');
    const delivered = await shippedOrder();
    await event(delivered, 'deliver');
    const confirmed = await shippedOrder();
    await event(confirmed, 'deliver');
    await event(confirmed, 'purchase_confirm');
    const exchanged = await shippedOrder();
    await event(exchanged, 'deliver');
    const exchangeId = (await event(exchanged, 'exchange_request')).exchangeId as string;
    const justShipped = await shippedOrder();

    const changes = await connector.listChanges(window());
    const latest = latestPerLine(changes);
    const expectLines = (order: Order, status: string, claim?: Partial<NonNullable<MallChange['claim']>>) => {
      for (const line of linesOf(order)) {
        const change = latest.get(line);
        assert.ok(change, `no change for ${line} (${status})`);
        assert.equal(change.status, status, line);
        assert.equal(change.mallOrderId, order.orderId);
        assert.match(change.changedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        if (claim) assert.deepEqual({ ...change.claim, ...claim }, change.claim, `${line}: ${JSON.stringify(change.claim)}`);
        else assert.equal(change.claim, undefined);
      }
    };

    expectLines(cancelledPaid, 'CANCELED', { type: 'cancel', state: 'completed', mallClaimId: cancelReceipt });
    expectLines(stopRequested, 'CANCEL_REQUESTED', { type: 'cancel', state: 'requested', mallClaimId: stopReceipt });
    expectLines(returned, 'RETURN_REQUESTED', { type: 'return', state: 'requested', mallClaimId: returnReceipt });
    expectLines(withdrawn, 'DELIVERED', { type: 'return', state: 'withdrawn' });
    expectLines(moving, 'IN_TRANSIT');
    expectLines(delivered, 'DELIVERED');
    expectLines(confirmed, 'PURCHASE_CONFIRMED');
    expectLines(exchanged, 'EXCHANGE_REQUESTED', { type: 'exchange', state: 'requested', mallClaimId: exchangeId });
    expectLines(justShipped, 'SHIPPED');

    const returnChange = latest.get(linesOf(returned)[0]!)!;
    assert.equal(returnChange.claim!.quantity, returned.boxes[0]!.items[0]!.shippingCount);
    assert.match(returnChange.claim!.reason ?? '', /^단순변심 \/ /, 'the code before the words is left out');
    // The delivery before the return request is reported too, earlier.
    assert.ok(changes.some((c) => c.mallLineId === returnChange.mallLineId && c.status === 'DELIVERED' && c.changedAt <= returnChange.changedAt));
  });

  it('follows claims to completion: return and exchange completed, cancel request completed, exchange withdrawn', async () => {
    const returned = await shippedOrder();
    await event(returned, 'deliver');
    await event(returned, 'return_request');
    await event(returned, 'return_complete');
    const exchanged = await shippedOrder();
    await event(exchanged, 'deliver');
    await event(exchanged, 'exchange_request');
    await event(exchanged, 'exchange_complete');
    const stopped = await newOrder('confirmed');
    await event(stopped, 'buyer_cancel');
    await event(stopped, 'cancel_complete');
    const changedMind = await shippedOrder();
    await event(changedMind, 'in_transit');
    await event(changedMind, 'exchange_request');
    await event(changedMind, 'claim_withdraw');

    const latest = latestPerLine(await connector.listChanges(window()));
    const at = (order: Order) => latest.get(linesOf(order)[0]!)!;
    assert.deepEqual([at(returned).status, at(returned).claim?.type, at(returned).claim?.state], ['RETURNED', 'return', 'completed']);
    assert.deepEqual([at(exchanged).status, at(exchanged).claim?.state], ['EXCHANGED', 'completed']);
    assert.deepEqual([at(stopped).status, at(stopped).claim?.type, at(stopped).claim?.state], ['CANCELED', 'cancel', 'completed']);
    assert.deepEqual([at(changedMind).status, at(changedMind).claim?.type, at(changedMind).claim?.state], ['IN_TRANSIT', 'exchange', 'withdrawn']);
  });

  it('reports a withdrawn cancel request as a cancel claim withdrawn, back to NEW', async () => {
    const order = await newOrder('confirmed');
    await event(order, 'buyer_cancel');
    await event(order, 'claim_withdraw');
    const latest = latestPerLine(await connector.listChanges(window()));
    const change = latest.get(linesOf(order)[0]!)!;
    assert.deepEqual([change.status, change.claim?.type, change.claim?.state], ['NEW', 'cancel', 'withdrawn']);
  });

  it('asks each list in the spans Coupang allows: ≤ 31 days for sheets and returns, ≤ 7 for exchanges and withdrawals', async () => {
    const asked = window(20);
    await connector.listChanges(asked);
    const requests = sandbox.store.requests;
    assert.ok(
      requests.every((r) => r.status === 200),
      JSON.stringify(requests.filter((r) => r.status !== 200)),
    );
    const sheets = requests.filter((r) => r.path.endsWith('/ordersheets'));
    const returns = requests.filter((r) => r.path.endsWith('/returnRequests'));
    const exchanges = requests.filter((r) => r.path.endsWith('/exchangeRequests'));
    const withdrawals = requests.filter((r) => r.path.endsWith('/returnWithdrawRequests'));
    // Orders and claims are read over 30 days of creation dates (changes happen to older orders): one request each.
    assert.deepEqual(
      sheets.map((r) => r.query.status),
      ['DEPARTURE', 'NONE_TRACKING', 'DELIVERING', 'FINAL_DELIVERY'],
    );
    assert.deepEqual(
      returns.map((r) => r.query.status ?? `cancelType=${r.query.cancelType}`),
      ['RU', 'UC', 'CC', 'PR', 'cancelType=CANCEL'],
    );
    for (const r of [...sheets, ...returns]) {
      assert.ok(daysInclusive(r.query.createdAtFrom!, r.query.createdAtTo!) <= 31);
      assert.equal(r.query.createdAtTo, kstDate(asked.to));
      assert.equal(r.query.createdAtFrom, kstDate(new Date(Date.parse(asked.to) - 30 * DAY)));
    }
    assert.equal(exchanges.length, 5, '30 days in pieces of ≤ 7');
    for (const r of exchanges) assert.ok(Date.parse(`${r.query.createdAtTo}+09:00`) - Date.parse(`${r.query.createdAtFrom}+09:00`) <= 7 * DAY);
    // Withdrawals are listed by the day they happened: the window itself.
    assert.equal(withdrawals.length, Math.ceil(daysInclusive(kstDate(asked.from), kstDate(asked.to)) / 7));
    for (const r of withdrawals) assert.ok(daysInclusive(r.query.dateFrom!, r.query.dateTo!) <= 7);
  });

  it('reports what changed in the window, also for orders created long before it', async () => {
    const old = (await admin('POST', '/orders', { count: 1, status: 'confirmed', paidAt: new Date(Date.now() - 12 * DAY).toISOString() }))
      .orders[0] as Order;
    const lines = old.boxes.flatMap((b) =>
      b.items.map((i) => ({
        lineId: 'x',
        mallLineId: `${b.shipmentBoxId}-${i.vendorItemId}`,
        mallShipmentId: b.shipmentBoxId,
        mallOrderId: old.orderId,
        mallProductId: null,
        mallOptionId: i.vendorItemId,
      })),
    );
    assert.ok((await connector.sendInvoices([{ boxId: 'b', courier: 'CJ', trackingNumber: String(650000000000 + ++serial), lines }]))[0]!.ok);
    await event(old, 'deliver');

    const lastMinutes = { from: new Date(Date.now() - 10 * 60_000).toISOString(), to: new Date(Date.now() + 1000).toISOString() };
    const recent = await connector.listChanges(lastMinutes);
    assert.deepEqual(
      recent.filter((c) => c.mallOrderId === old.orderId).map((c) => c.status),
      linesOf(old).map(() => 'DELIVERED'),
    );
    const before = { from: new Date(Date.now() - 3 * 3600_000).toISOString(), to: new Date(Date.now() - 3600_000).toISOString() };
    assert.deepEqual(await connector.listChanges(before), [], 'nothing happened in that hour');
  });
});
