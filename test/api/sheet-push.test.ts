// The order sheet's push and re-read: rows as the add-in sends them (only changed cells, with the version pulled),
// each applied whole or not at all, with results naming the column a refusal is about.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Row = Record<string, unknown> & { line_id: string };
type ViewRow = Record<string, any> & { line_id: string; line_version: number };
type RowResult = { line_id: string; result: string; code?: string; column?: string; message?: string };

const push = (rows: Row[], token?: string) => s.call('POST', '/api/sheet/push', { rows }, token ? { token } : {});
const view = async (lineIds: string[]): Promise<ViewRow[]> => (await s.call('POST', '/api/sheet/lines', { line_ids: lineIds })).body.items;
const row = async (lineId: string): Promise<ViewRow> => (await view([lineId]))[0]!;
const outcome = (res: { body: { results: RowResult[] } }) => res.body.results.map((r) => `${r.result}:${r.code ?? ''}`);
const detail = async (orderId: string) => (await s.call('GET', `/api/orders/${orderId}`)).body;
const history = async (batchId: string) => s.deps.db('status_history').where({ batch_id: batchId });
const countOf = async (table: string, orderId: string) => Number((await s.deps.db(table).where({ order_id: orderId }).count({ n: '*' }))[0]!.n);

let serial = 0;
/** A valid CJ number, new each call. */
const cj = () => trackingNumber(++serial);

describe('POST /api/sheet/push: tracking numbers', () => {
  it('sets the numbers of several rows in one batch, with history and the moved lines', async () => {
    const orders = [await makeOrder(s.deps.db, { status: 'READY' }), await makeOrder(s.deps.db, { status: 'READY' })];
    const numbers = [cj(), cj()];
    const res = await push(orders.map((o, i) => ({ line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ대한통운', tracking_number: numbers[i] })));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(outcome(res), ['applied:', 'applied:']);
    assert.deepEqual([res.body.applied, res.body.refused], [2, 0]);
    const lines = res.body.lines as ViewRow[];
    assert.deepEqual(lines.map((l) => l.line_id).sort(), orders.map((o) => o.lineIds[0]!).sort());
    for (const [i, o] of orders.entries()) {
      const l = lines.find((x) => x.line_id === o.lineIds[0])!;
      assert.deepEqual([l.status, l.courier, l.tracking_number, l.line_version, l.send_status], ['INVOICED', 'CJ', numbers[i], 2, 'not_sent']);
    }
    const written = await history(res.body.batch_id);
    assert.deepEqual(
      written.map((h: { action: string; from_status: string; to_status: string }) => `${h.action}:${h.from_status}>${h.to_status}`),
      ['set_invoice:READY>INVOICED', 'set_invoice:READY>INVOICED'],
    );
    assert.ok(written.every((h: { actor_type: string; actor_id: string }) => h.actor_type === 'user' && h.actor_id));
  });

  it('refuses a bad number, an unknown courier and a number without a courier, naming the column', async () => {
    const [a, b, c] = [
      await makeOrder(s.deps.db, { status: 'READY' }),
      await makeOrder(s.deps.db, { status: 'READY' }),
      await makeOrder(s.deps.db, { status: 'READY' }),
    ];
    const res = await push([
      { line_id: a.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: '12345' },
      { line_id: b.lineIds[0]!, line_version: 1, courier: '번개택배', tracking_number: cj() },
      { line_id: c.lineIds[0]!, line_version: 1, courier: '', tracking_number: cj() },
    ]);
    assert.deepEqual(outcome(res), ['refused:invalid_tracking_number', 'refused:unknown_courier', 'refused:courier_required']);
    assert.deepEqual(
      res.body.results.map((r: RowResult) => r.column),
      ['tracking_number', 'courier', 'courier'],
    );
    assert.ok(res.body.results.every((r: RowResult) => r.message));
    assert.deepEqual(res.body.lines, []);
    assert.equal((await row(a.lineIds[0]!)).status, 'READY');
  });

  it('refuses a stale row with its current status while the other rows apply', async () => {
    const moved = await makeOrder(s.deps.db, { status: 'NEW' });
    const fresh = await makeOrder(s.deps.db, { status: 'READY' });
    await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: moved.lineIds[0]!, version: 1 }] });
    const res = await push([
      { line_id: moved.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: cj() },
      { line_id: fresh.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: cj() },
    ]);
    assert.deepEqual(outcome(res), ['refused:stale_version', 'applied:']);
    assert.match(res.body.results[0].message, /changed since the pull.*Ready to ship/);
    assert.equal(res.body.results[0].column, undefined);
    assert.equal((await row(moved.lineIds[0]!)).tracking_number, null);
  });

  it('the same rows pushed again (the answer was lost) are unchanged, their lines refreshed; a stale row asking anything new is still refused', async () => {
    const [a, b] = [await makeOrder(s.deps.db, { status: 'READY' }), await makeOrder(s.deps.db, { status: 'READY' })];
    await s.deps.db('orders').where({ id: b.id }).update({ hold: true, hold_reason: '주소 확인' });
    const rows = [
      { line_id: a.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: cj(), memo: '문 앞' },
      { line_id: b.lineIds[0]!, line_version: 1, hold: false },
    ];
    const first = await push(rows);
    assert.deepEqual(outcome(first), ['applied:', 'applied:']);
    const again = await push(rows);
    assert.deepEqual(outcome(again), ['applied:unchanged', 'applied:unchanged']);
    const refreshed = again.body.lines as ViewRow[];
    assert.deepEqual(
      refreshed.map((l) => [l.line_id, l.line_version]).sort(),
      first.body.lines.map((l: ViewRow) => [l.line_id, l.line_version]).sort(),
      'the versions the lost answer carried',
    );
    assert.deepEqual(await history(again.body.batch_id), []);
    // Anything new on a line that moved since: stale, as before (a number, or a hold the order no longer has).
    const changed = await push([
      { ...rows[0]!, tracking_number: cj() },
      { line_id: b.lineIds[0]!, line_version: 1, hold: true, hold_reason: '주소 확인' },
    ]);
    assert.deepEqual(outcome(changed), ['refused:stale_version', 'refused:stale_version']);
  });

  it('typing over a number replaces it; emptying it clears the box', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    const first = await push([{ line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: cj() }]);
    const second = cj();
    const over = await push([{ line_id: o.lineIds[0]!, line_version: first.body.lines[0].line_version, courier: 'CJ', tracking_number: second }]);
    assert.deepEqual(outcome(over), ['applied:']);
    assert.equal(over.body.lines[0].tracking_number, second);
    const cleared = await push([{ line_id: o.lineIds[0]!, line_version: over.body.lines[0].line_version, courier: 'CJ', tracking_number: '' }]);
    assert.deepEqual(outcome(cleared), ['applied:']);
    assert.deepEqual([cleared.body.lines[0].status, cleared.body.lines[0].tracking_number], ['READY', null]);
    assert.equal((await detail(o.id)).boxes.length, 0);
  });

  it('replaces the numbers of several boxes in one push', async () => {
    const orders = [await makeOrder(s.deps.db, { status: 'READY' }), await makeOrder(s.deps.db, { status: 'READY' })];
    for (const o of orders) await putInBox(s.deps.db, o.lineIds, { tracking: cj(), status: 'INVOICED' });
    const numbers = [cj(), cj()];
    const res = await push(orders.map((o, i) => ({ line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: numbers[i] })));
    assert.deepEqual(outcome(res), ['applied:', 'applied:']);
    for (const [i, o] of orders.entries()) {
      const box = (await detail(o.id)).boxes[0];
      assert.deepEqual([box.tracking_number, box.version, typeof box.invoiced_at], [numbers[i], 2, 'string']);
    }
  });

  it('two lines of one order typing the same number share one box', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const n = cj();
    const res = await push(o.lineIds.map((id) => ({ line_id: id, line_version: 1, courier: 'CJ', tracking_number: n })));
    assert.deepEqual(outcome(res), ['applied:', 'applied:']);
    const d = await detail(o.id);
    assert.equal(d.boxes.length, 1);
    assert.equal(d.boxes[0].tracking_number, n);
    assert.ok(d.lines.every((l: { box_id: string; status: string }) => l.box_id === d.boxes[0].id && l.status === 'INVOICED'));
  });

  it('numbering one line of a box moves every line of the box, and the push returns them all', async () => {
    const a = await makeOrder(s.deps.db, { status: 'READY' });
    const b = await makeOrder(s.deps.db, { status: 'READY' });
    const other = await makeOrder(s.deps.db, { status: 'READY' });
    await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!]);
    const res = await push([{ line_id: a.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: cj() }]);
    assert.deepEqual(outcome(res), ['applied:']);
    const lines = res.body.lines as ViewRow[];
    assert.deepEqual(lines.map((l) => l.line_id).sort(), [a.lineIds[0]!, b.lineIds[0]!].sort());
    assert.ok(lines.every((l) => l.line_version === 2 && l.status === 'INVOICED'));
    assert.equal((await row(other.lineIds[0]!)).line_version, 1);
  });

  it('two rows of one box asking for different numbers: the later is refused', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    await putInBox(s.deps.db, o.lineIds);
    const n = cj();
    const res = await push([
      { line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: n },
      { line_id: o.lineIds[1]!, line_version: 1, courier: 'CJ', tracking_number: cj() },
    ]);
    assert.deepEqual(outcome(res), ['applied:', 'refused:row_conflict']);
    assert.equal(res.body.results[1].column, 'tracking_number');
    assert.match(res.body.results[1].message, new RegExp(n));
    // The courier as operators know it, not its code (issue 8, item 6).
    assert.match(res.body.results[1].message, new RegExp(`${n} \\(CJ Logistics\\)`));
    assert.equal((await detail(o.id)).boxes[0].tracking_number, n);
  });

  it("a row keeping the box's number counts too: a later row of the box cannot change it", async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const n = cj();
    await putInBox(s.deps.db, o.lineIds, { tracking: n, status: 'INVOICED' });
    const res = await push([
      { line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: n },
      { line_id: o.lineIds[1]!, line_version: 1, courier: 'CJ', tracking_number: cj() },
    ]);
    assert.deepEqual(outcome(res), ['applied:unchanged', 'refused:row_conflict']);
    assert.equal((await detail(o.id)).boxes[0].tracking_number, n);
  });
});

describe('POST /api/sheet/push: holds', () => {
  it("holds with the row's reason, and refuses a hold without one", async () => {
    const held = await makeOrder(s.deps.db, { status: 'NEW' });
    const bare = await makeOrder(s.deps.db, { status: 'NEW' });
    const res = await push([
      { line_id: held.lineIds[0]!, line_version: 1, hold: true, hold_reason: '주소 확인' },
      { line_id: bare.lineIds[0]!, line_version: 1, hold: true },
    ]);
    assert.deepEqual(outcome(res), ['applied:', 'refused:hold_reason_required']);
    assert.equal(res.body.results[1].column, 'hold_reason');
    const d = await detail(held.id);
    assert.deepEqual([d.hold, d.hold_reason, d.holds.length], [true, '주소 확인', 1]);
    assert.equal((await detail(bare.id)).hold, false);
  });

  it('a reason alone re-holds an order on hold and is refused on one that is not', async () => {
    const held = await makeOrder(s.deps.db, { status: 'NEW' });
    const free = await makeOrder(s.deps.db, { status: 'NEW' });
    const first = await push([{ line_id: held.lineIds[0]!, line_version: 1, hold: true, hold_reason: '재고 확인' }]);
    const res = await push([
      { line_id: held.lineIds[0]!, line_version: first.body.lines[0].line_version, hold_reason: '고객 요청' },
      { line_id: free.lineIds[0]!, line_version: 1, hold_reason: '고객 요청' },
    ]);
    assert.deepEqual(outcome(res), ['applied:', 'refused:invalid_value']);
    assert.equal(res.body.results[1].column, 'hold_reason');
    const d = await detail(held.id);
    assert.equal(d.hold_reason, '고객 요청');
    assert.deepEqual(
      d.holds.map((h: { reason: string; released_at: string | null }) => [h.reason, !!h.released_at]),
      [
        ['재고 확인', true],
        ['고객 요청', false],
      ],
    );
  });

  it('hold: true alone keeps the reason the order already has', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 2 });
    await s.call('POST', `/api/orders/${o.id}/transitions`, { action: 'hold', version: 1, reason: '주소 확인' });
    const [l] = await view([o.lineIds[0]!]);
    const res = await push([{ line_id: l!.line_id, line_version: l!.line_version, hold: true }]);
    assert.deepEqual(outcome(res), ['applied:unchanged']);
  });

  it('releases and numbers in one row', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    await s.call('POST', `/api/orders/${o.id}/transitions`, { action: 'hold', version: 1, reason: '주소 확인' });
    const [l] = await view([o.lineIds[0]!]);
    const n = cj();
    const res = await push([{ line_id: l!.line_id, line_version: l!.line_version, hold: false, courier: 'CJ', tracking_number: n }]);
    assert.deepEqual(outcome(res), ['applied:']);
    const [after] = res.body.lines as ViewRow[];
    assert.deepEqual([after!.hold, after!.hold_reason, after!.status, after!.tracking_number], [false, null, 'INVOICED', n]);
  });

  it('a number on an order that stays on hold is refused as blocked, at the number', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    await s.call('POST', `/api/orders/${o.id}/transitions`, { action: 'hold', version: 1, reason: '주소 확인' });
    const [l] = await view([o.lineIds[0]!]);
    const res = await push([{ line_id: l!.line_id, line_version: l!.line_version, courier: 'CJ', tracking_number: cj() }]);
    assert.deepEqual(outcome(res), ['refused:blocked']);
    assert.equal(res.body.results[0].column, 'tracking_number');
  });

  it('two rows of one order asking the same hold: one applied, one unchanged; a different hold is refused', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 3 });
    const res = await push([
      { line_id: o.lineIds[0]!, line_version: 1, hold: true, hold_reason: '재고 확인' },
      { line_id: o.lineIds[1]!, line_version: 1, hold: true, hold_reason: '재고 확인' },
      { line_id: o.lineIds[2]!, line_version: 1, hold: false },
    ]);
    assert.deepEqual(outcome(res), ['applied:', 'applied:unchanged', 'refused:row_conflict']);
    assert.equal(res.body.results[2].column, 'hold');
    assert.match(res.body.results[2].message, /재고 확인/);
    const d = await detail(o.id);
    assert.deepEqual([d.hold, d.holds.length], [true, 1]);
    // The hold moved every line of the order, so the sheet gets all three back.
    assert.equal(res.body.lines.length, 3);
  });
});

describe('POST /api/sheet/push: memos', () => {
  it('adds a memo once for several rows of the order and shows it on every line', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 2 });
    const res = await push(o.lineIds.map((id) => ({ line_id: id, line_version: 1, memo: '포장 꼼꼼히' })));
    assert.deepEqual(outcome(res), ['applied:', 'applied:unchanged']);
    const notes = (await detail(o.id)).notes as { kind: string; body: string; author_id: string }[];
    assert.deepEqual(
      notes.map((n) => [n.kind, n.body]),
      [['memo', '포장 꼼꼼히']],
    );
    assert.ok(notes[0]!.author_id);
    assert.deepEqual(
      res.body.lines.map((l: ViewRow) => [l.memo, l.line_version]),
      [
        ['포장 꼼꼼히', 2],
        ['포장 꼼꼼히', 2],
      ],
    );
    const listed = (await s.call('GET', '/api/order-lines?reason=shipping&limit=10000')).body.items.find((l: ViewRow) => l.line_id === o.lineIds[0]);
    assert.equal(listed.memo, '포장 꼼꼼히');
  });

  it('shows the latest memo, and refuses an emptied memo', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW' });
    await s.call('POST', `/api/orders/${o.id}/notes`, { kind: 'memo', body: '첫 메모' });
    await s.call('POST', `/api/orders/${o.id}/notes`, { kind: 'message', body: '고객 문의' });
    const seen = await row(o.lineIds[0]!);
    assert.equal(seen.memo, '첫 메모');
    // A memo added outside the sheet changes what its rows show: their version moved (a message does not).
    assert.equal(seen.line_version, 2);
    const stale = await push([{ line_id: o.lineIds[0]!, line_version: 1, memo: '옛 시트의 메모' }]);
    assert.deepEqual(outcome(stale), ['refused:stale_version']);
    const res = await push([{ line_id: o.lineIds[0]!, line_version: 2, memo: '' }]);
    assert.deepEqual(outcome(res), ['refused:invalid_value']);
    assert.equal(res.body.results[0].column, 'memo');
    const added = await push([{ line_id: o.lineIds[0]!, line_version: 2, memo: '둘째 메모' }]);
    assert.deepEqual(outcome(added), ['applied:']);
    assert.equal((await row(o.lineIds[0]!)).memo, '둘째 메모');
  });
});

describe('POST /api/sheet/push: rows whole or not at all', () => {
  it('a hold, a memo and a bad number in one row write nothing', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    const res = await push([
      { line_id: o.lineIds[0]!, line_version: 1, hold: true, hold_reason: '확인', memo: '메모', courier: 'CJ', tracking_number: '12345' },
    ]);
    assert.deepEqual(outcome(res), ['refused:invalid_tracking_number']);
    const d = await detail(o.id);
    assert.deepEqual([d.hold, d.holds.length, d.notes.length, d.version, d.lines[0].version], [false, 0, 0, 1, 1]);
  });

  it('a release undone when the number of the same row is refused', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    await s.call('POST', `/api/orders/${o.id}/transitions`, { action: 'hold', version: 1, reason: '주소 확인' });
    const [l] = await view([o.lineIds[0]!]);
    const res = await push([{ line_id: l!.line_id, line_version: l!.line_version, hold: false, courier: 'CJ', tracking_number: '1' }]);
    assert.deepEqual(outcome(res), ['refused:invalid_tracking_number']);
    const d = await detail(o.id);
    assert.deepEqual([d.hold, d.holds.filter((h: { released_at: string | null }) => !h.released_at).length], [true, 1]);
  });

  it('a number kept back when the hold of the same row is refused', async () => {
    const o = await makeOrder(s.deps.db, { status: 'SHIPPED' });
    const n = cj();
    await putInBox(s.deps.db, o.lineIds, { tracking: n });
    const res = await push([{ line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: cj(), hold: true, hold_reason: '확인' }]);
    assert.deepEqual(outcome(res), ['refused:illegal_transition']);
    assert.equal(res.body.results[0].column, 'hold');
    assert.equal((await detail(o.id)).boxes[0].tracking_number, n);
  });

  it('pushing the same cells again changes nothing and writes no history', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const n = cj();
    const cells = { courier: 'CJ', tracking_number: n, hold: true, hold_reason: '확인', memo: '메모' };
    const first = await push(o.lineIds.map((id) => ({ line_id: id, line_version: 1, ...cells })));
    // The second row's hold and memo were done by the first row, but its line still joined the box.
    assert.deepEqual(outcome(first), ['applied:', 'applied:']);
    const d = await detail(o.id);
    assert.deepEqual([d.hold, d.boxes.length, d.lines.map((l: { status: string }) => l.status)], [true, 1, ['INVOICED', 'INVOICED']]);
    const versions = new Map((first.body.lines as ViewRow[]).map((l) => [l.line_id, l.line_version]));
    const before = [await countOf('status_history', o.id), await countOf('holds', o.id), await countOf('order_notes', o.id)];
    const again = await push(o.lineIds.map((id) => ({ line_id: id, line_version: versions.get(id)!, ...cells })));
    assert.deepEqual(outcome(again), ['applied:unchanged', 'applied:unchanged']);
    assert.deepEqual(again.body.lines, []);
    assert.equal((await history(again.body.batch_id)).length, 0);
    assert.deepEqual([await countOf('status_history', o.id), await countOf('holds', o.id), await countOf('order_notes', o.id)], before);
  });

  it('unknown, deleted and repeated lines are refused row by row', async () => {
    const gone = await makeOrder(s.deps.db, { status: 'NEW' });
    await s.call('POST', '/api/transitions', { action: 'delete', reason: '중복 주문', items: [{ id: gone.id, version: 1 }] });
    const o = await makeOrder(s.deps.db, { status: 'NEW' });
    const res = await push([
      { line_id: 'lin_nosuchline', line_version: 1, memo: 'x' },
      { line_id: gone.lineIds[0]!, line_version: 2, memo: 'x' },
      { line_id: o.lineIds[0]!, line_version: 1, memo: 'x' },
      { line_id: o.lineIds[0]!, line_version: 1, memo: 'x' },
      { line_id: o.id, line_version: 1, memo: 'x' },
    ]);
    assert.deepEqual(outcome(res), ['refused:not_found', 'refused:deleted', 'applied:', 'refused:duplicate_item', 'refused:not_found']);
  });
});

describe('sheet routes: access and input', () => {
  it('a viewer may read rows (masked) but not push', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    const viewer = await s.tokenFor('viewer');
    const res = await push([{ line_id: o.lineIds[0]!, line_version: 1, memo: 'x' }], viewer);
    assert.equal(res.status, 403);
    const read = await s.call('POST', '/api/sheet/lines', { line_ids: [o.lineIds[0]!] }, { token: viewer });
    assert.equal(read.status, 200);
    assert.notEqual(read.body.items[0].recipient_name, '이서연');
    assert.equal(read.body.items[0].delivery_memo, '***');
  });

  it('a bad body is a 400 naming the field', async () => {
    const missing = await s.call('POST', '/api/sheet/push', { rows: [{ line_id: 'lin_x' }] });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details[0].field, 'rows.0.line_version');
    const alone = await s.call('POST', '/api/sheet/push', { rows: [{ line_id: 'lin_x', line_version: 1, courier: 'CJ' }] });
    assert.equal(alone.status, 400);
    assert.equal(alone.body.error.details[0].field, 'rows.0.tracking_number');
    const empty = await s.call('POST', '/api/sheet/lines', { line_ids: [] });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.details[0].field, 'line_ids');
  });

  it('POST /api/sheet/lines leaves unknown ids out', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 2 });
    const lines = await view([o.lineIds[1]!, 'lin_nosuchline', o.lineIds[0]!]);
    assert.deepEqual(lines.map((l) => l.line_id).sort(), [...o.lineIds].sort());
    assert.ok(lines.every((l) => l.order_id === o.id && 'memo' in l && 'send_error' in l));
  });
});
