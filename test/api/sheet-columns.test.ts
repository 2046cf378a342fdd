import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { EDITABLE_COLUMNS, ORDER_COLUMNS, TEXT_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('order sheet columns (shared by the add-in and the server)', () => {
  it('every column but the push results is a field of the lines view', async () => {
    await makeOrder(s.deps.db, { status: 'READY' });
    const row = (await s.call('GET', '/api/order-lines?limit=1')).body.items[0];
    for (const c of ORDER_COLUMNS) {
      if (c.kind === 'result') continue;
      assert.ok(c.id in row, `${c.id} is not in the lines view`);
    }
  });

  it('has unique ids, Korean and English headers, and hides keys and versions', () => {
    assert.equal(new Set(ORDER_COLUMNS.map((c) => c.id)).size, ORDER_COLUMNS.length);
    for (const c of ORDER_COLUMNS) {
      assert.match(c.header.ko, /[가-힣]/, c.id);
      assert.ok(c.header.en.length > 0, c.id);
      assert.equal(!!c.hidden, c.kind === 'key' || c.kind === 'version', c.id);
    }
  });

  it('keeps long digit strings as text and lets the operator edit only what a push can change', () => {
    for (const id of ['mall_order_id', 'mall_line_id', 'tracking_number', 'recipient_mobile', 'recipient_phone', 'recipient_zip']) {
      assert.ok(TEXT_COLUMNS.includes(id), id);
    }
    assert.deepEqual(
      EDITABLE_COLUMNS.map((c) => `${c.id}:${c.edit}`),
      ['courier:box', 'tracking_number:box', 'hold:order', 'hold_reason:order', 'memo:order'],
    );
  });
});
