// Stock allocation (재고할당, seeds 002/003): each policy and order rule on crafted stock, the 선배송 split and the
// sold-out flag, held orders per setting, preview → apply → undo leaving the database as before, a preview whose
// versions moved refused, and two applies at once never allocating the same unit twice.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { unpackText } from '../../server/db/packed-text.ts';
import { PLANS_KEPT } from '../../server/modules/allocation/kept-plans.ts';
import { settleStock } from '../../server/modules/allocation/settle.ts';
import { makeOrder, makeSku, makeWarehouse, putInBox, putStock, setLineSkus } from '../helpers/builders.ts';
import { tableSnapshot } from '../helpers/db-snapshot.ts';
import { orderHistoryIn, stockHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeEach(async () => {
  s = await startTestServer();
});
afterEach(() => s.close());

type Sku = { id: string; code: string };

/** A READY order whose lines need the given SKUs (one line per entry, `quantity` units each). */
async function order(lines: { sku: Sku; quantity?: number; perUnit?: number }[], o: { paidAt?: string; channel?: string; unitPrice?: number } = {}) {
  const made = await makeOrder(s.deps.db, { status: 'READY', lines: lines.length, ...o });
  for (const [i, l] of lines.entries()) {
    await setLineSkus(s.deps.db, made.lineIds[i]!, [{ ...l.sku, quantity: l.perUnit ?? 1 }]);
    await s.deps
      .db('order_lines')
      .where({ id: made.lineIds[i]! })
      .update({ quantity: l.quantity ?? 1 });
  }
  return made;
}

const preview = async (body: Record<string, unknown>) => {
  const res = await s.call('POST', '/api/allocation/preview', body);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};
const outcome = (p: any, orderId: string) => p.rows.find((r: any) => r.order_id === orderId)?.outcome;
const stockOf = (skuId: string, warehouseId = 'wh_default') => s.deps.db('stock').where({ sku_id: skuId, warehouse_id: warehouseId }).first();
const daysAgo = (n: number) => new Date(Date.now() - n * 86400000).toISOString();

describe('allocation policies and order', () => {
  it('완배송 holds stock back for an incomplete order ahead; 일괄배송 lets the next order take it', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 3);
    const first = await order([{ sku: a, quantity: 2 }, { sku: b }], { paidAt: daysAgo(2) });
    const second = await order([{ sku: a, quantity: 2 }], { paidAt: daysAgo(1) });

    const complete = await preview({ policy: 'complete' });
    assert.equal(outcome(complete, first.id), 'none');
    assert.equal(outcome(complete, second.id), 'none');
    const rows = complete.rows.filter((r: any) => r.order_id === first.id);
    assert.deepEqual(rows.map((r: any) => r.line_outcome).sort(), ['short', 'waiting']);

    const together = await preview({ policy: 'together' });
    assert.equal(outcome(together, first.id), 'none');
    assert.equal(outcome(together, second.id), 'full');
    const row = together.rows.find((r: any) => r.order_id === second.id);
    assert.deepEqual([row.need, row.allocated, row.warehouse], [2, 2, 'MAIN']);

    // Apply the 일괄배송 preview: stock allocated with history, the short line flagged sold-out, the waiting one not.
    const applied = await s.call('POST', '/api/allocation/apply', { batch_id: together.batch_id });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal((await stockOf(a.id)).allocated, 2);
    const hist = await s.deps.db('stock_history').where({ sku_id: a.id, kind: 'allocate' });
    assert.equal(hist.length, 1);
    assert.equal(hist[0].batch_id, together.batch_id);
    assert.deepEqual(
      (await s.deps.db('line_allocations').where({ line_id: second.lineIds[0] })).map((r: any) => [r.quantity, r.warehouse_id]),
      [[2, 'wh_default']],
    );
    assert.equal(!!(await s.deps.db('order_lines').where({ id: first.lineIds[1] }).first()).sold_out, true);
    assert.equal(!!(await s.deps.db('order_lines').where({ id: first.lineIds[0] }).first()).sold_out, false);
  });

  it('선배송 allocates what is there and splits the rest into a new order, flagged sold-out; undo merges it back', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 5);
    await putStock(s.deps.db, b.id, 1);
    const o = await order([
      { sku: a, quantity: 2 },
      { sku: b, quantity: 2 },
    ]);
    const p = await preview({ policy: 'available' });
    assert.equal(outcome(p, o.id), 'partial');
    assert.deepEqual(
      p.rows.map((r: any) => r.line_outcome),
      ['allocated', 'split'],
    );
    const applied = await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const [split] = applied.body.splits;
    assert.deepEqual(split.line_ids, [o.lineIds[1]]);
    const moved = await s.deps.db('order_lines').where({ id: o.lineIds[1] }).first();
    assert.equal(moved.order_id, split.new_order_id);
    assert.equal(!!moved.sold_out, true);
    const newOrder = await s.deps.db('orders').where({ id: split.new_order_id }).first();
    assert.equal(newOrder.mall_order_id, (await s.deps.db('orders').where({ id: o.id }).first()).mall_order_id);
    assert.equal((await stockOf(b.id)).allocated, 0);
    assert.equal((await stockOf(a.id)).allocated, 2);

    const undone = await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    const back = await s.deps.db('order_lines').where({ id: o.lineIds[1] }).first();
    assert.equal(back.order_id, o.id);
    assert.equal(!!back.sold_out, false);
    assert.equal(await s.deps.db('orders').where({ id: split.new_order_id }).first(), undefined);
    assert.equal((await stockOf(a.id)).allocated, 0);
    // Once undone, not again.
    assert.equal((await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`)).status, 409);
  });

  it('선배송 keeps a Coupang shipment whole: the line in stock waits with its short one and moves with it, unflagged; a Naver package splits', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 5);
    const now = new Date().toISOString();
    const orders: Record<string, Awaited<ReturnType<typeof order>>> = {};
    for (const mall of ['coupang', 'naver']) {
      const account = `acc_${mall}_whole`;
      await s.deps.db('mall_accounts').insert({ id: account, mall_type: mall, display_name: mall, version: 1, created_at: now, updated_at: now });
      // Lines 1 and 2 share a mall shipment (2 has no stock); line 3 is a shipment of its own.
      const o = await order([{ sku: a }, { sku: b }, { sku: a }]);
      await s.deps.db('orders').where({ id: o.id }).update({ mall_account_id: account });
      for (const [i, shipment] of ['S1', 'S1', 'S2'].entries())
        await s.deps
          .db('order_lines')
          .where({ id: o.lineIds[i]! })
          .update({ mall_shipment_id: `${mall}-${shipment}` });
      orders[mall] = o;
    }
    const coupang = orders.coupang!;
    const naver = orders.naver!;
    const p = await preview({ policy: 'available' });
    const outcomes = (o: typeof coupang) => o.lineIds.map((id) => p.rows.find((r: any) => r.line_id === id).line_outcome);
    assert.deepEqual(outcomes(coupang), ['split', 'split', 'allocated']);
    assert.deepEqual(outcomes(naver), ['allocated', 'split', 'allocated']);
    assert.equal(p.counts.lines_split, 3);

    const applied = await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const splitOf = (o: typeof coupang) => applied.body.splits.find((x: any) => x.order_id === o.id);
    assert.deepEqual(splitOf(coupang).line_ids, [coupang.lineIds[0], coupang.lineIds[1]]);
    assert.deepEqual(splitOf(naver).line_ids, [naver.lineIds[1]]);
    const line = (id: string) => s.deps.db('order_lines').where({ id }).first();
    assert.equal(!!(await line(coupang.lineIds[0]!)).sold_out, false, 'in stock: waits, not sold out');
    assert.equal(!!(await line(coupang.lineIds[1]!)).sold_out, true);
    assert.equal((await stockOf(a.id)).allocated, 3, "the waiting line's unit stays free");
    const flags = await s.deps.db('status_history').where({ action: 'sold_out' }).whereIn('entity_id', coupang.lineIds);
    assert.deepEqual(
      flags.map((h: any) => h.entity_id),
      [coupang.lineIds[1]],
    );

    const undone = await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    for (const id of coupang.lineIds) assert.deepEqual([(await line(id)).order_id, !!(await line(id)).sold_out], [coupang.id, false]);
    assert.equal((await stockOf(a.id)).allocated, 0);
  });

  it('a line split off (선배송) leaves the merged box the rest ships in now; the undo puts it back', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 5);
    const o = await order([{ sku: a }, { sku: b }]);
    const other = await order([{ sku: a }]);
    const box = await putInBox(s.deps.db, [...o.lineIds, ...other.lineIds], { status: 'READY' });
    const p = await preview({ policy: 'available' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
    const boxOf = async (id: string) => (await s.deps.db('order_lines').where({ id }).first()).box_id;
    assert.equal(await boxOf(o.lineIds[1]!), null, 'the split-off line ships later, not in this box');
    assert.equal(await boxOf(o.lineIds[0]!), box);
    assert.equal(await boxOf(other.lineIds[0]!), box);
    assert.equal((await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`)).status, 200);
    assert.equal(await boxOf(o.lineIds[1]!), box);
  });

  it('a set line shows one row per SKU, by code, whatever order its SKUs were given in', async () => {
    const zeta = await makeSku(s.deps.db, { code: 'ZZ-SET-2' });
    const alpha = await makeSku(s.deps.db, { code: 'AA-SET-1' });
    await putStock(s.deps.db, zeta.id, 1);
    await putStock(s.deps.db, alpha.id, 1);
    const made = await makeOrder(s.deps.db, { status: 'READY' });
    await setLineSkus(s.deps.db, made.lineIds[0]!, [
      { ...zeta, quantity: 1 },
      { ...alpha, quantity: 1 },
    ]);
    const p = await preview({ policy: 'available' });
    assert.deepEqual(
      p.rows.map((r: any) => [r.sku_code, r.allocated, r.warehouse]),
      [
        ['AA-SET-1', 1, 'MAIN'],
        ['ZZ-SET-2', 1, 'MAIN'],
      ],
    );
  });

  it('priority flag, then channel priority, then date / quantity / amount decide who gets scarce stock', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 2);
    const old = await order([{ sku: a, quantity: 2 }], { paidAt: daysAgo(3), channel: '쿠팡', unitPrice: 1000 });
    const small = await order([{ sku: a, quantity: 1 }], { paidAt: daysAgo(1), channel: '쿠팡', unitPrice: 1000 });
    const rich = await order([{ sku: a, quantity: 2 }], { paidAt: daysAgo(2), channel: '네이버', unitPrice: 90000 });
    const winner = (p: any) => [old, small, rich].filter((o) => outcome(p, o.id) === 'full').map((o) => o.id);

    assert.deepEqual(winner(await preview({ policy: 'together', order_rule: 'date' })), [old.id]);
    assert.deepEqual(winner(await preview({ policy: 'together', order_rule: 'quantity' })), [small.id]);
    assert.deepEqual(winner(await preview({ policy: 'together', order_rule: 'amount' })), [rich.id]);
    assert.deepEqual(winner(await preview({ policy: 'together', channel_priority: ['네이버'] })), [rich.id]);
    // The stored channel priority applies when the request names none.
    assert.equal((await s.call('PUT', '/api/allocation/settings', { allocate_held: false, channel_priority: ['네이버'] })).status, 200);
    assert.deepEqual(winner(await preview({ policy: 'together' })), [rich.id]);
    await s.deps.db('orders').where({ id: small.id }).update({ priority: true });
    assert.deepEqual(winner(await preview({ policy: 'together', order_rule: 'amount' })), [small.id]);
  });

  it('warehouses: the default first, then by code, or the order asked; one SKU may span two', async () => {
    const a = await makeSku(s.deps.db);
    const w2 = await makeWarehouse(s.deps.db, { code: 'ZW2' });
    await putStock(s.deps.db, a.id, 1);
    await putStock(s.deps.db, a.id, 5, { warehouseId: w2.id });
    const o = await order([{ sku: a, quantity: 3 }]);
    const row = (p: any) => p.rows.find((r: any) => r.order_id === o.id);
    assert.equal(row(await preview({ policy: 'complete' })).warehouse, 'MAIN, ZW2');
    assert.equal(row(await preview({ policy: 'complete', warehouses: ['ZW2'] })).warehouse, 'ZW2');
    const bad = await s.call('POST', '/api/allocation/preview', { policy: 'complete', warehouses: ['NOPE'] });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /warehouses\.0/);
  });

  it('held orders receive stock only when the setting says so', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 1);
    const o = await order([{ sku: a }]);
    await s.deps.db('orders').where({ id: o.id }).update({ hold: true });
    assert.equal(outcome(await preview({ policy: 'complete' }), o.id), undefined);
    await s.call('PUT', '/api/allocation/settings', { allocate_held: true, channel_priority: [] });
    assert.equal(outcome(await preview({ policy: 'complete' }), o.id), 'full');
  });

  it('the allocation setting is a shop setting like the others: a save that changes nothing writes no audit row', async () => {
    const audits = async () => (await s.deps.db('audit_log').where({ action: 'allocation_settings_changed' })).length;
    const body = { allocate_held: false, channel_priority: ['지마켓'] };
    const before = await audits();
    assert.deepEqual((await s.call('PUT', '/api/allocation/settings', body)).body, body);
    assert.deepEqual((await s.call('PUT', '/api/allocation/settings', body)).body, body);
    assert.equal(await audits(), before + 1);
    assert.deepEqual((await s.call('GET', '/api/allocation/settings')).body, body);
    // A stored value of an older shape reads as the defaults, as the sender's does.
    await s.deps
      .db('shop_settings')
      .where({ key: 'allocation' })
      .update({ value: JSON.stringify({ allocate_held: 'yes' }) });
    assert.deepEqual((await s.call('GET', '/api/allocation/settings')).body, { allocate_held: false, channel_priority: [] });
  });
});

const snapshot = () => tableSnapshot(s.deps.db, /history|audit|access_records|allocation_batches|knex_|login_attempts|tokens|sessions/);

describe('preview → apply → undo', () => {
  it('a round trip leaves every table as before', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 4);
    await order([{ sku: a, quantity: 3 }, { sku: b }]);
    await order([{ sku: a }]);
    const before = await snapshot();
    const p = await preview({ policy: 'available' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
    assert.notDeepEqual(await snapshot(), before);
    assert.equal((await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`)).status, 200);
    assert.deepEqual(await snapshot(), before);
  });

  it('an undo refused for a change since names the orders by their mall order numbers, never our line keys', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 3);
    const o = await order([{ sku: a }]);
    const p = await preview({ policy: 'available' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
    await s.deps.db('order_lines').where({ id: o.lineIds[0] }).increment('version', 1);
    const res = await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'undo_blocked');
    const { mall_order_id } = await s.deps.db('orders').where({ id: o.id }).first();
    assert.deepEqual(res.body.error.details.orders, [mall_order_id]);
    assert.doesNotMatch(res.body.error.message, /lin_/);
  });

  it('the undo record leaves the allocations to line_allocations; the undo gives back exactly those (and an older record holding them still undoes)', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    const w2 = await makeWarehouse(s.deps.db, { code: 'UNDO2' });
    await putStock(s.deps.db, a.id, 2);
    await putStock(s.deps.db, a.id, 3, { warehouseId: w2.id });
    await putStock(s.deps.db, b.id, 1);
    await order([{ sku: a, quantity: 4 }, { sku: b }]);
    await order([{ sku: a }]);
    const before = await snapshot();
    const p = await preview({ policy: 'available' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
    const row = await s.deps.db('allocation_batches').where({ id: p.batch_id }).first();
    assert.equal('allocs' in JSON.parse(await unpackText(row.undo)), false, 'the allocations are not stored twice');
    const allocated = await s.deps.db('line_allocations').where({ batch_id: p.batch_id });
    assert.equal(
      allocated.reduce((n: number, r: any) => n + Number(r.quantity), 0),
      6,
    );
    const undone = await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    assert.deepEqual([undone.body.lines, undone.body.units], [3, 6]);
    assert.deepEqual(await snapshot(), before);
    const given = await s.deps.db('stock_history').where({ batch_id: undone.body.undo_batch_id, kind: 'deallocate' });
    assert.equal(
      given.reduce((n: number, r: any) => n + (r.allocated_before - r.allocated_after), 0),
      6,
    );

    // A batch applied before kept its allocations in the record: its undo uses them as they are.
    const p2 = await preview({ policy: 'available' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p2.batch_id })).status, 200);
    const rows = await s.deps.db('line_allocations').where({ batch_id: p2.batch_id });
    const record = JSON.parse(await unpackText((await s.deps.db('allocation_batches').where({ id: p2.batch_id }).first()).undo));
    record.allocs = rows.map((r: any) => [r.line_id, r.sku_id, r.warehouse_id, Number(r.quantity)]);
    await s.deps
      .db('allocation_batches')
      .where({ id: p2.batch_id })
      .update({ undo: JSON.stringify(record) });
    assert.equal((await s.call('POST', `/api/allocation/batches/${p2.batch_id}/undo`)).status, 200);
    assert.deepEqual(await snapshot(), before);
  });

  it('a big batch keeps its plan and undo record gzipped on its row; the apply and the undo read them so', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 500);
    const made = await makeOrder(s.deps.db, { status: 'READY', lines: 150 });
    await s.deps.db('line_skus').insert(made.lineIds.map((id) => ({ line_id: id, sku_id: a.id, quantity: 1 })));
    await s.deps.db('order_lines').whereIn('id', made.lineIds).update({ sku_code: a.code, unmatched: false });
    const before = await snapshot();
    const p = await preview({ policy: 'available' });
    // As many newer previews as are kept: the first one's plan is no longer kept in memory, only on its row.
    for (let i = 0; i < PLANS_KEPT; i++) await preview({ policy: 'available' });
    const row = () => s.deps.db('allocation_batches').where({ id: p.batch_id }).first();
    assert.ok((await row()).plan.startsWith('H4sI'), 'the plan is kept gzipped');
    const applied = await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.deepEqual([applied.body.counts.lines_allocated, applied.body.counts.units], [150, 150]);
    assert.ok((await row()).undo.startsWith('H4sI'), 'the undo record is kept gzipped');
    const undone = await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    assert.deepEqual([undone.body.lines, undone.body.units], [150, 150]);
    assert.deepEqual(await snapshot(), before);
  });

  it('선배송: the split-off order is a full copy, the undo record holds the versions after the apply, and a later edit blocks the undo', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    const c = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 5);
    // Split (a served, b and c not), wholly short (c only: flagged, not split), full (a only).
    const partial = await order([{ sku: a }, { sku: b }, { sku: c }], { paidAt: daysAgo(3) });
    const none = await order([{ sku: c }], { paidAt: daysAgo(2) });
    const full = await order([{ sku: a }], { paidAt: daysAgo(1) });
    await s.deps.db('orders').where({ id: partial.id }).update({ delivery_memo: '문 앞', hold_reason: null, shipping_fee: 3000 });
    const p = await preview({ policy: 'available' });
    const applied = await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    // The apply answers what the preview counted: the plan it carries out is that one.
    const counts = {
      orders: 3,
      full: 1,
      partial: 1,
      none: 1,
      lines: 5,
      lines_allocated: 2,
      lines_split: 2,
      lines_short: 1,
      gifts_short: 0,
      units: 2,
    };
    assert.deepEqual(p.counts, counts);
    assert.deepEqual(applied.body.counts, counts);
    const [split] = applied.body.splits;
    assert.deepEqual([...split.line_ids].sort(), [partial.lineIds[1], partial.lineIds[2]].sort());

    const original = await s.deps.db('orders').where({ id: partial.id }).first();
    const copy = await s.deps.db('orders').where({ id: split.new_order_id }).first();
    const same = (o: Record<string, unknown>) => {
      const { id, total_amount, shipping_fee, version, created_at, updated_at, ...rest } = o;
      return rest;
    };
    assert.deepEqual(same(copy), same(original));
    assert.equal(copy.shipping_fee, 0);
    assert.equal(copy.total_amount, 2 * 12900);
    assert.equal(original.total_amount, 12900);

    // The undo record's versions are the database's now, for every line and split-off order it changed.
    const undo = JSON.parse(await unpackText((await s.deps.db('allocation_batches').where({ id: p.batch_id }).first()).undo));
    const changed = [...partial.lineIds, none.lineIds[0]!, full.lineIds[0]!];
    const versions = new Map((await s.deps.db('order_lines').whereIn('id', changed).select('id', 'version')).map((r: any) => [r.id, r.version]));
    assert.deepEqual(new Map(undo.lines), versions);
    assert.deepEqual(undo.orders, [[split.new_order_id, copy.version]]);
    assert.deepEqual(
      changed.map((id) => versions.get(id)),
      [2, 2, 2, 2, 2],
      'served +1; split off and flagged in one update +1; flagged only +1',
    );
    // Moved and flagged in one update, each split-off line still has both history rows, the split's first; the
    // split-off order is as it was made (version 1).
    const flags = await s.deps.db('order_lines').whereIn('id', [partial.lineIds[1]!, partial.lineIds[2]!, none.lineIds[0]!]).pluck('sold_out');
    assert.deepEqual(flags.map(Boolean), [true, true, true]);
    // Their reasons said in the reader's language, as the split-off order's detail shows them.
    const historyIn = await Promise.all((['ko', 'en'] as const).map((lang) => orderHistoryIn(s, split.new_order_id, lang)));
    for (const id of [partial.lineIds[1]!, partial.lineIds[2]!]) {
      const [ko, en] = historyIn.map((h) =>
        h
          .filter((r) => r.entity === 'line' && r.entity_id === id)
          .slice(-2)
          .map((r) => [r.action, r.reason]),
      );
      assert.deepEqual(ko, [
        ['split_order', `재고할당 ${p.batch_id}`],
        ['sold_out', `재고할당 ${p.batch_id}`],
      ]);
      assert.deepEqual(en, [
        ['split_order', `Stock allocated ${p.batch_id}`],
        ['sold_out', `Stock allocated ${p.batch_id}`],
      ]);
    }
    // The split-off order's own row names the order it came from, in each language too (not the stored text).
    const orderRows = historyIn.map((h) => h.filter((r) => r.entity === 'order' && r.action === 'split_order').map((r) => r.reason));
    assert.deepEqual(orderRows, [[`재고할당 ${p.batch_id} ← ${partial.id}`], [`Stock allocated ${p.batch_id} ← ${partial.id}`]]);
    assert.equal(copy.version, 1);

    // An edit of the split-off order after the apply blocks the undo; once it is put back, the undo goes through.
    await s.deps.db('orders').where({ id: split.new_order_id }).increment('version', 1);
    const blocked = await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`);
    assert.equal(blocked.status, 409);
    // Named as the operator knows it: the mall order number the split-off order keeps.
    assert.deepEqual(blocked.body.error.details.orders, [copy.mall_order_id]);
    await s.deps.db('orders').where({ id: split.new_order_id }).decrement('version', 1);
    assert.equal((await s.call('POST', `/api/allocation/batches/${p.batch_id}/undo`)).status, 200);
    // The stock history says both in the reader's language: the allocation, then its undo.
    const reasonsIn = async (lang: 'ko' | 'en') => (await stockHistoryIn(s, a.code, lang)).slice(0, 2).map((h) => h.reason);
    assert.deepEqual(await reasonsIn('ko'), [`재고할당 취소 ${p.batch_id}`, `재고할당 ${p.batch_id}`]);
    assert.deepEqual(await reasonsIn('en'), [`Stock allocation undone ${p.batch_id}`, `Stock allocated ${p.batch_id}`]);
  });

  it('refuses an apply whose lines or stock moved since the preview, and an undo with a later batch standing', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 4);
    const o = await order([{ sku: a }]);
    const p1 = await preview({ policy: 'complete' });
    await putStock(s.deps.db, a.id, 5);
    const res = await s.call('POST', '/api/allocation/apply', { batch_id: p1.batch_id });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'allocation_moved');
    assert.match(res.body.error.message, new RegExp(a.code));
    const p2 = await preview({ policy: 'complete' });
    await s.deps.db('order_lines').where({ id: o.lineIds[0] }).update({ version: 9 });
    const res2 = await s.call('POST', '/api/allocation/apply', { batch_id: p2.batch_id });
    assert.equal(res2.status, 409);
    // Named as the operator knows it: its mall order number, not our key.
    const mallOrderId = (await s.deps.db('orders').where({ id: o.id }).first()).mall_order_id;
    assert.match(res2.body.error.message, new RegExp(mallOrderId));
    assert.doesNotMatch(res2.body.error.message, new RegExp(o.id));
    assert.deepEqual(res2.body.error.details.orders, [mallOrderId]);
    assert.equal((await stockOf(a.id)).allocated, 0);

    const p3 = await preview({ policy: 'complete' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p3.batch_id })).status, 200);
    await order([{ sku: a }]);
    const p4 = await preview({ policy: 'complete' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p4.batch_id })).status, 200);
    const blocked = await s.call('POST', `/api/allocation/batches/${p3.batch_id}/undo`);
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.code, 'undo_blocked');
    assert.equal((await s.call('POST', `/api/allocation/batches/${p4.batch_id}/undo`)).status, 200);
    assert.equal((await s.call('POST', `/api/allocation/batches/${p3.batch_id}/undo`)).status, 200);
    assert.equal((await stockOf(a.id)).allocated, 0);
  });

  it('an apply reads the plan from the batch row when the preview kept in memory has gone, and never applies a batch no longer previewed', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 1);
    const o1 = await order([{ sku: a }]);
    await order([{ sku: a }]);
    const first = await preview({ policy: 'complete' });
    // As many newer previews as are kept: the first one's copy in memory is dropped.
    for (let i = 0; i < PLANS_KEPT; i++) await preview({ policy: 'complete' });
    const applied = await s.call('POST', '/api/allocation/apply', { batch_id: first.batch_id });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal(applied.body.counts.full, 1);
    assert.equal(outcome(first, o1.id), 'full');
    assert.deepEqual(
      (await s.deps.db('line_allocations').where({ batch_id: first.batch_id }).select('line_id')).map((r) => r.line_id),
      [o1.lineIds[0]],
    );
    // A batch whose row says it is no longer previewed (another server applied it, say) is refused though this
    // process still keeps its preview.
    const kept = await preview({ policy: 'complete' });
    await s.deps.db('allocation_batches').where({ id: kept.batch_id }).update({ state: 'applied' });
    const refused = await s.call('POST', '/api/allocation/apply', { batch_id: kept.batch_id });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'batch_not_previewed');
    const ko = await s.call('POST', '/api/allocation/apply', { batch_id: kept.batch_id }, { lang: 'ko' });
    assert.match(ko.body.error.message, /이미 적용 상태입니다/, 'the state in words (it said "applied")');

    // A plan kept on the row by a server before plans carried their counts: made again, not applied.
    const older = await preview({ policy: 'complete' });
    for (let i = 0; i < PLANS_KEPT; i++) await preview({ policy: 'complete' });
    const row = await s.deps.db('allocation_batches').where({ id: older.batch_id }).first();
    const { counts: _counts, ...plan } = JSON.parse(await unpackText(row.plan));
    await s.deps
      .db('allocation_batches')
      .where({ id: older.batch_id })
      .update({ plan: JSON.stringify(plan) });
    const outdated = await s.call('POST', '/api/allocation/apply', { batch_id: older.batch_id });
    assert.equal(outdated.status, 409);
    assert.equal(outdated.body.error.code, 'preview_outdated');
    assert.equal((await s.deps.db('allocation_batches').where({ id: older.batch_id }).first()).state, 'previewed');
  });

  it('two operators applying at once never allocate the same unit twice', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 3);
    for (let i = 0; i < 4; i++) await order([{ sku: a }]);
    const p1 = await preview({ policy: 'complete' });
    const p2 = await preview({ policy: 'complete' });
    const results = await Promise.all([p1, p2].map((p) => s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    const row = await stockOf(a.id);
    assert.equal(row.allocated, 3);
    const units = await s.deps.db('line_allocations').where({ sku_id: a.id }).sum({ n: 'quantity' });
    assert.equal(Number(units[0]!.n), 3);
  });

  it('품절해제 re-allocates the released lines when allocation is in use', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 1);
    const o1 = await order([{ sku: a }]);
    const o2 = await order([{ sku: a }]);
    const p = await preview({ policy: 'complete' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
    const short = [o1, o2].find((o) => outcome(p, o.id) === 'none')!;
    assert.equal(!!(await s.deps.db('order_lines').where({ id: short.lineIds[0] }).first()).sold_out, true);
    await putStock(s.deps.db, a.id, 2, { allocated: 1 });
    const released = await s.call('POST', '/api/sold-out/release', { line_ids: [short.lineIds[0]], reason: '입고' });
    assert.equal(released.body.released, 1);
    assert.equal((await s.deps.db('line_allocations').where({ line_id: short.lineIds[0] })).length, 1);
    assert.equal((await stockOf(a.id)).allocated, 2);
    // The stock history says why in the reader's language, naming the allocation batch it made.
    const batch = (await s.deps.db('allocation_batches').where({ source: 'release' }).orderBy('created_at', 'desc').first()).id as string;
    const allocatedIn = async (lang: 'ko' | 'en') => (await stockHistoryIn(s, a.code, lang))[0]!.reason;
    assert.equal(await allocatedIn('ko'), `품절해제 재고할당 ${batch}`);
    assert.equal(await allocatedIn('en'), `Stock allocated on sold-out release ${batch}`);
  });

  it('품절해제 allocates the released line’s waiting gift with it', async () => {
    const a = await makeSku(s.deps.db);
    const pouch = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 1);
    await putStock(s.deps.db, pouch.id, 5);
    const o1 = await order([{ sku: a }], { paidAt: daysAgo(2) });
    const o2 = await order([{ sku: a }], { paidAt: daysAgo(1) });
    const rule = await s.call('POST', '/api/gifts/rules', { name: '파우치 증정', gift_sku_code: pouch.code, sku_codes: [a.code] });
    const gifts = await s.call('POST', '/api/gifts/preview', { order_ids: [o1.id, o2.id], rule_ids: [rule.body.id] });
    const items = gifts.body.items.map((i: any) => ({ order_id: i.order_id, version: i.version, rule_ids: [rule.body.id] }));
    assert.equal((await s.call('POST', '/api/gifts/apply', { items })).status, 200);
    const p = await preview({ policy: 'complete' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
    const gift2 = (await s.deps.db('order_lines').where({ order_id: o2.id }).whereNotNull('gift_rule_id').first()).id;
    assert.equal((await s.deps.db('line_allocations').where({ line_id: gift2 })).length, 0, 'its order got nothing: the gift neither');
    await putStock(s.deps.db, a.id, 2, { allocated: 1 });
    const released = await s.call('POST', '/api/sold-out/release', { line_ids: [o2.lineIds[0]], reason: '입고' });
    assert.equal(released.body.released, 1, JSON.stringify(released.body));
    assert.equal((await s.deps.db('line_allocations').where({ line_id: o2.lineIds[0] })).length, 1);
    assert.equal((await s.deps.db('line_allocations').where({ line_id: gift2 })).length, 1, 'the gift with it');
    assert.equal((await stockOf(pouch.id)).allocated, 2);
  });
});

/** A SKU with 10 on hand and one order per quantity (a line each), allocated under 선배송 and applied. */
type Made = Awaited<ReturnType<typeof order>>;
async function allocatedOrders<const Q extends readonly number[]>(quantities: Q) {
  const sku = await makeSku(s.deps.db);
  await putStock(s.deps.db, sku.id, 10);
  const orders: Made[] = [];
  for (const quantity of quantities) orders.push(await order([{ sku, quantity }]));
  const p = await preview({ policy: 'available' });
  assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
  return { a: sku, orders: orders as { [K in keyof Q]: Made }, batchId: p.batch_id as string };
}

describe('allocated stock settles when its lines leave the desk', () => {
  it('shipping takes the units off the shelf; a cancel before shipping or a deleted order gives them back to what is available', async () => {
    const {
      a,
      orders: [shipped, canceled, deleted],
      batchId,
    } = await allocatedOrders([3, 2, 1]);
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [10, 6]);
    // A deleted order gives its unit back too.
    const gone = await s.call('POST', '/api/transitions', {
      action: 'delete',
      reason: '중복 주문',
      items: [{ id: deleted.id, version: (await s.deps.db('orders').where({ id: deleted.id }).first()).version }],
    });
    assert.equal(gone.body.applied, 1, JSON.stringify(gone.body));
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [10, 5]);

    // Numbered and shipped: on hand 10 → 7, allocated 5 → 2, history 'ship' naming the line; its allocation gone.
    const line = async (id: string) => s.deps.db('order_lines').where({ id }).first();
    const numbered = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      items: [{ id: shipped.lineIds[0], version: (await line(shipped.lineIds[0]!)).version, tracking_number: '700000000010' }],
    });
    assert.equal(numbered.body.applied, 1, JSON.stringify(numbered.body));
    const out = await s.call('POST', '/api/transitions', {
      action: 'ship',
      items: [{ id: shipped.lineIds[0], version: (await line(shipped.lineIds[0]!)).version }],
    });
    assert.equal(out.body.applied, 1, JSON.stringify(out.body));
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [7, 2]);
    const ship = await s.deps.db('stock_history').where({ sku_id: a.id, kind: 'ship' });
    assert.deepEqual(
      ship.map((h: any) => [h.on_hand_before, h.on_hand_after, h.allocated_before, h.allocated_after, h.line_id]),
      [[10, 7, 5, 2, shipped.lineIds[0]]],
    );
    // Under the ship's own batch and actor, as its status history.
    assert.deepEqual([ship[0].batch_id, ship[0].actor_type], [out.body.batch_id, 'user']);
    assert.equal((await s.deps.db('line_allocations').where({ line_id: shipped.lineIds[0] })).length, 0);

    // Cancelled before shipping: allocated 2 → 0, on hand stays 7 — available again for the next allocation.
    const cancel = await s.call('POST', '/api/transitions', {
      action: 'claim',
      claim_type: 'cancel',
      claim_state: 'completed',
      reason: '고객 변심',
      items: [{ id: canceled.lineIds[0], version: (await line(canceled.lineIds[0]!)).version }],
    });
    assert.equal(cancel.body.applied, 1, JSON.stringify(cancel.body));
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [7, 0]);
    assert.equal((await s.deps.db('stock_history').where({ sku_id: a.id, kind: 'deallocate' })).length, 2);
    assert.equal((await s.deps.db('line_allocations').where({ line_id: canceled.lineIds[0] })).length, 0);
    // The allocation cannot be undone now: its lines moved on.
    assert.equal((await s.call('POST', `/api/allocation/batches/${batchId}/undo`)).status, 409);
  });
});

describe('a count below what is allocated', () => {
  it('is applied, and its row says how many allocated units the shelf no longer covers; the allocation can still be undone', async () => {
    const { a } = await allocatedOrders([3, 2]);
    // A second batch for a later order: 7 of 10 allocated.
    await order([{ sku: a, quantity: 2 }]);
    const later = await preview({ policy: 'available' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: later.batch_id })).status, 200);
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [10, 7]);
    const rows = [{ sku_code: a.code, on_hand: 3, reason: '실사' }];
    const counted = await s.call('POST', '/api/stock/counts', { rows }, { lang: 'ko' });
    assert.equal(counted.status, 200, JSON.stringify(counted.body));
    const [r] = counted.body.results;
    assert.deepEqual([r.result, r.code, r.stock.on_hand, r.stock.available], ['applied', 'below_allocated', 3, -4]);
    assert.match(r.message, /현재고 3개가 주문에 할당된 7개보다 적어, 할당된 주문 중 4개분은/);
    // What the message advises works: the later batch is undone though what stays allocated (5) is still more
    // than the shelf holds.
    const undone = await s.call('POST', `/api/allocation/batches/${later.batch_id}/undo`);
    assert.equal(undone.status, 200, JSON.stringify(undone.body));
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [3, 5]);
    // Counted again at or above what is allocated: nothing to say.
    const enough = await s.call('POST', '/api/stock/counts', { rows: [{ ...rows[0], on_hand: 5 }] });
    assert.deepEqual([enough.body.results[0].code, enough.body.results[0].message], [undefined, undefined]);
  });
});

describe('a line shipped without an allocation', () => {
  it('a ship that takes a row below zero says which, for the operator to count', async () => {
    const a = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 1);
    const items = [];
    for (let i = 0; i < 3; i++) {
      const made = await makeOrder(s.deps.db, { status: 'READY' });
      await setLineSkus(s.deps.db, made.lineIds[0]!, [a]);
      await putInBox(s.deps.db, made.lineIds, { tracking: `70000000010${i}`, status: 'INVOICED' });
      items.push({ id: made.lineIds[0]!, version: Number((await s.deps.db('order_lines').where({ id: made.lineIds[0] }).first()).version) });
    }
    const out = await s.call('POST', '/api/transitions', { action: 'ship', items });
    assert.equal(out.body.applied, 3, JSON.stringify(out.body));
    assert.deepEqual(out.body.stock_short, [{ sku_code: a.code, warehouse_code: 'MAIN', on_hand: -2 }]);
  });

  it('takes its units off the shelf, from the warehouses in order as far as they have units free; SKUs nobody counts move nothing', async () => {
    const a = await makeSku(s.deps.db);
    const untracked = await makeSku(s.deps.db);
    const other = await makeWarehouse(s.deps.db, { code: 'WA' });
    await putStock(s.deps.db, a.id, 3, { allocated: 2 }); // MAIN: one unit free
    await putStock(s.deps.db, a.id, 2, { warehouseId: other.id }); // WA: two free
    // One line of 2 units, each a set of 2 × a and 1 × the untracked SKU: 4 units of a.
    const made = await makeOrder(s.deps.db, { status: 'READY', lines: 1 });
    const lineId = made.lineIds[0]!;
    await setLineSkus(s.deps.db, lineId, [{ ...a, quantity: 2 }, untracked]);
    await s.deps.db('order_lines').where({ id: lineId }).update({ quantity: 2 });
    const version = async () => (await s.deps.db('order_lines').where({ id: lineId }).first()).version;
    const numbered = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      items: [{ id: lineId, version: await version(), tracking_number: '700000000021' }],
    });
    assert.equal(numbered.body.applied, 1, JSON.stringify(numbered.body));
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id, other.id)).on_hand], [3, 2], 'a number moves no stock');
    const out = await s.call('POST', '/api/transitions', { action: 'ship', items: [{ id: lineId, version: await version() }] });
    assert.equal(out.body.applied, 1, JSON.stringify(out.body));

    // MAIN's free unit, WA's two, and the fourth from MAIN again: its on hand (1) is now below what it holds
    // allocated (2) for other orders — the shelf said more than it had.
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [1, 2]);
    assert.deepEqual([(await stockOf(a.id, other.id)).on_hand, (await stockOf(a.id, other.id)).allocated], [0, 0]);
    const history = await s.deps.db('stock_history').where({ sku_id: a.id, kind: 'ship' }).orderBy('id');
    assert.deepEqual(
      history.map((h: any) => [h.warehouse_id, h.on_hand_before, h.on_hand_after, h.allocated_before, h.allocated_after, h.line_id, h.batch_id]),
      [
        ['wh_default', 3, 1, 2, 2, lineId, out.body.batch_id],
        [other.id, 2, 0, 0, 0, lineId, out.body.batch_id],
      ],
    );
    assert.equal(await stockOf(untracked.id), undefined, 'no stock row made for a SKU nobody counts');
    assert.equal(out.body.stock_short, undefined, 'no row went below zero');

    // Back at SHIPPED — a return requested for 1 of its 2 units (the line splits), then restored — takes nothing
    // more: the units left the shelf when the line first shipped.
    const claim = await s.call('POST', '/api/transitions', {
      action: 'claim',
      claim_type: 'return',
      reason: '단순 변심',
      items: [{ id: lineId, version: await version(), quantity: 1 }],
    });
    assert.equal(claim.body.applied, 1, JSON.stringify(claim.body));
    const restored = await s.call('POST', '/api/transitions', {
      action: 'restore',
      reason: '고객 철회',
      items: [{ id: lineId, version: await version() }],
    });
    assert.equal(restored.body.applied, 1, JSON.stringify(restored.body));
    assert.equal((await s.deps.db('order_lines').where({ id: lineId }).first()).status, 'SHIPPED');
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id, other.id)).on_hand], [1, 0]);
    assert.equal((await s.deps.db('stock_history').where({ sku_id: a.id, kind: 'ship' })).length, 2);
  });
});

describe('gift lines under allocation', () => {
  it('a gift the stock cannot cover is left unallocated (gift_short): its paid order still gets stock, nothing is flagged or split', async () => {
    const a = await makeSku(s.deps.db);
    const pouch = await makeSku(s.deps.db, { name: '사은품 파우치' });
    await putStock(s.deps.db, a.id, 5);
    await putStock(s.deps.db, pouch.id, 1); // one pouch for two orders
    const first = await order([{ sku: a }], { paidAt: daysAgo(2) });
    const second = await order([{ sku: a }], { paidAt: daysAgo(1) });
    const rule = await s.call('POST', '/api/gifts/rules', { name: '파우치 증정', gift_sku_code: pouch.code, sku_codes: [a.code] });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const gifts = await s.call('POST', '/api/gifts/preview', { order_ids: [first.id, second.id], rule_ids: [rule.body.id] });
    const items = gifts.body.items.map((i: any) => ({ order_id: i.order_id, version: i.version, rule_ids: [rule.body.id] }));
    assert.equal((await s.call('POST', '/api/gifts/apply', { items })).status, 200);
    const giftOf = async (orderId: string) => (await s.deps.db('order_lines').where({ order_id: orderId }).whereNotNull('gift_rule_id').first()).id;

    for (const policy of ['complete', 'together', 'available']) {
      const p = await preview({ policy });
      // Per SKU: the rows of one order come in no set order of its lines.
      const rows = (orderId: string) =>
        Object.fromEntries(p.rows.filter((r: any) => r.order_id === orderId).map((r: any) => [r.sku_code, [r.outcome, r.line_outcome]]));
      assert.deepEqual(rows(first.id), { [a.code]: ['full', 'allocated'], [pouch.code]: ['full', 'allocated'] });
      assert.deepEqual(rows(second.id), { [a.code]: ['full', 'allocated'], [pouch.code]: ['full', 'gift_short'] }, policy);
      assert.equal(p.counts.gifts_short, 1, policy);
    }
    const p = await preview({ policy: 'complete' });
    assert.equal((await s.call('POST', '/api/allocation/apply', { batch_id: p.batch_id })).status, 200);
    const secondGift = await s.deps
      .db('order_lines')
      .where({ id: await giftOf(second.id) })
      .first();
    assert.deepEqual([!!secondGift.sold_out, secondGift.order_id], [false, second.id], 'not flagged, not split off');
    assert.deepEqual([(await stockOf(pouch.id)).on_hand, (await stockOf(pouch.id)).allocated], [1, 1]);

    // An order numbered whole, then its line and its gift shipped.
    const version = async (id: string) => (await s.deps.db('order_lines').where({ id }).first()).version;
    const numberAndShip = async (o: Made, tracking: string) => {
      const numbered = await s.call('POST', '/api/transitions', {
        action: 'set_invoice',
        courier: 'CJ',
        items: [{ id: o.id, version: (await s.deps.db('orders').where({ id: o.id }).first()).version, tracking_number: tracking }],
      });
      assert.equal(numbered.body.applied, 1, JSON.stringify(numbered.body));
      const lines = [o.lineIds[0]!, await giftOf(o.id)];
      const shipped = await s.call('POST', '/api/transitions', {
        action: 'ship',
        items: await Promise.all(lines.map(async (id) => ({ id, version: await version(id) }))),
      });
      assert.equal(shipped.body.refused, 0, JSON.stringify(shipped.body));
    };
    // Shipped, the first order's pouch leaves the shelf with its allocation.
    await numberAndShip(first, '700000000032');
    assert.deepEqual([(await stockOf(pouch.id)).on_hand, (await stockOf(pouch.id)).allocated], [0, 0]);
    // The second order ships too; its gift was short (not packed): the shelf does not go below zero for it.
    await numberAndShip(second, '700000000043');
    assert.deepEqual([(await stockOf(pouch.id)).on_hand, (await stockOf(a.id)).on_hand], [0, 3]);
  });
});

describe('a gift whose order waits', () => {
  it('waits with it: no stock for the gift while a line of its order is sold out or not yet released', async () => {
    const a = await makeSku(s.deps.db);
    const pouch = await makeSku(s.deps.db);
    await putStock(s.deps.db, a.id, 5);
    await putStock(s.deps.db, pouch.id, 5);
    const o = await order([{ sku: a }]);
    const rule = await s.call('POST', '/api/gifts/rules', { name: '파우치 증정', gift_sku_code: pouch.code, sku_codes: [a.code] });
    const gifts = await s.call('POST', '/api/gifts/preview', { order_ids: [o.id], rule_ids: [rule.body.id] });
    const items = gifts.body.items.map((i: any) => ({ order_id: i.order_id, version: i.version, rule_ids: [rule.body.id] }));
    assert.equal((await s.call('POST', '/api/gifts/apply', { items })).status, 200);
    const rowsOf = async () =>
      (await preview({ policy: 'complete' })).rows
        .filter((r: any) => r.order_id === o.id)
        .map((r: any) => r.sku_code)
        .sort();

    await s.deps.db('order_lines').where({ id: o.lineIds[0] }).update({ sold_out: true });
    assert.deepEqual(await rowsOf(), [], 'sold out: the gift waits too');
    await s.deps.db('order_lines').where({ id: o.lineIds[0] }).update({ sold_out: false, status: 'NEW' });
    assert.deepEqual(await rowsOf(), [], 'not released yet: the gift waits too');
    await s.deps.db('order_lines').where({ id: o.lineIds[0] }).update({ status: 'READY' });
    assert.deepEqual(await rowsOf(), [a.code, pouch.code].sort());
  });
});

describe('settling one stock row both ways at once', () => {
  it('writes a history row of each kind, so the ship rows add up to what shipped', async () => {
    const {
      a,
      orders: [one, two],
    } = await allocatedOrders([3, 2]);
    await s.deps.db.transaction((trx) =>
      settleStock(
        trx,
        { shipped: [one.lineIds[0]!], released: [two.lineIds[0]!] },
        { actor: { type: 'system', id: null }, batchId: 'bat_settle_test', reason: 'test', now: new Date().toISOString() },
      ),
    );
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [7, 0]);
    const rows = await s.deps.db('stock_history').where({ sku_id: a.id }).whereIn('kind', ['ship', 'deallocate']).orderBy('id');
    assert.deepEqual(
      rows.map((h: any) => [h.kind, h.on_hand_before, h.on_hand_after, h.allocated_before, h.allocated_after]),
      [
        ['ship', 10, 7, 5, 2],
        ['deallocate', 7, 7, 2, 0],
      ],
    );
  });
});

describe('a line split by a partial claim', () => {
  it('shares its allocation and SKUs with the rest: the claimed part gives back its own units, the rest ships with its own', async () => {
    const {
      a,
      orders: [o],
    } = await allocatedOrders([3]);
    const line = async (id: string) => s.deps.db('order_lines').where({ id }).first();
    const claimed = await s.call('POST', '/api/transitions', {
      action: 'claim',
      claim_type: 'cancel',
      quantity: 1,
      reason: '1개 취소',
      items: [{ id: o.lineIds[0], version: (await line(o.lineIds[0]!)).version }],
    });
    assert.equal(claimed.body.applied, 1, JSON.stringify(claimed.body));
    const rest = (await s.deps.db('order_lines').where({ order_id: o.id })).find((l: any) => l.id !== o.lineIds[0])!;
    assert.equal(rest.quantity, 2);
    const allocated = async (id: string) =>
      (await s.deps.db('line_allocations').where({ line_id: id })).reduce((n: number, r: any) => n + r.quantity, 0);
    assert.deepEqual([await allocated(o.lineIds[0]!), await allocated(rest.id)], [1, 2]);
    assert.deepEqual(
      (await s.deps.db('line_skus').where({ line_id: rest.id })).map((r: any) => [r.sku_id, r.quantity]),
      [[a.id, 1]],
      'the rest knows its SKU (scan, allocation)',
    );

    const done = await s.call('POST', '/api/transitions', {
      action: 'complete_claim',
      items: [{ id: o.lineIds[0], version: (await line(o.lineIds[0]!)).version }],
    });
    assert.equal(done.body.applied, 1, JSON.stringify(done.body));
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [10, 2]);
    await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      items: [{ id: rest.id, version: (await line(rest.id)).version, tracking_number: '700000000021' }],
    });
    const shipped = await s.call('POST', '/api/transitions', { action: 'ship', items: [{ id: rest.id, version: (await line(rest.id)).version }] });
    assert.equal(shipped.body.applied, 1, JSON.stringify(shipped.body));
    assert.deepEqual([(await stockOf(a.id)).on_hand, (await stockOf(a.id)).allocated], [8, 0]);
  });
});
