// Status actions on rows in memory: each step of the lifecycle, the flags that block one, and a box moving as one.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { World, cj, outcomes } from './world.ts';

describe('engine: status actions', () => {
  it('each action moves a line one step along the table, and a step out of turn is refused with labels', async () => {
    const steps = [
      ['confirm', 'PAID', 'NEW'],
      ['release', 'NEW', 'READY'],
      ['clear_invoice', 'INVOICED', 'READY'],
      ['ship', 'INVOICED', 'SHIPPED'],
      ['mark_in_transit', 'SHIPPED', 'IN_TRANSIT'],
      ['mark_delivered', 'IN_TRANSIT', 'DELIVERED'],
      ['confirm_purchase', 'DELIVERED', 'PURCHASE_CONFIRMED'],
    ] as const;
    for (const [action, from, to] of steps) {
      const w = new World();
      const { lines } = w.order({ status: from });
      assert.deepEqual(outcomes(await w.run(action, [{ id: lines[0]!.id }])), ['applied'], action);
      assert.equal(lines[0]!.status, to, action);
      assert.deepEqual(
        w.set.writes.history.map((h) => [h.action, h.from_status, h.to_status]),
        [[action, from, to]],
      );
    }
    const w = new World();
    const { lines } = w.order({ status: 'READY' });
    const [r] = await w.run('ship', [{ id: lines[0]!.id }]);
    assert.equal(r!.code, 'illegal_transition');
    assert.equal(r!.message, 'cannot Ship from its current status Ready to ship');
  });

  it('a line already where the action takes it is applied unchanged: no history, no mall (발주확인 of a 신규주문 was 거부)', async () => {
    const w = new World();
    const confirmed = w.order({ status: 'NEW', source: 'mall', mall_account_id: 'acc_1' });
    const shipped = w.order({ status: 'SHIPPED', lines: 2 });
    w.box(shipped.lines, { tracking_number: cj() });
    const paid = w.order({ status: 'PAID', source: 'mall', mall_account_id: 'acc_1' });
    assert.deepEqual(outcomes(await w.run('confirm', [{ id: confirmed.lines[0]!.id }, { id: confirmed.order.id }, { id: paid.lines[0]!.id }])), [
      'applied:unchanged',
      'applied:unchanged',
      'refused:mall_confirm_required',
    ]);
    assert.deepEqual(outcomes(await w.run('ship', [{ id: shipped.lines[0]!.id }])), ['applied:unchanged']);
    assert.equal(w.set.writes.history.length, 0);
    // Part of a box still to ship is not "done": the box ships whole, as before.
    const half = w.order({ status: 'INVOICED', lines: 2 });
    w.box(half.lines, { tracking_number: cj() });
    half.lines[0]!.status = 'SHIPPED';
    const [r] = await w.run('ship', [{ id: half.lines[1]!.id }]);
    assert.equal(r!.code, 'illegal_transition');
  });

  it('a line a call already moved with the same action counts as done', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 2 });
    assert.deepEqual(outcomes(await w.run('release', [{ id: lines[0]!.id }, { id: order.id }])), ['applied', 'applied']);
    assert.equal(w.set.writes.history.length, 2);
  });

  it('hold blocks release and ship; unmatched and sold-out block release; sold-out blocks ship', async () => {
    const cases = [
      ['release', 'NEW', { hold: true }, {}, 'On hold'],
      ['release', 'NEW', {}, { unmatched: true }, 'Unmatched'],
      ['release', 'NEW', {}, { sold_out: true }, 'Sold out'],
      ['ship', 'INVOICED', { hold: true }, {}, 'On hold'],
      ['ship', 'INVOICED', {}, { sold_out: true }, 'Sold out'],
    ] as const;
    for (const [action, status, orderSpec, line, label] of cases) {
      const w = new World();
      const { lines } = w.order({ status, ...orderSpec, line });
      const [r] = await w.run(action, [{ id: lines[0]!.id }]);
      assert.equal(r!.code, 'blocked', `${action} ${label}`);
      assert.match(r!.message!, new RegExp(`while ${label}$`));
      assert.equal(lines[0]!.status, status);
    }
    // A flag that blocks nothing of this action lets it through.
    const w = new World();
    const { lines } = w.order({ status: 'SHIPPED', hold: true });
    assert.deepEqual(outcomes(await w.run('mark_delivered', [{ id: lines[0]!.id }])), ['applied']);
  });

  it("an order of a connected mall is confirmed only on the mall's word", async () => {
    const w = new World();
    const { lines } = w.order({ status: 'PAID', mall_account_id: 'acc_1', source: 'mall' });
    assert.deepEqual(outcomes(await w.run('confirm', [{ id: lines[0]!.id }])), ['refused:mall_confirm_required']);
    assert.deepEqual(outcomes(await w.run('confirm', [{ id: lines[0]!.id }], {}, { origin: { source: 'mall' } })), ['applied']);
  });

  it('an order target moves the lines that can and warns about those a flag kept back, naming them as operators do', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 3 });
    lines[1]!.sold_out = true;
    lines[2]!.status = 'CANCELED';
    const [r] = await w.run('release', [{ id: order.id }]);
    assert.equal(r!.result, 'applied');
    assert.deepEqual(
      lines.map((l) => l.status),
      ['READY', 'NEW', 'CANCELED'],
    );
    assert.deepEqual(r!.warnings, [`${order.mall_order_id} 상품2: cannot Release while Sold out`]);
    // When no line can move, the order is refused with the flag rather than the illegal status.
    const v = new World();
    const held = v.order({ status: 'NEW', lines: 2 });
    held.lines[0]!.status = 'SHIPPED';
    held.lines[1]!.sold_out = true;
    assert.deepEqual(outcomes(await v.run('release', [{ id: held.order.id }])), ['refused:blocked']);
  });
});

describe('engine: an unmatched line keeps its whole order back', () => {
  it('releasing a matched line of an order with an unmatched line is refused, naming the unmatched line', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 2 });
    lines[1]!.unmatched = true;
    lines[1]!.option_text = '블루 / L';
    const [r] = await w.run('release', [{ id: lines[0]!.id }]);
    assert.equal(r!.code, 'blocked');
    assert.equal(
      r!.message,
      'another line of the order, 상품2 / 블루 / L, is unmatched: the whole order cannot take Release. Match it in the matching tab',
    );
    assert.deepEqual(
      lines.map((l) => l.status),
      ['NEW', 'NEW'],
    );
    // The order as a target: nothing moves, and the refusal is the flag's.
    assert.deepEqual(outcomes(await w.run('release', [{ id: order.id }])), ['refused:blocked']);
    assert.deepEqual(
      lines.map((l) => l.status),
      ['NEW', 'NEW'],
    );
    assert.equal(w.set.writes.history.length, 0);
  });

  it('an unmatched line that no longer waits (cancelled) keeps nothing back; matching the line frees the order', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'NEW', lines: 2 });
    lines[1]!.unmatched = true;
    lines[1]!.status = 'CANCELED';
    assert.deepEqual(outcomes(await w.run('release', [{ id: lines[0]!.id }])), ['applied']);
    const v = new World();
    const other = v.order({ status: 'NEW', lines: 2 });
    other.lines[1]!.unmatched = false;
    assert.deepEqual(outcomes(await v.run('release', [{ id: other.order.id }])), ['applied']);
    assert.deepEqual(
      other.lines.map((l) => l.status),
      ['READY', 'READY'],
    );
  });
});

describe('engine: a box moves as one unit', () => {
  it('a merged box does not ship while another order in it is on hold, and says which line', async () => {
    const w = new World();
    const a = w.order({ status: 'INVOICED' });
    const b = w.order({ status: 'INVOICED', hold: true });
    w.box([a.lines[0]!, b.lines[0]!], { tracking_number: cj() });
    const [r] = await w.run('ship', [{ id: a.lines[0]!.id }]);
    assert.equal(r!.code, 'blocked');
    assert.equal(r!.message, `${b.order.mall_order_id} 상품1: cannot Ship while On hold`);
    assert.deepEqual([a.lines[0]!.status, b.lines[0]!.status], ['INVOICED', 'INVOICED']);
  });

  it('shipping one line ships its whole box once, stamps the box, and leaves closed lines behind', async () => {
    const w = new World();
    const a = w.order({ status: 'INVOICED', lines: 2 });
    const b = w.order({ status: 'CANCELED' });
    const box = w.box([...a.lines, b.lines[0]!], { tracking_number: cj() });
    const results = await w.run('ship', [{ id: a.lines[0]!.id }, { id: a.lines[1]!.id }]);
    assert.deepEqual(outcomes(results), ['applied', 'applied:unchanged']);
    assert.deepEqual(
      results[0]!.lines!.map((l) => l.status),
      ['SHIPPED', 'SHIPPED'],
    );
    assert.deepEqual(
      [...a.lines, ...b.lines].map((l) => l.status),
      ['SHIPPED', 'SHIPPED', 'CANCELED'],
    );
    assert.equal(box.shipped_at, '2026-11-20T00:00:00.000Z');
    assert.equal(w.set.writes.history.length, 2);
  });

  it('a sold-out line keeps its whole box from shipping', async () => {
    const w = new World();
    const p = w.order({ status: 'INVOICED', line: { sold_out: true } });
    const q = w.order({ status: 'INVOICED' });
    w.box([p.lines[0]!, q.lines[0]!], { tracking_number: cj() });
    assert.deepEqual(outcomes(await w.run('ship', [{ id: q.lines[0]!.id }])), ['refused:blocked']);
    assert.equal(q.lines[0]!.status, 'INVOICED');
  });

  it('clearing the number takes the line out of its box, and an emptied box is deleted', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'INVOICED', lines: 2 });
    const box = w.box(lines, { tracking_number: cj() });
    await w.run('clear_invoice', [{ id: lines[0]!.id }]);
    assert.deepEqual([lines[0]!.box_id, lines[0]!.status, w.set.writes.deletedBoxes.has(box.id)], [null, 'READY', false]);
    await w.run('clear_invoice', [{ id: lines[1]!.id }]);
    assert.equal(w.set.writes.deletedBoxes.has(box.id), true);
  });
});
