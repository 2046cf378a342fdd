// The catalogue's effects on order lines, through the catalogue's own API: the first SKU created puts the catalogue
// in use (waiting lines without a match become unmatched, at once), and a SKU set to 강제품절 flags the waiting
// lines that need it as sold-out in the same change — which the sold-out list then shows.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, setLineSkus } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let operator: string;

beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
});
afterAll(() => s.close());

const line = (id: string) => s.deps.db('order_lines').where({ id }).first();
const create = (body: Record<string, unknown>) => s.call('POST', '/api/catalogue/skus', body, { token: operator });

describe('catalogue → order lines', () => {
  it('the first SKU created over the API makes the waiting lines without a match unmatched; shipped ones stay as they were', async () => {
    const waiting = await makeOrder(s.deps.db, { status: 'NEW' });
    const shipped = await makeOrder(s.deps.db, { status: 'SHIPPED' });
    assert.equal(!!(await line(waiting.lineIds[0]!)).unmatched, false, 'no catalogue yet: nothing is unmatched');

    const first = await create({ code: 'FLAG-1', name: '첫 상품' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(!!(await line(waiting.lineIds[0]!)).unmatched, true);
    assert.equal(!!(await line(shipped.lineIds[0]!)).unmatched, false);
    const release = await s.call('POST', '/api/transitions', {
      action: 'release',
      items: [{ id: waiting.lineIds[0], version: (await line(waiting.lineIds[0]!)).version }],
    });
    assert.equal(release.body.results[0].result, 'refused', 'an unmatched line is not released');
  });

  it('a SKU set to 강제품절 flags its waiting lines sold-out in the same change, and they are on the sold-out list', async () => {
    const made = await create({ code: 'FLAG-SO', name: '품절될 상품' });
    const sku = { id: made.body.id as string, code: 'FLAG-SO' };
    const waiting = await makeOrder(s.deps.db, { status: 'NEW' });
    const shipped = await makeOrder(s.deps.db, { status: 'SHIPPED' });
    await setLineSkus(s.deps.db, waiting.lineIds[0]!, [sku]);
    await setLineSkus(s.deps.db, shipped.lineIds[0]!, [sku]);

    const patched = await s.call('PATCH', `/api/catalogue/skus/${sku.id}`, { version: made.body.version, status: 'sold_out' }, { token: operator });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(!!(await line(waiting.lineIds[0]!)).sold_out, true);
    assert.equal(!!(await line(shipped.lineIds[0]!)).sold_out, false);
    const list = await s.call('GET', '/api/sold-out', undefined, { token: operator });
    assert.ok(list.body.items.some((i: { line_id: string }) => i.line_id === waiting.lineIds[0]));
  });
});
