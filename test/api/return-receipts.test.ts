// 반품 입고 (returns received): returned and exchanged lines are listed until their goods come back; sellable goods
// go back on a warehouse's shelf (SKU × quantity, history return_in), defective ones move no stock; once per line,
// each line whole or not at all, refusals named per line.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { makeOrder, makeSku, makeWarehouse, putStock, setLineSkus } from '../helpers/builders.ts';
import { orderHistoryIn, stockHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(() => s.close());

/** A shipped order (quantity as given) whose line is then claimed for a return (requested; completed with `completed`). */
async function returned(o: { quantity?: number; skus?: { id: string; code: string; quantity?: number }[]; completed?: boolean; type?: string } = {}) {
  const made = await makeOrder(s.deps.db, { status: 'SHIPPED', quantity: o.quantity ?? 1 });
  if (o.skus) await setLineSkus(s.deps.db, made.lineIds[0]!, o.skus);
  const step = async (body: Record<string, unknown>) => {
    const line = await s.deps.db('order_lines').where({ id: made.lineIds[0] }).first();
    const res = await s.call('POST', '/api/transitions', { ...body, items: [{ id: line.id, version: line.version }] });
    assert.equal(res.body.applied, 1, JSON.stringify(res.body));
  };
  await step({ action: 'claim', claim_type: o.type ?? 'return', claim_state: 'requested', reason: '단순 변심' });
  if (o.completed) await step({ action: 'complete_claim' });
  return { orderId: made.id, lineId: made.lineIds[0]! };
}

const stockOf = async (skuId: string, warehouseId = 'wh_default') =>
  Number((await s.deps.db('stock').where({ sku_id: skuId, warehouse_id: warehouseId }).first())?.on_hand ?? 0);
const receive = (body: Record<string, unknown>, lang = 'ko') => s.call('POST', '/api/cs/returns/receive', body, { lang });
const listed = async () => ((await s.call('GET', '/api/cs/returns')).body.items as { line_id: string; type: string }[]).map((i) => i.line_id);

describe('반품 입고', () => {
  it('lists returns and exchanges until received; sellable goods go back on the shelf, SKU × quantity, with history', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 10);
    await putStock(s.deps.db, b.id, 0);
    const set = await returned({ quantity: 2, skus: [a, { ...b, quantity: 3 }], completed: true });
    const exchange = await returned({ skus: [a], type: 'exchange' });
    const open = await makeOrder(s.deps.db, { status: 'SHIPPED' });
    const list = await listed();
    assert.ok(list.includes(set.lineId) && list.includes(exchange.lineId));
    assert.ok(!list.includes(open.lineIds[0]!), 'a line with no return is not listed');
    // Each row names the SKU(s) the warehouse looks for on the parcel.
    const items = (await s.call('GET', '/api/cs/returns')).body.items as { line_id: string; sku_code: string | null }[];
    assert.equal(items.find((i) => i.line_id === exchange.lineId)?.sku_code, a.code);

    const res = await receive({ condition: 'sellable', line_ids: [set.lineId, exchange.lineId], note: '박스 훼손 없음' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.received, 2);
    assert.deepEqual(
      res.body.results.map((r: { result: string }) => r.result),
      ['received', 'received'],
    );
    assert.equal(res.body.results[0].message, '정상 입고: MAIN 창고 재고 +8');
    assert.equal(await stockOf(a.id), 10 + 2 + 1);
    assert.equal(await stockOf(b.id), 6);
    const history = await s.deps.db('stock_history').where({ batch_id: res.body.batch_id }).orderBy('sku_id');
    assert.deepEqual(
      history.map((h: any) => [h.kind, Number(h.on_hand_after) - Number(h.on_hand_before)]).sort(),
      [
        ['return_in', 3],
        ['return_in', 6],
      ].sort(),
    );
    // The order detail and the stock history say it in the reader's language, the operator's note as typed.
    const receivedIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, set.orderId, lang)).filter((h) => h.entity_id === set.lineId && h.action === 'return_received').map((h) => h.reason);
    assert.deepEqual(await receivedIn('ko'), ['반품 입고: 정상 (MAIN) — 박스 훼손 없음']);
    assert.deepEqual(await receivedIn('en'), ['Return received: sellable (MAIN) — 박스 훼손 없음']);
    assert.equal((await stockHistoryIn(s, a.code, 'ko'))[0]!.reason, '반품 입고: 정상 (MAIN)');
    assert.equal((await stockHistoryIn(s, a.code, 'en'))[0]!.reason, 'Return received: sellable (MAIN)');
    assert.deepEqual(await listed(), [], 'received lines leave the list');

    // Once per line: a second receipt is refused, naming when and how it came back, and moves nothing.
    const again = await receive({ condition: 'sellable', line_ids: [set.lineId] }, 'en');
    assert.equal(again.body.results[0].code, 'already_received');
    assert.match(again.body.results[0].message, /already received \(.+, sellable\)/);
    assert.equal(await stockOf(a.id), 13);
  });

  it('defective goods move no stock; a line not being returned, unknown or named twice is refused on its own', async () => {
    const sku = await makeSku(s.deps.db);
    await putStock(s.deps.db, sku.id, 4);
    const r = await returned({ skus: [sku] });
    const shipped = await makeOrder(s.deps.db, { status: 'SHIPPED' });
    const res = await receive({ condition: 'defective', line_ids: [r.lineId, shipped.lineIds[0], 'lin_nope', r.lineId] }, 'en');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((x: { result: string; code?: string }) => x.code ?? x.result),
      ['received', 'not_returning', 'not_found', 'duplicate_item'],
    );
    assert.equal(res.body.results[0].message, 'Received defective (no stock moved)');
    assert.match(res.body.results[1].message, /now Shipped/);
    assert.equal(await stockOf(sku.id), 4);
    const receipt = await s.deps.db('return_receipts').where({ line_id: r.lineId }).first();
    assert.deepEqual([receipt.condition, receipt.warehouse_id], ['defective', null]);
    const receivedIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, r.orderId, lang)).filter((h) => h.action === 'return_received').map((h) => h.reason);
    assert.deepEqual(await receivedIn('ko'), ['반품 입고: 불량']);
    assert.deepEqual(await receivedIn('en'), ['Return received: defective']);
  });

  it('the same line received by three operators at once: received once, the others refused as received already (PostgreSQL answered 500)', async () => {
    const sku = await makeSku(s.deps.db);
    await putStock(s.deps.db, sku.id, 4);
    const r = await returned({ skus: [sku] });
    const answers = await Promise.all([1, 2, 3].map(() => receive({ condition: 'sellable', line_ids: [r.lineId] }, 'en')));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200],
      JSON.stringify(answers.map((a) => a.body)),
    );
    assert.deepEqual(answers.map((a) => a.body.results[0].code ?? a.body.results[0].result).sort(), [
      'already_received',
      'already_received',
      'received',
    ]);
    assert.equal(await stockOf(sku.id), 5);
  });

  it('goes to the warehouse named; refuses an unknown one naming the field; an unmatched line only as defective', async () => {
    const sku = await makeSku(s.deps.db);
    const store = await makeWarehouse(s.deps.db, { code: 'STORE2' });
    await putStock(s.deps.db, sku.id, 1);
    const r = await returned({ skus: [sku] });
    const unmatched = await returned();

    const bad = await receive({ condition: 'sellable', warehouse: 'NOPE', line_ids: [r.lineId] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /^창고: NOPE(은|는) 없거나 쓰지 않는 창고입니다/);
    assert.equal(
      await s.deps
        .db('return_receipts')
        .count({ n: '*' })
        .first()
        .then((x: any) => Number(x.n)),
      0,
    );

    const res = await receive({ condition: 'sellable', warehouse: 'store2', line_ids: [r.lineId, unmatched.lineId] });
    assert.deepEqual(
      res.body.results.map((x: { code?: string; result: string }) => x.code ?? x.result),
      ['received', 'no_skus'],
    );
    assert.equal(await stockOf(sku.id, store.id), 1);
    assert.equal(await stockOf(sku.id), 1, 'the default warehouse is untouched');
    const defective = await receive({ condition: 'defective', line_ids: [unmatched.lineId] });
    assert.equal(defective.body.received, 1);
  });

  it('a SKU whose stock nobody keeps moves nothing, and says so', async () => {
    const sku = await makeSku(s.deps.db);
    const r = await returned({ skus: [sku] });
    const res = await receive({ condition: 'sellable', line_ids: [r.lineId] });
    assert.equal(res.body.results[0].message, '정상 입고 (재고를 관리하지 않는 SKU라 재고 변동 없음)');
    assert.equal(await s.deps.db('stock').where({ sku_id: sku.id }).first(), undefined);
  });

  it('a return whose goods were received is not restored to shipped (주문복원 refused, saying why)', async () => {
    const r = await returned();
    const other = await returned();
    assert.equal((await receive({ condition: 'defective', line_ids: [r.lineId] })).body.received, 1);
    const items = await Promise.all(
      [r.lineId, other.lineId].map(async (id) => ({ id, version: Number((await s.deps.db('order_lines').where({ id }).first()).version) })),
    );
    const res = await s.call('POST', '/api/transitions', { action: 'restore', items }, { lang: 'ko' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((x: { result: string; code?: string }) => x.code ?? x.result),
      ['blocked', 'applied'],
    );
    assert.match(res.body.results[0].message, /돌아온 상품이 이미 입고되었습니다 \(.+\)\. 입고된 상품은 주문복원할 수 없습니다/);
    assert.equal((await s.deps.db('order_lines').where({ id: r.lineId }).first()).status, 'RETURN_REQUESTED');
    assert.equal((await s.deps.db('order_lines').where({ id: other.lineId }).first()).status, 'SHIPPED');
  });

  it('viewers may list but not receive', async () => {
    const viewer = await s.tokenFor('viewer');
    assert.equal((await s.call('GET', '/api/cs/returns', undefined, { token: viewer })).status, 200);
    const r = await returned();
    assert.equal((await s.call('POST', '/api/cs/returns/receive', { condition: 'defective', line_ids: [r.lineId] }, { token: viewer })).status, 403);
  });
});
