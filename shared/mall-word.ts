// The lifecycle (lifecycle.ts) against the malls' word: how a sync brings our line to where the mall says it is, and
// which disagreements an operator must see.
import {
  ACTION_RULES,
  CLAIM_STATUSES,
  claimTypeOf,
  isClaimRequested,
  PAST_SHIPPING_STATUSES,
  type ClaimType,
  type LineAction,
  type MallClaimState,
  type Status,
} from './lifecycle.ts';

/** What a mall says about a line: the status it implies, and the claim on it if any. */
export type MallWord = { status: Status; claim?: { type: ClaimType; state: MallClaimState } | undefined };

/**
 * What brings a line forward to where the mall says it is, taken by a sync: a lifecycle action, or a claim entered in
 * the state the mall reports. Each is an action of the orders API.
 */
export type MallStep =
  | 'confirm'
  | 'mark_in_transit'
  | 'mark_delivered'
  | 'confirm_purchase'
  | 'withdraw_claim'
  | 'complete_claim'
  | { action: 'claim'; claim_state: 'requested' | 'completed' };

/** The action that moves a line into each status a mall reports without a claim (confirmed in its own seller center, …). */
const FORWARD: Partial<Record<Status, Extract<MallStep, LineAction>>> = {
  NEW: 'confirm',
  IN_TRANSIT: 'mark_in_transit',
  DELIVERED: 'mark_delivered',
  PURCHASE_CONFIRMED: 'confirm_purchase',
};

/**
 * The transition that brings our line to where the mall says it is, or null when there is nothing to do. Delivery
 * states only move forward: a line ahead of the mall (shipped here, not yet sent) is the normal lag.
 */
export function stepToMall(mall: MallWord, ours: Status): MallStep | null {
  const claim = mall.claim;
  if (claim) {
    const { requested, completed } = CLAIM_STATUSES[claim.type];
    if (claim.state === 'withdrawn') return ours === requested ? 'withdraw_claim' : null;
    // Another kind of claim open here than the mall shows (an exchange the buyer withdrew and made a return): ours is
    // withdrawn first, then the mall's is entered (isClaimSwitch: the sync takes both steps).
    if (isClaimSwitch(mall, ours)) return 'withdraw_claim';
    if (claim.state === 'requested') return ours === requested || ours === completed ? null : { action: 'claim', claim_state: 'requested' };
    if (ours === completed) return null;
    return ours === requested ? 'complete_claim' : { action: 'claim', claim_state: 'completed' };
  }
  // The mall shows no claim any more while ours is still open: it was withdrawn or refused there.
  if (isClaimRequested(ours)) return 'withdraw_claim';
  if (mall.status === ours) return null;
  const action = FORWARD[mall.status];
  return action && ACTION_RULES[action].from.includes(ours) ? action : null;
}

/** A withdraw that only clears the way for the mall's other kind of claim: the step after it enters that claim. */
export function isClaimSwitch(mall: MallWord, ours: Status): boolean {
  return !!mall.claim && mall.claim.state !== 'withdrawn' && isClaimRequested(ours) && ours !== CLAIM_STATUSES[mall.claim.type].requested;
}

/**
 * Whether our status and the status the mall implies disagree in a way an operator must see: a claim on one side
 * only, or the mall past shipping while we are not. (Us being ahead is the normal lag.)
 */
export function isMismatch(ours: Status, mall: Status): boolean {
  if (ours === mall) return false;
  if (claimTypeOf(ours) || claimTypeOf(mall)) return true;
  return PAST_SHIPPING_STATUSES.includes(mall) && !PAST_SHIPPING_STATUSES.includes(ours);
}
