// Stock per SKU × warehouse over real HTTP: counts (실사), adjustments and transfers, each leaving a history row with
// who, why and before → after; stale counts refused for their row; transfers keep the total; the list and its filters.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ID_PREFIX } from '../../server/db/ids.ts';
import { makeSku, makeWarehouse } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let operator: string;
let viewer: string;
beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
  viewer = await s.tokenFor('viewer');
});
afterAll(() => s.close());

type Row = { sku_code: string; warehouse_code: string; on_hand: number; allocated: number; available: number; version: number };

async function stockOf(code: string, warehouse = 'MAIN'): Promise<Row> {
  const res = await s.call('GET', `/api/stock?q=${encodeURIComponent(code)}&warehouse=${warehouse}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const row = res.body.items.find((r: Row) => r.sku_code === code);
  assert.ok(row, `${code} @ ${warehouse} listed`);
  return row;
}

async function historyOf(code: string) {
  const res = await s.call('GET', `/api/stock/history?sku=${encodeURIComponent(code)}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items as Record<string, unknown>[];
}

const count = (rows: unknown[], token = operator) => s.call('POST', '/api/stock/counts', { rows }, { token });

describe('stock changes and their history', () => {
  it('a count, an adjustment and a transfer each write history: who, why, kind, before → after', async () => {
    const sku = await makeSku(s.deps.db);
    const store = await makeWarehouse(s.deps.db, { kind: 'store' });
    const fresh = await stockOf(sku.code);
    assert.deepEqual([fresh.on_hand, fresh.allocated, fresh.available, fresh.version], [0, 0, 0, 0]);

    const counted = await count([{ sku_code: sku.code, warehouse_code: 'MAIN', on_hand: 40, version: 0, reason: '11월 실사' }]);
    assert.equal(counted.status, 200, JSON.stringify(counted.body));
    assert.equal(counted.body.applied, 1);
    assert.equal(counted.body.results[0].stock.on_hand, 40);
    assert.equal(counted.body.results[0].stock.version, 1);

    const adjusted = await s.call('POST', '/api/stock/adjustments', { sku_code: sku.code, delta: -3, reason: '파손' }, { token: operator });
    assert.equal(adjusted.status, 201, JSON.stringify(adjusted.body));
    assert.equal(adjusted.body.stock.on_hand, 37);
    assert.equal(adjusted.body.stock.warehouse_code, 'MAIN');

    const moved = await s.call(
      'POST',
      '/api/stock/transfers',
      { sku_code: sku.code, from_warehouse: 'MAIN', to_warehouse: store.code, quantity: 7, reason: '매장 진열' },
      { token: operator },
    );
    assert.equal(moved.status, 201, JSON.stringify(moved.body));
    assert.equal(moved.body.from.on_hand, 30);
    assert.equal(moved.body.to.on_hand, 7);

    const history = await historyOf(sku.code);
    const me = (await s.call('GET', '/api/auth/me', undefined, { token: operator })).body;
    const pick = (h: Record<string, unknown>) => [h.kind, h.warehouse_code, h.on_hand_before, h.on_hand_after, h.reason, h.actor_type, h.actor_id];
    // Newest first.
    assert.deepEqual(history.map(pick), [
      ['transfer_in', store.code, 0, 7, '매장 진열', 'user', me.id],
      ['transfer_out', 'MAIN', 37, 30, '매장 진열', 'user', me.id],
      ['adjust', 'MAIN', 40, 37, '파손', 'user', me.id],
      ['count', 'MAIN', 0, 40, '11월 실사', 'user', me.id],
    ]);
    assert.ok(history.every((h) => h.actor_name === me.username && typeof h.at === 'string'));
    assert.ok(moved.body.transfer_id.startsWith(`${ID_PREFIX.transfer}_`), moved.body.transfer_id);
    assert.equal(history[0]!.transfer_id, moved.body.transfer_id);
    assert.equal(history[1]!.transfer_id, moved.body.transfer_id);
    assert.equal(history[2]!.transfer_id, null);
    // Every stock row of the SKU is accounted for by its history: on-hand is the last entry's after.
    const rows = await s.deps.db('stock').where({ sku_id: sku.id });
    for (const row of rows) {
      const last = await s.deps.db('stock_history').where({ sku_id: sku.id, warehouse_id: row.warehouse_id }).orderBy('id', 'desc').first();
      assert.equal(last.on_hand_after, row.on_hand);
    }
    // The history filters by warehouse too.
    const atStore = await s.call('GET', `/api/stock/history?sku=${sku.code}&warehouse=${store.code}`);
    assert.deepEqual(
      atStore.body.items.map((h: { kind: string }) => h.kind),
      ['transfer_in'],
    );
  });

  it('a count that equals the stock writes nothing; the history pages newest first', async () => {
    const sku = await makeSku(s.deps.db);
    for (const n of [5, 6, 7]) assert.equal((await count([{ sku_code: sku.code, on_hand: n, reason: '실사' }])).body.applied, 1);
    const same = await count([{ sku_code: sku.code, on_hand: 7, reason: '실사' }]);
    assert.deepEqual(same.body.results[0].code, 'unchanged');
    const first = await s.call('GET', `/api/stock/history?sku=${sku.code}&limit=2`);
    assert.deepEqual(
      first.body.items.map((h: { on_hand_after: number }) => h.on_hand_after),
      [7, 6],
    );
    const next = await s.call('GET', `/api/stock/history?sku=${sku.code}&limit=2&cursor=${first.body.next_cursor}`);
    assert.deepEqual(
      next.body.items.map((h: { on_hand_after: number }) => h.on_hand_after),
      [5],
    );
    assert.equal(next.body.next_cursor, null);
  });
});

describe('counts (the 재고 sheet push)', () => {
  it('a stale row is refused with the reason and the current stock; the good rows of the same push apply', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    await count([
      { sku_code: a.code, on_hand: 10, reason: '입고' },
      { sku_code: b.code, on_hand: 10, reason: '입고' },
    ]);
    const seenA = await stockOf(a.code);
    const seenB = await stockOf(b.code);
    // Another operator adjusts A after the sheet was pulled.
    assert.equal((await s.call('POST', '/api/stock/adjustments', { sku_code: a.code, delta: 2, reason: '반품 입고' })).status, 201);
    const pushed = await count([
      { sku_code: a.code, warehouse_code: 'MAIN', on_hand: 8, version: seenA.version, expected_on_hand: seenA.on_hand, reason: '실사' },
      { sku_code: b.code, warehouse_code: 'MAIN', on_hand: 9, version: seenB.version, expected_on_hand: seenB.on_hand, reason: '실사' },
    ]);
    assert.equal(pushed.status, 200);
    const [ra, rb] = pushed.body.results;
    assert.equal(ra.result, 'refused');
    assert.equal(ra.code, 'stale');
    assert.match(ra.message, /on hand is now 12/);
    assert.equal(ra.stock.on_hand, 12);
    assert.equal(rb.result, 'applied');
    assert.equal((await stockOf(a.code)).on_hand, 12, 'the adjustment made meanwhile is kept');
    assert.equal((await stockOf(b.code)).on_hand, 9);
    // The on-hand alone (no version) is checked too.
    const byOnHand = await count([{ sku_code: a.code, on_hand: 1, expected_on_hand: 10, reason: '실사' }]);
    assert.equal(byOnHand.body.results[0].code, 'stale');
  });

  it('a negative count, a missing reason, an unknown code or warehouse refuse only their row, naming the field', async () => {
    const sku = await makeSku(s.deps.db);
    const res = await count([
      { sku_code: sku.code, on_hand: -1, reason: '실사' },
      { sku_code: sku.code, warehouse_code: 'NOPE', on_hand: 1, reason: '실사' },
      { sku_code: 'NO-SUCH-SKU', on_hand: 1, reason: '실사' },
      { sku_code: sku.code, on_hand: 3, reason: '  ' },
      { sku_code: sku.code, on_hand: 4, reason: '실사' },
      { sku_code: sku.code, warehouse_code: 'main', on_hand: 5, reason: '실사' },
      // A mistyped count or a pasted essay refuses its row, not the push (the whole 재고 sheet push was a 400).
      { sku_code: sku.code, on_hand: 99_999_999_999, reason: '실사' },
      { sku_code: sku.code, on_hand: 6, reason: '사'.repeat(600) },
    ]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const pick = (r: { result: string; code?: string; field?: string }) => [r.result, r.code, r.field];
    assert.deepEqual(res.body.results.map(pick), [
      ['refused', 'negative_count', 'on_hand'],
      ['refused', 'unknown_warehouse', 'warehouse_code'],
      ['refused', 'unknown_sku', 'sku_code'],
      ['refused', 'reason_required', 'reason'],
      ['applied', undefined, undefined],
      ['refused', 'duplicate_row', undefined],
      ['refused', 'count_too_large', 'on_hand'],
      ['refused', 'reason_too_long', 'reason'],
    ]);
    assert.match(res.body.results[0].message, /^on_hand: /);
    assert.equal(res.body.applied, 1);
    assert.equal((await stockOf(sku.code)).on_hand, 4);
    assert.equal((await historyOf(sku.code)).length, 1, 'refused rows write nothing');
    // In Korean too, the count named as the stock sheet's column the operator typed it in, not the 현재고 beside it.
    const ko = await s.call('POST', '/api/stock/counts', { rows: [{ sku_code: sku.code, on_hand: -2, reason: '실사' }] }, { lang: 'ko' });
    assert.match(ko.body.results[0].message, /^새 수량: 재고 수량은 0 이상/);
  });

  it('viewers read stock but cannot change it', async () => {
    const sku = await makeSku(s.deps.db);
    assert.equal((await s.call('GET', '/api/stock', undefined, { token: viewer })).status, 200);
    assert.equal((await count([{ sku_code: sku.code, on_hand: 1, reason: 'x' }], viewer)).status, 403);
    assert.equal((await s.call('POST', '/api/stock/adjustments', { sku_code: sku.code, delta: 1, reason: 'x' }, { token: viewer })).status, 403);
  });
});

describe('adjustments and transfers', () => {
  it('an adjustment may not take on-hand below zero, and needs a reason', async () => {
    const sku = await makeSku(s.deps.db);
    await count([{ sku_code: sku.code, on_hand: 2, reason: '실사' }]);
    const below = await s.call('POST', '/api/stock/adjustments', { sku_code: sku.code, delta: -3, reason: '파손' });
    assert.equal(below.status, 409);
    assert.equal(below.body.error.code, 'negative_on_hand');
    assert.equal(below.body.error.details[0].field, 'delta');
    const noReason = await s.call('POST', '/api/stock/adjustments', { sku_code: sku.code, delta: 1, reason: '' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.details[0].field, 'reason');
    const unknown = await s.call('POST', '/api/stock/adjustments', { sku_code: 'NO-SUCH', delta: 1, reason: 'x' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.details[0].field, 'sku_code');
    assert.equal((await stockOf(sku.code)).on_hand, 2);
  });

  it('transfers keep the total over warehouses and refuse a short source (allocated stock is not available)', async () => {
    const sku = await makeSku(s.deps.db);
    const east = await makeWarehouse(s.deps.db);
    const west = await makeWarehouse(s.deps.db);
    await count([
      { sku_code: sku.code, on_hand: 10, reason: '입고' },
      { sku_code: sku.code, warehouse_code: east.code, on_hand: 4, reason: '입고' },
    ]);
    // Allocation comes with the next issue; 3 allocated in MAIN leaves 7 available.
    await s.deps.db('stock').where({ sku_id: sku.id, warehouse_id: 'wh_default' }).update({ allocated: 3 });
    const total = async () => (await s.deps.db('stock').where({ sku_id: sku.id }).sum({ n: 'on_hand' }))[0]!.n as number;
    const transfer = (from: string, to: string, quantity: number) =>
      s.call('POST', '/api/stock/transfers', { sku_code: sku.code, from_warehouse: from, to_warehouse: to, quantity, reason: '재배치' });
    const short = await transfer('MAIN', west.code, 8);
    assert.equal(short.status, 409);
    assert.equal(short.body.error.code, 'insufficient_stock');
    assert.equal(short.body.error.details[0].field, 'quantity');
    assert.equal(await total(), 14);
    assert.equal((await transfer('MAIN', west.code, 7)).status, 201);
    assert.equal((await transfer(east.code, west.code, 4)).status, 201);
    assert.equal((await transfer(west.code, west.code, 1)).status, 400);
    assert.equal(await total(), 14);
    assert.deepEqual(
      [(await stockOf(sku.code)).available, (await stockOf(sku.code, east.code)).on_hand, (await stockOf(sku.code, west.code)).on_hand],
      [0, 0, 11],
    );
  });

  it('parallel transfers out of one warehouse never take more than it has', async () => {
    const sku = await makeSku(s.deps.db);
    const a = await makeWarehouse(s.deps.db);
    const b = await makeWarehouse(s.deps.db);
    await count([{ sku_code: sku.code, warehouse_code: a.code, on_hand: 10, reason: '입고' }]);
    // Both directions at once, so two transactions lock the same two rows from either end.
    const calls = Array.from({ length: 16 }, (_, i) =>
      s.call('POST', '/api/stock/transfers', {
        sku_code: sku.code,
        from_warehouse: i % 4 === 3 ? b.code : a.code,
        to_warehouse: i % 4 === 3 ? a.code : b.code,
        quantity: 1 + (i % 2),
        reason: '재배치',
      }),
    );
    const results = await Promise.all(calls);
    assert.ok(
      results.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'insufficient_stock')),
      JSON.stringify(results.map((r) => r.status)),
    );
    const rows = await s.deps.db('stock').where({ sku_id: sku.id });
    assert.equal(
      rows.reduce((n, r) => n + r.on_hand, 0),
      10,
    );
    assert.ok(rows.every((r) => r.on_hand >= 0));
    const halves = await s.deps.db('stock_history').where({ sku_id: sku.id }).whereNotNull('transfer_id');
    assert.equal(halves.length, results.filter((r) => r.status === 201).length * 2);
  });
});

describe('the stock list', () => {
  it('lists every SKU in every active warehouse, filters by warehouse, search and nonzero, and pages', async () => {
    const tag = `LST${Date.now().toString(36)}`;
    const skus = [];
    for (let i = 0; i < 3; i++) skus.push(await makeSku(s.deps.db, { code: `${tag}-${i}`, name: `리스트 상품 ${i}` }));
    const wh = await makeWarehouse(s.deps.db);
    await makeWarehouse(s.deps.db, { active: false });
    await count([{ sku_code: skus[1]!.code, warehouse_code: wh.code, on_hand: 3, reason: '입고' }]);
    const all = await s.call('GET', `/api/stock?q=${tag.toLowerCase()}`);
    assert.equal(all.status, 200);
    const warehouses = new Set(all.body.items.map((r: Row) => r.warehouse_code));
    const active = await s.deps.db('warehouses').where({ active: true });
    assert.equal(all.body.items.length, 3 * active.length, 'each SKU in each active warehouse');
    assert.equal(warehouses.size, active.length);
    const nonzero = await s.call('GET', `/api/stock?q=${tag}&nonzero=true`);
    assert.deepEqual(
      nonzero.body.items.map((r: Row) => [r.sku_code, r.warehouse_code, r.on_hand, r.available]),
      [[skus[1]!.code, wh.code, 3, 3]],
    );
    const byName = await s.call('GET', `/api/stock?q=${encodeURIComponent('리스트 상품 2')}&warehouse=main`);
    assert.deepEqual(
      byName.body.items.map((r: Row) => r.sku_code),
      [skus[2]!.code],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Row[]; next_cursor: string | null } } = await s.call(
        'GET',
        `/api/stock?q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((r) => `${r.sku_code}@${r.warehouse_code}`));
      cursor = page.body.next_cursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.body.items.map((r: Row) => `${r.sku_code}@${r.warehouse_code}`),
    );
    // A wildcard in the search is a character, not a pattern.
    assert.equal((await s.call('GET', `/api/stock?q=${encodeURIComponent('%')}`)).body.items.length, 0);
    assert.equal((await s.call('GET', '/api/stock?cursor=nonsense')).status, 400);
  });
});
