// Bulk calls as a sheet sends them: several rows of one order or one box in one call, boxes shared by orders,
// refusals that must leave nothing behind, and number reuse within a call.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Line = { id: string; status: string; version: number; box_id: string | null; line_no: number; sold_out: boolean; product_name: string };
const detail = async (orderId: string) => (await s.call('GET', `/api/orders/${orderId}`)).body;
const lines = async (orderId: string): Promise<Line[]> => (await detail(orderId)).lines;
const bulk = (action: string, items: unknown[], params: Record<string, unknown> = {}) =>
  s.call('POST', '/api/transitions', { action, items, ...params });
const results = (res: { body: { results: { result: string; code?: string }[] } }) => res.body.results.map((r) => `${r.result}:${r.code ?? ''}`);

const cj = cjNumbers(70123456700);

describe('several rows of one order or box in one call', () => {
  it('line flags on every line of an order all apply', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 3 });
    const ls = await lines(o.id);
    const res = await bulk(
      'set_flags',
      ls.map((l) => ({ id: l.id, version: l.version })),
      { flags: { sold_out: true } },
    );
    assert.deepEqual(results(res), ['applied:', 'applied:', 'applied:']);
    assert.ok((await lines(o.id)).every((l) => l.sold_out));
    assert.ok(res.body.results.every((r: { version: number }) => r.version === 2));
  });

  it('line flags set one way on some lines and the other way on others are all written', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 3 });
    await s.deps.db('order_lines').whereIn('id', o.lineIds.slice(1)).update({ sold_out: true });
    const items = o.lineIds.map((id, i) => ({ id, version: 1, flags: { sold_out: i === 0 } }));
    const res = await bulk('set_flags', items);
    assert.deepEqual(results(res), ['applied:', 'applied:', 'applied:']);
    assert.deepEqual(
      (await lines(o.id)).map((l) => [l.sold_out, l.version]),
      [
        [true, 2],
        [false, 2],
        [false, 2],
      ],
    );
  });

  it('a hold sent on two rows of one order holds it once', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 2 });
    const ls = await lines(o.id);
    const res = await bulk(
      'hold',
      ls.map((l) => ({ id: l.id, version: l.version })),
      { reason: '재고 확인' },
    );
    assert.deepEqual(results(res), ['applied:', 'applied:unchanged']);
    const d = await detail(o.id);
    assert.equal(d.hold, true);
    assert.equal(d.holds.length, 1);
  });

  it('shipping both lines of one box in one call ships the box once', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const ls = await lines(o.id);
    const n = cj();
    await bulk(
      'set_invoice',
      ls.map((l) => ({ id: l.id, version: l.version })),
      { courier: 'CJ', tracking_number: n },
    );
    const invoiced = await lines(o.id);
    const res = await bulk(
      'ship',
      invoiced.map((l) => ({ id: l.id, version: l.version })),
    );
    assert.deepEqual(results(res), ['applied:', 'applied:unchanged']);
    assert.ok((await lines(o.id)).every((l) => l.status === 'SHIPPED'));
  });
});

describe('a refused item leaves nothing behind', () => {
  it('set_invoice on an order refused for one box does not number the other lines', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const [first, second] = await lines(o.id);
    await putInBox(s.deps.db, [second!.id], { tracking: cj(), status: 'INVOICED' });
    const before = await detail(o.id);
    const res = await bulk('set_invoice', [{ id: o.id, version: before.version }], { courier: 'CJ', tracking_number: cj() });
    assert.deepEqual(results(res), ['refused:overwrite_required']);
    const after = await detail(o.id);
    assert.equal(after.version, before.version);
    const l1 = after.lines.find((l: Line) => l.id === first!.id);
    assert.equal(l1.status, 'READY');
    assert.equal(l1.box_id, null);
    assert.equal(after.boxes.length, 1);
  });
});

describe('boxes shared by orders (merge-packed)', () => {
  it('a box does not ship while another order in it is on hold, and says which line', async () => {
    const a = await makeOrder(s.deps.db, { status: 'INVOICED' });
    const b = await makeOrder(s.deps.db, { status: 'INVOICED' });
    await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!], { tracking: cj() });
    await s.call('POST', `/api/orders/${b.id}/transitions`, { action: 'hold', version: 1, reason: '주소 확인' });
    const [x] = await lines(a.id);
    const res = await s.call('POST', `/api/orders/${x!.id}/transitions`, { action: 'ship', version: x!.version });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'blocked');
    // Named as the operator knows it: the other order's mall order number and product, never an internal id.
    const other = await s.deps.db('orders').where({ id: b.id }).first('mall_order_id');
    const [otherLine] = await lines(b.id);
    assert.ok(res.body.error.message.startsWith(`${other.mall_order_id} ${otherLine!.product_name}: `), res.body.error.message);
    assert.doesNotMatch(res.body.error.message, /\b(lin|ord|box)_/);
    assert.equal((await lines(a.id))[0]!.status, 'INVOICED');
    assert.equal((await lines(b.id))[0]!.status, 'INVOICED');
  });

  it('a box with a sold-out line does not half-ship', async () => {
    const p = await makeOrder(s.deps.db, { status: 'INVOICED' });
    const q = await makeOrder(s.deps.db, { status: 'INVOICED' });
    await putInBox(s.deps.db, [p.lineIds[0]!, q.lineIds[0]!], { tracking: cj() });
    await s.deps.db('order_lines').where({ id: p.lineIds[0] }).update({ sold_out: true });
    const [ql] = await lines(q.id);
    const res = await bulk('ship', [{ id: ql!.id, version: ql!.version }]);
    assert.deepEqual(results(res), ['refused:blocked']);
    assert.equal((await lines(q.id))[0]!.status, 'INVOICED');
  });

  it("numbering a merged box numbers every line in it and checks each line's own order", async () => {
    const a = await makeOrder(s.deps.db, { status: 'READY' });
    const b = await makeOrder(s.deps.db, { status: 'READY' });
    await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!]);
    const [al] = await lines(a.id);
    const res = await bulk('set_invoice', [{ id: al!.id, version: al!.version }], { courier: 'CJ', tracking_number: cj() });
    assert.deepEqual(results(res), ['applied:']);
    assert.equal((await lines(b.id))[0]!.status, 'INVOICED');
    assert.equal(res.body.results[0].lines.length, 2);
  });

  it('a line restored from a cancel to 출고대기, whose merged box was numbered meanwhile, leaves the box for a number of its own', async () => {
    const a = await makeOrder(s.deps.db, { status: 'READY' });
    const b = await makeOrder(s.deps.db, { status: 'READY' });
    const box = await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!]);
    const [al] = await lines(a.id);
    assert.deepEqual(
      results(await bulk('claim', [{ id: al!.id, version: al!.version }], { claim_type: 'cancel', claim_state: 'completed', reason: '고객 취소' })),
      ['applied:'],
    );
    const [bl] = await lines(b.id);
    const number = cj();
    assert.deepEqual(results(await bulk('set_invoice', [{ id: bl!.id, version: bl!.version }], { courier: 'CJ', tracking_number: number })), [
      'applied:',
    ]);
    const [canceled] = await lines(a.id);
    assert.deepEqual(results(await bulk('restore', [{ id: canceled!.id, version: canceled!.version }])), ['applied:']);
    const [restored] = await lines(a.id);
    assert.deepEqual([restored!.status, restored!.box_id], ['READY', null]);
    const [still] = await lines(b.id);
    assert.deepEqual([still!.status, still!.box_id], ['INVOICED', box]);
    // Numbered on its own, it ships in a box of its own.
    const own = await bulk('set_invoice', [{ id: restored!.id, version: restored!.version }], { courier: 'CJ', tracking_number: cj() });
    assert.deepEqual(results(own), ['applied:']);
    assert.notEqual((await lines(a.id))[0]!.box_id, box);
  });

  it('a line cancelled out of a merged box, named itself, is refused — it does not number or ship the box it left', async () => {
    const a = await makeOrder(s.deps.db, { status: 'READY' });
    const b = await makeOrder(s.deps.db, { status: 'READY' });
    await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!]);
    await s.deps.db('order_lines').where({ id: a.lineIds[0] }).update({ status: 'CANCELED' });
    const [al] = await lines(a.id);
    const numbered = await bulk('set_invoice', [{ id: al!.id, version: al!.version }], { courier: 'CJ', tracking_number: cj() });
    assert.deepEqual(results(numbered), ['refused:illegal_transition']);
    assert.equal((await lines(b.id))[0]!.status, 'READY', "the other order's line is not numbered");
    const shipped = await bulk('ship', [{ id: al!.id, version: al!.version }]);
    assert.deepEqual(results(shipped), ['refused:illegal_transition']);
  });
});

describe('numbers and boxes never collide', () => {
  it('overwriting onto the number of another box of the same order is refused, not a crash', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const [l1, l2] = await lines(o.id);
    const n1 = cj();
    const n2 = cj();
    await bulk(
      'set_invoice',
      [
        { id: l1!.id, version: l1!.version, tracking_number: n1 },
        { id: l2!.id, version: l2!.version, tracking_number: n2 },
      ],
      { courier: 'CJ' },
    );
    const [m1] = await lines(o.id);
    const res = await bulk('set_invoice', [{ id: m1!.id, version: m1!.version }], { courier: 'CJ', tracking_number: n2, overwrite: true });
    assert.deepEqual(results(res), ['refused:duplicate_tracking_number']);
  });

  it('a number given up by one box can go to another in the same call', async () => {
    const x = await makeOrder(s.deps.db, { status: 'READY' });
    const y = await makeOrder(s.deps.db, { status: 'READY' });
    const n1 = cj();
    const [xl] = await lines(x.id);
    await bulk('set_invoice', [{ id: xl!.id, version: xl!.version }], { courier: 'CJ', tracking_number: n1 });
    const [xi] = await lines(x.id);
    const [yl] = await lines(y.id);
    const res = await bulk(
      'set_invoice',
      [
        { id: xi!.id, version: xi!.version, tracking_number: cj(), overwrite: true },
        { id: yl!.id, version: yl!.version, tracking_number: n1 },
      ],
      { courier: 'CJ' },
    );
    assert.deepEqual(results(res), ['applied:', 'applied:']);
    assert.equal((await detail(y.id)).boxes[0].tracking_number, n1);
  });

  it('a box numbered by an earlier item is not "done" for a later item asking another number', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    await putInBox(s.deps.db, o.lineIds);
    const n = cj();
    const res = await bulk(
      'set_invoice',
      [
        { id: o.lineIds[0]!, version: 1, tracking_number: n },
        { id: o.lineIds[1]!, version: 1, tracking_number: cj() },
      ],
      { courier: 'CJ' },
    );
    assert.deepEqual(results(res), ['applied:', 'refused:overwrite_required']);
    assert.equal((await detail(o.id)).boxes[0].tracking_number, n);
  });

  it('the same digits under another courier are a duplicate, not a join', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const [l1, l2] = await lines(o.id);
    const n = cj();
    await bulk('set_invoice', [{ id: l1!.id, version: l1!.version }], { courier: 'CJ', tracking_number: n });
    const res = await bulk('set_invoice', [{ id: l2!.id, version: l2!.version }], { courier: 'HANJIN', tracking_number: n });
    assert.deepEqual(results(res), ['refused:duplicate_tracking_number']);
  });

  it('direct delivery needs no number, and several such boxes coexist', async () => {
    for (let i = 0; i < 2; i++) {
      const o = await makeOrder(s.deps.db, { status: 'READY' });
      const [l] = await lines(o.id);
      const res = await bulk('set_invoice', [{ id: l!.id, version: l!.version }], { courier: 'DIRECT' });
      assert.deepEqual(results(res), ['applied:']);
      const d = await detail(o.id);
      assert.equal(d.boxes[0].courier, 'DIRECT');
      assert.equal(d.boxes[0].tracking_number, null);
    }
    const direct = await s.call('POST', '/api/orders/direct', { orderer_name: '직접배송', total_amount: 1000, courier: 'DIRECT' });
    assert.equal(direct.status, 201);
    assert.equal(direct.body.lines[0].status, 'SHIPPED');
  });

  it('numbers too long for any courier and amounts beyond the columns are 400s', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    const [l] = await lines(o.id);
    const res = await s.call('POST', `/api/orders/${l!.id}/transitions`, {
      action: 'set_invoice',
      version: l!.version,
      courier: 'DIRECT',
      tracking_number: '1'.repeat(60),
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details[0].field, 'tracking_number');
    const big = await s.call('POST', '/api/orders/direct', { orderer_name: 'x', total_amount: 3_000_000_000 });
    assert.equal(big.status, 400);
    assert.equal(big.body.error.details[0].field, 'total_amount');
  });
});

describe('holds, claims and order targets', () => {
  it('holding again with a new reason keeps the new hold open', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW' });
    await s.call('POST', `/api/orders/${o.id}/transitions`, { action: 'hold', version: 1, reason: 'first' });
    await s.call('POST', `/api/orders/${o.id}/transitions`, { action: 'hold', version: 2, reason: 'second' });
    const d = await detail(o.id);
    assert.equal(d.hold_reason, 'second');
    assert.deepEqual(
      d.holds.map((h: { reason: string; released_at: string | null }) => [h.reason, !!h.released_at]),
      [
        ['first', true],
        ['second', false],
      ],
    );
  });

  it('a partial claim on a multi-line order numbers the new line after the others and reports it', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 3, quantity: 2 });
    const [l1] = await lines(o.id);
    const res = await s.call('POST', `/api/orders/${l1!.id}/transitions`, {
      action: 'claim',
      claim_type: 'cancel',
      quantity: 1,
      version: l1!.version,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const after = await lines(o.id);
    assert.deepEqual(after.map((l) => l.line_no).sort(), [1, 2, 3, 4]);
    const remainder = after.find((l) => l.line_no === 4)!;
    assert.ok(
      res.body.lines.some((r: { id: string }) => r.id === remainder.id),
      'the new line is in the result',
    );
  });

  it('an order target warns about the lines a flag kept back', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW', lines: 2 });
    const [, l2] = await lines(o.id);
    // Sold out keeps back its own line (an unmatched line keeps back the whole order: matching.test.ts).
    await s.deps.db('order_lines').where({ id: l2!.id }).update({ sold_out: true });
    const res = await bulk('release', [{ id: o.id, version: 1 }]);
    assert.equal(res.body.results[0].result, 'applied');
    assert.equal(res.body.results[0].warnings.length, 1);
    assert.match(res.body.results[0].warnings[0], new RegExp(`^\\d+ ${l2!.product_name}: `));
    assert.doesNotMatch(res.body.results[0].warnings[0], /\b(lin|ord|box)_/);
  });
});

describe('concurrent bulk calls', () => {
  it('calls that lock the same rows from different sides all finish', async () => {
    const pairs = [];
    for (let i = 0; i < 6; i++) {
      const a = await makeOrder(s.deps.db, { status: 'INVOICED' });
      const b = await makeOrder(s.deps.db, { status: 'INVOICED' });
      await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!], { tracking: cj() });
      pairs.push([a.lineIds[0]!, b.lineIds[0]!]);
    }
    const calls = pairs.flatMap(([x, y]) => [bulk('ship', [{ id: x, version: 1 }]), bulk('ship', [{ id: y, version: 1 }])]);
    const answers = await Promise.all(calls);
    assert.ok(
      answers.every((r) => r.status === 200),
      JSON.stringify(answers.filter((r) => r.status !== 200).map((r) => r.body)),
    );
    for (const [x, y] of pairs) {
      const statuses = (await s.deps.db('order_lines').whereIn('id', [x!, y!]).select('status')).map((r: { status: string }) => r.status);
      assert.deepEqual(statuses, ['SHIPPED', 'SHIPPED']);
    }
  });
});
