import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// A server whose log lines are captured, to check what reaches the log.
const logLines: string[] = [];
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ LOG_LEVEL: 'debug' }, (line) => logLines.push(line));
});
afterAll(() => s.close());

async function raw(method: string, path: string, init: RequestInit = {}) {
  const res = await fetch(s.url + path, { method, ...init });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('errors', () => {
  it('bad JSON is a 400 that says so', async () => {
    const res = await s.call('POST', '/api/orders/direct', undefined, { raw: '{"orderer_name": ' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'bad_json');
  });

  it('client mistakes stay 4xx in the one error shape', async () => {
    const url = await raw('GET', '/api/orders/%E0%A4%A', { headers: { authorization: `Bearer ${s.adminToken}` } });
    assert.equal(url.status, 400);
    assert.equal(url.body.error.type, 'invalid_data');
    const charset = await raw('POST', '/api/orders/direct', {
      headers: { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/json; charset=latin1' },
      body: '{}',
    });
    assert.equal(charset.status, 415);
    assert.equal(charset.body.error.code, 'bad_request');
    const page = await raw('GET', '/nothing-here');
    assert.equal(page.status, 404);
    assert.equal(page.body.error.code, 'no_route');
    const api = await s.call('GET', '/api/nothing-here');
    assert.equal(api.status, 404);
    assert.match(api.body.error.message, /\/api\/nothing-here/);
  });

  it('page cursors and days beyond what the database holds are a 400 naming the parameter, never a 500', async () => {
    // Ids of access records and job results are 32-bit integers in PostgreSQL; a KST day of year 0 or 1 starts in a
    // year PostgreSQL has no timestamp for.
    const account = await s.call('POST', '/api/mall-accounts', {
      mall_type: 'naver',
      display_name: '커서 검사',
      base_url: 'http://127.0.0.1:9',
      credentials: { client_id: 'cursor-check', client_secret: '$2a$04$abcdefghijklmnopqrstuv' },
    });
    assert.equal(account.status, 201, JSON.stringify(account.body));
    const started = await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [account.body.id] });
    const jobId = started.body.items[0].job.id as string;
    const cases: [string, string][] = [
      ['/api/audit/access-records?cursor=3000000000', 'cursor'],
      ['/api/audit/access-records?from=0000-01-01', 'from'],
      ['/api/audit/access-records?to=0001-01-01', 'to'],
      [`/api/jobs/${jobId}/results?cursor=3000000000`, 'cursor'],
      ['/api/catalogue/storefront-changes?cursor=2147483648', 'cursor'],
    ];
    for (const [path, field] of cases) {
      const res = await s.call('GET', path);
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.details[0].field, field, path);
    }
    assert.equal((await s.call('GET', '/api/audit/access-records?from=2026-01-01&to=9998-12-31&cursor=2147483647')).status, 200);
    assert.equal((await s.call('GET', `/api/jobs/${jobId}/results?cursor=2147483647`)).status, 200);
    assert.equal((await s.call('GET', '/api/catalogue/storefront-changes?cursor=2147483647')).status, 200);
  });

  it('a body sent without a token is refused before it is read', async () => {
    const big = JSON.stringify({ action: 'release', items: Array.from({ length: 100000 }, (_, i) => ({ id: `lin_${i}`, version: 1 })) });
    const res = await raw('POST', '/api/transitions', { headers: { 'content-type': 'application/json' }, body: big });
    assert.equal(res.status, 401);
  });

  it('X-Forwarded-For is not believed unless a proxy is configured', async () => {
    await s.call('POST', '/api/auth/login', { username: 'nobody', password: 'x' }, { token: null });
    await fetch(s.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.77' },
      body: JSON.stringify({ username: 'nobody', password: 'y' }),
    });
    const ips = (await s.deps.db('audit_log').where({ action: 'login_failed' }).select('ip')).map((r: { ip: string }) => r.ip);
    assert.ok(ips.length >= 2);
    assert.ok(!ips.includes('203.0.113.77'));
  });

  it('parallel wrong passwords are limited like sequential ones', async () => {
    await s.call('POST', '/api/users', { username: 'parallel', password: 'right-password-1', role: 'viewer' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.call('POST', '/api/auth/login', { username: 'parallel', password: `wrong-${i}` }, { token: null })),
    );
    assert.equal(results.filter((r) => r.status === 401).length, 5);
    assert.equal(results.filter((r) => r.status === 429).length, 15);
  });

  it('an unexpected failure is a 500 without internals; the cause is logged with the request id', async () => {
    const made = await s.call('POST', '/api/orders/direct', { orderer_name: '정하늘', total_amount: 1000, recipient_mobile: '010-2222-3333' });
    assert.equal(made.status, 201);
    await s.deps.db.schema.dropTable('order_notes');
    const res = await s.call('POST', `/api/orders/${made.body.id}/notes`, { body: '비밀메모: 현관 비밀번호 1234' });
    assert.equal(res.status, 500);
    assert.equal(res.body.error.type, 'unexpected');
    const text = JSON.stringify(res.body);
    assert.ok(!/sqlite|order_notes|SQL|stack|insert|relation/i.test(text), text);
    const requestId = res.headers.get('x-request-id')!;
    assert.equal(res.body.error.request_id, requestId);
    const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.level === 'error' && l.request_id === requestId);
    assert.ok(logged, 'the cause is logged under the request id');
    assert.match(JSON.stringify(logged.error), /order_notes/);
    assert.ok(!logLines.join('\n').includes('현관 비밀번호'), 'bound values of the failed statement stay out of the log');
  });

  it("a caller's X-Request-Id is kept when it is a plain token, replaced otherwise", async () => {
    const idOf = async (id: string) => (await fetch(`${s.url}/api/health`, { headers: { 'x-request-id': id } })).headers.get('x-request-id');
    assert.equal(await idOf('lb-7f3a.2026:01_x'), 'lb-7f3a.2026:01_x');
    for (const odd of [Buffer.from('주문-1', 'utf8').toString('latin1'), 'a b', 'x'.repeat(41), 'id;drop']) {
      const answered = await idOf(odd);
      assert.notEqual(answered, odd);
      assert.match(answered!, /^[0-9a-f-]{36}$/);
    }
  });

  it('no personal data or secrets reach the log', async () => {
    await s.call('POST', '/api/auth/login', { username: 'admin', password: 'a-wrong-password-999' }, { token: null });
    await s.call('GET', `/api/orders?q=${encodeURIComponent('정하늘')}`);
    const all = logLines.join('\n');
    for (const secret of ['정하늘', '010-2222-3333', 'a-wrong-password-999', 'test-admin-password-1', s.adminToken]) {
      assert.ok(!all.includes(secret), `log contains ${secret}`);
    }
    assert.ok(
      logLines.some((l) => JSON.parse(l).msg === 'request'),
      'requests are logged',
    );
  });
});
