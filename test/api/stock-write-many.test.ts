// The set-based form of the one stock write path (writeStockMany), on SQLite and PostgreSQL: many rows move in one
// statement with one history row each, and when any row's version moved since it was read nothing is written —
// neither the rows nor their history — as writeStock refuses a single row.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { keyOf, lockStock, StockRaceError, writeStockMany, type StockWrite } from '../../server/modules/stock/stock.repo.ts';
import { makeSku, putStock } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(() => s.close());

const actor = { type: 'system', id: null } as const;

async function twoSkus() {
  const skus = [await makeSku(s.deps.db), await makeSku(s.deps.db)];
  for (const k of skus) await putStock(s.deps.db, k.id, 10);
  return skus.map((k) => ({ skuId: k.id, warehouseId: 'wh_default' }));
}

/** Allocate `n` of each row, from the state read under lock (`stale` rows claim a version one behind). */
async function allocate(keys: { skuId: string; warehouseId: string }[], n: number, stale: Set<string> = new Set()) {
  return s.deps.db.transaction(async (trx) => {
    const now = new Date().toISOString();
    const locked = await lockStock(trx, keys, now);
    const writes: StockWrite[] = keys.map((key) => {
      const before = locked.get(keyOf(key))!;
      const version = stale.has(key.skuId) ? before.version - 1 : before.version;
      return {
        key,
        before: { ...before, version },
        after: { on_hand: before.on_hand, allocated: before.allocated + n },
        kind: 'allocate',
        reason: '할당',
        batchId: 'bat_test',
        actor,
        at: now,
      };
    });
    return writeStockMany(trx, writes);
  });
}

describe('writeStockMany', () => {
  it('moves every row in one go, versions up by one, with one history row each', async () => {
    const keys = await twoSkus();
    const after = await allocate(keys, 3);
    for (const key of keys) {
      const row = await s.deps.db('stock').where({ sku_id: key.skuId, warehouse_id: key.warehouseId }).first();
      assert.deepEqual([row.on_hand, row.allocated, row.version], [10, 3, 2]);
      assert.deepEqual(after.get(keyOf(key)), { on_hand: 10, allocated: 3, version: 2 });
      const history = await s.deps.db('stock_history').where({ sku_id: key.skuId, kind: 'allocate' });
      assert.deepEqual(
        history.map((h) => [h.allocated_before, h.allocated_after, h.on_hand_after, h.batch_id, h.reason]),
        [[0, 3, 10, 'bat_test', '할당']],
      );
    }
  });

  it('refuses the whole change when one row moved since it was read: no row and no history written', async () => {
    const keys = await twoSkus();
    await assert.rejects(allocate(keys, 3, new Set([keys[1]!.skuId])), StockRaceError);
    for (const key of keys) {
      const row = await s.deps.db('stock').where({ sku_id: key.skuId }).first();
      assert.deepEqual([row.allocated, row.version], [0, 1]);
    }
    assert.equal((await s.deps.db('stock_history').where({ kind: 'allocate' })).length, 0);
  });
});
