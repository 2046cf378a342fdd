import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox, type MakeOrder } from '../helpers/builders.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Line = { id: string; status: string; version: number; box_id: string | null; quantity: number; amount: number };
const detail = async (orderId: string) => (await s.call('GET', `/api/orders/${orderId}`)).body;
const line = async (orderId: string, index = 0): Promise<Line> => (await detail(orderId)).lines[index];

/** One action on one line through the single-item endpoint. */
async function act(lineOrOrder: { id: string; version: number }, action: string, params: Record<string, unknown> = {}) {
  return s.call('POST', `/api/orders/${lineOrOrder.id}/transitions`, { action, version: lineOrOrder.version, ...params });
}

async function order(o: MakeOrder = {}) {
  const made = await makeOrder(s.deps.db, o);
  return { id: made.id, line: await line(made.id) };
}

// Valid numbers for the couriers' check digits (mod 7 of all digits but the last).
const cjNumber = cjNumbers(60123456700);

describe('single transitions through the happy path', () => {
  it('PAID → NEW → READY → INVOICED → SHIPPED → IN_TRANSIT → DELIVERED → PURCHASE_CONFIRMED, each recorded', async () => {
    const o = await order({ status: 'PAID' });
    let l = o.line;
    const steps: [string, Record<string, unknown>, string][] = [
      ['confirm', {}, 'NEW'],
      ['release', {}, 'READY'],
      ['set_invoice', { courier: 'CJ', tracking_number: cjNumber() }, 'INVOICED'],
      ['ship', {}, 'SHIPPED'],
      ['mark_in_transit', {}, 'IN_TRANSIT'],
      ['mark_delivered', {}, 'DELIVERED'],
      ['confirm_purchase', {}, 'PURCHASE_CONFIRMED'],
    ];
    for (const [action, params, expected] of steps) {
      const res = await act(l, action, params);
      assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.result, 'applied');
      assert.equal(res.body.version, l.version + 1, 'the version goes up by one per change');
      l = await line(o.id);
      assert.equal(l.status, expected);
    }
    const d = await detail(o.id);
    const moves = d.history
      .filter((h: { entity: string }) => h.entity === 'line')
      .map((h: { from_status: string; to_status: string }) => `${h.from_status}>${h.to_status}`);
    assert.deepEqual(moves, [
      'null>PAID',
      'PAID>NEW',
      'NEW>READY',
      'READY>INVOICED',
      'INVOICED>SHIPPED',
      'SHIPPED>IN_TRANSIT',
      'IN_TRANSIT>DELIVERED',
      'DELIVERED>PURCHASE_CONFIRMED',
    ]);
    const last = d.history[d.history.length - 1];
    assert.equal(last.actor_type, 'user');
    assert.ok(last.actor_id.startsWith('usr_'));
    assert.ok(last.at);
    assert.equal(d.boxes.length, 1);
    assert.ok(d.boxes[0].shipped_at);
  });

  it('an illegal transition is 409 naming the id, the current status and the requested one', async () => {
    const o = await order({ status: 'NEW' });
    const res = await act(o.line, 'ship');
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'illegal_transition');
    assert.equal(res.body.error.details.id, o.line.id);
    // The message is what an operator reads beside the row: no internal id in it.
    assert.equal(res.body.error.message, 'cannot Ship from its current status New');
    assert.equal((await line(o.id)).status, 'NEW');
  });

  it('refusals name statuses and actions by their labels, never by their codes (issue 8, item 6)', async () => {
    const codes = /\b(PAID|NEW|READY|INVOICED|SHIPPED|clear_invoice|set_invoice|hold)\b/;
    // "송장삭제(READY)" was seen: the action's target status as a code. (A READY line's 송장삭제 is no longer refused: it
    // is already where 송장삭제 takes it, so 출고지시 of a paid line stands in.)
    const paid = await order({ status: 'PAID' });
    const ko = { lang: 'ko' };
    const illegal = await s.call('POST', `/api/orders/${paid.line.id}/transitions`, { action: 'release', version: paid.line.version }, ko);
    assert.equal(illegal.body.error.code, 'illegal_transition');
    assert.match(illegal.body.error.message, /현재 상태 결제완료에서는 출고지시할 수 없습니다$/);
    assert.doesNotMatch(illegal.body.error.message.replace(paid.line.id, ''), codes);
    const en = await s.call('POST', `/api/orders/${paid.line.id}/transitions`, { action: 'release', version: paid.line.version }, { lang: 'en' });
    assert.match(en.body.error.message, /cannot Release from its current status Paid$/);
    // "현재 상태 READY, READY" was seen: an order of two lines in one status, as codes.
    const two = await order({ status: 'READY', lines: 2 });
    const stale = await s.call('POST', '/api/transitions', { action: 'ship', items: [{ id: two.id, version: 9 }] }, ko);
    assert.equal(stale.body.results[0].code, 'stale_version');
    assert.match(stale.body.results[0].message, /현재 상태 출고대기\)/);
    assert.doesNotMatch(stale.body.results[0].message.replace(two.id, ''), codes);
    // A missing parameter names the action as operators know it.
    const missing = await s.call('POST', '/api/transitions', { action: 'hold', items: [{ id: two.id, version: 1 }] }, ko);
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /사유 \(items\.0\.reason\): 출고보류에 필요한 값입니다/);
  });

  it('clear_invoice puts the line back on the desk and removes an emptied box', async () => {
    const o = await order({ status: 'READY' });
    await act(o.line, 'set_invoice', { courier: 'CJ', tracking_number: cjNumber() });
    const l = await line(o.id);
    assert.ok(l.box_id);
    assert.equal((await act(l, 'clear_invoice')).status, 200);
    const after = await line(o.id);
    assert.equal(after.status, 'READY');
    assert.equal(after.box_id, null);
    assert.equal((await s.deps.db('boxes').where({ id: l.box_id })).length, 0);
  });
});

describe('holds and flags', () => {
  it('hold needs a reason, blocks release, and release_hold lets it go; both are recorded', async () => {
    const o = await order({ status: 'NEW' });
    const noReason = await act({ id: o.id, version: 1 }, 'hold');
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.details[0].field, 'items.0.reason');
    const held = await act({ id: o.id, version: 1 }, 'hold', { reason: '주소 불명확' });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    const l = await line(o.id);
    assert.equal(l.version, 2, 'an order-level change moves the version of every line');
    const blocked = await act(l, 'release');
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.code, 'blocked');
    const d = await detail(o.id);
    assert.equal(d.hold, true);
    assert.equal(d.hold_reason, '주소 불명확');
    const released = await act({ id: o.id, version: d.version }, 'release_hold');
    assert.equal(released.status, 200);
    assert.equal((await act(await line(o.id), 'release')).status, 200);
    const holds = (await detail(o.id)).holds;
    assert.equal(holds.length, 1);
    assert.ok(holds[0].released_at);
    assert.ok(holds[0].held_by.startsWith('usr_'));
  });

  it('holding an order held already with another reason closes the first hold and opens one with the new reason: the order and its holds agree', async () => {
    const o = await order({ status: 'READY' });
    assert.equal((await act({ id: o.id, version: 1 }, 'hold', { reason: '고객 주소 확인' })).status, 200);
    // From the pane: its rows (lines) with others, in one bulk call.
    const others = [await order({ status: 'READY' }), await order({ status: 'READY' })];
    const rows = [await line(others[0]!.id), await line(o.id), await line(others[1]!.id)];
    const again = await s.call('POST', '/api/transitions', {
      action: 'hold',
      reason: '주소 불명확 확인중',
      items: rows.map((r) => ({ id: r.id, version: r.version })),
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.applied, 3, JSON.stringify(again.body));
    const d = await detail(o.id);
    assert.equal(d.hold_reason, '주소 불명확 확인중');
    const open = d.holds.filter((h: { released_at: string | null }) => !h.released_at);
    assert.deepEqual(
      open.map((h: { reason: string }) => h.reason),
      ['주소 불명확 확인중'],
    );
    assert.equal(d.holds.length, 2);
    // Undone, the first hold is the open one again, with its reason.
    assert.equal(again.body.undoable, true);
    const undo = await s.call('POST', `/api/transitions/batches/${again.body.batch_id}/undo`);
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    const back = await detail(o.id);
    assert.equal(back.hold_reason, '고객 주소 확인');
    assert.deepEqual(
      back.holds.filter((h: { released_at: string | null }) => !h.released_at).map((h: { reason: string }) => h.reason),
      ['고객 주소 확인'],
    );
  });

  it('a call missing a parameter in several items names every missing field, in the message and the details', async () => {
    const orders = [await order({ status: 'NEW' }), await order({ status: 'NEW' }), await order({ status: 'NEW' })];
    const items = orders.map((o) => ({ id: o.id, version: 1 }));
    const ko = await s.call('POST', '/api/transitions', { action: 'hold', items }, { lang: 'ko' });
    assert.equal(ko.status, 400);
    assert.equal(ko.body.error.message, '사유 (items.0.reason): 출고보류에 필요한 값입니다 (함께: items.1.reason, items.2.reason)');
    assert.deepEqual(
      ko.body.error.details.map((d: { field: string }) => d.field),
      ['items.0.reason', 'items.1.reason', 'items.2.reason'],
    );
    const en = await s.call('POST', '/api/transitions', { action: 'hold', items }, { lang: 'en' });
    assert.equal(en.body.error.message, 'items.0.reason: required for Hold (also: items.1.reason, items.2.reason)');
    assert.equal(en.body.error.details[2].message, 'items.2.reason: required for Hold');
  });

  it('a shipped order cannot be held', async () => {
    const o = await order({ status: 'SHIPPED' });
    const res = await act({ id: o.id, version: 1 }, 'hold', { reason: 'x' });
    assert.equal(res.status, 409);
  });

  it('set_flags changes order and line flags; sold-out blocks release until cleared', async () => {
    const o = await order({ status: 'NEW', lines: 2 });
    const res = await act(o.line, 'set_flags', { flags: { sold_out: true, priority: true } });
    assert.equal(res.status, 200);
    const d = await detail(o.id);
    assert.equal(d.priority, true);
    assert.deepEqual(
      d.lines.map((l: { sold_out: boolean }) => !!l.sold_out),
      [true, false],
    );
    const first = d.lines[0];
    assert.equal((await act(first, 'release')).body.error.code, 'blocked');
    await act(first, 'set_flags', { flags: { sold_out: false } });
    assert.equal((await act(await line(o.id), 'release')).status, 200);
  });

  it('delete needs a reason and hides the order from lists', async () => {
    const o = await order({ status: 'NEW', recipient: '삭제될고객' });
    const res = await act({ id: o.id, version: 1 }, 'delete', { reason: '중복 주문' });
    assert.equal(res.status, 200);
    const list = await s.call('GET', `/api/orders?q=${encodeURIComponent('삭제될고객')}`);
    assert.equal(list.body.items.length, 0);
    const withDeleted = await s.call('GET', `/api/orders?q=${encodeURIComponent('삭제될고객')}&include_deleted=true`);
    assert.equal(withDeleted.body.items[0].delete_reason, '중복 주문');
    const again = await act(await line(o.id), 'release');
    assert.equal(again.status, 404);
    assert.equal(again.body.error.code, 'deleted');
  });

  it('주문삭제 복구 brings a deleted order back as it was, with a reason and history; deleted orders can be listed alone', async () => {
    const o = await order({ status: 'READY', recipient: '되살릴고객' });
    const kept = await order({ status: 'READY', recipient: '되살릴고객' });
    assert.equal((await act({ id: o.id, version: 1 }, 'delete', { reason: '실수로 삭제' })).status, 200);
    const only = await s.call('GET', `/api/orders?q=${encodeURIComponent('되살릴고객')}&deleted=true`);
    assert.deepEqual(
      only.body.items.map((i: { id: string }) => i.id),
      [o.id],
      'only the deleted one',
    );
    const version = (await s.call('GET', `/api/orders/${o.id}`)).body.version;
    const bulk = (reason?: string) =>
      s.call('POST', '/api/transitions', { action: 'undelete', ...(reason ? { reason } : {}), items: [{ id: o.id, version }] });
    const missing = await bulk();
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details[0].field, 'items.0.reason');
    const back = await bulk('고객 확인: 정상 주문');
    assert.equal(back.body.results[0].result, 'applied', JSON.stringify(back.body));
    const d = await detail(o.id);
    assert.deepEqual([d.deleted_at, d.deleted_by, d.delete_reason], [null, null, null]);
    assert.equal(d.lines[0].status, 'READY', 'its lines as they were');
    // Its history says both, with who and why (the order's own delete fields are cleared).
    const history = await s.deps.db('status_history').where({ entity: 'order', entity_id: o.id }).orderBy('id');
    assert.deepEqual(
      history.map((h) => [h.action, h.from_status, h.to_status, h.reason, !!h.actor_id]),
      [
        ['delete', null, 'deleted', '실수로 삭제', true],
        ['undelete', 'deleted', 'undeleted', '고객 확인: 정상 주문', true],
      ],
    );
    assert.equal((await act(await line(o.id), 'release')).status, 200, 'it works on the desk again');
    // An order not deleted is unchanged by it.
    const current = (await s.call('GET', `/api/orders/${kept.id}`)).body.version;
    const noop = await s.call('POST', '/api/transitions', { action: 'undelete', reason: '확인', items: [{ id: kept.id, version: current }] });
    assert.equal(noop.body.results[0].code, 'unchanged', JSON.stringify(noop.body));
  });

  it('a deleted order leaves a numbered box it shared (합포): the box ships without it, and it comes back to 출고대기', async () => {
    const a = await order({ status: 'READY', recipient: '합포삭제고객' });
    const b = await order({ status: 'READY', recipient: '합포삭제고객' });
    const alone = await order({ status: 'READY', recipient: '혼자박스고객' });
    const number = cjNumber();
    const box = await putInBox(s.deps.db, [a.line.id, b.line.id], { tracking: number, status: 'INVOICED' });
    await putInBox(s.deps.db, [alone.line.id], { tracking: cjNumber(), status: 'INVOICED' });
    const deleted = await s.call('POST', '/api/transitions', {
      action: 'delete',
      reason: '중복 주문',
      items: [{ id: a.id, version: (await detail(a.id)).version }],
    });
    assert.equal(deleted.body.results[0].result, 'applied', JSON.stringify(deleted.body));
    const gone = await line(a.id);
    assert.deepEqual([gone.status, gone.box_id], ['READY', null], 'out of the box, its number the box’s');
    const history = (await detail(a.id)).history.filter((h: { entity: string }) => h.entity === 'line');
    assert.deepEqual(history.at(-1).action, 'delete');
    // The box ships with the other order alone.
    const kept = await detail(b.id);
    const shipped = await s.call('POST', '/api/transitions', { action: 'ship', items: [{ id: b.id, version: kept.version }] });
    assert.equal(shipped.body.results[0].result, 'applied', JSON.stringify(shipped.body));
    assert.deepEqual(
      (await s.deps.db('order_lines').where({ box_id: box }).select('id', 'status')).map((l) => [l.id, l.status]),
      [[b.line.id, 'SHIPPED']],
    );
    assert.equal((await line(a.id)).status, 'READY', 'the deleted order did not ship');
    // Brought back, it is on the desk to be numbered again; a box of its own stays as it was when deleted.
    const back = await s.call('POST', '/api/transitions', {
      action: 'undelete',
      reason: '고객 확인',
      items: [{ id: a.id, version: (await detail(a.id)).version }],
    });
    assert.equal(back.body.results[0].result, 'applied', JSON.stringify(back.body));
    assert.equal((await line(a.id)).status, 'READY');
    const lone = await detail(alone.id);
    await s.call('POST', '/api/transitions', { action: 'delete', reason: '중복 주문', items: [{ id: alone.id, version: lone.version }] });
    assert.equal((await line(alone.id)).status, 'INVOICED');
    assert.ok((await line(alone.id)).box_id);
  });

  it('a box packed with a deleted order before deletes took it out is refused whole, naming that order’s product', async () => {
    const a = await order({ status: 'READY', recipient: '예전합포', products: ['삭제된 머그'] });
    const b = await order({ status: 'READY', recipient: '예전합포' });
    await putInBox(s.deps.db, [a.line.id, b.line.id], { tracking: cjNumber(), status: 'INVOICED' });
    // Deleted the way it was before (its line left in the box).
    await s.deps.db('orders').where({ id: a.id }).update({ deleted_at: new Date().toISOString(), delete_reason: '예전 삭제' });
    const kept = await detail(b.id);
    const res = await s.call('POST', '/api/transitions', { action: 'ship', items: [{ id: b.id, version: kept.version }] }, { lang: 'ko' });
    assert.equal(res.body.results[0].result, 'refused', JSON.stringify(res.body));
    assert.match(res.body.results[0].message, /삭제된 주문의 상품 삭제된 머그/);
    assert.equal((await line(a.id)).status, 'INVOICED');
    assert.equal((await line(b.id)).status, 'INVOICED');
  });

  it('an order kept deleted past the retention time, its recipient data erased, cannot be brought back', async () => {
    const o = await order({ status: 'READY' });
    assert.equal((await act({ id: o.id, version: 1 }, 'delete', { reason: '중복' })).status, 200);
    await s.deps.db('orders').where({ id: o.id }).update({ personal_data_erased_at: new Date().toISOString(), recipient_name: '홍*동' });
    const version = (await s.call('GET', `/api/orders/${o.id}`)).body.version;
    const res = await s.call('POST', '/api/transitions', { action: 'undelete', reason: '복구', items: [{ id: o.id, version }] });
    assert.equal(res.body.results[0].result, 'refused', JSON.stringify(res.body));
    assert.match(res.body.results[0].message, /파기|erased/);
    assert.ok((await detail(o.id)).deleted_at, 'still deleted');
  });
});

describe('claims and restore', () => {
  it('a cancel entered before release closes the order at once and records the claim', async () => {
    const o = await order({ status: 'NEW' });
    const res = await act(o.line, 'claim', { claim_type: 'cancel', reason: '고객 변심' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const d = await detail(o.id);
    assert.equal(d.lines[0].status, 'CANCELED');
    assert.equal(d.claims.length, 1);
    assert.equal(d.claims[0].state, 'completed');
    assert.equal(d.claims[0].source, 'manual');
  });

  it('restore after a cancel returns to the exact earlier status, keeping the box', async () => {
    const o = await order({ status: 'READY' });
    const number = cjNumber();
    await act(o.line, 'set_invoice', { courier: 'CJ', tracking_number: number });
    const invoiced = await line(o.id);
    assert.equal(invoiced.status, 'INVOICED');
    await act(invoiced, 'claim', { claim_type: 'cancel', reason: '품절 취소' });
    const requested = await line(o.id);
    assert.equal(requested.status, 'CANCEL_REQUESTED');
    await act(requested, 'complete_claim');
    const canceled = await line(o.id);
    assert.equal(canceled.status, 'CANCELED');
    const restored = await act(canceled, 'restore');
    assert.equal(restored.status, 200);
    assert.equal(restored.body.lines[0].status, 'INVOICED');
    const after = await line(o.id);
    assert.equal(after.status, 'INVOICED');
    assert.equal(after.box_id, invoiced.box_id);
    assert.ok(restored.body.warnings?.length, 'a mall order warns that the next sync may revert it');
    // The claim is named, not our status: a cancel completed here may stand at the mall as requested or completed.
    assert.match(String(restored.body.warnings[0].message ?? restored.body.warnings[0]), /this cancel|이 취소/, 'the claim it was');
    const other = await order({ status: 'READY' });
    await act(other.line, 'claim', { claim_type: 'cancel', reason: '고객 문의' });
    const back = await act(await line(other.id), 'restore');
    assert.match(String(back.body.warnings[0].message ?? back.body.warnings[0]), /this cancel|이 취소/, JSON.stringify(back.body.warnings));
    const after2 = await detail(o.id);
    assert.equal(after2.claims[0].state, 'restored');
    const claimMoves = after2.history
      .filter((h: { entity: string }) => h.entity === 'claim')
      .map((h: { from_status: string | null; to_status: string }) => `${h.from_status}>${h.to_status}`);
    assert.deepEqual(claimMoves, ['null>requested', 'requested>completed', 'completed>restored'], 'claim states are recorded too');
  });

  it('restore of a return request goes to SHIPPED; withdrawing a claim goes back to where it was', async () => {
    const o = await order({ status: 'DELIVERED', source: 'direct', channelKind: 'direct' });
    await act(o.line, 'claim', { claim_type: 'return', reason: '불량' });
    const requested = await line(o.id);
    assert.equal(requested.status, 'RETURN_REQUESTED');
    const restored = await act(requested, 'restore');
    assert.equal(restored.body.lines[0].status, 'SHIPPED');
    assert.equal(restored.body.warnings, undefined, 'no mall, no warning');

    const o2 = await order({ status: 'DELIVERED' });
    await act(o2.line, 'claim', { claim_type: 'exchange', reason: '사이즈' });
    const withdrawn = await act(await line(o2.id), 'withdraw_claim');
    assert.equal(withdrawn.body.lines[0].status, 'DELIVERED');
    assert.equal((await detail(o2.id)).claims[0].state, 'withdrawn');
  });

  it('returns and exchanges are requested and completed; a returned line can be restored to SHIPPED', async () => {
    const r = await order({ status: 'IN_TRANSIT' });
    await act(r.line, 'claim', { claim_type: 'return', reason: '단순 변심' });
    const done = await act(await line(r.id), 'complete_claim');
    assert.equal(done.body.lines[0].status, 'RETURNED');
    assert.equal((await detail(r.id)).claims[0].state, 'completed');
    assert.equal((await act(await line(r.id), 'restore')).body.lines[0].status, 'SHIPPED');

    const e = await order({ status: 'SHIPPED' });
    await act(e.line, 'claim', { claim_type: 'exchange', reason: '색상 교환' });
    const exchanged = await act(await line(e.id), 'complete_claim');
    assert.equal(exchanged.body.lines[0].status, 'EXCHANGED');
    assert.equal((await act(await line(e.id), 'restore')).body.lines[0].status, 'SHIPPED');

    const early = await order({ status: 'NEW' });
    const refused = await act(early.line, 'claim', { claim_type: 'return' });
    assert.equal(refused.status, 409, 'nothing to return before it ships');
  });

  it('mark cancel completed works straight from a pre-shipment status (instant refunds)', async () => {
    const o = await order({ status: 'READY' });
    const res = await act(o.line, 'complete_claim', { claim_type: 'cancel', reason: '즉시환불' });
    assert.equal(res.status, 200);
    assert.equal((await line(o.id)).status, 'CANCELED');
    const noType = await act((await order({ status: 'READY' })).line, 'complete_claim');
    assert.equal(noType.status, 409);
  });

  it('a claim for part of a quantity splits the line, amounts in whole won', async () => {
    const o = await order({ status: 'READY', quantity: 3, unitPrice: 10001 });
    const res = await act(o.line, 'claim', { claim_type: 'cancel', quantity: 1, reason: '1개 취소' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const d = await detail(o.id);
    assert.equal(d.lines.length, 2);
    const [claimed, rest] = d.lines;
    assert.equal(claimed.quantity, 1);
    assert.equal(claimed.status, 'CANCEL_REQUESTED');
    assert.equal(rest.quantity, 2);
    assert.equal(rest.status, 'READY');
    assert.equal(claimed.amount + rest.amount, 30003);
    const tooMany = await act(rest, 'claim', { claim_type: 'cancel', quantity: 5 });
    assert.equal(tooMany.body.error.code, 'quantity_too_large');
  });
});

describe('invoices', () => {
  it('an invalid tracking number is refused naming the rule; nothing changes', async () => {
    const o = await order({ status: 'READY' });
    const res = await act(o.line, 'set_invoice', { courier: 'LOTTE', tracking_number: '123456789012' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_tracking_number');
    const l = await line(o.id);
    assert.equal(l.status, 'READY');
    assert.equal(l.version, o.line.version);
  });

  it('lines of one order with the same number share a box; another order cannot reuse it', async () => {
    const o = await order({ status: 'READY', lines: 2 });
    const number = cjNumber();
    const d = await detail(o.id);
    const res = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ대한통운',
      items: d.lines.map((l: Line) => ({ id: l.id, version: l.version, tracking_number: number })),
    });
    assert.deepEqual(
      res.body.results.map((r: { result: string }) => r.result),
      ['applied', 'applied'],
    );
    const after = await detail(o.id);
    assert.equal(after.boxes.length, 1);
    assert.equal(after.boxes[0].courier, 'CJ');
    assert.equal(after.boxes[0].tracking_number, number);

    const other = await order({ status: 'READY' });
    const dup = await act(other.line, 'set_invoice', { courier: 'CJ', tracking_number: number });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'duplicate_tracking_number');
    // The holder named by its mall order number, as the operator knows it.
    assert.match(dup.body.error.message, new RegExp(after.mall_order_id));
  });

  it('overwriting a number needs overwrite, works on SHIPPED, and the same number again changes nothing', async () => {
    const o = await order({ status: 'READY' });
    const first = cjNumber();
    await act(o.line, 'set_invoice', { courier: 'CJ', tracking_number: first });
    await act(await line(o.id), 'ship');
    const shipped = await line(o.id);
    const second = cjNumber();
    const refused = await act(shipped, 'set_invoice', { courier: 'CJ', tracking_number: second });
    assert.equal(refused.body.error.code, 'overwrite_required');
    const same = await act(shipped, 'set_invoice', { courier: 'CJ', tracking_number: first });
    assert.equal(same.body.code, 'unchanged');
    assert.equal((await line(o.id)).version, shipped.version, 'an unchanged item does not move the version');
    const overwritten = await act(shipped, 'set_invoice', { courier: 'CJ', tracking_number: second, overwrite: true });
    assert.equal(overwritten.status, 200);
    const d = await detail(o.id);
    assert.equal(d.lines[0].status, 'SHIPPED');
    assert.equal(d.boxes[0].tracking_number, second);
  });
});

describe('bulk', () => {
  it('gives one result per item: applied, stale, illegal, blocked, not found, duplicate', async () => {
    const ok1 = await order({ status: 'NEW' });
    const ok2 = await order({ status: 'NEW', lines: 2 });
    const stale = await order({ status: 'NEW' });
    const illegal = await order({ status: 'SHIPPED' });
    const held = await order({ status: 'NEW' });
    await act({ id: held.id, version: 1 }, 'hold', { reason: '재고 확인' });
    const res = await s.call('POST', '/api/transitions', {
      action: 'release',
      items: [
        { id: ok1.line.id, version: ok1.line.version },
        { id: ok2.id, version: 1 },
        { id: stale.line.id, version: stale.line.version + 5 },
        { id: illegal.line.id, version: illegal.line.version },
        { id: held.id, version: 2 },
        { id: 'lin_doesnotexist', version: 1 },
        { id: ok1.line.id, version: ok1.line.version },
      ],
    });
    assert.equal(res.status, 200);
    const summary = res.body.results.map((r: { result: string; code?: string }) => `${r.result}:${r.code ?? ''}`);
    assert.deepEqual(summary, [
      'applied:',
      'applied:',
      'refused:stale_version',
      'refused:illegal_transition',
      'refused:blocked',
      'refused:not_found',
      'refused:duplicate_item',
    ]);
    assert.equal(res.body.applied, 2);
    assert.equal(res.body.refused, 5);
    assert.equal(res.body.results[1].lines.length, 2);
    assert.ok(res.body.results.every((r: { message?: string; result: string }) => r.result === 'applied' || r.message));
    assert.equal((await line(stale.id)).status, 'NEW', 'a stale version never overwrites');
    assert.equal(res.body.results[2].version, stale.line.version, 'a stale refusal tells the current version');
    const history = await s.deps.db('status_history').where({ batch_id: res.body.batch_id });
    assert.equal(history.length, 3, 'one history row per applied line, all with the batch id');
  });

  it('handles thousands of items in one call, each with its history row', async () => {
    const { seedOrders } = await import('../../bench/seed.ts');
    const { lineIds } = await seedOrders(s.deps.db, { orders: 1200, linesPerOrder: 2, status: 'NEW' });
    const res = await s.call('POST', '/api/transitions', { action: 'release', items: lineIds.map((id) => ({ id, version: 1 })) });
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    assert.equal(res.body.applied, 2400);
    assert.ok(res.body.results.every((r: { version: number }) => r.version === 2));
    const history = await s.deps.db('status_history').where({ batch_id: res.body.batch_id }).count({ n: '*' });
    assert.equal(Number(history[0]!.n), 2400);
    const orders = await s.deps
      .db('orders')
      .whereIn('id', s.deps.db('order_lines').whereIn('id', lineIds.slice(0, 10)).select('order_id'))
      .select('version');
    assert.ok(
      orders.every((o: { version: number }) => o.version === 2),
      'each order moved once',
    );
  });

  it('an order target applies to the lines that can move and skips a cancelled one', async () => {
    const o = await order({ status: 'NEW', lines: 3 });
    const d = await detail(o.id);
    await act(d.lines[2], 'claim', { claim_type: 'cancel' });
    const version = (await detail(o.id)).version;
    const res = await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: o.id, version }] });
    assert.equal(res.body.results[0].result, 'applied');
    const statuses = (await detail(o.id)).lines.map((l: Line) => l.status);
    assert.deepEqual(statuses, ['READY', 'READY', 'CANCELED']);
  });

  it("a claim that arrived after the caller read the order refuses the caller's change", async () => {
    const o = await order({ status: 'READY' });
    const seen = o.line;
    await act(seen, 'claim', { claim_type: 'cancel', claim_state: 'requested', reason: '구매자 취소' });
    const push = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      items: [{ id: seen.id, version: seen.version, courier: 'CJ', tracking_number: cjNumber() }],
    });
    assert.equal(push.body.results[0].code, 'stale_version');
    assert.match(push.body.results[0].message, /now Cancel requested\)/);
    assert.equal((await line(o.id)).status, 'CANCEL_REQUESTED');
  });

  it('bad input anywhere refuses the whole call, naming the item, and writes nothing', async () => {
    const o = await order({ status: 'NEW' });
    const res = await s.call('POST', '/api/transitions', {
      action: 'hold',
      items: [
        { id: o.id, version: 1, reason: 'ok' },
        { id: o.id, version: 'one' },
      ],
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details[0].field, 'items.1.version');
    assert.equal((await detail(o.id)).hold, false);
    const missing = await s.call('POST', '/api/transitions', { action: 'set_invoice', items: [{ id: o.line.id, version: 1, courier: 'CJ' }] });
    assert.equal(missing.body.error.details[0].field, 'items.0.tracking_number');
    const unknown = await s.call('POST', '/api/transitions', { action: 'teleport', items: [{ id: o.id, version: 1 }] });
    assert.equal(unknown.body.error.details[0].field, 'action');
  });

  it('Korean messages by default', async () => {
    const o = await order({ status: 'NEW' });
    const res = await s.call('POST', `/api/orders/${o.line.id}/transitions`, { action: 'ship', version: o.line.version }, { lang: 'ko-KR,ko;q=0.9' });
    assert.match(res.body.error.message, /현재 상태 신규주문에서는 출고완료할 수 없습니다/);
  });
});

describe('couriers a mall does not take', () => {
  it('numbering a Coupang line with CU 편의점택배 keeps the number and warns that the send will fail; a Naver line does not warn', async () => {
    const account = async (mall_type: string, credentials: Record<string, string>) => {
      const res = await s.call('POST', '/api/mall-accounts', { mall_type, display_name: `${mall_type} 택배사`, credentials });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.id as string;
    };
    const coupang = await account('coupang', { vendor_id: 'A00099999', access_key: 'ak-courier-test', secret_key: 'sk-courier-test-0123456789' });
    const naver = await account('naver', { client_id: 'courier-test', client_secret: '$2a$04$abcdefghijklmnopqrstuu' });
    const number = (n: number) => `36312345678${n}`;
    const numbered = async (mallAccountId: string, n: number) => {
      const o = await order({ status: 'READY', mallAccountId });
      const res = await act(o.line, 'set_invoice', { courier: 'CUPOST', tracking_number: number(n) });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return { res, line: await line(o.id) };
    };
    const atCoupang = await numbered(coupang, 1);
    assert.equal(atCoupang.line.status, 'INVOICED', 'the number is kept');
    const said = JSON.stringify(atCoupang.res.body.warnings);
    assert.match(said, /쿠팡은\(는\) CU 편의점택배 송장을 받지 않습니다|Coupang does not take CU Post numbers/, said);
    const atNaver = await numbered(naver, 2);
    assert.equal(atNaver.res.body.warnings, undefined, JSON.stringify(atNaver.res.body));
  });
});
