// Courier and tracking numbers on rows in memory: a number belongs to a box, and a box changes as one.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { World, cj, outcomes } from './world.ts';

describe('engine: set_invoice', () => {
  it('numbers a READY line into a new box and moves it to INVOICED', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'READY' });
    const n = cj();
    const [r] = await w.run('set_invoice', [{ id: lines[0]!.id }], { courier: 'CJ', tracking_number: n });
    assert.equal(r!.result, 'applied');
    const box = w.set.boxes.get(lines[0]!.box_id!)!;
    assert.deepEqual([lines[0]!.status, box.courier, box.tracking_number, w.set.writes.newBoxes.length], ['INVOICED', 'CJ', n, 1]);
  });

  it('an unknown courier or an invalid number is refused naming the rule', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'READY' });
    const [bad] = await w.run('set_invoice', [{ id: lines[0]!.id }], { courier: 'NOPE', tracking_number: cj() });
    assert.deepEqual([bad!.code, bad!.message], ['unknown_courier', 'Unknown courier: NOPE']);
    const [invalid] = await w.run('set_invoice', [{ id: w.order({ status: 'READY' }).lines[0]!.id }], {
      courier: 'LOTTE',
      tracking_number: '123456789012',
    });
    assert.equal(invalid!.code, 'invalid_tracking_number');
    assert.notEqual(invalid!.message, 'invalid_tracking_number', 'the message names the rule that failed');
  });

  it('lines of one order with the same number share a box; another order cannot reuse the number', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'READY', lines: 2 });
    const other = w.order({ status: 'READY' });
    const n = cj();
    const results = await w.run('set_invoice', [{ id: lines[0]!.id }, { id: lines[1]!.id }, { id: other.lines[0]!.id }], {
      courier: 'CJ',
      tracking_number: n,
    });
    assert.deepEqual(outcomes(results), ['applied', 'applied', 'refused:duplicate_tracking_number']);
    assert.equal(lines[0]!.box_id, lines[1]!.box_id);
    // Named by its mall order number, as the operator knows it, not our key.
    const holder = w.set.orders.get(lines[0]!.order_id)!;
    assert.equal(results[2]!.message, `tracking number ${n} is already used by order ${holder.mall_order_id ?? holder.id}`);
  });

  it('the same digits under another courier are a duplicate, not a join', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'READY', lines: 2 });
    const n = cj();
    w.box([lines[0]!], { courier: 'CJ', tracking_number: n });
    assert.deepEqual(outcomes(await w.run('set_invoice', [{ id: lines[1]!.id }], { courier: 'HANJIN', tracking_number: n })), [
      'refused:duplicate_tracking_number',
    ]);
  });

  it('a numbered box needs overwrite; overwrite works on SHIPPED and keeps the status; the same number is unchanged', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'SHIPPED' });
    const box = w.box(lines, { tracking_number: cj() });
    const first = box.tracking_number!;
    const n = cj();
    const [refused] = await w.run('set_invoice', [{ id: lines[0]!.id }], { courier: 'CJ', tracking_number: n });
    assert.equal(refused!.code, 'overwrite_required');
    assert.match(refused!.message!, new RegExp(`already has tracking number ${first}`));
    assert.deepEqual(outcomes(await w.run('set_invoice', [{ id: lines[0]!.id }], { courier: 'CJ', tracking_number: n, overwrite: true })), [
      'applied',
    ]);
    assert.deepEqual([box.tracking_number, lines[0]!.status], [n, 'SHIPPED']);
    // (In memory a row keeps the version it was loaded with: the flush moves it.)
    assert.deepEqual(outcomes(await w.run('set_invoice', [{ id: lines[0]!.id }], { courier: 'CJ', tracking_number: n })), ['applied:unchanged']);
  });

  it('a box already sent to the mall cannot change its number', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'SHIPPED' });
    const box = w.box(lines, { tracking_number: cj(), send_status: 'sent' });
    const [r] = await w.run('set_invoice', [{ id: lines[0]!.id }], { courier: 'CJ', tracking_number: cj(), overwrite: true });
    assert.equal(r!.code, 'box_already_sent');
    assert.equal(r!.message, `tracking number ${box.tracking_number} was already sent to the mall and cannot change`);
  });

  it("numbering a merged box numbers every line in it, and each line's own order is checked", async () => {
    const w = new World();
    const a = w.order({ status: 'READY' });
    const b = w.order({ status: 'READY' });
    w.box([a.lines[0]!, b.lines[0]!]);
    const [r] = await w.run('set_invoice', [{ id: a.lines[0]!.id }], { courier: 'CJ', tracking_number: cj() });
    assert.equal(r!.lines!.length, 2);
    assert.equal(b.lines[0]!.status, 'INVOICED');
    // With the other order on hold the box is not numbered at all.
    const v = new World();
    const c = v.order({ status: 'READY' });
    const d = v.order({ status: 'READY', hold: true });
    v.box([c.lines[0]!, d.lines[0]!]);
    assert.deepEqual(outcomes(await v.run('set_invoice', [{ id: c.lines[0]!.id }], { courier: 'CJ', tracking_number: cj() })), ['refused:blocked']);
  });

  it('a sold-out line gets no first number, and neither does a merged box with one; a number given before is corrected', async () => {
    const w = new World();
    const alone = w.order({ status: 'READY', line: { sold_out: true } });
    const [r] = await w.run('set_invoice', [{ id: alone.lines[0]!.id }], { courier: 'CJ', tracking_number: cj() });
    assert.equal(r!.code, 'blocked');
    assert.match(r!.message!, /while Sold out$/);
    assert.equal(alone.lines[0]!.box_id, null);
    const a = w.order({ status: 'READY' });
    const b = w.order({ status: 'READY', line: { sold_out: true } });
    w.box([a.lines[0]!, b.lines[0]!]);
    assert.deepEqual(outcomes(await w.run('set_invoice', [{ id: a.lines[0]!.id }], { courier: 'CJ', tracking_number: cj() })), ['refused:blocked']);
    assert.deepEqual([a.lines[0]!.status, b.lines[0]!.status], ['READY', 'READY']);
    // A number already given is still corrected (a line flagged after it shipped, say).
    const shipped = w.order({ status: 'SHIPPED', line: { sold_out: true } });
    const box = w.box(shipped.lines, { tracking_number: cj() });
    const n = cj();
    const [fixed] = await w.run('set_invoice', [{ id: shipped.lines[0]!.id }], { courier: 'CJ', tracking_number: n, overwrite: true });
    assert.equal(fixed!.result, 'applied');
    assert.equal(box.tracking_number, n);
  });

  it('a number given up by one box can go to another in the same call', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'INVOICED', lines: 2 });
    const [n1, n2] = [cj(), cj()];
    w.box([lines[0]!], { tracking_number: n1 });
    w.box([lines[1]!], { tracking_number: n2 });
    const results = await w.run(
      'set_invoice',
      [
        { id: lines[0]!.id, tracking_number: cj() },
        { id: lines[1]!.id, tracking_number: n1 },
      ],
      { courier: 'CJ', overwrite: true },
    );
    assert.deepEqual(outcomes(results), ['applied', 'applied']);
  });

  it("direct delivery needs no number, and keeps an order's lines in one box", async () => {
    const w = new World();
    const { lines } = w.order({ status: 'READY', lines: 2 });
    const results = await w.run('set_invoice', [{ id: lines[0]!.id }, { id: lines[1]!.id }], { courier: 'DIRECT', tracking_number: '' });
    assert.deepEqual(outcomes(results), ['applied', 'applied']);
    assert.equal(lines[0]!.box_id, lines[1]!.box_id);
    assert.equal(w.set.boxes.get(lines[0]!.box_id!)!.tracking_number, null);
  });

  it('an order target numbers the boxes that can move, passes over a closed line, and warns about a held-back box', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'READY', lines: 3 });
    lines[1]!.status = 'CANCELED';
    const other = w.order({ status: 'READY', hold: true });
    w.box([lines[2]!, other.lines[0]!]);
    const [r] = await w.run('set_invoice', [{ id: order.id }], { courier: 'CJ', tracking_number: cj() });
    assert.equal(r!.result, 'applied');
    assert.deepEqual(
      lines.map((l) => l.status),
      ['INVOICED', 'CANCELED', 'READY'],
    );
    assert.deepEqual(r!.warnings, [`${other.order.mall_order_id} 상품1: cannot Set tracking number while On hold`]);
  });
});
