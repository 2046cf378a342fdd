// The search box (q) of the orders list and the lines view: what it searches, for whom, and the same on SQLite and
// PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let viewer: string;
const ids: Record<string, { id: string; lineIds: string[] }> = {};

const q = (text: string) => encodeURIComponent(text);
const lineIdsOf = (body: { items: { line_id: string }[] }) => body.items.map((r) => r.line_id).sort();
const orderIdsOf = (body: { items: { id: string }[] }) => body.items.map((r) => r.id).sort();

before(async () => {
  s = await startTestServer();
  const db = s.deps.db;
  ids.tumbler = await makeOrder(db, { lines: 2, products: ['스텐 텀블러 500ml', '머그컵'], option: 'Color: Navy BLUE', mallOrderId: 'CP-20261125-0001' });
  ids.tumbler2 = await makeOrder(db, { lines: 3, products: ['보온 텀블러'], recipient: '최우진', ordererName: 'John Smith', recipientMobile: '0505-3599-1948' });
  ids.sale = await makeOrder(db, { products: ['50% 할인 세트'], option: 'size_L' });
  ids.plain = await makeOrder(db, { products: ['500ml 생수'], option: 'sizeXL' });
  viewer = await s.tokenFor('viewer');
});
after(() => s.close());

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
