// The Coupang connector collecting orders from the Coupang sandbox over real loopback HTTP: signatures and their
// refusals, ids beyond JS number precision, nextToken paging, 31-day windows, and recovery from gateway faults.
import { afterEach, beforeEach, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { createCoupangConnector, type CoupangConnectorOptions } from '../../server/connectors/coupang/coupang.connector.ts';
import { ceaAuthorization } from '../../server/connectors/coupang/signature.ts';
import { MallError, type RetryPolicy } from '../../server/connectors/http.ts';
import { startCoupangSandbox, type CoupangSandbox, type CoupangSandboxOptions } from '../../server/sandbox/coupang/coupang.sandbox.ts';
import { daysInclusive, kstDate } from '../../shared/time.ts';

const VENDOR = 'A00012345';
const ACCESS = 'sandbox-access-key';
const SECRET = 'sandbox-secret-key';
const FAST: RetryPolicy = { retries: 4, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 3000, maxRetryAfterMs: 3000 };
const DAY = 86400_000;
const HANGUL = /[가-힣]/;
const ORDERSHEETS = `/v2/providers/openapi/apis/api/v4/vendors/${VENDOR}/ordersheets`;

type Ctx = {
  sandbox: CoupangSandbox;
  connector(over?: Partial<CoupangConnectorOptions>): ReturnType<typeof createCoupangConnector>;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
};

async function setup(options: Partial<CoupangSandboxOptions> = {}): Promise<Ctx> {
  const sandbox = await startCoupangSandbox({
    vendorId: VENDOR,
    accessKey: ACCESS,
    secretKey: SECRET,
    rateLimit: { rate: 1000, burst: 1000 },
    ...options,
  });
  return {
    sandbox,
    connector: (over = {}) =>
      createCoupangConnector({
        baseUrl: sandbox.url,
        credentials: { vendor_id: VENDOR, access_key: ACCESS, secret_key: SECRET },
        retry: FAST,
        ...over,
      }),
    async admin(method, path, body) {
      const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: await res.json() };
    },
  };
}

const lastDays = (days: number) => ({ from: new Date(Date.now() - days * DAY).toISOString(), to: new Date().toISOString() });

/** A request signed like the connector's, for looking at the raw wire. */
function signedFetch(sandbox: CoupangSandbox, path: string, query: string) {
  const authorization = ceaAuthorization({ accessKey: ACCESS, secretKey: SECRET, method: 'GET', path, query, now: new Date() });
  return fetch(`${sandbox.url}${path}?${query}`, { headers: { authorization } });
}

async function rejectsWith(promise: Promise<unknown>, kind: MallError['kind']): Promise<MallError> {
  const error = await promise.then(
    () => assert.fail('expected a MallError'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof MallError, `expected MallError, got ${String(error)}`);
  assert.equal(error.kind, kind);
  return error;
}

describe('Coupang connector: auth', () => {
  let ctx: Ctx;
  beforeEach(async () => (ctx = await setup()));
  afterEach(() => ctx.sandbox.close());

  it('tests the connection with one signed call', async () => {
    await ctx.connector().testConnection();
    assert.equal(ctx.sandbox.store.requests.length, 1);
    assert.equal(ctx.sandbox.store.requests[0]!.status, 200);
    assert.equal(ctx.sandbox.store.requests[0]!.query.maxPerPage, '1');
  });

  it('reports a wrong secret as an auth error in Korean, and the sandbox answered 401 once (no retries)', async () => {
    const connector = ctx.connector({ credentials: { vendor_id: VENDOR, access_key: ACCESS, secret_key: 'wrong-secret' } });
    const error = await rejectsWith(connector.testConnection(), 'auth');
    assert.match(error.message, HANGUL);
    assert.equal(error.details.status, 401);
    assert.deepEqual(
      ctx.sandbox.store.requests.map((r) => r.status),
      [401],
    );
  });

  it('refuses an unknown access key', async () => {
    const connector = ctx.connector({ credentials: { vendor_id: VENDOR, access_key: 'someone-else', secret_key: SECRET } });
    await rejectsWith(connector.listNewOrders(lastDays(1)), 'auth');
    assert.equal(ctx.sandbox.store.requests.filter((r) => r.status === 401).length, 1);
  });

  it('refuses a stale signed-date (clock 6 minutes behind) and says to check the clock', async () => {
    const connector = ctx.connector({ now: () => new Date(Date.now() - 6 * 60_000) });
    const error = await rejectsWith(connector.testConnection(), 'auth');
    assert.match(error.message, /시계/);
    // 4 minutes off is within the gateway's tolerance.
    await ctx.connector({ now: () => new Date(Date.now() - 4 * 60_000) }).testConnection();
  });

  it('refuses a vendorId that does not belong to the keys', async () => {
    const connector = ctx.connector({ credentials: { vendor_id: 'A99999999', access_key: ACCESS, secret_key: SECRET } });
    const error = await rejectsWith(connector.testConnection(), 'auth');
    assert.equal(error.details.status, 403);
  });
});

describe('Coupang connector: listNewOrders', () => {
  let ctx: Ctx;
  beforeEach(async () => (ctx = await setup()));
  afterEach(() => ctx.sandbox.close());

  it('gets 18-digit shipmentBoxIds as bare JSON numbers on the wire and keeps them exact', async () => {
    const created = (await ctx.admin('POST', '/orders', { count: 3 })).body.orders as { orderId: string; shipmentBoxIds: string[] }[];
    const boxId = created[0]!.shipmentBoxIds[0]!;
    assert.match(boxId, /^\d{18}$/);
    assert.notEqual(String(Number(boxId)), boxId, 'the id is beyond JS number precision');

    const from = kstDate(new Date(Date.now() - 4 * DAY));
    const raw = await (await signedFetch(ctx.sandbox, ORDERSHEETS, `createdAtFrom=${from}&createdAtTo=${kstDate()}&status=ACCEPT`)).text();
    assert.match(raw, new RegExp(`"shipmentBoxId":${boxId}[,}]`), 'an unquoted number, like the real API');

    const orders = await ctx.connector().listNewOrders(lastDays(3));
    const lines = orders.flatMap((o) => o.lines);
    assert.ok(lines.some((l) => l.mallShipmentId === boxId && l.mallLineId.startsWith(`${boxId}-`)));
    for (const order of orders)
      assert.ok(
        created.some((c) => c.orderId === order.mallOrderId),
        `unknown order ${order.mallOrderId}`,
      );
  });

  it('maps ordersheets to orders: ids as text, KST times as UTC, safe numbers, prices, PAID vs NEW', async () => {
    const paidAt = new Date(Date.now() - 3600_000).toISOString();
    const paid = (await ctx.admin('POST', '/orders', { count: 1, status: 'paid', paidAt })).body.orders[0];
    const confirmed = (await ctx.admin('POST', '/orders', { count: 1, status: 'confirmed' })).body.orders[0];
    const orders = await ctx.connector().listNewOrders(lastDays(3));
    const a = orders.find((o) => o.mallOrderId === paid.orderId)!;
    const b = orders.find((o) => o.mallOrderId === confirmed.orderId)!;
    assert.ok(a && b);
    assert.match(a.mallOrderId, /^\d{14,16}$/);
    assert.equal(a.paidAt, new Date(Math.floor(Date.parse(paidAt) / 1000) * 1000).toISOString());
    assert.ok(a.orderedAt! < a.paidAt!);
    assert.match(a.recipient.phone ?? '', /^050\d-\d{4}-\d{4}$/);
    assert.match(a.recipient.zip ?? '', /^\d{5}$/);
    assert.ok(a.recipient.address1 && a.recipient.address2 && a.recipient.name);
    const box = paid.boxes[0];
    assert.equal(a.lines.length, box.items.length);
    for (const [i, line] of a.lines.entries()) {
      const item = box.items[i];
      assert.equal(line.mallLineId, `${box.shipmentBoxId}-${item.vendorItemId}`);
      assert.equal(line.mallShipmentId, box.shipmentBoxId);
      assert.equal(line.mallOptionId, item.vendorItemId);
      assert.match(line.mallProductId ?? '', /^\d+$/);
      assert.equal(line.productName, item.name);
      assert.equal(line.optionText, item.option);
      assert.equal(line.quantity, item.shippingCount);
      assert.equal(line.amount, line.unitPrice * line.quantity);
      assert.deepEqual([line.mallStatus, line.status], ['ACCEPT', 'PAID']);
    }
    assert.ok(b.lines.every((l) => l.mallStatus === 'INSTRUCT' && l.status === 'NEW'));
  });

  it('leaves out orders cancelled before collection', async () => {
    const created = (await ctx.admin('POST', '/orders', { count: 3 })).body.orders;
    const cancel = await ctx.admin('POST', `/orders/${created[1].orderId}/events`, { event: 'buyer_cancel' });
    assert.equal(cancel.status, 200);
    // Cancelled at 결제완료 means refunded at once; completing it again is harmless.
    assert.equal((await ctx.admin('POST', `/orders/${created[1].orderId}/events`, { event: 'cancel_complete' })).status, 200);
    const ids = (await ctx.connector().listNewOrders(lastDays(3))).map((o) => o.mallOrderId).sort();
    assert.deepEqual(ids, [created[0].orderId, created[2].orderId].sort());
  });

  it('reads open orders of the last 7 days even for a short window (late payment, earlier runs)', async () => {
    const old = (await ctx.admin('POST', '/orders', { count: 1, paidAt: new Date(Date.now() - 5 * DAY).toISOString() })).body.orders[0];
    const tooOld = (await ctx.admin('POST', '/orders', { count: 1, paidAt: new Date(Date.now() - 9 * DAY).toISOString() })).body.orders[0];
    const orders = await ctx.connector().listNewOrders({ from: new Date(Date.now() - 10 * 60_000).toISOString(), to: new Date().toISOString() });
    const ids = orders.map((o) => o.mallOrderId);
    assert.ok(ids.includes(old.orderId));
    assert.ok(!ids.includes(tooOld.orderId));
  });

  it('pages with nextToken: 180 orders, 50 a page, each exactly once', async () => {
    const created = (await ctx.admin('POST', '/orders', { count: 180 })).body.orders as { orderId: string }[];
    const orders = await ctx.connector().listNewOrders(lastDays(4));
    assert.equal(orders.length, 180);
    assert.deepEqual(orders.map((o) => o.mallOrderId).sort(), created.map((c) => c.orderId).sort());
    const lineIds = orders.flatMap((o) => o.lines.map((l) => l.mallLineId));
    assert.equal(new Set(lineIds).size, lineIds.length);
    const pages = ctx.sandbox.store.requests.filter((r) => r.query.status === 'ACCEPT');
    assert.equal(pages.length, 4);
    assert.ok(pages.every((p) => p.query.maxPerPage === '50'));
    assert.equal(pages[0]!.query.nextToken, undefined);
    assert.ok(pages.slice(1).every((p) => /^\d{18}$/.test(p.query.nextToken ?? '')));
  });

  it('splits a 70-day window into requests of at most 31 KST days', async () => {
    const old = (await ctx.admin('POST', '/orders', { count: 1, paidAt: new Date(Date.now() - 60 * DAY).toISOString() })).body.orders[0];
    const window = lastDays(70);
    const orders = await ctx.connector().listNewOrders(window);
    assert.deepEqual(
      orders.map((o) => o.mallOrderId),
      [old.orderId],
    );
    for (const status of ['ACCEPT', 'INSTRUCT']) {
      const asked = ctx.sandbox.store.requests
        .filter((r) => r.query.status === status)
        .map((r) => [r.query.createdAtFrom!, r.query.createdAtTo!] as const);
      assert.equal(asked.length, 3, status);
      assert.equal(asked[0]![0], kstDate(window.from));
      assert.equal(asked.at(-1)![1], kstDate(window.to));
      for (const [i, [from, to]] of asked.entries()) {
        assert.ok(daysInclusive(from, to) <= 31, `${from}..${to}`);
        if (i > 0) assert.equal(daysInclusive(asked[i - 1]![1], from), 2, 'pieces follow each other without gap or overlap');
      }
    }
    assert.ok(ctx.sandbox.store.requests.every((r) => r.status === 200));
  });

  it('sandbox: refuses a 32-day window and more than 50 per page', async () => {
    const res = await signedFetch(ctx.sandbox, ORDERSHEETS, 'createdAtFrom=2025-01-01&createdAtTo=2025-02-01&status=ACCEPT');
    assert.equal(res.status, 400);
    assert.match((await res.json()).message, /range should less than 32 day/);
    const ok = await signedFetch(ctx.sandbox, ORDERSHEETS, 'createdAtFrom=2025-01-01&createdAtTo=2025-01-31&status=ACCEPT');
    assert.equal(ok.status, 200);
    const big = await signedFetch(ctx.sandbox, ORDERSHEETS, 'createdAtFrom=2025-01-01&createdAtTo=2025-01-31&status=ACCEPT&maxPerPage=51');
    assert.equal(big.status, 400);
  });
});

describe('Coupang connector: faults and limits', () => {
  let ctx: Ctx;
  beforeEach(async () => {
    ctx = await setup();
    await ctx.admin('POST', '/orders', { count: 5 });
  });
  afterEach(() => ctx.sandbox.close());

  it('waits out a 429 with Retry-After: 1, then succeeds', async () => {
    await ctx.admin('POST', '/faults', { faults: [{ kind: 'status', status: 429, retryAfter: 1, path: 'ordersheets' }] });
    const started = Date.now();
    const orders = await ctx.connector().listNewOrders(lastDays(3));
    assert.equal(orders.length, 5);
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
    assert.deepEqual(ctx.sandbox.store.requests.map((r) => r.status).slice(0, 2), [429, 200]);
    assert.equal(ctx.sandbox.store.faults.served, 1);
  });

  it('retries a 500, then succeeds', async () => {
    await ctx.admin('POST', '/faults', { faults: [{ kind: 'status', status: 500, count: 2 }] });
    assert.equal((await ctx.connector().listNewOrders(lastDays(3))).length, 5);
    assert.deepEqual(ctx.sandbox.store.requests.map((r) => r.status).slice(0, 3), [500, 500, 200]);
  });

  it('retries a malformed JSON answer, then succeeds', async () => {
    await ctx.admin('POST', '/faults', { faults: [{ kind: 'malformed' }] });
    assert.equal((await ctx.connector().listNewOrders(lastDays(3))).length, 5);
    assert.equal(ctx.sandbox.store.faults.served, 1);
    // The broken answer came with HTTP 200: one ACCEPT request more than the two listings need.
    assert.deepEqual(
      ctx.sandbox.store.requests.map((r) => r.query.status),
      ['ACCEPT', 'ACCEPT', 'INSTRUCT'],
    );
  });

  it('signs every attempt afresh: a retry after a 500 carries a new signed-date', async () => {
    // The first attempt is signed 10 minutes in the past but meets the fault before the signature check;
    // only a retry signed again (with the clock's next, correct reading) can pass.
    let calls = 0;
    const now = () => new Date(Date.now() - (calls++ === 0 ? 10 * 60_000 : 0));
    await ctx.admin('POST', '/faults', { faults: [{ kind: 'status', status: 500 }] });
    assert.equal((await ctx.connector({ now }).listNewOrders(lastDays(3))).length, 5);
    assert.deepEqual(
      ctx.sandbox.store.requests.map((r) => r.status),
      [500, 200, 200],
    );
  });

  it('gives up as transient when the 500s outlast the retries', async () => {
    await ctx.admin('POST', '/faults', { faults: [{ kind: 'status', status: 503, count: 10 }] });
    await rejectsWith(ctx.connector().listNewOrders(lastDays(3)), 'transient');
    assert.equal(ctx.sandbox.store.requests.length, FAST.retries + 1);
  });

  it('sandbox: the token bucket answers 429 with Retry-After, and the connector waits for it', async () => {
    const limited = await setup({ rateLimit: { rate: 1, burst: 2 } });
    try {
      const connector = limited.connector();
      for (let i = 0; i < 3; i++) await connector.testConnection();
      const statuses = limited.sandbox.store.requests.map((r) => r.status);
      assert.deepEqual(statuses, [200, 200, 429, 200]);
    } finally {
      await limited.sandbox.close();
    }
  });
});
