// The lifecycle's knowledge of the malls' word (shared/lifecycle.ts, shared/mall-word.ts): how a sync brings our line to where the mall
// says it is, which disagreements matter, and the status groups the engine, jobs and connectors share.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { API_ACTIONS } from '../../../shared/api/orders.schema.ts';
import {
  ACTION_RULES,
  CLAIM_TYPES,
  LEAVES_BOX,
  STATUSES,
  checkTransition,
  claimAction,
  claimStatus,
  isClaimRequested,
  type ClaimType,
  type MallClaimState,
  type Status,
} from '../../../shared/lifecycle.ts';
import { isClaimSwitch, isMismatch, stepToMall, type MallWord } from '../../../shared/mall-word.ts';

const change = (status: Status, claim?: MallWord['claim']): MallWord => ({ status, ...(claim ? { claim } : {}) });
const claim = (type: ClaimType, state: MallClaimState) => ({ type, state });

describe('sync: which transition a mall change calls for', () => {
  it('claims are entered in the state the mall reports, completed when already requested, withdrawn only when open', () => {
    assert.deepEqual(stepToMall(change('CANCEL_REQUESTED', claim('cancel', 'requested')), 'READY'), { action: 'claim', claim_state: 'requested' });
    assert.equal(stepToMall(change('CANCEL_REQUESTED', claim('cancel', 'requested')), 'CANCEL_REQUESTED'), null);
    assert.equal(stepToMall(change('CANCELED', claim('cancel', 'completed')), 'CANCEL_REQUESTED'), 'complete_claim');
    assert.deepEqual(stepToMall(change('CANCELED', claim('cancel', 'completed')), 'NEW'), { action: 'claim', claim_state: 'completed' });
    assert.equal(stepToMall(change('CANCELED', claim('cancel', 'completed')), 'CANCELED'), null);
    assert.equal(stepToMall(change('DELIVERED', claim('return', 'withdrawn')), 'RETURN_REQUESTED'), 'withdraw_claim');
    assert.equal(stepToMall(change('DELIVERED', claim('return', 'withdrawn')), 'DELIVERED'), null);
    // Another kind of claim at the mall than ours (an exchange the buyer made a return): ours is withdrawn first.
    const turned = change('RETURN_REQUESTED', claim('return', 'requested'));
    assert.equal(stepToMall(turned, 'EXCHANGE_REQUESTED'), 'withdraw_claim');
    assert.equal(isClaimSwitch(turned, 'EXCHANGE_REQUESTED'), true);
    assert.equal(isClaimSwitch(turned, 'DELIVERED'), false);
    assert.equal(isClaimSwitch(change('DELIVERED', claim('exchange', 'withdrawn')), 'EXCHANGE_REQUESTED'), false);
  });

  it('delivery states move forward only', () => {
    assert.equal(stepToMall(change('IN_TRANSIT'), 'SHIPPED'), 'mark_in_transit');
    assert.equal(stepToMall(change('DELIVERED'), 'IN_TRANSIT'), 'mark_delivered');
    assert.equal(stepToMall(change('DELIVERED'), 'SHIPPED'), 'mark_delivered');
    assert.equal(stepToMall(change('PURCHASE_CONFIRMED'), 'DELIVERED'), 'confirm_purchase');
    assert.equal(stepToMall(change('IN_TRANSIT'), 'DELIVERED'), null, 'we are ahead: nothing to do');
    assert.equal(stepToMall(change('NEW'), 'PAID'), 'confirm', 'confirmed in the seller center');
    assert.equal(stepToMall(change('DELIVERED'), 'READY'), null);
  });

  it('a claim the mall no longer shows is withdrawn here, whatever status the mall implies', () => {
    for (const type of CLAIM_TYPES) assert.equal(stepToMall(change('DELIVERED'), claimStatus(type, 'requested')), 'withdraw_claim', type);
    assert.equal(stepToMall(change('DELIVERED'), 'CANCELED'), null, 'a completed claim stays');
  });

  it('every step, for every status of ours and every word of the mall, is an API action the lifecycle allows from ours', () => {
    const words: MallWord[] = [
      ...STATUSES.map((s) => change(s)),
      ...CLAIM_TYPES.flatMap((t) => (['requested', 'completed', 'withdrawn'] as const).map((st) => change('DELIVERED', claim(t, st)))),
    ];
    for (const word of words) {
      for (const ours of STATUSES) {
        const step = stepToMall(word, ours);
        if (!step) continue;
        const action = typeof step === 'string' ? step : step.action;
        assert.ok((API_ACTIONS as readonly string[]).includes(action), action);
        if (typeof step === 'string' && step !== 'complete_claim') assert.ok(ACTION_RULES[step].from.includes(ours), `${step} from ${ours}`);
        if (step === 'complete_claim') assert.ok(checkTransition(claimAction(word.claim!.type, 'completed'), ours).ok, `complete from ${ours}`);
      }
    }
  });
});

describe("mismatches between our status and the mall's", () => {
  it('a claim on either side matters; the mall past shipping while we are not matters; us ahead does not', () => {
    assert.equal(isMismatch('SHIPPED', 'CANCEL_REQUESTED'), true);
    assert.equal(isMismatch('RETURNED', 'DELIVERED'), true);
    assert.equal(isMismatch('READY', 'IN_TRANSIT'), true);
    assert.equal(isMismatch('SHIPPED', 'PURCHASE_CONFIRMED'), true);
    assert.equal(isMismatch('DELIVERED', 'PURCHASE_CONFIRMED'), false, 'both past shipping: the next sync moves it');
    assert.equal(isMismatch('SHIPPED', 'NEW'), false, 'shipped here, not yet sent: the normal lag');
    assert.equal(isMismatch('CANCELED', 'CANCELED'), false);
  });
});

describe('status groups', () => {
  it('claim statuses by type and state; only requested ones are open', () => {
    assert.equal(claimStatus('exchange', 'completed'), 'EXCHANGED');
    assert.deepEqual(STATUSES.filter(isClaimRequested), ['CANCEL_REQUESTED', 'RETURN_REQUESTED', 'EXCHANGE_REQUESTED']);
  });

  it('the lines that leave their box are those a completed claim closed', () => {
    assert.deepEqual([...LEAVES_BOX].sort(), CLAIM_TYPES.map((t) => claimStatus(t, 'completed')).sort());
  });
});
