// Two (or twenty) operators changing the same SKU at once, on SQLite and PostgreSQL: every adjustment counts, every
// history row chains before → after, a count racing adjustments is applied or refused as stale (never overwriting
// one silently), and nothing answers a 500.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeSku } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let tokens: string[];
beforeAll(async () => {
  s = await startTestServer();
  tokens = [await s.tokenFor('operator'), await s.tokenFor('operator')];
});
afterAll(() => s.close());

const PARALLEL = 12;
const ROUNDS = 5;

/** The SKU's history in MAIN, oldest first, must chain: each entry starts where the one before ended. */
async function assertChained(skuId: string, finalOnHand: number) {
  const history = await s.deps.db('stock_history').where({ sku_id: skuId, warehouse_id: 'wh_default' }).orderBy('id');
  let at = 0;
  for (const h of history) {
    assert.equal(h.on_hand_before, at, `entry ${h.id} starts where the last ended`);
    at = h.on_hand_after;
  }
  assert.equal(at, finalOnHand);
  return history;
}

describe('concurrent stock changes', () => {
  it('parallel adjustments of the same SKU by two operators: none is lost', async () => {
    const sku = await makeSku(s.deps.db);
    let expected = 0;
    let made = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const deltas = Array.from({ length: PARALLEL }, (_, i) => (i % 3 === 2 ? -1 : 2 + (i % 2)));
      const results = await Promise.all(
        deltas.map((delta, i) =>
          s.call('POST', '/api/stock/adjustments', { sku_code: sku.code, delta, reason: `동시 조정 ${round}-${i}` }, { token: tokens[i % 2]! }),
        ),
      );
      // The first round starts at 0, where a -1 may come before any +: refused as below zero, never a 500.
      results.forEach((r, i) => {
        if (r.status === 201) {
          expected += deltas[i]!;
          made++;
        } else assert.equal(r.body.error?.code, 'negative_on_hand', `${r.status} ${JSON.stringify(r.body)}`);
      });
    }
    const row = await s.deps.db('stock').where({ sku_id: sku.id, warehouse_id: 'wh_default' }).first();
    assert.equal(row.on_hand, expected);
    assert.ok(made >= PARALLEL * ROUNDS - PARALLEL, `${made} adjustments applied`);
    const history = await assertChained(sku.id, expected);
    assert.equal(history.length, made);
    assert.equal(row.version, made);
    const actors = new Set(history.map((h) => h.actor_id));
    assert.equal(actors.size, 2, 'both operators are named');
  });

  it('a count racing adjustments is applied or refused as stale, never overwriting an adjustment it did not see', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const sku = await makeSku(s.deps.db);
      const first = await s.call('POST', '/api/stock/counts', { rows: [{ sku_code: sku.code, on_hand: 100, version: 0, reason: '실사' }] });
      assert.equal(first.body.applied, 1);
      const seen = first.body.results[0].stock;
      const adjustments = Array.from({ length: PARALLEL / 2 }, (_, i) =>
        s.call('POST', '/api/stock/adjustments', { sku_code: sku.code, delta: 1, reason: `조정 ${i}` }, { token: tokens[1]! }),
      );
      const counted = s.call(
        'POST',
        '/api/stock/counts',
        { rows: [{ sku_code: sku.code, on_hand: 50, version: seen.version, expected_on_hand: seen.on_hand, reason: '재실사' }] },
        { token: tokens[0]! },
      );
      const [c, ...adj] = await Promise.all([counted, ...adjustments]);
      assert.ok(adj.every((r) => r.status === 201));
      assert.equal(c!.status, 200, JSON.stringify(c!.body));
      const result = c!.body.results[0];
      // Adjustments that came after the count add to it; those before it make it stale.
      const history = await s.deps.db('stock_history').where({ sku_id: sku.id }).orderBy('id');
      const countAt = history.findIndex((h) => h.reason === '재실사');
      const row = await s.deps.db('stock').where({ sku_id: sku.id }).first();
      if (result.result === 'applied') {
        assert.equal(countAt, 1, 'applied only when nothing came between the pull and the count');
        assert.equal(row.on_hand, 50 + PARALLEL / 2);
      } else {
        assert.equal(result.code, 'stale');
        assert.equal(countAt, -1);
        assert.equal(row.on_hand, 100 + PARALLEL / 2);
      }
      await assertChained(sku.id, row.on_hand);
    }
  });

  it('parallel count pushes of overlapping rows in opposite orders: no deadlock answers a 500', async () => {
    const skus = await Promise.all(Array.from({ length: 6 }, () => makeSku(s.deps.db)));
    const pushes = Array.from({ length: PARALLEL }, (_, i) => {
      const rows = skus.map((k, j) => ({ sku_code: k.code, on_hand: i * 10 + j, reason: `실사 ${i}` }));
      return s.call('POST', '/api/stock/counts', { rows: i % 2 ? rows.reverse() : rows }, { token: tokens[i % 2]! });
    });
    const results = await Promise.all(pushes);
    assert.ok(
      results.every((r) => r.status === 200 && r.body.refused === 0),
      JSON.stringify(results.map((r) => [r.status, r.body?.refused])),
    );
    for (const k of skus) {
      const row = await s.deps.db('stock').where({ sku_id: k.id }).first();
      await assertChained(k.id, row.on_hand);
    }
  });
});
