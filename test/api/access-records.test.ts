// Reads of personal data leave an access record (PIPA safety standard §8), one per request, which admins can list;
// the access log names the user and the address of every request.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const logLines: Record<string, unknown>[] = [];
let operator: string;
let viewer: string;
const users: Record<string, string> = {};
let order: { id: string; lineIds: string[] };

const records = async (query = '') => (await s.call('GET', `/api/audit/access-records${query}`)).body;
const newest = async () => (await records('?limit=1')).items[0];
const count = async () => Number((await s.deps.db('access_records').count({ n: '*' }))[0]!.n);

beforeAll(async () => {
  s = await startTestServer({ LOG_LEVEL: 'info' }, (line) => logLines.push(JSON.parse(line)));
  order = await makeOrder(s.deps.db, { lines: 12, products: ['스텐 텀블러'] });
  await makeOrder(s.deps.db, { lines: 3 });
  operator = await s.tokenFor('operator');
  viewer = await s.tokenFor('viewer');
  users.operator = (await s.call('GET', '/api/auth/me', undefined, { token: operator })).body.id;
  users.viewer = (await s.call('GET', '/api/auth/me', undefined, { token: viewer })).body.id;
});
afterAll(() => s.close());

describe('access records', () => {
  it('a lines-view read leaves one record: who, when, address, endpoint, filter, rows', async () => {
    const before = await count();
    const started = Date.now();
    const res = await s.call('GET', `/api/order-lines?reason=shipping&limit=10000&q=${encodeURIComponent('텀블러')}`, undefined, { token: operator });
    assert.equal(res.body.items.length, 12);
    assert.equal(await count(), before + 1, 'one record per request, not per row');
    const r = await newest();
    assert.equal(r.user_id, users.operator);
    assert.equal(r.actor_type, 'user');
    assert.match(r.ip, /127\.0\.0\.1|::1/);
    assert.equal(r.endpoint, 'GET /api/order-lines');
    assert.deepEqual(r.filter, { limit: 10000, q: '텀블러' });
    assert.equal(r.rows, 12);
    assert.equal(r.masked, false);
    assert.ok(Math.abs(Date.parse(r.at) - started) < 60_000, r.at);
    assert.ok(r.request_id);
  });

  it('every read returning recipients is recorded, viewers with the masked flag', async () => {
    await s.call('GET', `/api/orders/${order.id}`, undefined, { token: viewer });
    let r = await newest();
    assert.deepEqual([r.endpoint, r.user_id, r.rows, r.masked, r.filter], ['GET /api/orders/:id', users.viewer, 1, true, { id: order.id }]);
    await s.call('GET', '/api/orders?limit=5', undefined, { token: viewer });
    r = await newest();
    assert.deepEqual([r.endpoint, r.rows, r.masked], ['GET /api/orders', 2, true]);
    await s.call('POST', '/api/sheet/lines', { line_ids: order.lineIds.slice(0, 4) }, { token: operator });
    r = await newest();
    assert.deepEqual([r.endpoint, r.rows, r.filter], ['POST /api/sheet/lines', 4, { line_ids: 4 }]);
  });

  it('more than a screenful of rows with recipients is a download: it must say why, which is recorded (viewers read them masked)', async () => {
    for (const path of ['/api/order-lines', '/api/orders']) {
      const refused = await s.call('GET', `${path}?limit=500`, undefined, { token: operator, lang: 'ko' });
      assert.equal(refused.status, 400, path);
      assert.equal(refused.body.error.code, 'reason_required');
      assert.deepEqual(
        refused.body.error.details.map((d: { field: string }) => d.field),
        ['reason'],
      );
      assert.match(refused.body.error.message, /사유를 고르세요/);
      const said = await s.call('GET', `${path}?limit=500&reason=customer_inquiry`, undefined, { token: operator });
      assert.equal(said.status, 200, path);
      assert.deepEqual([(await newest()).endpoint, (await newest()).reason], [`GET ${path}`, 'customer_inquiry']);
      // A screenful, or anything a viewer reads (masked), needs none.
      assert.equal((await s.call('GET', `${path}?limit=100`, undefined, { token: operator })).status, 200, path);
      assert.equal((await s.call('GET', `${path}?limit=500`, undefined, { token: viewer })).status, 200, path);
    }
    // The lines view's default page is a screenful; the next page is past it, as a walk of pages is a download too.
    const first = await s.call('GET', '/api/order-lines?limit=1', undefined, { token: operator });
    assert.equal(first.status, 200);
    assert.ok(first.body.next_cursor);
    const next = await s.call('GET', `/api/order-lines?limit=1&cursor=${first.body.next_cursor}`, undefined, { token: operator });
    assert.equal(next.body.error?.code, 'reason_required');
    const said = await s.call('GET', `/api/order-lines?limit=1&reason=shipping&cursor=${first.body.next_cursor}`, undefined, { token: operator });
    assert.equal(said.status, 200);
  });

  it('a refused call and a read without personal data leave none', async () => {
    const before = await count();
    await s.call('GET', '/api/orders/ord_missing', undefined, { token: operator });
    await s.call('GET', '/api/mall-accounts', undefined, { token: operator });
    await s.call('GET', '/api/auth/me', undefined, { token: operator });
    assert.equal(await count(), before);
  });

  it('admins list them by user and period with paging; others may not', async () => {
    const mine = await records(`?user_id=${users.viewer}`);
    assert.ok(mine.items.length >= 2);
    assert.ok(mine.items.every((r: { user_id: string }) => r.user_id === users.viewer));
    const first = await records('?limit=2');
    assert.equal(first.items.length, 2);
    const second = await records(`?limit=2&cursor=${first.next_cursor}`);
    assert.ok(second.items[0].id < first.items[1].id);
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    assert.ok((await records(`?from=${today}&to=${today}`)).items.length >= 4);
    assert.deepEqual((await records('?from=2099-01-01')).items, []);
    assert.deepEqual((await records('?to=2000-01-01')).items, []);
    const forbidden = await s.call('GET', '/api/audit/access-records', undefined, { token: operator });
    assert.equal(forbidden.status, 403);
    const bad = await records('?from=2026-13-01');
    assert.equal(bad.error.details[0].field, 'from');
  });

  it('the OpenAPI document has the list and marks routes returning personal data', async () => {
    const doc = (await s.call('GET', '/api/openapi.json')).body;
    const list = doc.paths['/api/audit/access-records'].get;
    assert.equal(list['x-required-role'], 'admin');
    assert.deepEqual(list.parameters.map((p: { name: string }) => p.name).sort(), ['cursor', 'from', 'limit', 'to', 'user_id']);
    assert.equal(doc.paths['/api/order-lines'].get['x-personal-data'], true);
    assert.equal(doc.paths['/api/sheet/lines'].post['x-personal-data'], true);
  });
});

describe('access log', () => {
  it('names the user and the address of each request, without the query string', async () => {
    await s.call('GET', `/api/order-lines?q=${encodeURIComponent('최우진')}`, undefined, { token: viewer });
    const line = logLines.filter((l) => l.msg === 'request' && l.path === '/api/order-lines').at(-1)!;
    assert.equal(line.user_id, users.viewer);
    assert.match(String(line.ip), /127\.0\.0\.1|::1/);
    assert.ok(!JSON.stringify(logLines).includes('최우진'));
    const anonymous = await s.call('GET', '/api/orders', undefined, { token: null });
    assert.equal(anonymous.status, 401);
    const refused = logLines.filter((l) => l.msg === 'request' && l.status === 401).at(-1)!;
    assert.equal(refused.user_id, null);
    assert.ok(refused.ip);
  });

  it('a sign-in names the user who signed in; a failed one names nobody', async () => {
    await s.call('POST', '/api/users', { username: 'logline', password: 'Correct-Horse-Battery-9', role: 'viewer' });
    const ok = await s.call('POST', '/api/auth/login', { username: 'logline', password: 'Correct-Horse-Battery-9' }, { token: null });
    assert.equal(ok.status, 200);
    const signedIn = logLines.filter((l) => l.msg === 'request' && l.path === '/api/auth/login' && l.status === 200).at(-1)!;
    assert.equal(signedIn.user_id, ok.body.user.id);
    await s.call('POST', '/api/auth/login', { username: 'logline', password: 'wrong' }, { token: null });
    const failed = logLines.filter((l) => l.msg === 'request' && l.path === '/api/auth/login' && l.status === 401).at(-1)!;
    assert.equal(failed.user_id, null);
  });
});
