// Order actions on rows in memory: hold and release, flags, delete and memos; each gives every line of the order
// a new version, since the sheet shows order fields on every row.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { itemParams } from '../../../../server/modules/orders/transition-engine.ts';
import { World, cj, outcomes } from './world.ts';

describe('engine: order actions', () => {
  it("hold needs an order not yet shipped; it is recorded and moves every line's version", async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'READY', lines: 2 });
    const [r] = await w.run('hold', [{ id: order.id }], { reason: '주소 확인' });
    assert.equal(r!.result, 'applied');
    assert.deepEqual([order.hold, order.hold_reason], [true, '주소 확인']);
    assert.deepEqual(
      r!.lines!.map((l) => l.version),
      [2, 2],
    );
    assert.deepEqual(
      w.set.writes.newHolds.map((h) => h.reason),
      ['주소 확인'],
    );
    const shipped = w.order({ status: 'SHIPPED' });
    const [refused] = await w.run('hold', [{ id: shipped.order.id }], { reason: 'late' });
    assert.deepEqual([refused!.code, refused!.message], ['illegal_transition', 'only orders not yet shipped (Paid to Invoiced) can be put on hold']);
    assert.equal(lines[0]!.status, 'READY');
  });

  it("takes each item's parameters as the call merged them once (itemParams), without merging them again", async () => {
    const w = new World();
    const a = w.order({ status: 'NEW' }).order;
    const b = w.order({ status: 'NEW' }).order;
    const body = {
      action: 'hold' as const,
      reason: '주소 확인',
      items: [
        { id: a.id, version: 1 },
        { id: b.id, version: 1, reason: '재고 확인' },
      ],
    };
    const params = itemParams(body);
    // The call's parameters, overridden by an item's own.
    assert.deepEqual(
      params.map((p) => p.reason),
      ['주소 확인', '재고 확인'],
    );
    // What the engine applies is what it is handed: here a reason the body itself does not hold.
    const results = await w.engine().runAll(body, undefined, [{ reason: '통관 확인' }, params[1]!]);
    assert.deepEqual(outcomes(results), ['applied', 'applied']);
    assert.deepEqual([a.hold_reason, b.hold_reason], ['통관 확인', '재고 확인']);
  });

  it('holding again with the same reason changes nothing; a new reason releases the old hold and opens a new one', async () => {
    const w = new World();
    const { order } = w.order({ status: 'NEW', hold: true });
    assert.deepEqual(outcomes(await w.run('hold', [{ id: order.id }], { reason: '주소 확인' })), ['applied:unchanged']);
    assert.deepEqual(outcomes(await w.run('hold', [{ id: order.id }], { reason: '재고 확인' })), ['applied']);
    assert.deepEqual(
      [w.set.writes.releasedHolds.get(order.id)?.release_reason, w.set.writes.newHolds.map((h) => h.reason)],
      ['재고 확인', ['재고 확인']],
    );
  });

  it('release_hold lets the order go; releasing an order not on hold changes nothing', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', hold: true });
    assert.deepEqual(outcomes(await w.run('release', [{ id: lines[0]!.id }])), ['refused:blocked']);
    assert.deepEqual(outcomes(await w.run('release_hold', [{ id: order.id }], { reason: 'ok' })), ['applied']);
    assert.deepEqual([order.hold, order.hold_reason], [false, null]);
    assert.deepEqual(outcomes(await w.run('release', [{ id: lines[0]!.id }])), ['applied']);
    assert.deepEqual(outcomes(await w.run('release_hold', [{ id: order.id }])), ['applied:unchanged']);
  });

  it('a hold this call puts on does not block its other changes; a hold from before does', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'READY' });
    const engine = w.engine();
    const target = engine.target({ id: lines[0]!.id, version: 1 }, 0);
    engine.apply(target, 'hold', { reason: 'check' });
    const numbered = engine.apply(target, 'set_invoice', { courier: 'CJ', tracking_number: cj() });
    assert.deepEqual([order.hold, numbered.changed, lines[0]!.status], [true, true, 'INVOICED']);
    assert.throws(
      () => w.engine().apply({ line: lines[0]!, order }, 'ship', {}),
      (e: { code?: string }) => e.code === 'blocked',
    );
  });

  it('set_flags sets order flags on the order and line flags on the named line, or on every line of a named order', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 2 });
    const [r] = await w.run('set_flags', [{ id: lines[1]!.id }], { flags: { priority: true, sold_out: true } });
    assert.equal(r!.result, 'applied');
    assert.deepEqual([order.priority, lines[0]!.sold_out, lines[1]!.sold_out], [true, false, true]);
    assert.deepEqual(
      r!.lines!.map((l) => l.id),
      lines.map((l) => l.id),
      'an order flag gives every line a new version',
    );
    await w.run('set_flags', [{ id: order.id }], { flags: { unmatched: true } });
    assert.deepEqual(
      lines.map((l) => l.unmatched),
      [true, true],
    );
    assert.deepEqual(outcomes(await w.run('set_flags', [{ id: order.id }], { flags: { unmatched: true, priority: true } })), ['applied:unchanged']);
  });

  it('delete marks the order with who and why; later items naming it are refused as deleted', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW' });
    const engine = w.engine();
    const results = await engine.runAll({ action: 'delete', reason: 'duplicate', items: [{ id: order.id, version: 1 }] });
    assert.deepEqual(outcomes(results), ['applied']);
    assert.deepEqual([order.deleted_at, order.deleted_by, order.delete_reason], ['2026-11-20T00:00:00.000Z', 'job_test', 'duplicate']);
    assert.deepEqual(outcomes(await w.run('release', [{ id: lines[0]!.id }])), ['refused:deleted']);
  });

  it('a memo is added once: repeating the latest memo changes nothing', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 2 });
    w.set.memos.set(order.id, '문 앞');
    const engine = w.engine();
    assert.equal(engine.addMemo(order, '문 앞').changed, false);
    const added = engine.addMemo(order, '경비실');
    assert.deepEqual(
      added.lines,
      lines.map((l) => l.id),
    );
    assert.deepEqual(
      w.set.writes.newNotes.map((n) => [n.kind, n.body, n.author_id]),
      [['memo', '경비실', 'job_test']],
    );
  });
});
