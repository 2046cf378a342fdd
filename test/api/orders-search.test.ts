// The search box (q) of the orders list and the lines view: what it searches, for whom, and the same on SQLite and
// PostgreSQL.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let viewer: string;
const ids: Record<string, { id: string; lineIds: string[] }> = {};

const q = (text: string) => encodeURIComponent(text);
const lineIdsOf = (body: { items: { line_id: string }[] }) => body.items.map((r) => r.line_id).sort();
const orderIdsOf = (body: { items: { id: string }[] }) => body.items.map((r) => r.id).sort();

beforeAll(async () => {
  s = await startTestServer();
  const db = s.deps.db;
  ids.tumbler = await makeOrder(db, {
    lines: 2,
    products: ['스텐 텀블러 500ml', '머그컵'],
    option: 'Color: Navy BLUE',
    mallOrderId: 'CP-20261125-0001',
  });
  ids.tumbler2 = await makeOrder(db, {
    lines: 3,
    products: ['보온 텀블러'],
    recipient: '최우진',
    ordererName: 'John Smith',
    recipientMobile: '0505-3599-1948',
  });
  ids.sale = await makeOrder(db, { products: ['50% 할인 세트'], option: 'size_L' });
  ids.plain = await makeOrder(db, { products: ['500ml 생수'], option: 'sizeXL' });
  viewer = await s.tokenFor('viewer');
});
afterAll(() => s.close());

describe('q searches what the search box says', () => {
  it('finds product names: on the lines view the matching lines, on the orders list their orders', async () => {
    const lines = await s.call('GET', `/api/order-lines?q=${q('텀블러')}`);
    assert.equal(lines.status, 200);
    assert.deepEqual(lineIdsOf(lines.body), [ids.tumbler!.lineIds[0]!, ...ids.tumbler2!.lineIds].sort());
    const orders = await s.call('GET', `/api/orders?q=${q('텀블러')}`);
    assert.deepEqual(orderIdsOf(orders.body), [ids.tumbler!.id, ids.tumbler2!.id].sort());
  });

  it('finds option names and parts of mall order numbers, A–Z case-insensitive', async () => {
    for (const text of ['navy blue', 'NAVY', 'Navy Blue']) {
      const res = await s.call('GET', `/api/order-lines?q=${q(text)}`);
      assert.deepEqual(lineIdsOf(res.body), [...ids.tumbler!.lineIds].sort(), text);
    }
    const number = await s.call('GET', `/api/orders?q=${q('cp-20261125')}`);
    assert.deepEqual(orderIdsOf(number.body), [ids.tumbler!.id]);
  });

  it('takes % and _ as characters, not wildcards', async () => {
    const percent = await s.call('GET', `/api/order-lines?q=${q('50%')}`);
    assert.deepEqual(lineIdsOf(percent.body), ids.sale!.lineIds);
    const underscore = await s.call('GET', `/api/order-lines?q=${q('size_')}`);
    assert.deepEqual(lineIdsOf(underscore.body), ids.sale!.lineIds);
  });

  it('finds recipient and orderer names and phone numbers (any separators) for operators and admins', async () => {
    const operator = await s.tokenFor('operator');
    for (const text of ['최우진', 'john smith', '0505-3599-1948', '050535991948', '3599 1948']) {
      const res = await s.call('GET', `/api/orders?q=${q(text)}`, undefined, { token: operator });
      assert.deepEqual(orderIdsOf(res.body), [ids.tumbler2!.id], text);
    }
  });

  it('does not search names or phone numbers for viewers', async () => {
    for (const text of ['최우진', 'John', '0505-3599-1948', '1948']) {
      const res = await s.call('GET', `/api/order-lines?q=${q(text)}`, undefined, { token: viewer });
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items, [], text);
    }
    const product = await s.call('GET', `/api/order-lines?q=${q('텀블러')}`, undefined, { token: viewer });
    assert.equal(product.body.items.length, 4, 'viewers still search products');
  });
});

describe('viewers see personal data masked inside free text too', () => {
  const memo = '최우진 0505-3599-1948 부재시 John Smith 010 2222 3333로 연락';
  const reason = '우진님 요청으로 보류 (02-123-4567)';
  const leaks = ['최우진', '우진님', '3599', 'John Smith', '2222', '123-4567'];

  beforeAll(async () => {
    const order = ids.tumbler2!;
    assert.equal((await s.call('POST', `/api/orders/${order.id}/notes`, { body: memo })).status, 201);
    const current = await s.call('GET', `/api/orders/${order.id}`);
    const held = await s.call('POST', '/api/transitions', { action: 'hold', reason, items: [{ id: order.id, version: current.body.version }] });
    assert.equal(held.body.results[0].result, 'applied', JSON.stringify(held.body));
  });

  const assertMasked = (text: unknown, what: string) => {
    assert.equal(typeof text, 'string', what);
    for (const leak of leaks) assert.ok(!(text as string).includes(leak), `${what} shows ${leak}: ${text}`);
  };

  it('in the lines view (memo, hold reason) and the sheet re-read', async () => {
    const res = await s.call('GET', `/api/order-lines?q=${q('보온')}`, undefined, { token: viewer });
    assert.equal(res.body.items.length, 3);
    for (const row of res.body.items) {
      assertMasked(row.memo, 'memo');
      assertMasked(row.hold_reason, 'hold_reason');
    }
    assert.equal(res.body.items[0].memo, '최*진 0505-****-1948 부재시 J*** ***** 010-****-3333로 연락');
    const reread = await s.call('POST', '/api/sheet/lines', { line_ids: ids.tumbler2!.lineIds }, { token: viewer });
    for (const row of reread.body.items) assertMasked(row.memo, 'sheet memo');
  });

  it('in the order detail (notes, holds, history reasons)', async () => {
    const res = await s.call('GET', `/api/orders/${ids.tumbler2!.id}`, undefined, { token: viewer });
    assertMasked(res.body.notes[0].body, 'note');
    assertMasked(res.body.hold_reason, 'order hold_reason');
    assertMasked(res.body.holds[0].reason, 'hold');
    for (const h of res.body.history) if (h.reason) assertMasked(h.reason, 'history');
  });

  it('while operators see the text as written', async () => {
    const res = await s.call('GET', `/api/orders/${ids.tumbler2!.id}`);
    assert.equal(res.body.notes[0].body, memo);
    assert.equal(res.body.holds[0].reason, reason);
  });
});
