// The 상품 sheet's push over real HTTP, on SQLite and PostgreSQL: new rows and edits in one push, one result per
// row in order; a bad row (a duplicate code, a stale version, a missing date) is refused alone, leaves nothing
// behind, and never keeps the good rows from applying.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const row = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `상품 ${code}`,
  barcodes: [],
  price: 1000,
  status: 'active',
  ...over,
});

describe('POST /api/catalogue/skus/sheet', () => {
  it('applies good rows, refuses bad ones alone, and a refused row writes nothing', async () => {
    const first = await s.call('POST', '/api/catalogue/skus/sheet', {
      rows: [
        row('SH-1', { barcodes: ['880100'] }),
        row('SH-2'),
        row('SH-1'),
        row('SH-3', { barcodes: ['880100'] }),
        row('SH-4', { status: 'discontinued' }),
      ],
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(
      first.body.results.map((r: { index: number; result: string; code: string; field?: string }) => [r.index, r.result, r.code, r.field ?? null]),
      [
        [0, 'applied', 'created', null],
        [1, 'applied', 'created', null],
        [2, 'refused', 'duplicate_code', 'code'],
        [3, 'refused', 'duplicate_barcode', 'barcodes'],
        [4, 'refused', 'validation_failed', 'status_date'],
      ],
    );
    assert.equal(first.body.applied, 2);
    assert.equal(first.body.refused, 3);
    // Nothing of the refused rows was written: no SKU SH-3 (its barcode clashed after its row was inserted).
    assert.equal((await s.deps.db('skus').where({ code: 'SH-3' })).length, 0);
    const one = first.body.results[0].sku;
    const two = first.body.results[1].sku;

    const second = await s.call('POST', '/api/catalogue/skus/sheet', {
      rows: [
        { ...row('SH-1', { barcodes: ['880100', '880101'] }), id: one.id, version: one.version, price: 1500 },
        { ...row('SH-2'), id: two.id, version: two.version },
        { ...row('SH-2', { name: '다른 이름' }), id: two.id, version: 99 },
        row('SH-4', { status: 'limited', limit_quantity: 10 }),
      ],
    });
    assert.deepEqual(
      second.body.results.map((r: { result: string; code: string }) => `${r.result}:${r.code}`),
      ['applied:updated', 'applied:unchanged', 'refused:stale_version', 'applied:created'],
    );
    assert.equal(second.body.results[0].sku.version, 2);
    assert.deepEqual(second.body.results[0].sku.barcodes, ['880100', '880101']);
    assert.equal(second.body.results[3].sku.limit_quantity, 10);
    assert.match(second.body.results[2].message, /now version 1/);
  });

  it('a malformed body is refused whole, naming the field', async () => {
    const bad = await s.call('POST', '/api/catalogue/skus/sheet', { rows: [{ code: 'X', name: 'Y', status: 'gone' }] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.details[0].field, /rows\.0\.status/);
  });
});
