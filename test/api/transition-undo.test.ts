// Undo of a bulk transition (PRODUCT §6.9): an operator's release, ship, hold (or release of a hold) and flags are
// undone as a unit — every table as before but versions and history, the stock a ship took back on the shelf with
// its allocations — only while nothing after depends on it; calls whose changes no record covers are not offered.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { makeOrder, makeSku, putInBox, putStock, setLineSkus } from '../helpers/builders.ts';
import { tableSnapshot } from '../helpers/db-snapshot.ts';
import { orderHistoryIn, stockHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeEach(async () => {
  // Blocks of three items: a call of more is written in parts, each its own transaction (bulk-blocks.ts).
  s = await startTestServer({ SHIPSHEET_BULK_BLOCK_ITEMS: '3' });
});
afterEach(() => s.close());

const snapshot = () =>
  tableSnapshot(
    s.deps.db,
    /^(status_history|stock_history|audit_log|access_records|transition_batch.*|knex_.*|api_tokens|login_attempts|stream_tickets|jobs.*)$/,
  );

const versions = async (ids: string[]) => {
  const rows = await s.deps.db('order_lines').whereIn('id', ids).select('id', 'version');
  return ids.map((id) => ({ id, version: Number(rows.find((r: { id: string }) => r.id === id)!.version) }));
};

async function bulk(action: string, lineIds: string[], params: Record<string, unknown> = {}) {
  const res = await s.call('POST', '/api/transitions', { action, ...params, items: await versions(lineIds) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { batch_id: string; applied: number; undoable?: boolean; results: { result: string }[] };
}

const undo = (batchId: string, lang = 'ko') => s.call('POST', `/api/transitions/batches/${batchId}/undo`, undefined, { lang });

describe('undo of a bulk transition', () => {
  it('a release of several blocks goes back as a unit: statuses as before, versions moved on, the history says so', async () => {
    const orders: Awaited<ReturnType<typeof makeOrder>>[] = [];
    for (let i = 0; i < 4; i++) orders.push(await makeOrder(s.deps.db, { lines: 2 }));
    const lineIds = orders.flatMap((o) => o.lineIds);
    const before = await snapshot();
    const loaded = await versions(lineIds);

    const out = await bulk('release', lineIds);
    assert.equal(out.applied, 8);
    assert.equal(out.undoable, true);
    const parts = await s.deps.db('transition_batch_parts').where({ batch_id: out.batch_id });
    assert.ok(parts.length > 1, 'written in blocks, a part each');

    const res = await undo(out.batch_id);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.lines, 8);
    assert.deepEqual([...res.body.line_ids].sort(), [...lineIds].sort());
    assert.deepEqual(await snapshot(), before);
    // Two changes each: a sheet pulled before the release (or after it) is stale, not silently right.
    for (const [i, v] of (await versions(lineIds)).entries()) assert.equal(v.version, loaded[i]!.version + 2);
    const history = await s.deps.db('status_history').where({ batch_id: res.body.undo_batch_id });
    assert.equal(history.length, 8);
    assert.ok(history.every((h: any) => h.action === 'transition_undo' && h.from_status === 'READY' && h.to_status === 'NEW'));
    // The order detail says why in the reader's language, the undone action by its label.
    const undoneIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, orders[0]!.id, lang)).filter((h) => h.action === 'transition_undo').map((h) => h.reason);
    assert.deepEqual(await undoneIn('ko'), ['일괄 변경 취소 (출고지시)', '일괄 변경 취소 (출고지시)']);
    assert.deepEqual(await undoneIn('en'), ['Bulk change undone (Release)', 'Bulk change undone (Release)']);

    const list = await s.call('GET', '/api/transitions/batches');
    const listed = list.body.items.find((b: { id: string }) => b.id === out.batch_id);
    assert.equal(listed.action, 'release');
    assert.equal(listed.lines, 8);
    assert.ok(listed.undone_at);
    assert.equal(listed.undoable, false);
    const twice = await undo(out.batch_id, 'en');
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'batch_undone');
  });

  it('a ship gives the shelf back what it took, the allocations too, and the lines are invoiced again', async () => {
    const sku = await makeSku(s.deps.db);
    await putStock(s.deps.db, sku.id, 5, { allocated: 1 });
    const allocated = await makeOrder(s.deps.db, { status: 'INVOICED' });
    const plain = await makeOrder(s.deps.db, { status: 'INVOICED' });
    for (const o of [allocated, plain]) {
      await setLineSkus(s.deps.db, o.lineIds[0]!, [sku]);
      await putInBox(s.deps.db, o.lineIds, { tracking: `6${String(Date.now()).slice(-10)}${o === plain ? 1 : 2}` });
    }
    await s.deps
      .db('line_allocations')
      .insert({ line_id: allocated.lineIds[0], sku_id: sku.id, warehouse_id: 'wh_default', quantity: 1, batch_id: 'bat_alloc' });
    const before = await snapshot();

    const out = await bulk('ship', [...allocated.lineIds, ...plain.lineIds]);
    assert.equal(out.applied, 2);
    const shipped = await s.deps.db('stock').where({ sku_id: sku.id }).first();
    assert.deepEqual([Number(shipped.on_hand), Number(shipped.allocated)], [3, 0]);
    assert.equal((await s.deps.db('line_allocations').where({ line_id: allocated.lineIds[0] })).length, 0);

    const res = await undo(out.batch_id);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(await snapshot(), before);
    const back = await s.deps.db('stock_history').where({ batch_id: res.body.undo_batch_id });
    assert.equal(back.length, 1);
    assert.equal(back[0].kind, 'undo');
    assert.deepEqual([back[0].on_hand_after, back[0].allocated_after].map(Number), [5, 1]);
    // The stock history says why in the reader's language: the ship (no reason given: the move itself) and its undo.
    const reasonsIn = async (lang: 'ko' | 'en') => (await stockHistoryIn(s, sku.code, lang)).slice(0, 2).map((h) => [h.kind, h.reason]);
    assert.deepEqual(await reasonsIn('ko'), [
      ['undo', '일괄 변경 취소 (출고완료)'],
      ['ship', '출고완료'],
    ]);
    assert.deepEqual(await reasonsIn('en'), [
      ['undo', 'Bulk change undone (Ship)'],
      ['ship', 'Shipped'],
    ]);
  });

  it('a hold — a new one and a changed reason — and its release are undone, holds rows and all', async () => {
    const kept = await makeOrder(s.deps.db, { status: 'READY' });
    const fresh = await makeOrder(s.deps.db, { status: 'READY' });
    await bulk('hold', kept.lineIds, { reason: '주소 확인' });
    const before = await snapshot();
    const held = await bulk('hold', [...kept.lineIds, ...fresh.lineIds], { reason: '고객 요청' });
    assert.equal(held.undoable, true);
    assert.equal((await undo(held.batch_id)).status, 200);
    assert.deepEqual(await snapshot(), before);

    const released = await bulk('release_hold', kept.lineIds);
    assert.equal((await undo(released.batch_id)).status, 200);
    assert.deepEqual(await snapshot(), before, 'on hold again, with the same open hold row');
  });

  it('is refused, naming the order and changing nothing, once anything after depends on it', async () => {
    const a = await makeOrder(s.deps.db, { mallOrderId: 'A-100' });
    const b = await makeOrder(s.deps.db, { mallOrderId: 'B-200' });
    const out = await bulk('release', [...a.lineIds, ...b.lineIds]);
    await bulk('hold', b.lineIds, { reason: '재고 확인' });
    const after = await snapshot();
    const res = await undo(out.batch_id, 'en');
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'undo_blocked');
    assert.deepEqual(res.body.error.details.orders, ['B-200']);
    assert.match(res.body.error.message, /B-200/);
    assert.deepEqual(await snapshot(), after);
    const listed = (await s.call('GET', '/api/transitions/batches')).body.items.find((x: { id: string }) => x.id === out.batch_id);
    assert.equal(listed.undone_at, null);
  });

  it('a refusal names the first twenty orders and says how many more', async () => {
    const orders = [];
    for (let i = 0; i < 22; i++) orders.push(await makeOrder(s.deps.db));
    const lineIds = orders.flatMap((o) => o.lineIds);
    const out = await bulk('release', lineIds);
    await bulk('hold', lineIds, { reason: '재고 확인' });
    const res = await undo(out.batch_id);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.details.orders.length, 22);
    assert.match(res.body.error.message, / 외 2건$/);
  });

  it('a ship whose number the mall has is not undone', async () => {
    const o = await makeOrder(s.deps.db, { status: 'INVOICED' });
    const box = await putInBox(s.deps.db, o.lineIds, { tracking: '612345678901' });
    const out = await bulk('ship', o.lineIds);
    // What the send job writes once the mall took the number.
    await s.deps
      .db('boxes')
      .where({ id: box })
      .update({ send_status: 'sent', sent_at: new Date().toISOString(), version: s.deps.db.raw('version + 1') });
    const res = await undo(out.batch_id);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'undo_blocked');
  });

  it('is not offered, nor done, once its released orders merged by themselves', async () => {
    assert.equal((await s.call('PUT', '/api/settings/auto-merge', { enabled: true })).status, 200);
    const waiting = await makeOrder(s.deps.db, { status: 'READY' });
    const o = await makeOrder(s.deps.db);
    // One recipient, no safe number: an exact merge group.
    await s.deps.db('orders').whereIn('id', [waiting.id, o.id]).update({ recipient_phone: null });
    const out = await bulk('release', o.lineIds);
    assert.equal(out.applied, 1);
    assert.equal(out.undoable, false, 'the same recipient on the desk: merged right after');
    const listed = (await s.call('GET', '/api/transitions/batches')).body.items.find((b: { id: string }) => b.id === out.batch_id);
    assert.equal(listed.undoable, false);
    const res = await undo(out.batch_id);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'undo_unsupported');
    assert.match(res.body.error.message, /자동 합포/);
  });

  it('a ship is not undone over a stock count since, nor while a send to the malls runs', async () => {
    const sku = await makeSku(s.deps.db);
    await putStock(s.deps.db, sku.id, 5);
    const o = await makeOrder(s.deps.db, { status: 'INVOICED' });
    await setLineSkus(s.deps.db, o.lineIds[0]!, [sku]);
    await putInBox(s.deps.db, o.lineIds, { tracking: '612345678923' });
    const out = await bulk('ship', o.lineIds);

    const now = new Date().toISOString();
    await s.deps.db('jobs').insert({ id: 'job_send_now', type: 'send_invoices', trigger: 'manual', state: 'queued', created_at: now });
    const sending = await undo(out.batch_id);
    assert.equal(sending.status, 409);
    assert.equal(sending.body.error.code, 'sends_running');
    await s.deps.db('jobs').where({ id: 'job_send_now' }).update({ state: 'succeeded', finished_at: now });

    await putStock(s.deps.db, sku.id, 7); // a count after the ship: the shelf was looked at since
    const before = await snapshot();
    const counted = await undo(out.batch_id, 'en');
    assert.equal(counted.status, 409);
    assert.equal(counted.body.error.code, 'stock_changed_since');
    assert.deepEqual(counted.body.error.details.skus, [sku.code]);
    assert.deepEqual(await snapshot(), before);
  });

  it('a call still being written (or broken off) is not undone', async () => {
    const o = await makeOrder(s.deps.db);
    const out = await bulk('release', o.lineIds);
    await s.deps.db('transition_batches').where({ id: out.batch_id }).update({ completed_at: null });
    const res = await undo(out.batch_id);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'batch_in_progress');
  });

  it('calls no record covers are not kept: claims, numbers, deletes', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    const out = await bulk('set_invoice', o.lineIds, { courier: 'CJ', tracking_number: '612345678912' });
    assert.notEqual(out.undoable, true);
    const res = await undo(out.batch_id, 'en');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'batch_not_found');
  });
});
