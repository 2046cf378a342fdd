// Claims on rows in memory: request, complete, withdraw, restore, and a claim for part of a line's quantity.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { World, outcomes } from './world.ts';

const claimStates = (w: World) => w.set.writes.newClaims.map((c) => [c.type, c.state, c.source]);

describe('engine: claims', () => {
  it('a cancel entered before release closes at once; after release it is requested, then completed', async () => {
    const w = new World();
    const early = w.order({ status: 'NEW' });
    const late = w.order({ status: 'READY' });
    await w.run('claim', [{ id: early.lines[0]!.id }, { id: late.lines[0]!.id }], { claim_type: 'cancel', reason: 'buyer' });
    assert.deepEqual([early.lines[0]!.status, late.lines[0]!.status], ['CANCELED', 'CANCEL_REQUESTED']);
    assert.deepEqual(claimStates(w), [
      ['cancel', 'completed', 'manual'],
      ['cancel', 'requested', 'manual'],
    ]);
    const claimed = w.claim(late.lines[0]!, 'cancel', 'requested');
    assert.deepEqual(outcomes(await w.run('complete_claim', [{ id: late.lines[0]!.id }])), ['applied']);
    assert.deepEqual([late.lines[0]!.status, claimed.state, claimed.completed_at], ['CANCELED', 'completed', '2026-11-20T00:00:00.000Z']);
  });

  it('returns and exchanges are requested after shipping and refused before it', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'DELIVERED', lines: 2 });
    const ready = w.order({ status: 'READY' });
    const results = [
      ...(await w.run('claim', [{ id: lines[0]!.id }], { claim_type: 'return' })),
      ...(await w.run('claim', [{ id: lines[1]!.id }, { id: ready.lines[0]!.id }], { claim_type: 'exchange' })),
    ];
    assert.deepEqual(outcomes(results), ['applied', 'applied', 'refused:illegal_transition']);
    assert.deepEqual(
      lines.map((l) => l.status),
      ['RETURN_REQUESTED', 'EXCHANGE_REQUESTED'],
    );
  });

  it("a mall's claim keeps the mall's claim id", async () => {
    const w = new World();
    const { lines } = w.order({ status: 'SHIPPED', source: 'mall', mall_account_id: 'acc_1' });
    const origin = { source: 'mall' as const, mallClaimIds: new Map([[lines[0]!.id, 'R-77']]) };
    await w.run('claim', [{ id: lines[0]!.id }], { claim_type: 'return', claim_state: 'requested' }, { origin });
    assert.deepEqual(
      w.set.writes.newClaims.map((c) => [c.state, c.source, c.mall_claim_id]),
      [['requested', 'mall', 'R-77']],
    );
    assert.equal(lines[0]!.status, 'RETURN_REQUESTED');
    // A return the mall requested and completed between two syncs is reported completed only: it completes from a
    // delivery status, the claim completed at once with the mall's id.
    const done = w.order({ status: 'IN_TRANSIT', source: 'mall', mall_account_id: 'acc_1' }).lines[0]!;
    const completed = { source: 'mall' as const, mallClaimIds: new Map([[done.id, 'R-78']]) };
    const [r] = await w.run('claim', [{ id: done.id }], { claim_type: 'return', claim_state: 'completed' }, { origin: completed });
    assert.equal(r!.result, 'applied');
    assert.equal(done.status, 'RETURNED');
    assert.deepEqual(w.set.writes.newClaims.at(-1) && [w.set.writes.newClaims.at(-1)!.state, w.set.writes.newClaims.at(-1)!.mall_claim_id], [
      'completed',
      'R-78',
    ]);
    // Not from before shipping: a cancel is what the mall reports then.
    const [early] = await w.run(
      'claim',
      [{ id: w.order({ status: 'READY' }).lines[0]!.id }],
      { claim_type: 'return', claim_state: 'completed' },
      { origin },
    );
    assert.equal(early!.code, 'illegal_transition');
  });

  it('mark cancel completed works straight from a pre-shipment status, and not after shipping', async () => {
    const w = new World();
    const ready = w.order({ status: 'READY' });
    const shipped = w.order({ status: 'SHIPPED' });
    assert.deepEqual(outcomes(await w.run('complete_claim', [{ id: ready.lines[0]!.id }, { id: shipped.lines[0]!.id }], { claim_type: 'cancel' })), [
      'applied',
      'refused:illegal_transition',
    ]);
    assert.deepEqual(claimStates(w), [['cancel', 'completed', 'manual']]);
    assert.deepEqual(outcomes(await w.run('complete_claim', [{ id: w.order({ status: 'READY' }).lines[0]!.id }])), ['refused:illegal_transition']);
  });

  it('withdrawing a claim goes back to the status before it and closes the claim as withdrawn', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'CANCEL_REQUESTED' });
    w.history(lines[0]!, [
      [null, 'NEW'],
      ['NEW', 'READY'],
      ['READY', 'CANCEL_REQUESTED'],
    ]);
    const claim = w.claim(lines[0]!, 'cancel', 'requested');
    assert.deepEqual(outcomes(await w.run('withdraw_claim', [{ id: lines[0]!.id }])), ['applied']);
    assert.deepEqual([lines[0]!.status, claim.state], ['READY', 'withdrawn']);
    assert.deepEqual(
      w.set.writes.history.map((h) => [h.entity, h.from_status, h.to_status]),
      [
        ['line', 'CANCEL_REQUESTED', 'READY'],
        ['claim', 'requested', 'withdrawn'],
      ],
    );
  });

  it('without a status before the claim in its history, a line cannot be put back', async () => {
    const w = new World();
    const { lines } = w.order({ status: 'CANCEL_REQUESTED' });
    w.history(lines[0]!, [[null, 'CANCEL_REQUESTED']]);
    const [r] = await w.run('withdraw_claim', [{ id: lines[0]!.id }]);
    assert.equal(r!.code, 'no_earlier_status');
    assert.equal(r!.message, 'no status before the claim is recorded, so it cannot be put back');
  });

  it('restore puts a cancel back where it was and a return to SHIPPED, warning that the mall may revert it', async () => {
    const w = new World();
    const canceled = w.order({ status: 'CANCELED', source: 'mall', mall_account_id: 'acc_1' });
    w.history(canceled.lines[0]!, [
      [null, 'PAID'],
      ['PAID', 'NEW'],
      ['NEW', 'CANCELED'],
    ]);
    const returned = w.order({ status: 'RETURNED' });
    w.history(returned.lines[0]!, [
      ['DELIVERED', 'RETURN_REQUESTED'],
      ['RETURN_REQUESTED', 'RETURNED'],
    ]);
    const claim = w.claim(returned.lines[0]!, 'return', 'completed');
    const results = await w.run('restore', [{ id: canceled.lines[0]!.id }, { id: returned.lines[0]!.id }], { reason: 'mistake' });
    assert.deepEqual(outcomes(results), ['applied', 'applied']);
    assert.deepEqual([canceled.lines[0]!.status, returned.lines[0]!.status, claim.state], ['NEW', 'SHIPPED', 'restored']);
    assert.deepEqual(results[0]!.warnings, ['if the mall still has this cancel, the next sync may revert this restore']);
    assert.equal(results[1]!.warnings, undefined, 'a manual order has no mall to revert it');
  });

  it('restore drops a decision the mall was never told (waiting or failed), and keeps one it took', async () => {
    const w = new World();
    const [waiting, failed, sent] = ['pending', 'failed', 'sent'].map((status) => {
      const { lines } = w.order({ status: 'CANCELED', source: 'mall', mall_account_id: 'acc_1' });
      w.history(lines[0]!, [
        [null, 'NEW'],
        ['NEW', 'CANCELED'],
      ]);
      return w.claim(lines[0]!, 'cancel', 'completed', status);
    });
    const results = await w.run(
      'restore',
      [waiting, failed, sent].map((c) => ({ id: c!.line_id })),
      { reason: '잘못 승인' },
    );
    assert.deepEqual(outcomes(results), ['applied', 'applied', 'applied']);
    const patches = [waiting, failed, sent].map((c) => w.set.writes.claims.get(c!.id)!);
    assert.deepEqual(
      patches.map((p) => [p.state, p.mall_decision, p.mall_decision_status]),
      [
        ['restored', null, null],
        ['restored', null, null],
        ['restored', undefined, undefined],
      ],
    );
    assert.equal(sent!.mall_decision_status, 'sent');
  });

  it('a claim for part of a quantity splits the line; amounts follow in whole won', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'SHIPPED', lines: 2, quantity: 3, amount: 10000 });
    lines[0]!.mall_line_id = 'M-1';
    const [r] = await w.run('claim', [{ id: lines[0]!.id, quantity: 1 }], { claim_type: 'return' });
    assert.equal(r!.result, 'applied');
    const after = w.set.linesOfOrder(order.id);
    assert.deepEqual(
      after.map((l) => [l.line_no, l.status, l.quantity, l.amount, l.mall_line_id]),
      [
        [1, 'RETURN_REQUESTED', 1, 3333, 'M-1'],
        [2, 'SHIPPED', 3, 10000, null],
        [3, 'SHIPPED', 2, 6667, null],
      ],
    );
    assert.deepEqual(
      r!.lines!.map((l) => l.id),
      [lines[0]!.id, after[2]!.id],
    );
    assert.deepEqual(
      w.set.writes.newClaims.map((c) => c.quantity),
      [1],
    );
    assert.equal(w.set.writes.history.find((h) => h.action === 'split')!.reason, `split from ${lines[0]!.id}`);
  });

  it('a claim for the whole quantity does not split, and more than the line has is refused', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'SHIPPED', quantity: 2 });
    const results = await w.run('claim', [{ id: lines[0]!.id, quantity: 2 }], { claim_type: 'return' });
    assert.deepEqual([outcomes(results)[0], w.set.linesOfOrder(order.id).length], ['applied', 1]);
    const v = new World();
    const big = v.order({ status: 'SHIPPED', quantity: 2 });
    const [r] = await v.run('claim', [{ id: big.lines[0]!.id, quantity: 3 }], { claim_type: 'return' });
    assert.equal(r!.message, 'claim quantity 3 exceeds the line quantity 2');
  });

  it('a cancel on an order cancels the lines that can be, and is refused only when none can', async () => {
    const w = new World();
    const { order, lines } = w.order({ status: 'NEW', lines: 2 });
    lines[1]!.status = 'DELIVERED';
    assert.deepEqual(outcomes(await w.run('claim', [{ id: order.id }], { claim_type: 'cancel' })), ['applied']);
    assert.deepEqual(
      lines.map((l) => l.status),
      ['CANCELED', 'DELIVERED'],
    );
    const v = new World();
    const gone = v.order({ status: 'DELIVERED' });
    assert.deepEqual(outcomes(await v.run('claim', [{ id: gone.order.id }], { claim_type: 'cancel' })), ['refused:illegal_transition']);
  });
});
