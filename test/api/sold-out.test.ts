// Sold-out (품절, seed 004): a forced sold-out SKU flags its waiting lines, the list shows them with their SKUs'
// stock, and 품절해제 releases them once the SKU is active again and the stock covers them — per line, with history.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { flagSoldOut, refreshSoldOut } from '../../server/modules/sold-out/sold-out.service.ts';
import { makeOrder, makeSku, makeWarehouse, putStock, setLineSkus } from '../helpers/builders.ts';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const system = { type: 'system', id: null } as const;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

/** An order of one line needing `skus`, in `status`. */
async function lineNeeding(skus: { id: string; code: string; quantity?: number }[], o: { status?: string; quantity?: number } = {}) {
  const order = await makeOrder(s.deps.db, { status: o.status ?? 'NEW', quantity: o.quantity ?? 1 });
  await setLineSkus(s.deps.db, order.lineIds[0]!, skus);
  return { orderId: order.id, lineId: order.lineIds[0]! };
}

const lineRow = (id: string) => s.deps.db('order_lines').where({ id }).first();
const orderRow = (id: string) => s.deps.db('orders').where({ id }).first();
const history = (id: string, action: string) => s.deps.db('status_history').where({ entity_id: id, action }).orderBy('id');
const setStatus = (skuId: string, status: string) => s.deps.db('skus').where({ id: skuId }).update({ status });

describe('sold-out flag, list and release', () => {
  it('a forced sold-out SKU flags its waiting lines (not shipped ones, not lines of other SKUs), once, with versions and history', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    const fresh = await lineNeeding([a], { status: 'PAID' });
    const ready = await lineNeeding([a, b], { status: 'READY' });
    const waiting = await lineNeeding([a], { status: 'NEW' });
    const shipped = await lineNeeding([a], { status: 'SHIPPED' });
    const other = await lineNeeding([b], { status: 'NEW' });

    // Active SKUs flag nothing.
    assert.deepEqual(await refreshSoldOut(s.deps.db, [a.id, b.id], system), []);
    await setStatus(a.id, 'sold_out');
    const flagged = await refreshSoldOut(s.deps.db, [a.id, b.id], system);
    assert.deepEqual(flagged.sort(), [fresh.lineId, ready.lineId, waiting.lineId].sort());

    for (const l of [fresh, ready, waiting]) {
      const line = await lineRow(l.lineId);
      assert.equal(!!line.sold_out, true);
      assert.equal(line.version, 2);
      assert.equal((await orderRow(l.orderId)).version, 2);
      const rows = await history(l.lineId, 'sold_out');
      assert.equal(rows.length, 1);
      assert.equal(rows[0].from_status, line.status);
      assert.equal(rows[0].to_status, line.status);
      assert.equal(rows[0].actor_type, 'system');
      // Which forced SKU, in the reader's language, as the order detail shows it.
      const flaggedIn = async (lang: 'ko' | 'en') =>
        (await orderHistoryIn(s, l.orderId, lang)).filter((h) => h.entity_id === l.lineId && h.action === 'sold_out').map((h) => h.reason);
      assert.deepEqual(await flaggedIn('ko'), [`강제품절 상품: ${a.code}`]);
      assert.deepEqual(await flaggedIn('en'), [`Products forced sold out: ${a.code}`]);
    }
    for (const l of [shipped, other]) {
      const line = await lineRow(l.lineId);
      assert.equal(!!line.sold_out, false);
      assert.equal(line.version, 1);
    }
    // Again: nothing new to flag, no second history row, no version moved.
    assert.deepEqual(await refreshSoldOut(s.deps.db, [a.id], system), []);
    assert.equal((await history(fresh.lineId, 'sold_out')).length, 1);
    assert.equal((await lineRow(fresh.lineId)).version, 2);

    // The flag blocks the release of its order (shared/lifecycle.ts ACTION_RULES).
    const order = await s.call('GET', `/api/orders/${waiting.orderId}`);
    const res = await s.call('POST', '/api/transitions', {
      action: 'release',
      items: [{ id: waiting.lineId, version: order.body.lines[0].version }],
    });
    assert.equal(res.body.results[0].result, 'refused');
    assert.equal(res.body.results[0].code, 'blocked');
  });

  it('a line matched to a forced sold-out SKU is flagged too: when it comes in, and when the operator saves its match', async () => {
    const sku = await makeSku(s.deps.db, { status: 'sold_out' });
    const channel = `품절매칭${sku.code}`;
    // A product + option matched before the SKU sold out; a new order of it comes in (a direct order, as a collect).
    const saved = await s.call('POST', '/api/matching/matches', {
      matches: [{ channel_key: `direct:${channel}`, product_key: '품절 텀블러', option_key: '', items: [{ sku_code: sku.code, quantity: 1 }] }],
    });
    assert.equal(saved.body.results[0].result, 'saved', JSON.stringify(saved.body));
    const direct = await s.call('POST', '/api/orders/direct', {
      orderer_name: '동대문 상회',
      channel_name: channel,
      total_amount: 9000,
      product_name: '품절 텀블러',
    });
    assert.equal(direct.status, 201, JSON.stringify(direct.body));
    const [line] = await s.deps.db('order_lines').where({ order_id: direct.body.id });
    assert.deepEqual([line.sku_code, !!line.sold_out], [sku.code, true]);
    const flaggedIn = async (lang: 'ko' | 'en') => (await orderHistoryIn(s, direct.body.id, lang)).find((h) => h.action === 'sold_out')?.reason;
    assert.equal(await flaggedIn('ko'), `강제품절 상품: ${sku.code}`);
    assert.equal(await flaggedIn('en'), `Products forced sold out: ${sku.code}`);

    // A waiting line matched now, in the 매칭 sheet, to the forced sold-out SKU.
    const waiting = await makeOrder(s.deps.db, { status: 'NEW', channel: `${channel}몰`, products: ['품절 머그'] });
    const matched = await s.call('POST', '/api/matching/matches', {
      matches: [{ channel_key: `mall:${channel}몰`, product_key: 'P1000', option_key: '색상: 화이트', items: [{ sku_code: sku.code, quantity: 2 }] }],
    });
    assert.equal(matched.body.results[0].lines_matched, 1, JSON.stringify(matched.body));
    assert.deepEqual([(await lineRow(waiting.lineIds[0]!)).sku_code, !!(await lineRow(waiting.lineIds[0]!)).sold_out], [`${sku.code}×2`, true]);
  });

  it('the list shows flagged lines with their SKUs, stock available over warehouses and why they cannot be released', async () => {
    const sku = await makeSku(s.deps.db, { status: 'sold_out' });
    const { id: store } = await makeWarehouse(s.deps.db, { code: `ST-${sku.code}`, kind: 'store' });
    await putStock(s.deps.db, sku.id, 5, { allocated: 2 });
    await putStock(s.deps.db, sku.id, 4, { warehouseId: store });
    const l = await lineNeeding([{ ...sku, quantity: 2 }], { quantity: 3 });
    await refreshSoldOut(s.deps.db, [sku.id], system);

    const viewer = await s.tokenFor('viewer');
    const res = await s.call('GET', '/api/sold-out?limit=500', undefined, { token: viewer, lang: 'ko' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const item = res.body.items.find((i: { line_id: string }) => i.line_id === l.lineId);
    assert.ok(item, 'the flagged line is listed');
    assert.equal(res.body.count, res.body.items.length);
    assert.equal(item.order_id, l.orderId);
    assert.equal(item.quantity, 3);
    assert.equal(item.sku_code, `${sku.code}×2`);
    assert.deepEqual(
      item.skus.map((k: Record<string, unknown>) => [k.code, k.status, k.needed, k.available]),
      [[sku.code, 'sold_out', 6, 7]],
    );
    assert.equal(item.releasable, false);
    assert.equal(item.code, 'sku_sold_out');
    assert.match(item.message, /강제품절/);

    // A flagged line canceled since needs no stock fix: it leaves the list and its count, as the board's 품절 does.
    await s.deps.db('order_lines').where({ id: l.lineId }).update({ status: 'CANCELED' });
    const after = await s.call('GET', '/api/sold-out?limit=500', undefined, { token: viewer });
    assert.ok(!after.body.items.some((i: { line_id: string }) => i.line_id === l.lineId), 'a canceled line is not listed');
    assert.equal(after.body.count, res.body.count - 1);
  });

  it('release is refused while the SKU is forced sold-out or stock is short, and releases once both are fixed', async () => {
    const sku = await makeSku(s.deps.db, { status: 'sold_out' });
    await putStock(s.deps.db, sku.id, 1);
    const l = await lineNeeding([sku], { quantity: 2 });
    await refreshSoldOut(s.deps.db, [sku.id], system);
    const operator = await s.tokenFor('operator');
    const release = (token = operator, reason = '재고 입고') =>
      s.call('POST', '/api/sold-out/release', { line_ids: [l.lineId], reason }, { token, lang: 'ko' });

    let res = await release();
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.released, res.body.refused, res.body.results[0].code], [0, 1, 'sku_sold_out']);

    await setStatus(sku.id, 'active');
    res = await release(operator);
    assert.equal(res.body.results[0].code, 'stock_short');
    assert.match(res.body.results[0].message, /필요 2, 가용 1/);
    const en = await s.call('POST', '/api/sold-out/release', { line_ids: [l.lineId], reason: 'x' }, { token: operator, lang: 'en' });
    assert.match(en.body.results[0].message, /needs 2, 1 available/);
    assert.equal(!!(await lineRow(l.lineId)).sold_out, true);

    await putStock(s.deps.db, sku.id, 2);
    res = await release();
    assert.deepEqual(res.body.results, [{ line_id: l.lineId, result: 'released', line_version: 3 }]);
    const line = await lineRow(l.lineId);
    assert.deepEqual([!!line.sold_out, line.version, (await orderRow(l.orderId)).version], [false, 3, 3]);
    const rows = await history(l.lineId, 'release_sold_out');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].reason, '재고 입고');
    assert.equal(rows[0].actor_type, 'user');
    assert.ok(rows[0].actor_id);

    // Released already: asked again, it says so; an unknown id is not found.
    res = await release();
    assert.equal(res.body.results[0].code, 'not_sold_out');
    res = await s.call('POST', '/api/sold-out/release', { line_ids: ['lin_nope'], reason: 'x' }, { token: operator });
    assert.equal(res.body.results[0].code, 'not_found');
  });

  it('releasing all counts stock released to one line against the next (oldest order first)', async () => {
    const sku = await makeSku(s.deps.db, { status: 'sold_out' });
    const first = await lineNeeding([sku], { quantity: 2 });
    const second = await lineNeeding([sku], { quantity: 2 });
    await refreshSoldOut(s.deps.db, [sku.id], system);
    await setStatus(sku.id, 'active');
    await putStock(s.deps.db, sku.id, 3);
    // Lines of earlier tests are still flagged and not coverable: they are refused, these two are decided by stock.
    const res = await s.call('POST', '/api/sold-out/release', { reason: '재고 조정' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const of = (id: string) => res.body.results.find((r: { line_id: string }) => r.line_id === id);
    assert.equal(of(first.lineId).result, 'released');
    assert.equal(of(second.lineId).result, 'refused');
    assert.equal(of(second.lineId).code, 'stock_short');
    assert.equal(res.body.released + res.body.refused, res.body.results.length);
    const list = await s.call('GET', '/api/sold-out');
    assert.ok(!list.body.items.some((i: { line_id: string }) => i.line_id === first.lineId));
    assert.ok(list.body.items.some((i: { line_id: string }) => i.line_id === second.lineId));
  });

  /** `n` lines of one unit each needing a fresh SKU, flagged by forcing it sold out, then the SKU active with `stock` on hand. */
  async function releasableAgainst(n: number, stock: number) {
    const sku = await makeSku(s.deps.db, { status: 'sold_out' });
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push((await lineNeeding([sku])).lineId);
    await refreshSoldOut(s.deps.db, [sku.id], system);
    await setStatus(sku.id, 'active');
    await putStock(s.deps.db, sku.id, stock);
    return { sku, lines };
  }
  const releaseLines = (lineIds: string[], token?: string) =>
    s.call('POST', '/api/sold-out/release', { line_ids: lineIds, reason: '재고 실사' }, { lang: 'ko', ...(token ? { token } : {}) });
  const listed = async (lineIds: string[]) => {
    const list = await s.call('GET', '/api/sold-out?limit=500');
    return list.body.items.filter((i: { line_id: string }) => lineIds.includes(i.line_id));
  };

  it('a second release counts the stock lines released before still take (no allocation yet): nothing more is released', async () => {
    const { sku, lines } = await releasableAgainst(5, 3);
    let res = await releaseLines(lines);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.released, res.body.refused], [3, 2]);
    // What the SKU has left after the release, for the cards of the lines released.
    assert.deepEqual(res.body.stock, [{ sku_id: sku.id, available: 0 }]);
    const leftover = res.body.results.filter((r: { result: string }) => r.result === 'refused').map((r: { line_id: string }) => r.line_id);
    assert.match(res.body.results.find((r: { result: string }) => r.result === 'refused').message, /필요 1, 가용 0/);

    // The list says the same: the 3 units are taken by the lines released, none is left for these.
    const items = await listed(leftover);
    assert.deepEqual(
      items.map((i: { skus: { available: number }[]; releasable: boolean; code: string }) => [i.skus[0]!.available, i.releasable, i.code]),
      [
        [0, false, 'stock_short'],
        [0, false, 'stock_short'],
      ],
    );

    // Pressed again (all, or the leftovers by id): nothing is released against the same stock.
    res = await releaseLines(leftover);
    assert.deepEqual([res.body.released, res.body.refused], [0, 2]);
    assert.match(res.body.results[0].message, /필요 1, 가용 0/);
    res = await s.call('POST', '/api/sold-out/release', { reason: '재고 실사' });
    assert.ok(!res.body.results.some((r: { line_id: string; result: string }) => leftover.includes(r.line_id) && r.result === 'released'));

    // A released line canceled since takes nothing: its unit is there for one leftover.
    const released = lines.filter((id) => !leftover.includes(id));
    await s.deps.db('order_lines').where({ id: released[0] }).update({ status: 'CANCELED' });
    assert.deepEqual(
      (await listed(leftover)).map((i: { skus: { available: number }[]; releasable: boolean }) => [i.skus[0]!.available, i.releasable]),
      [
        [1, true],
        [1, true],
      ],
    );
    res = await releaseLines(leftover);
    assert.deepEqual([res.body.released, res.body.refused], [1, 1]);
    assert.deepEqual(res.body.stock, [{ sku_id: sku.id, available: 0 }]);
  });

  it('two operators releasing at once release no more than the stock covers between them', async () => {
    const { lines } = await releasableAgainst(4, 3);
    const [a, b] = [await s.tokenFor('operator'), await s.tokenFor('operator')];
    const [one, two] = await Promise.all([releaseLines(lines.slice(0, 2), a), releaseLines(lines.slice(2), b)]);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal(two.status, 200, JSON.stringify(two.body));
    assert.equal(one.body.released + two.body.released, 3);
    const flagged = await s.deps.db('order_lines').whereIn('id', lines).where({ sold_out: true });
    assert.equal(flagged.length, 1);
  });

  it('flagSoldOut (what allocation will call) flags the lines given once; a line needing no SKU is releasable', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW' });
    const id = o.lineIds[0]!;
    assert.deepEqual(await flagSoldOut(s.deps.db, [id], system, '재고할당 불가'), [id]);
    assert.deepEqual(await flagSoldOut(s.deps.db, [id], system, '재고할당 불가'), []);
    const rows = await history(id, 'sold_out');
    assert.deepEqual(
      rows.map((r: { reason: string }) => r.reason),
      ['재고할당 불가'],
    );
    const list = await s.call('GET', '/api/sold-out?limit=500');
    const item = list.body.items.find((i: { line_id: string }) => i.line_id === id);
    assert.deepEqual([item.skus, item.releasable], [[], true]);
    const res = await s.call('POST', '/api/sold-out/release', { line_ids: [id], reason: '확인' });
    assert.equal(res.body.results[0].result, 'released');
  });

  it('only operators release, with a reason; the list pages by cursor', async () => {
    const viewer = await s.tokenFor('viewer');
    let res = await s.call('POST', '/api/sold-out/release', { reason: 'x' }, { token: viewer });
    assert.equal(res.status, 403);
    res = await s.call('POST', '/api/sold-out/release', { line_ids: ['lin_x'] });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.body), /reason/);

    const one = await s.call('GET', '/api/sold-out?limit=1');
    assert.equal(one.body.items.length, 1);
    assert.ok(one.body.next_cursor);
    const two = await s.call('GET', `/api/sold-out?limit=1&cursor=${one.body.next_cursor}`);
    assert.notEqual(two.body.items[0].line_id, one.body.items[0].line_id);
    res = await s.call('GET', '/api/sold-out?cursor=bad');
    assert.equal(res.status, 400);
  });
});
