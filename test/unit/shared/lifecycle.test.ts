import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import {
  ACTION_RULES,
  LINE_ACTIONS,
  STATUSES,
  alreadyDone,
  checkTransition,
  manualClaimState,
  statusBeforeClaim,
  type LineAction,
  type Status,
} from '../../../shared/lifecycle.ts';

// The table PRODUCT.md §4 describes, written out independently of shared/lifecycle.ts: every (action, from) pair
// that is allowed, and where it leads. Everything not listed must be refused.
const ALLOWED: Record<LineAction, Partial<Record<Status, Status | 'same' | 'before_claim'>>> = {
  confirm: { PAID: 'NEW' },
  release: { NEW: 'READY' },
  set_invoice: { READY: 'INVOICED', INVOICED: 'same', SHIPPED: 'same' },
  clear_invoice: { INVOICED: 'READY' },
  ship: { INVOICED: 'SHIPPED' },
  mark_in_transit: { SHIPPED: 'IN_TRANSIT' },
  mark_delivered: { SHIPPED: 'DELIVERED', IN_TRANSIT: 'DELIVERED' },
  confirm_purchase: { SHIPPED: 'PURCHASE_CONFIRMED', IN_TRANSIT: 'PURCHASE_CONFIRMED', DELIVERED: 'PURCHASE_CONFIRMED' },
  request_cancel: {
    PAID: 'CANCEL_REQUESTED',
    NEW: 'CANCEL_REQUESTED',
    READY: 'CANCEL_REQUESTED',
    INVOICED: 'CANCEL_REQUESTED',
    SHIPPED: 'CANCEL_REQUESTED',
  },
  complete_cancel: { PAID: 'CANCELED', NEW: 'CANCELED', READY: 'CANCELED', INVOICED: 'CANCELED', CANCEL_REQUESTED: 'CANCELED' },
  request_return: { SHIPPED: 'RETURN_REQUESTED', IN_TRANSIT: 'RETURN_REQUESTED', DELIVERED: 'RETURN_REQUESTED' },
  complete_return: { SHIPPED: 'RETURNED', IN_TRANSIT: 'RETURNED', DELIVERED: 'RETURNED', RETURN_REQUESTED: 'RETURNED' },
  request_exchange: { SHIPPED: 'EXCHANGE_REQUESTED', IN_TRANSIT: 'EXCHANGE_REQUESTED', DELIVERED: 'EXCHANGE_REQUESTED' },
  complete_exchange: { SHIPPED: 'EXCHANGED', IN_TRANSIT: 'EXCHANGED', DELIVERED: 'EXCHANGED', EXCHANGE_REQUESTED: 'EXCHANGED' },
  withdraw_claim: { CANCEL_REQUESTED: 'before_claim', RETURN_REQUESTED: 'before_claim', EXCHANGE_REQUESTED: 'before_claim' },
  restore: {
    CANCEL_REQUESTED: 'before_claim',
    CANCELED: 'before_claim',
    RETURN_REQUESTED: 'SHIPPED',
    RETURNED: 'SHIPPED',
    EXCHANGE_REQUESTED: 'before_claim',
    EXCHANGED: 'before_claim',
  },
};

/** A history that reached `status` through a claim that began at INVOICED. */
function historyInto(status: Status) {
  const path: Status[] = ['PAID', 'NEW', 'READY', 'INVOICED'];
  if (status.startsWith('RETURN') || status.startsWith('EXCHANGE')) path.push('SHIPPED', 'DELIVERED');
  const steps = [{ from: null as Status | null, to: 'PAID' as Status }];
  for (let i = 1; i < path.length; i++) steps.push({ from: path[i - 1]!, to: path[i]! });
  const requested = status.startsWith('CANCEL') ? 'CANCEL_REQUESTED' : status.startsWith('RETURN') ? 'RETURN_REQUESTED' : 'EXCHANGE_REQUESTED';
  steps.push({ from: path[path.length - 1]!, to: requested });
  if (status !== requested) steps.push({ from: requested, to: status });
  return { steps, before: path[path.length - 1]! };
}

describe('lifecycle table', () => {
  it('has a rule for every action, naming only real statuses', () => {
    assert.deepEqual(Object.keys(ACTION_RULES).sort(), [...LINE_ACTIONS].sort());
    for (const rule of Object.values(ACTION_RULES)) for (const s of rule.from) assert.ok(STATUSES.includes(s));
  });

  for (const action of LINE_ACTIONS) {
    for (const from of STATUSES) {
      const expected = ALLOWED[action][from];
      it(`${action} from ${from} ${expected ? `→ ${expected}` : 'is refused'}`, () => {
        const { steps, before } =
          from.includes('_REQUESTED') || ['CANCELED', 'RETURNED', 'EXCHANGED'].includes(from) ? historyInto(from) : { steps: [], before: null };
        const result = checkTransition(action, from, {}, steps);
        if (!expected) {
          assert.deepEqual(result, { ok: false, code: 'illegal_transition' });
          return;
        }
        assert.equal(result.ok, true, JSON.stringify(result));
        if (result.ok) assert.equal(result.to, expected === 'before_claim' ? before : expected);
      });
    }
  }
});

describe('alreadyDone', () => {
  it('is the one target status of an action, never a target that depends on the line', () => {
    const done = LINE_ACTIONS.flatMap((action) => STATUSES.filter((status) => alreadyDone(action, status)).map((status) => `${action}:${status}`));
    assert.deepEqual(done, [
      'confirm:NEW',
      'release:READY',
      'clear_invoice:READY',
      'ship:SHIPPED',
      'mark_in_transit:IN_TRANSIT',
      'mark_delivered:DELIVERED',
      'confirm_purchase:PURCHASE_CONFIRMED',
      'request_cancel:CANCEL_REQUESTED',
      'complete_cancel:CANCELED',
      'request_return:RETURN_REQUESTED',
      'complete_return:RETURNED',
      'request_exchange:EXCHANGE_REQUESTED',
      'complete_exchange:EXCHANGED',
    ]);
  });
});

describe('flags', () => {
  it('hold blocks release, invoice and ship but not a cancel', () => {
    for (const [action, from] of [
      ['release', 'NEW'],
      ['set_invoice', 'READY'],
      ['ship', 'INVOICED'],
    ] as const) {
      assert.deepEqual(checkTransition(action, from, { hold: true }), { ok: false, code: 'blocked', flag: 'hold' });
    }
    assert.equal(checkTransition('request_cancel', 'READY', { hold: true }).ok, true);
  });

  it('unmatched and sold-out lines are not released; sold-out ones are not numbered or shipped either', () => {
    assert.deepEqual(checkTransition('release', 'NEW', { unmatched: true }), { ok: false, code: 'blocked', flag: 'unmatched' });
    assert.deepEqual(checkTransition('release', 'NEW', { sold_out: true }), { ok: false, code: 'blocked', flag: 'sold_out' });
    assert.deepEqual(checkTransition('ship', 'INVOICED', { sold_out: true }), { ok: false, code: 'blocked', flag: 'sold_out' });
    assert.deepEqual(checkTransition('set_invoice', 'READY', { sold_out: true }), { ok: false, code: 'blocked', flag: 'sold_out' });
    // A number already given is corrected, flag or not.
    assert.deepEqual(checkTransition('set_invoice', 'SHIPPED', { sold_out: true }), { ok: true, to: 'same' });
    assert.deepEqual(checkTransition('set_invoice', 'INVOICED', { sold_out: true, hold: true }), { ok: false, code: 'blocked', flag: 'hold' });
  });

  it('an illegal transition is reported before a blocking flag', () => {
    assert.deepEqual(checkTransition('release', 'READY', { hold: true }), { ok: false, code: 'illegal_transition' });
  });
});

describe('statusBeforeClaim', () => {
  it('finds the status a cancel started from, across requested and completed', () => {
    const history = [
      { from: null, to: 'NEW' as Status },
      { from: 'NEW' as Status, to: 'READY' as Status },
      { from: 'READY' as Status, to: 'INVOICED' as Status },
      { from: 'INVOICED' as Status, to: 'CANCEL_REQUESTED' as Status },
      { from: 'CANCEL_REQUESTED' as Status, to: 'CANCELED' as Status },
    ];
    assert.equal(statusBeforeClaim('CANCELED', history), 'INVOICED');
  });

  it('uses the latest claim when there were several', () => {
    const history = [
      { from: null, to: 'NEW' as Status },
      { from: 'NEW' as Status, to: 'CANCEL_REQUESTED' as Status },
      { from: 'CANCEL_REQUESTED' as Status, to: 'NEW' as Status },
      { from: 'NEW' as Status, to: 'READY' as Status },
      { from: 'READY' as Status, to: 'CANCEL_REQUESTED' as Status },
    ];
    assert.equal(statusBeforeClaim('CANCEL_REQUESTED', history), 'READY');
  });

  it('says nothing when the claim was never seen starting', () => {
    assert.equal(statusBeforeClaim('CANCELED', [{ from: null, to: 'CANCELED' }]), null);
    assert.deepEqual(checkTransition('restore', 'CANCELED', {}, [{ from: null, to: 'CANCELED' }]), { ok: false, code: 'no_earlier_status' });
  });
});

describe('manual claims', () => {
  it('a cancel entered before release closes at once; later it is a request', () => {
    assert.equal(manualClaimState('cancel', 'PAID'), 'completed');
    assert.equal(manualClaimState('cancel', 'NEW'), 'completed');
    assert.equal(manualClaimState('cancel', 'READY'), 'requested');
    assert.equal(manualClaimState('return', 'DELIVERED'), 'requested');
    assert.equal(manualClaimState('cancel', 'READY', 'completed'), 'completed');
  });
});
