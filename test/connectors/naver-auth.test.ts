// Token handling against the sandbox over loopback HTTP: signature and timestamp checks, caching, renewal.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { MallError, type RetryPolicy } from '../../server/connectors/http.ts';
import { createNaverConnector } from '../../server/connectors/naver/naver.connector.ts';
import { naverSandboxAdmin } from '../../server/sandbox/naver/admin-client.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';

const CLIENT_ID = '3vJ9kLmQ2xR7tYc1NpW4sA';
const SECRET = '$2a$04$yRlwyVTs4QW/Ponr6vja0O';
const OTHER_SECRET = '$2a$04$GArtKqCOC6uo7eeoa0ID6O';
const FAST: RetryPolicy = { retries: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000, maxRetryAfterMs: 2000 };

const window = () => ({ from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 1000).toISOString() });

async function rawToken(url: string, fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function signedFields(timestamp: number, secret = SECRET): Record<string, string> {
  const ts = String(timestamp);
  return {
    client_id: CLIENT_ID,
    timestamp: ts,
    grant_type: 'client_credentials',
    type: 'SELF',
    client_secret_sign: Buffer.from(bcrypt.hashSync(`${CLIENT_ID}_${ts}`, secret)).toString('base64'),
  };
}

async function rejectsAsAuth(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof MallError, String(error));
    assert.equal(error.kind, 'auth');
    assert.match(error.message, pattern);
    return true;
  });
}

describe('naver connector auth', () => {
  let sandbox: NaverSandbox;
  const admin = () => naverSandboxAdmin(sandbox.url);
  const connector = (overrides: Partial<Parameters<typeof createNaverConnector>[0]> = {}) =>
    createNaverConnector({ baseUrl: sandbox.url, credentials: { client_id: CLIENT_ID, client_secret: SECRET }, retry: FAST, ...overrides });
  const apiCalls = () => sandbox.store.requests.filter((r) => !r.path.endsWith('/oauth2/token'));

  beforeAll(async () => {
    sandbox = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, initialOrders: 3 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => admin().reset());

  it('a wrong client secret is refused as an auth error with a Korean message', async () => {
    const wrong = connector({ credentials: { client_id: CLIENT_ID, client_secret: OTHER_SECRET } });
    await rejectsAsAuth(wrong.testConnection(), /인증에 실패했습니다/);
    assert.equal(sandbox.store.tokenRequests, 1, 'a refused signature is not retried');
    assert.equal(apiCalls().length, 0);
  });

  it('an unknown client id is refused too', async () => {
    await rejectsAsAuth(connector({ credentials: { client_id: 'someone-else', client_secret: SECRET } }).testConnection(), /인증에 실패했습니다/);
  });

  it('a secret that is not a bcrypt salt fails before anything is sent', async () => {
    await rejectsAsAuth(connector({ credentials: { client_id: CLIENT_ID, client_secret: 'abc123' } }).testConnection(), /시크릿 형식/);
    assert.equal(sandbox.store.tokenRequests, 0);
  });

  it('a timestamp older than 5 minutes is refused even with a correct signature', async () => {
    const stale = connector({ now: () => new Date(Date.now() - 6 * 60_000) });
    await rejectsAsAuth(stale.testConnection(), /인증에 실패했습니다/);

    const old = await rawToken(sandbox.url, signedFields(Date.now() - 6 * 60_000));
    assert.equal(old.status, 401);
    assert.equal(old.body.code, 'GW.AUTHN');
    const fresh = await rawToken(sandbox.url, signedFields(Date.now()));
    assert.equal(fresh.status, 200, 'the same request with a current timestamp passes');
    assert.equal(fresh.body.token_type, 'Bearer');
    const expiresIn = Number(fresh.body.expires_in);
    assert.ok(expiresIn > 10700 && expiresIn <= 10800, `expires_in ${expiresIn}`);
  });

  it('the sandbox answers a known client with the same token while enough of its life remains', async () => {
    const first = await rawToken(sandbox.url, signedFields(Date.now()));
    const second = await rawToken(sandbox.url, signedFields(Date.now()));
    assert.equal(first.body.access_token, second.body.access_token);
    const badSign = await rawToken(sandbox.url, signedFields(Date.now(), OTHER_SECRET));
    assert.equal(badSign.status, 401);
  });

  it('one token serves many calls', async () => {
    const c = connector();
    await c.testConnection();
    await c.listNewOrders(window());
    await c.listChanges(window());
    await c.confirm([]);
    assert.equal(sandbox.store.tokenRequests, 1);
    assert.ok(apiCalls().length >= 3, 'several API calls were made');
    assert.deepEqual(
      apiCalls().filter((r) => r.status !== 200),
      [],
    );
  });

  it('after a token_expiry fault the connector gets a new token once and the call succeeds', async () => {
    const c = connector();
    await c.testConnection();
    await admin().addFaults([{ kind: 'token_expiry' }]);
    const orders = await c.listNewOrders(window());
    assert.ok(Array.isArray(orders), 'listed');
    assert.equal(sandbox.store.tokenRequests, 2);
    assert.equal(apiCalls().filter((r) => r.status === 401).length, 1);
    await c.testConnection();
    assert.equal(sandbox.store.tokenRequests, 2, 'the renewed token is cached again');
  });

  it('a token about to expire is renewed before use, without a 401', async () => {
    const shortLived = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, tokenTtlSeconds: 1 });
    try {
      const c = createNaverConnector({ baseUrl: shortLived.url, credentials: { client_id: CLIENT_ID, client_secret: SECRET }, retry: FAST });
      await c.testConnection();
      await c.testConnection();
      assert.equal(shortLived.store.tokenRequests, 1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await c.testConnection();
      assert.equal(shortLived.store.tokenRequests, 2);
      assert.equal(shortLived.store.requests.filter((r) => r.status === 401).length, 0);
    } finally {
      await shortLived.close();
    }
  });

  it('a second 401 after renewing is an auth error', async () => {
    const c = connector();
    await admin().addFaults([{ kind: 'status', status: 401, count: 2, path: 'last-changed-statuses' }]);
    await rejectsAsAuth(c.testConnection(), /토큰도 거부/);
    assert.equal(sandbox.store.tokenRequests, 2);
  });

  it('a 403 on a call is a permission refusal, not "the new token was refused too" (no token was renewed)', async () => {
    const c = connector();
    await admin().addFaults([{ kind: 'status', status: 403, count: 1, path: 'last-changed-statuses' }]);
    await rejectsAsAuth(c.testConnection(), /^네이버가 이 호출을 거부했습니다 \(403\)\. .*API 권한/);
    assert.equal(sandbox.store.tokenRequests, 1);
  });

  it('the sandbox refuses API calls without a live token', async () => {
    for (const authorization of ['', 'Bearer made-up-token']) {
      const res = await fetch(`${sandbox.url}/v1/pay-order/seller/product-orders/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ productOrderIds: ['2025010112345678'] }),
      });
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { code: string }).code, 'GW.AUTHN');
    }
  });
});
