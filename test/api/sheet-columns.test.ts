import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { cellOf } from '../../shared/sheet/cell-values.ts';
import { EDITABLE_COLUMNS, ORDER_COLUMNS, TEXT_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { makeOrder, makeSku, setLineSkus } from '../helpers/builders.ts';
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
      [
        // Recipient corrections stay ours (never sent to the mall): see sheet-push-recipient.test.ts.
        'recipient_name:order',
        'recipient_mobile:order',
        'recipient_phone:order',
        'recipient_zip:order',
        'recipient_address1:order',
        'recipient_address2:order',
        'delivery_memo:order',
        'courier:box',
        'tracking_number:box',
        'hold:order',
        'hold_reason:order',
        'memo:order',
      ],
    );
  });

  it('shows the SKU code and the sold-out and unmatched flags, read-only, in both the items and the column-array form', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    const mallOrderId = `77${Date.now()}`;
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 2, mallOrderId });
    await setLineSkus(s.deps.db, o.lineIds[0]!, [{ ...a, quantity: 2 }, b]);
    await s.deps.db('order_lines').where({ id: o.lineIds[0] }).update({ sold_out: true });
    await s.deps.db('order_lines').where({ id: o.lineIds[1] }).update({ unmatched: true });

    const columns = ['sku_code', 'sold_out', 'unmatched'];
    for (const id of columns) {
      const c = ORDER_COLUMNS.find((col) => col.id === id);
      assert.ok(c, `${id} is a sheet column`);
      assert.equal(c.edit, undefined, `${id} is not pushed`);
    }
    const items = (await s.call('GET', `/api/order-lines?q=${mallOrderId}&limit=10`)).body.items;
    const page = (await s.call('GET', `/api/order-lines/columns?q=${mallOrderId}&fields=line_id,${columns.join(',')}`)).body;
    const rows = page.rows.map((r: unknown[]) => Object.fromEntries(page.columns.map((c: string, i: number) => [c, r[i]])));
    for (const form of [items, rows]) {
      const byId = new Map(form.map((r: Record<string, unknown>) => [r.line_id, r]));
      const [first, second] = o.lineIds.map((id) => byId.get(id) as Record<string, unknown>);
      assert.deepEqual([first!.sku_code, first!.sold_out, first!.unmatched], [`${a.code}×2+${b.code}`, true, false]);
      assert.deepEqual([second!.sku_code, second!.sold_out, second!.unmatched], [null, false, true]);
    }
    // As cells: the code as text, a flag as Y.
    const cell = (id: string, row: Record<string, unknown>) =>
      cellOf(
        ORDER_COLUMNS.find((c) => c.id === id)!,
        row,
        'ko',
      );
    assert.deepEqual(
      columns.map((id) =>
        cell(
          id,
          items.find((r: { line_id: string }) => r.line_id === o.lineIds[0]),
        ),
      ),
      [`${a.code}×2+${b.code}`, 'Y', ''],
    );
  });
});
