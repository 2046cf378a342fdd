// The Coupang sandbox on its own: the protocol rules it enforces for any client (signed raw requests here, no
// connector) and its admin API.
import { afterEach, beforeEach, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { ceaAuthorization } from '../../server/connectors/coupang/signature.ts';
import { startCoupangSandbox, type CoupangSandbox } from '../../server/sandbox/coupang/coupang.sandbox.ts';

const VENDOR = 'A00012345';
const ACCESS = 'sandbox-access-key';
const SECRET = 'sandbox-secret-key';
const BASE = `/v2/providers/openapi/apis/api`;

let sandbox: CoupangSandbox;

beforeEach(async () => {
  sandbox = await startCoupangSandbox({
    vendorId: VENDOR,
    accessKey: ACCESS,
    secretKey: SECRET,
    seed: 5,
    initialOrders: 3,
    rateLimit: { rate: 1000, burst: 1000 },
  });
});
afterEach(() => sandbox.close());

async function api(method: string, path: string, query = '', body?: string): Promise<{ status: number; body: any }> {
  const authorization = ceaAuthorization({ accessKey: ACCESS, secretKey: SECRET, method, path, query, now: new Date() });
  const res = await fetch(`${sandbox.url}${path}${query ? `?${query}` : ''}`, {
    method,
    headers: { authorization, 'content-type': 'application/json;charset=UTF-8' },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, body: await res.json() };
}

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
}

describe('Coupang sandbox: protocol rules', () => {
  it('acknowledges at most 50 boxes per request and checks the vendorId in the body', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => String(100000000000000000n + BigInt(i)));
    const path = `${BASE}/v4/vendors/${VENDOR}/ordersheets/acknowledgement`;
    assert.equal((await api('PATCH', path, '', `{"vendorId":"${VENDOR}","shipmentBoxIds":[${ids.join(',')}]}`)).status, 400);
    assert.equal((await api('PUT', path, '', `{"vendorId":"A0000000","shipmentBoxIds":[${ids[0]}]}`)).status, 400);
    const one = await api('PUT', path, '', `{"vendorId":"${VENDOR}","shipmentBoxIds":[${ids[0]}]}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.data.responseCode, 99);
    assert.equal(one.body.data.responseList[0].resultCode, 'NOT_FOUND_SHIPMENT_BOX');
  });

  it('answers partial success with responseCode 1 and per-box results', async () => {
    const [order] = (await admin('GET', '/orders')).body.orders;
    const path = `${BASE}/v4/vendors/${VENDOR}/ordersheets/acknowledgement`;
    const res = await api('PATCH', path, '', `{"vendorId":"${VENDOR}","shipmentBoxIds":[${order.shipmentBoxIds[0]},123456789012345678]}`);
    assert.equal(res.body.data.responseCode, 1);
    assert.deepEqual(
      res.body.data.responseList.map((r: { succeed: boolean }) => r.succeed),
      [true, false],
    );
  });

  it('needs status or orderId for returnRequests in day mode, and omits status with cancelType=CANCEL', async () => {
    const path = `${BASE}/v6/vendors/${VENDOR}/returnRequests`;
    assert.equal((await api('GET', path, 'createdAtFrom=2025-01-01&createdAtTo=2025-01-31')).status, 400);
    assert.equal((await api('GET', path, 'createdAtFrom=2025-01-01&createdAtTo=2025-01-31&cancelType=CANCEL&status=UC')).status, 400);
    assert.equal((await api('GET', path, 'createdAtFrom=2025-01-01&createdAtTo=2025-01-31&cancelType=CANCEL')).status, 200);
    assert.equal((await api('GET', path, 'createdAtFrom=2025-01-01&createdAtTo=2025-02-01&status=UC')).status, 400);
  });

  it('limits exchange and withdrawal lists to 7 days', async () => {
    const exchanges = `${BASE}/v4/vendors/${VENDOR}/exchangeRequests`;
    assert.equal((await api('GET', exchanges, 'createdAtFrom=2025-01-01T00:00:00&createdAtTo=2025-01-08T00:00:00')).status, 200);
    assert.equal((await api('GET', exchanges, 'createdAtFrom=2025-01-01T00:00:00&createdAtTo=2025-01-08T00:00:01')).status, 400);
    const withdrawals = `${BASE}/v4/vendors/${VENDOR}/returnWithdrawRequests`;
    assert.equal((await api('GET', withdrawals, 'dateFrom=2025-01-01&dateTo=2025-01-07')).status, 200);
    assert.equal((await api('GET', withdrawals, 'dateFrom=2025-01-01&dateTo=2025-01-08')).status, 400);
  });

  it('answers 404 for unknown paths, and 401 before anything else when unsigned', async () => {
    assert.equal((await api('GET', `${BASE}/v4/vendors/${VENDOR}/nothing-here`)).status, 404);
    const res = await fetch(`${sandbox.url}${BASE}/v4/vendors/${VENDOR}/ordersheets`);
    assert.equal(res.status, 401);
  });
});

describe('Coupang sandbox: admin API', () => {
  it('creates orders with ids as strings, lists them, and resets to the seeded start', async () => {
    const listed = (await admin('GET', '/orders')).body.orders;
    assert.equal(listed.length, 3);
    const created = await admin('POST', '/orders', { count: 2, status: 'confirmed' });
    assert.equal(created.status, 201);
    for (const o of created.body.orders) {
      assert.match(o.orderId, /^\d{14,16}$/);
      assert.match(o.shipmentBoxIds[0], /^\d{18}$/);
      assert.equal(o.boxes[0].status, 'INSTRUCT');
    }
    assert.equal((await admin('GET', '/orders')).body.orders.length, 5);
    assert.equal((await admin('POST', '/reset')).status, 200);
    const again = (await admin('GET', '/orders')).body.orders;
    assert.deepEqual(
      again.map((o: { orderId: string }) => o.orderId),
      listed.map((o: { orderId: string }) => o.orderId),
      'same seed, same orders',
    );
  });

  it('refuses events that do not fit the order, and unknown orders or events', async () => {
    const [order] = (await admin('GET', '/orders')).body.orders;
    assert.equal((await admin('POST', `/orders/${order.orderId}/events`, { event: 'deliver' })).status, 409);
    assert.equal((await admin('POST', `/orders/${order.orderId}/events`, { event: 'return_request' })).status, 409);
    assert.equal((await admin('POST', '/orders/1/events', { event: 'deliver' })).status, 404);
    assert.equal((await admin('POST', `/orders/${order.orderId}/events`, { event: 'explode' })).status, 400);
    assert.equal((await admin('POST', '/orders', { count: 0 })).status, 400);
  });

  it('queues faults, validates them, and clears them', async () => {
    assert.equal((await admin('POST', '/faults', { faults: [{ kind: 'status' }] })).status, 400);
    assert.equal((await admin('POST', '/faults', { faults: [{ kind: 'status', status: 503, count: 3 }] })).status, 200);
    assert.equal(
      (await api('GET', `${BASE}/v4/vendors/${VENDOR}/ordersheets`, 'createdAtFrom=2025-01-01&createdAtTo=2025-01-02&status=ACCEPT')).status,
      503,
    );
    assert.equal((await admin('DELETE', '/faults')).status, 200);
    assert.equal(
      (await api('GET', `${BASE}/v4/vendors/${VENDOR}/ordersheets`, 'createdAtFrom=2025-01-01&createdAtTo=2025-01-02&status=ACCEPT')).status,
      200,
    );
  });
});
