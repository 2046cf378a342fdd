import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MallChange } from '../../../server/connectors/types.ts';
import { stepFor } from '../../../server/jobs/sync.job.ts';
import { collectWindow, syncWindow } from '../../../server/jobs/windows.ts';

const change = (status: MallChange['status'], claim?: MallChange['claim']): MallChange => ({
  mallLineId: '1',
  mallOrderId: '1',
  mallStatus: 'x',
  status,
  changedAt: '2026-11-20T00:00:00.000Z',
  ...(claim ? { claim } : {}),
});
const claim = (type: 'cancel' | 'return' | 'exchange', state: 'requested' | 'completed' | 'withdrawn') => ({ type, state, mallClaimId: 'c1', reason: null, quantity: null });

describe('sync: which transition a mall change calls for', () => {
  it('claims are entered in the state the mall reports, completed when already requested, withdrawn only when open', () => {
    assert.deepEqual(stepFor(change('CANCEL_REQUESTED', claim('cancel', 'requested')), 'READY'), { action: 'claim', claim_state: 'requested' });
    assert.equal(stepFor(change('CANCEL_REQUESTED', claim('cancel', 'requested')), 'CANCEL_REQUESTED'), null);
    assert.equal(stepFor(change('CANCELED', claim('cancel', 'completed')), 'CANCEL_REQUESTED'), 'complete_claim');
    assert.deepEqual(stepFor(change('CANCELED', claim('cancel', 'completed')), 'NEW'), { action: 'claim', claim_state: 'completed' });
    assert.equal(stepFor(change('CANCELED', claim('cancel', 'completed')), 'CANCELED'), null);
    assert.equal(stepFor(change('DELIVERED', claim('return', 'withdrawn')), 'RETURN_REQUESTED'), 'withdraw_claim');
    assert.equal(stepFor(change('DELIVERED', claim('return', 'withdrawn')), 'DELIVERED'), null);
  });

  it('delivery states move forward only', () => {
    assert.equal(stepFor(change('IN_TRANSIT'), 'SHIPPED'), 'mark_in_transit');
    assert.equal(stepFor(change('DELIVERED'), 'IN_TRANSIT'), 'mark_delivered');
    assert.equal(stepFor(change('DELIVERED'), 'SHIPPED'), 'mark_delivered');
    assert.equal(stepFor(change('PURCHASE_CONFIRMED'), 'DELIVERED'), 'confirm_purchase');
    assert.equal(stepFor(change('IN_TRANSIT'), 'DELIVERED'), null, 'we are ahead: nothing to do');
    assert.equal(stepFor(change('NEW'), 'PAID'), 'confirm', 'confirmed in the seller center');
    assert.equal(stepFor(change('DELIVERED'), 'READY'), null);
  });
});

describe('job windows', () => {
  const now = new Date('2026-11-22T03:00:00.000Z');
  it('a manual period is used as given', () => {
    assert.deepEqual(collectWindow({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' }, null, now), { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' });
  });
  it('a scheduled run continues from the last one with ten minutes of overlap', () => {
    assert.deepEqual(collectWindow({}, '2026-11-22T02:50:00.000Z', now), { from: '2026-11-22T02:40:00.000Z', to: now.toISOString() });
  });
  it('the first run looks back 3 days (collect) or 7 days (sync), and never more than 30', () => {
    assert.equal(collectWindow({}, null, now).from, '2026-11-19T03:00:00.000Z');
    assert.equal(syncWindow({}, undefined, now).from, '2026-11-15T03:00:00.000Z');
    assert.equal(collectWindow({}, '2026-01-01T00:00:00.000Z', now).from, '2026-10-23T03:00:00.000Z');
  });
});
