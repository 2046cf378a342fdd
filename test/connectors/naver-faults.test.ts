// Recovery from gateway trouble against the Naver sandbox over loopback HTTP: 429 (injected and from the real
// token bucket), 5xx, broken JSON, no answer; and what is reported when trouble outlasts the retries.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { MallError, type RetryPolicy } from '../../server/connectors/http.ts';
import { createNaverConnector } from '../../server/connectors/naver/naver.connector.ts';
import { naverSandboxAdmin } from '../../server/sandbox/naver/admin-client.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';
import { render, type Text } from '../../shared/i18n.ts';

/** A connector's text as a Korean operator reads it. */
const said = (text: Text | undefined) => (text === undefined ? '' : render(text, 'ko'));

const CLIENT_ID = '3vJ9kLmQ2xR7tYc1NpW4sA';
const SECRET = '$2a$04$yRlwyVTs4QW/Ponr6vja0O';
const FAST: RetryPolicy = { retries: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 400, maxRetryAfterMs: 2000 };
const LAST_CHANGED = '/v1/pay-order/seller/product-orders/last-changed-statuses';
const CONFIRM = '/v1/pay-order/seller/product-orders/confirm';

const lastHour = () => ({ from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 1000).toISOString() });

describe('naver connector under faults', () => {
  let sandbox: NaverSandbox;
  const admin = () => naverSandboxAdmin(sandbox.url);
  const connector = () => createNaverConnector({ baseUrl: sandbox.url, credentials: { client_id: CLIENT_ID, client_secret: SECRET }, retry: FAST });
  const statusesOf = (path: string) => sandbox.store.requests.filter((r) => r.path === path).map((r) => r.status);

  beforeAll(async () => {
    sandbox = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, seed: 3 });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await admin().reset();
    await admin().createOrders({ count: 5 });
  });

  for (const [name, fault] of [
    ['429 with Retry-After', { kind: 'status', status: 429, retryAfter: 0, path: 'last-changed-statuses' }],
    ['500', { kind: 'status', status: 500, path: 'last-changed-statuses' }],
    ['malformed JSON', { kind: 'malformed', path: 'last-changed-statuses' }],
    ['no answer', { kind: 'hang', path: 'last-changed-statuses' }],
  ] as const) {
    it(`${name} then success`, async () => {
      await admin().addFaults([fault]);
      const orders = await connector().listNewOrders(lastHour());
      assert.equal(orders.length, 5);
      const statuses = statusesOf(LAST_CHANGED);
      assert.equal(statuses.length, 2, 'one failed attempt, one good');
      assert.equal(statuses[1], 200);
    });
  }

  it('waits out the real token bucket', async () => {
    const limited = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, rateLimit: { rate: 2, burst: 1 } });
    try {
      const c = createNaverConnector({ baseUrl: limited.url, credentials: { client_id: CLIENT_ID, client_secret: SECRET }, retry: FAST });
      const started = Date.now();
      await c.testConnection();
      await c.testConnection();
      const calls = limited.store.requests.filter((r) => r.path === LAST_CHANGED);
      assert.deepEqual(
        calls.map((r) => r.status),
        [200, 429, 200],
      );
      assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
    } finally {
      await limited.close();
    }
  });

  it('a listing that keeps failing throws a transient MallError', async () => {
    await admin().addFaults([{ kind: 'status', status: 503, count: 10, path: 'last-changed-statuses' }]);
    await assert.rejects(connector().listNewOrders(lastHour()), (error: unknown) => error instanceof MallError && error.kind === 'transient');
    assert.equal(statusesOf(LAST_CHANGED).length, FAST.retries + 1);
  });

  it('a listing Naver refuses throws a rejected MallError with its code and Korean text', async () => {
    await admin().addFaults([{ kind: 'status', status: 400, path: 'last-changed-statuses' }]);
    await assert.rejects(connector().listNewOrders(lastHour()), (error: unknown) => {
      assert.ok(error instanceof MallError, String(error));
      assert.deepEqual([error.kind, error.details.code, error.details.status], ['rejected', '400', 400]);
      assert.match(error.message, /네이버가 요청을 거부했습니다/);
      return true;
    });
    assert.equal(statusesOf(LAST_CHANGED).length, 1, 'a 400 is not retried');
  });

  it('confirm keeps going per line: a rate-limited batch stops the rest, reported as retryable', async () => {
    const orders = await admin().createOrders({ count: 40 });
    const targets = orders.flatMap((o) =>
      o.productOrders.map((p) => ({ lineId: p.productOrderId, mallLineId: p.productOrderId, mallShipmentId: null, mallOrderId: o.orderId })),
    );
    await admin().addFaults([{ kind: 'status', status: 429, retryAfter: 0, count: 50, path: 'product-orders/confirm' }]);
    const outcomes = await connector().confirm(targets);
    assert.equal(outcomes.length, targets.length);
    for (const outcome of outcomes) {
      assert.deepEqual([outcome.ok, outcome.code, outcome.retryable], [false, 'GW.RATE_LIMIT', true]);
      assert.match(said(outcome.message), /호출 한도/);
    }
    assert.equal(statusesOf(CONFIRM).length, FAST.retries + 1, 'later batches were not sent');
  });

  it('a batch refused as a whole fails its lines with the reason, later batches still go', async () => {
    const orders = await admin().createOrders({ count: 40 });
    const targets = orders.flatMap((o) =>
      o.productOrders.map((p) => ({ lineId: p.productOrderId, mallLineId: p.productOrderId, mallShipmentId: null, mallOrderId: o.orderId })),
    );
    await admin().addFaults([{ kind: 'status', status: 400, count: 1, path: 'product-orders/confirm' }]);
    const outcomes = await connector().confirm(targets);
    assert.ok(
      outcomes.slice(0, 30).every((o) => !o.ok && o.retryable === false),
      'first batch refused',
    );
    assert.ok(
      outcomes.slice(30).every((o) => o.ok),
      'the rest confirmed',
    );
  });
});
