// The Naver sandbox's own rules, checked on the raw wire (the connector never breaks them, so its tests cannot
// show they hold): 24 h ranges, page and batch limits, `more` paging at equal timestamps, admin refusals.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { naverSandboxAdmin } from '../../server/sandbox/naver/admin-client.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';

const CLIENT_ID = '3vJ9kLmQ2xR7tYc1NpW4sA';
const SECRET = '$2a$04$yRlwyVTs4QW/Ponr6vja0O';
const BASE = '/v1/pay-order/seller/product-orders';
const HOUR = 3600_000;

const kst = (ms: number) => new Date(ms + 9 * HOUR).toISOString().replace('Z', '+09:00');

/** A token the way a client outside the connector would get one. */
async function getToken(url: string, via: 'form' | 'query'): Promise<string> {
  const timestamp = String(Date.now());
  const fields = new URLSearchParams({
    client_id: CLIENT_ID,
    timestamp,
    grant_type: 'client_credentials',
    type: 'SELF',
    client_secret_sign: Buffer.from(bcrypt.hashSync(`${CLIENT_ID}_${timestamp}`, SECRET)).toString('base64'),
  });
  const res =
    via === 'form'
      ? await fetch(`${url}/v1/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: fields.toString(),
        })
      : await fetch(`${url}/v1/oauth2/token?${fields}`, { method: 'POST' });
  assert.equal(res.status, 200);
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('naver sandbox protocol', () => {
  let sandbox: NaverSandbox;
  let token: string;
  const admin = () => naverSandboxAdmin(sandbox.url);

  async function api(method: 'GET' | 'POST', path: string, options: { query?: string; body?: unknown } = {}) {
    const res = await fetch(`${sandbox.url}${BASE}${path}${options.query ? `?${options.query}` : ''}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }
  const changed = (from: number, to: number, extra = '') =>
    api('GET', '/last-changed-statuses', { query: `${new URLSearchParams({ lastChangedFrom: kst(from), lastChangedTo: kst(to) })}${extra}` });

  beforeAll(async () => {
    sandbox = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, initialOrders: 12, seed: 9 });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await admin().reset();
    token = await getToken(sandbox.url, 'query');
  });

  it('issues tokens for a form body or the same fields as a query string, and refuses an empty request', async () => {
    assert.match(await getToken(sandbox.url, 'form'), /^[\w-]{20,}$/);
    assert.match(await getToken(sandbox.url, 'query'), /^[\w-]{20,}$/);
    const empty = await fetch(`${sandbox.url}/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(empty.status, 400);
  });

  it('seeds paid orders over the last three days with 16-digit ids and a PAYED change each', async () => {
    const orders = await admin().listOrders();
    assert.equal(orders.length, 12);
    for (const order of orders) {
      assert.match(order.orderId, /^\d{16}$/);
      assert.ok(Date.now() - Date.parse(order.paidAt) <= 72 * HOUR, order.paidAt);
      for (const po of order.productOrders) {
        assert.match(po.productOrderId, /^\d{16}$/);
        assert.equal(po.productOrderStatus, 'PAYED');
        assert.match(po.recipient.tel1, /^050\d-/);
      }
    }
    assert.equal(sandbox.store.changes.length, sandbox.store.productOrders.size);
    assert.ok(
      sandbox.store.changes.every((c) => c.lastChangedType === 'PAYED'),
      'one PAYED entry per product order',
    );
  });

  it('refuses ranges over 24 hours, bad limits and a raw + in the offset', async () => {
    const now = Date.now();
    const tooLong = await changed(now - 25 * HOUR, now);
    assert.deepEqual([tooLong.status, tooLong.body.code], [400, '104139']);
    assert.equal((await changed(now - 24 * HOUR, now)).status, 200);
    assert.equal((await changed(now - HOUR, now, '&limitCount=301')).status, 400);
    const raw = await api('GET', '/last-changed-statuses', { query: `lastChangedFrom=${kst(now - HOUR)}` });
    assert.deepEqual([raw.status, raw.body.code], [400, '4000']);
    const defaultTo = await api('GET', '/last-changed-statuses', { query: `lastChangedFrom=${encodeURIComponent(kst(now - 3 * HOUR))}` });
    assert.equal(defaultTo.status, 200, 'lastChangedTo defaults to From + 24 h');
  });

  it('pages through entries with the same timestamp by moreSequence', async () => {
    const paidAt = new Date(Date.now() - 10 * 60_000);
    await admin().createOrders({ count: 7, paidAt: paidAt.toISOString() });
    const expected = sandbox.store.changes
      .filter((c) => c.at === paidAt.getTime())
      .map((c) => c.productOrderId)
      .sort();
    const seen: string[] = [];
    let from = paidAt.getTime() - 1000;
    let extra = '&limitCount=3';
    for (let page = 0; page < 10; page++) {
      const res = await api('GET', '/last-changed-statuses', {
        query: `${new URLSearchParams({ lastChangedFrom: kst(from), lastChangedTo: kst(Date.now()) })}${extra}`,
      });
      assert.equal(res.status, 200);
      seen.push(...res.body.data.lastChangeStatuses.map((s: { productOrderId: string }) => s.productOrderId));
      const more = res.body.data.more as { moreFrom: string; moreSequence: string } | undefined;
      if (!more) break;
      from = Date.parse(more.moreFrom);
      extra = `&limitCount=3&moreSequence=${more.moreSequence}`;
    }
    assert.deepEqual(seen, expected, 'every entry once, sorted by productOrderId within the same time');
  });

  it('limits /query to 300 ids, confirm and dispatch to 30', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(2025010100000000 + i));
    assert.equal((await api('POST', '/query', { body: { productOrderIds: ids(300) } })).status, 200);
    assert.equal((await api('POST', '/query', { body: { productOrderIds: ids(301) } })).status, 400);
    assert.equal((await api('POST', '/confirm', { body: { productOrderIds: ids(31) } })).status, 400);
    const dispatch = ids(31).map((productOrderId) => ({
      productOrderId,
      deliveryMethod: 'DELIVERY',
      deliveryCompanyCode: 'CJGLS',
      trackingNumber: '123456789012',
      dispatchDate: kst(Date.now()),
    }));
    assert.equal((await api('POST', '/dispatch', { body: { dispatchProductOrders: dispatch } })).status, 400);
    const broken = await fetch(`${sandbox.url}${BASE}/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"productOrderIds": [',
    });
    assert.equal(broken.status, 400);
  });

  it('checks each dispatch item: courier code, tracking number, status', async () => {
    const [order] = await admin().createOrders({ count: 1 });
    const id = order!.productOrders[0]!.productOrderId;
    const item = (over: Record<string, unknown>) => ({
      productOrderId: id,
      deliveryMethod: 'DELIVERY',
      deliveryCompanyCode: 'CJGLS',
      trackingNumber: '123456789012',
      dispatchDate: kst(Date.now()),
      ...over,
    });
    const codes = async (over: Record<string, unknown>) => {
      const res = await api('POST', '/dispatch', { body: { dispatchProductOrders: [item(over)] } });
      return res.body.data.failProductOrderInfos.map((f: { code: string }) => f.code);
    };
    assert.deepEqual(await codes({ deliveryCompanyCode: 'LOTTE' }), ['104119'], 'no LOTTE code at Naver');
    assert.deepEqual(await codes({ deliveryCompanyCode: '' }), ['104118']);
    assert.deepEqual(await codes({ trackingNumber: '' }), ['104120']);
    assert.deepEqual(await codes({ trackingNumber: '12-34' }), ['104122']);
    assert.deepEqual(await codes({ productOrderId: '2020010100000000' }), ['100001']);
    assert.deepEqual(await codes({}), []);
    assert.deepEqual(await codes({}), ['104442'], 'already dispatched');
    assert.equal(
      sandbox.store.changes
        .filter((c) => c.productOrderId === id)
        .map((c) => c.lastChangedType)
        .join(),
      'PAYED,DISPATCHED',
    );
  });

  it('rate limits per API with Naver headers', async () => {
    const limited = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, rateLimit: { rate: 1, burst: 2 } });
    try {
      const limitedToken = await getToken(limited.url, 'form');
      const call = () =>
        fetch(`${limited.url}${BASE}/query`, {
          method: 'POST',
          headers: { authorization: `Bearer ${limitedToken}`, 'content-type': 'application/json' },
          body: '{"productOrderIds":["1"]}',
        });
      const statuses = [];
      let last: Response | null = null;
      for (let i = 0; i < 3; i++) {
        last = await call();
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 429]);
      assert.equal(last!.headers.get('retry-after'), '1');
      assert.equal(last!.headers.get('gncp-gw-ratelimit-burst-capacity'), '2');
      assert.equal(((await last!.json()) as { code: string }).code, 'GW.RATE_LIMIT');
      const other = await fetch(`${limited.url}${BASE}/confirm`, {
        method: 'POST',
        headers: { authorization: `Bearer ${limitedToken}`, 'content-type': 'application/json' },
        body: '{"productOrderIds":["1"]}',
      });
      assert.equal(other.status, 200, 'another API has its own bucket');
    } finally {
      await limited.close();
    }
  });

  it('admin events refuse what cannot happen and change nothing then', async () => {
    const [order] = await admin().createOrders({ count: 1 });
    await assert.rejects(admin().event(order!.orderId, 'deliver'), /HTTP 409/);
    await assert.rejects(admin().event(order!.orderId, 'cancel_complete'), /HTTP 409/);
    await assert.rejects(admin().event('2020010100000000', 'buyer_cancel'), /HTTP 404/);
    const res = await fetch(`${sandbox.url}/_sandbox/orders/${order!.orderId}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"event":"explode"}',
    });
    assert.equal(res.status, 400);
    assert.equal((await admin().listOrders()).find((o) => o.orderId === order!.orderId)!.productOrders[0]!.productOrderStatus, 'PAYED');
  });
});
