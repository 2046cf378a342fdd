// The engine's targeting and version checks, on rows in memory: what an item names is checked before any action.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { World, cj, outcomes } from './world.ts';

describe('engine: targets and versions', () => {
  it('an item at the version loaded applies; the result carries the new versions of the item and its lines', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 2 });
    const [r] = await w.run('release', [{ id: order.id, version: 1 }]);
    assert.equal(r!.result, 'applied');
    assert.equal(r!.version, 2);
    assert.deepEqual(
      r!.lines,
      lines.map((l) => ({ id: l.id, status: 'READY', version: 2 })),
    );
  });

  it('a different version is refused as stale, naming the current status by its label', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'READY' });
    const [r] = await w.run('ship', [{ id: lines[0]!.id, version: 3 }]);
    assert.equal(outcomes([r!])[0], 'refused:stale_version');
    assert.match(r!.message!, /version 3 → 1, now Ready to ship/);
    const [ko] = await new World().run('ship', [{ id: 'lin_none', version: 1 }], {}, { lang: 'ko' });
    assert.equal(ko!.message, '주문을 찾을 수 없습니다');
  });

  it("an order named stale lists its lines' statuses once each", async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 3 });
    lines[2]!.status = 'READY';
    const [r] = await w.run('release', [{ id: order.id, version: 2 }], {}, { lang: 'ko' });
    assert.equal(r!.code, 'stale_version');
    assert.match(r!.message!, /현재 상태 신규주문, 출고대기\)/);
  });

  it('unknown ids, ids of neither kind, and deleted orders are refused; a deleted order may still be deleted', async () => {
    const w = new World();
    const { order } = w.order();
    order.deleted_at = '2026-11-19T00:00:00.000Z';
    assert.deepEqual(outcomes(await w.run('release', [{ id: 'lin_missing' }, { id: 'box_x' }, { id: order.id }])), [
      'refused:not_found',
      'refused:not_found',
      'refused:deleted',
    ]);
    assert.deepEqual(outcomes(await w.run('delete', [{ id: order.id }], { reason: 'dup' })), ['applied:unchanged']);
  });

  it('an id named twice in one call is refused the second time, with its place in the call', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'NEW' });
    const results = await w.run('release', [{ id: lines[0]!.id }, { id: lines[0]!.id }]);
    assert.deepEqual(outcomes(results), ['applied', 'refused:duplicate_item']);
    assert.equal(results[1]!.message, 'appears twice in the same request');
  });

  it('a refused item leaves nothing behind: what it changed before the refusal is rolled back', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'READY', lines: 2 });
    // The first line gets a new box and moves to INVOICED; then the second line's box turns out to be sent already.
    lines[1]!.status = 'INVOICED';
    w.box([lines[1]!], { tracking_number: cj(), send_status: 'sent' });
    const [r] = await w.run('set_invoice', [{ id: order.id }], { courier: 'CJ', tracking_number: cj(), overwrite: true });
    assert.equal(r!.code, 'box_already_sent');
    assert.equal(lines[0]!.status, 'READY');
    assert.equal(lines[0]!.box_id, null);
    assert.deepEqual([w.set.writes.newBoxes.length, w.set.writes.lines.size, w.set.writes.history.length], [0, 0, 0]);
  });

  it('a call compares with the versions loaded, so two items of one order in one call both apply', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'NEW', lines: 2 });
    assert.deepEqual(outcomes(await w.run('hold', [{ id: lines[0]!.id }, { id: lines[1]!.id }], { reason: 'check' })), [
      'applied',
      'applied:unchanged',
    ]);
  });

  it('every history row of a call carries its batch id, actor and time', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'NEW' });
    await w.run('release', [{ id: lines[0]!.id }], { reason: 'ok' });
    assert.deepEqual(
      w.set.writes.history.map((h) => [h.entity, h.action, h.from_status, h.to_status, h.reason, h.batch_id, h.actor_type, h.at]),
      [['line', 'release', 'NEW', 'READY', 'ok', 'batch_test', 'job', '2026-11-20T00:00:00.000Z']],
    );
  });
});
