// Each user's own sheet layout (issue 13 §4): GET / PUT / DELETE /api/me/sheet-layouts/:sheet. Signed-in users
// only; each user reaches only their own; a bad layout is refused naming the field; reset brings back none.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let operator: string;
let viewer: string;

const LAYOUT = {
  columns: [
    { id: 'mall_order_id', width: 120.5 },
    { id: '포장메모', own: true, width: 80 },
    { id: 'recipient_name', hidden: true },
  ],
};

beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
  viewer = await s.tokenFor('viewer');
});
afterAll(() => s.close());

const path = (sheet = 'orders') => `/api/me/sheet-layouts/${sheet}`;

describe('sheet layouts per user', () => {
  it('needs a signed-in user', async () => {
    for (const [method, body] of [['GET'], ['PUT', LAYOUT], ['DELETE']] as const) {
      const res = await s.call(method, path(), body, { token: null });
      assert.equal(res.status, 401, method);
    }
  });

  it('none until kept; kept as given (defaults filled); each user sees only their own', async () => {
    const none = await s.call('GET', path(), undefined, { token: operator });
    assert.equal(none.status, 200);
    assert.deepEqual(none.body, { sheet: 'orders', layout: null, updated_at: null });

    const put = await s.call('PUT', path(), LAYOUT, { token: operator });
    assert.equal(put.status, 200);
    const expected = {
      columns: [
        { id: 'mall_order_id', own: false, width: 120.5, hidden: false },
        { id: '포장메모', own: true, width: 80, hidden: false },
        { id: 'recipient_name', own: false, width: null, hidden: true },
      ],
    };
    assert.deepEqual(put.body.layout, expected);
    const got = await s.call('GET', path(), undefined, { token: operator });
    assert.deepEqual(got.body.layout, expected);
    assert.ok(Date.parse(got.body.updated_at) > 0);

    // Another user (a viewer pulls sheets too) has none, and keeps their own without touching the operator's.
    assert.equal((await s.call('GET', path(), undefined, { token: viewer })).body.layout, null);
    const mine = { columns: [{ id: 'status', width: 60 }] };
    assert.equal((await s.call('PUT', path(), mine, { token: viewer })).status, 200);
    assert.deepEqual((await s.call('GET', path(), undefined, { token: viewer })).body.layout.columns, [
      { id: 'status', own: false, width: 60, hidden: false },
    ]);
    assert.deepEqual((await s.call('GET', path(), undefined, { token: operator })).body.layout, expected);
    // Another sheet of the same user is another layout.
    assert.equal((await s.call('GET', path('sales'), undefined, { token: operator })).body.layout, null);

    // A second PUT replaces the first.
    const again = { columns: [{ id: 'memo', hidden: true }] };
    await s.call('PUT', path(), again, { token: operator });
    assert.deepEqual((await s.call('GET', path(), undefined, { token: operator })).body.layout.columns, [
      { id: 'memo', own: false, width: null, hidden: true },
    ]);
  });

  it('reset forgets the layout (the default comes back), for that user only', async () => {
    await s.call('PUT', path(), LAYOUT, { token: operator });
    const del = await s.call('DELETE', path(), undefined, { token: operator });
    assert.equal(del.status, 204);
    assert.equal((await s.call('GET', path(), undefined, { token: operator })).body.layout, null);
    assert.notEqual((await s.call('GET', path(), undefined, { token: viewer })).body.layout, null);
    // Resetting again is harmless.
    assert.equal((await s.call('DELETE', path(), undefined, { token: operator })).status, 204);
  });

  it('a bad layout or sheet is refused naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ columns: [] }, /^columns:/],
      [{ columns: [{ id: 'memo', width: -1 }] }, /^columns\.0\.width:/],
      [{ columns: [{ id: 'memo' }, { id: 'status', hidden: 'yes' }] }, /^columns\.1\.hidden:/],
      [{ columns: [{ id: '' }] }, /^columns\.0\.id:/],
      [{ columns: [{ id: 'memo' }, { id: 'memo' }] }, /^columns:/],
    ];
    for (const [body, field] of cases) {
      const res = await s.call('PUT', path(), body, { token: operator });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.body.error.message, field, JSON.stringify(body));
    }
    const badSheet = await s.call('GET', path('주문'), undefined, { token: operator });
    assert.equal(badSheet.status, 400);
    assert.match(badSheet.body.error.message, /^sheet:/);
  });
});
