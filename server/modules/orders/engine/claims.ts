// Claims (cancel, return, exchange): entering one by hand or from a mall, completing it, closing it when it is
// withdrawn or restored, and splitting a line when a claim is for part of its quantity. A claim's states are
// recorded in the history like a line's statuses.
import {
  CLAIM_STATUSES,
  claimAction,
  claimTypeOf,
  manualClaimState,
  type ClaimType,
  type LineAction,
  type Status,
} from '../../../../shared/lifecycle.ts';
import { message, type Message } from '../../../../shared/i18n.ts';
import { newId, ID_PREFIX } from '../../../db/ids.ts';
import { ordersMessages } from '../orders.messages.ts';
import type { ClaimRow, LineRow } from '../working-set.repo.ts';
import type { EngineCore } from './core.ts';
import { decide } from './decide.ts';
import { cancelGiftsOfCanceledOrders } from './gift-lines.ts';
import { Refusal, type Decided, type Outcome, type Params } from './types.ts';

export function enterClaim(core: EngineCore, targetId: string, lines: LineRow[], p: Params, orderTarget: boolean): Outcome {
  const type = p.claim_type!;
  const changed: string[] = [];
  // Each line goes to the state its own status calls for (a cancel before release closes at once).
  const byAction = new Map<LineAction, LineRow[]>();
  for (const line of lines) {
    const action = claimAction(type, manualClaimState(type, line.status as Status, p.claim_state));
    byAction.set(action, [...(byAction.get(action) ?? []), line]);
  }
  let lastRefusal: Refusal | null = null;
  for (const [action, group] of byAction) {
    let decided: Decided[][];
    try {
      decided = decide(
        core,
        targetId,
        group.map((l) => [l]),
        action,
        true,
      );
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      lastRefusal = error;
      continue;
    }
    for (const [{ line, to }] of decided as [Decided][]) {
      const remainder = p.quantity !== undefined ? splitForClaim(core, targetId, line, p.quantity) : null;
      const completed = to === CLAIM_STATUSES[type].completed;
      addClaim(core, line, type, completed ? 'completed' : 'requested', action, p.reason ?? null);
      core.moveLine(line, to, action, p.reason ?? null);
      changed.push(line.id);
      if (remainder) changed.push(remainder.id);
    }
  }
  if (!changed.length || (!orderTarget && lastRefusal)) throw lastRefusal ?? new Refusal('not_found', { id: targetId });
  if (type === 'cancel')
    changed.push(
      ...cancelGiftsOfCanceledOrders(
        core,
        lines.map((l) => l.order_id),
        p.reason ?? null,
      ),
    );
  return { lines: changed, changed: true, warnings: [] };
}

/**
 * A claim for part of a line's quantity splits the line: the claimed part keeps the line (its mall id and
 * history), the rest becomes a new line in the same status. Amounts follow the quantities, in whole won.
 */
function splitForClaim(core: EngineCore, targetId: string, line: LineRow, quantity: number): LineRow | null {
  if (quantity > line.quantity) throw new Refusal('quantity_too_large', { id: targetId, quantity, available: line.quantity });
  if (quantity === line.quantity) return null;
  const claimedAmount = Math.round((line.amount * quantity) / line.quantity);
  const remainder: LineRow = {
    ...line,
    id: newId(ID_PREFIX.line),
    line_no: Math.max(...core.set.linesOfOrder(line.order_id).map((l) => l.line_no)) + 1,
    mall_line_id: null,
    quantity: line.quantity - quantity,
    amount: line.amount - claimedAmount,
    version: 1,
    created_at: core.now,
    updated_at: core.now,
  };
  core.set.addNewLine(remainder);
  core.set.push(core.set.writes.splits, { from: line.id, to: remainder.id, quantity: remainder.quantity, of: line.quantity });
  core.record('line', remainder.id, line.order_id, 'split', null, remainder.status, `split from ${line.id}`);
  core.moveLine(line, 'same', 'split', null, { quantity, amount: claimedAmount });
  return remainder;
}

export function completeClaim(core: EngineCore, targetId: string, lines: LineRow[], p: Params, orderTarget: boolean): Outcome {
  // "Mark cancel completed" also closes an order whose cancel never reached us (instant refunds).
  const changed: string[] = [];
  const warnings: Message[] = [];
  let refusal: Refusal | null = null;
  for (const line of lines) {
    const open = claimTypeOf(line.status as Status);
    const type: ClaimType | null = open && line.status === CLAIM_STATUSES[open].requested ? open : p.claim_type === 'cancel' ? 'cancel' : null;
    const action = claimAction(type ?? 'cancel', 'completed');
    const r = type ? core.check(targetId, line, action) : new Refusal('illegal_transition', core.transitionParams(targetId, line, action));
    if (r instanceof Refusal) {
      if (!refusal || refusal.code === 'illegal_transition') refusal = r;
      continue;
    }
    const claim = openClaim(core, line, type!);
    if (claim) {
      const decision = mallDecision(core, claim, 'approve', p.reason ?? null);
      patchClaim(core, claim, { state: 'completed', completed_at: core.now, ...decision }, action, p.reason ?? null);
      if (decision) warnings.push(message(ordersMessages.mall_decision_queued, { id: line.id }));
    } else addClaim(core, line, type!, 'completed', action, p.reason ?? null);
    core.moveLine(line, r.to, action, p.reason ?? null);
    changed.push(line.id);
  }
  if (!changed.length || (!orderTarget && refusal)) throw refusal ?? new Refusal('not_found', { id: targetId });
  changed.push(
    ...cancelGiftsOfCanceledOrders(
      core,
      lines.map((l) => l.order_id),
      p.reason ?? null,
    ),
  );
  return { lines: changed, changed: true, warnings };
}

/** What a claim carries once decided here, when its mall must be told (claim-decisions job). */
export type MallDecisionPatch = {
  mall_decision: 'approve' | 'reject';
  mall_decision_status: 'pending';
  mall_decided_at: string;
  mall_decided_by: string | null;
  mall_sent_at: null;
  mall_decision_error: null;
  /** The operator's reason (the claim's own is the buyer's): what a refusal tells the mall. */
  mall_decision_reason: string | null;
};

/**
 * A claim the mall reported, decided by an operator here (not a sync repeating the mall's own word): the mall is to
 * be told, by the claim-decisions job. Claims entered by hand never go to the mall.
 */
function mallDecision(core: EngineCore, claim: ClaimRow, decision: 'approve' | 'reject', reason: string | null): MallDecisionPatch | undefined {
  if (claim.source !== 'mall' || core.origin.source === 'mall' || !core.orderOf(core.set.lines.get(claim.line_id)!).mall_account_id) return;
  return {
    mall_decision: decision,
    mall_decision_status: 'pending',
    mall_decided_at: core.now,
    mall_decided_by: core.actor.id,
    mall_sent_at: null,
    mall_decision_error: null,
    mall_decision_reason: reason,
  };
}

function openClaim(core: EngineCore, line: LineRow, type: ClaimType): ClaimRow | undefined {
  const list = (core.set.claims.get(line.id) ?? []).filter((c) => c.type === type && c.state !== 'withdrawn' && c.state !== 'restored');
  return list[list.length - 1];
}

/**
 * The line's open claim of `type` ends: withdrawn at the mall, or undone by an operator (restored). A mall's claim an
 * operator withdraws here is refused at the mall (the claim-decisions job): answers true then.
 */
export function closeClaim(
  core: EngineCore,
  line: LineRow,
  type: ClaimType,
  state: 'withdrawn' | 'restored',
  action: string,
  reason: string | null,
): boolean {
  const claim = openClaim(core, line, type);
  if (!claim) return false;
  // Only a request is refused there: a claim completed here and then restored stays the operator's own matter.
  const decision = state === 'withdrawn' && claim.state === 'requested' ? mallDecision(core, claim, 'reject', reason) : undefined;
  patchClaim(core, claim, { state, ...(decision ?? (state === 'restored' ? unsentDecisionDropped(claim) : undefined)) }, action, reason);
  return !!decision;
}

/**
 * A claim restored before the mall was told of its decision: the decision is dropped, not left waiting (the job
 * passes a claim no longer in its decided state by, and the order detail said 전송 대기 for good). One the mall has
 * taken stays as it was: the mall holds it.
 */
function unsentDecisionDropped(claim: ClaimRow): DroppedDecision | undefined {
  if (claim.mall_decision_status !== 'pending' && claim.mall_decision_status !== 'failed') return undefined;
  return {
    mall_decision: null,
    mall_decision_status: null,
    mall_decided_at: null,
    mall_decided_by: null,
    mall_sent_at: null,
    mall_decision_error: null,
    mall_decision_reason: null,
  };
}

type DroppedDecision = { [K in keyof MallDecisionPatch]: null };

/** A claim entered by this call. */
function addClaim(core: EngineCore, line: LineRow, type: ClaimType, state: 'requested' | 'completed', action: string, reason: string | null): void {
  const claim: ClaimRow = {
    id: newId(ID_PREFIX.claim),
    order_id: line.order_id,
    line_id: line.id,
    type,
    state,
    quantity: line.quantity,
    reason,
    source: core.origin.source,
    mall_claim_id: core.origin.mallClaimIds?.get(line.id) ?? null,
    requested_at: core.now,
    completed_at: state === 'completed' ? core.now : null,
    created_by: core.actor.id,
    version: 1,
    created_at: core.now,
    updated_at: core.now,
    mall_decision_status: null,
  };
  core.set.push(core.set.writes.newClaims, claim);
  core.record('claim', claim.id, line.order_id, action, null, state, reason);
}

function patchClaim(
  core: EngineCore,
  claim: ClaimRow,
  patch: Partial<ClaimRow> & (Partial<MallDecisionPatch> | DroppedDecision),
  action: string,
  reason: string | null,
): void {
  const from = claim.state;
  core.set.assign(claim, patch);
  core.set.queue(core.set.writes.claims, claim.id, patch);
  if (patch.state && patch.state !== from) core.record('claim', claim.id, claim.order_id, action, from, patch.state, reason);
}
