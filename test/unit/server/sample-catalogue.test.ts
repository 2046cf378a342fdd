// npm start's sample catalogue (server/sandbox/sample-catalogue.ts): a SKU for every product and option the sandbox
// malls sell, with stock in the default warehouse and its history, made only into an empty catalogue, once.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { openDb, type Db } from '../../../server/db/knex.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { makeSampleOrders } from '../../../server/sandbox/korean-data.ts';
import { ensureSampleCatalogue, SAMPLE_STOCK_REASON, sampleCatalogue } from '../../../server/sandbox/sample-catalogue.ts';
import { makeOrder } from '../../helpers/builders.ts';

describe('sample catalogue', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDb({});
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('has a SKU with the same name and option for every item the sandbox malls sell', () => {
    const skus = sampleCatalogue();
    const keys = new Set(skus.map((s) => `${s.name}|${s.option_text}`));
    const items = makeSampleOrders(300, 11).flatMap((o) => o.items);
    assert.ok(items.length >= 300);
    for (const item of items) assert.ok(keys.has(`${item.name}|${item.option}`), `${item.name} / ${item.option}`);
    assert.equal(new Set(skus.map((s) => s.code)).size, skus.length);
  });

  it('fills an empty catalogue with SKUs and stock in the default warehouse, with a history row per stock', async () => {
    const expected = sampleCatalogue();
    assert.equal(await ensureSampleCatalogue(db), expected.length);
    const skus = await db('skus').orderBy('code');
    assert.deepEqual(skus.map((s) => s.code).sort(), expected.map((s) => s.code).sort());
    assert.ok(skus.every((s) => s.status === 'active' && s.price > 0 && s.cost > 0 && s.cost < s.price));
    const stock = await db('stock');
    const stocked = expected.filter((s) => s.on_hand > 0);
    assert.ok(stocked.length > 0 && stocked.length < expected.length, 'some SKUs have stock, some none');
    assert.equal(stock.length, stocked.length);
    assert.ok(stock.every((r) => r.warehouse_id === 'wh_default' && r.allocated === 0));
    const history = await db('stock_history');
    assert.equal(history.length, stock.length);
    assert.ok(history.every((h) => h.reason === SAMPLE_STOCK_REASON && h.actor_type === 'system' && h.on_hand_before === 0));
  });

  it('is made as an operator would make it: an audit row per SKU, stock through the one write path, waiting orders flagged unmatched at once', async () => {
    const waiting = await makeOrder(db, { status: 'NEW' });
    const shipped = await makeOrder(db, { status: 'SHIPPED' });
    const made = await ensureSampleCatalogue(db);
    const audit = await db('audit_log').where({ action: 'sku_created', entity: 'sku' });
    assert.equal(audit.length, made);
    assert.deepEqual(new Set(audit.map((a) => a.entity_id)), new Set((await db('skus').select('id')).map((s) => s.id)));
    // writeStock's versioning: a row made for the change (version 0) and moved once by it.
    assert.ok((await db('stock')).every((r) => r.version === 1));
    assert.ok((await db('stock_history')).every((h) => h.kind === 'count'));
    const line = (id: string) => db('order_lines').where({ id }).first();
    assert.equal(!!(await line(waiting.lineIds[0]!)).unmatched, true, 'a waiting line has no match in the new catalogue');
    assert.equal(!!(await line(shipped.lineIds[0]!)).unmatched, false);
  });

  it('is made once, and never into a catalogue the shop already keeps', async () => {
    assert.ok((await ensureSampleCatalogue(db)) > 0);
    const count = async () => Number((await db('skus').count({ n: '*' }))[0]!.n);
    const before = await count();
    assert.equal(await ensureSampleCatalogue(db), 0);
    assert.equal(await count(), before);

    const other = openDb({});
    try {
      await migrateToLatest(other);
      const now = new Date().toISOString();
      await other('skus').insert({ id: 'sku_own', code: 'MINE-1', name: '내 상품', version: 1, created_at: now, updated_at: now });
      assert.equal(await ensureSampleCatalogue(other), 0);
      assert.deepEqual(
        (await other('skus').select('code')).map((r) => r.code),
        ['MINE-1'],
      );
      assert.equal((await other('stock')).length, 0);
    } finally {
      await other.destroy();
    }
  });
});
