// The order-line lifecycle of PRODUCT.md §4 as data: statuses, the actions that move a line between them, and the
// flags that block an action without being a status. Server and add-in both read this table; the server enforces
// it, the add-in uses it to explain refusals before anything is sent.

import { defineMessages, type MessageText } from './i18n.ts';

export const STATUSES = [
  'PAID',
  'NEW',
  'READY',
  'INVOICED',
  'SHIPPED',
  'IN_TRANSIT',
  'DELIVERED',
  'PURCHASE_CONFIRMED',
  'CANCEL_REQUESTED',
  'CANCELED',
  'RETURN_REQUESTED',
  'RETURNED',
  'EXCHANGE_REQUESTED',
  'EXCHANGED',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, MessageText> = {
  PAID: { ko: '결제완료', en: 'Paid' },
  NEW: { ko: '신규주문', en: 'New' },
  READY: { ko: '출고대기', en: 'Ready to ship' },
  INVOICED: { ko: '운송장출력', en: 'Invoiced' },
  SHIPPED: { ko: '출고완료', en: 'Shipped' },
  IN_TRANSIT: { ko: '배송중', en: 'In transit' },
  DELIVERED: { ko: '배송완료', en: 'Delivered' },
  PURCHASE_CONFIRMED: { ko: '구매확정', en: 'Purchase confirmed' },
  CANCEL_REQUESTED: { ko: '취소요청', en: 'Cancel requested' },
  CANCELED: { ko: '취소완료', en: 'Canceled' },
  RETURN_REQUESTED: { ko: '반품요청', en: 'Return requested' },
  RETURNED: { ko: '반품완료', en: 'Returned' },
  EXCHANGE_REQUESTED: { ko: '교환요청', en: 'Exchange requested' },
  EXCHANGED: { ko: '교환완료', en: 'Exchanged' },
};

export const CLAIM_TYPES = ['cancel', 'return', 'exchange'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
// withdrawn: the buyer or the mall took the claim back; restored: an operator undid it (주문복원).
export const CLAIM_STATES = ['requested', 'completed', 'withdrawn', 'restored'] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];
/** The states a mall reports a claim in (connectors map the malls' own codes onto these); restoring is ours alone. */
export type MallClaimState = Exclude<ClaimState, 'restored'>;

/** The two statuses of each claim type, and the status a claim of that type leaves behind. */
export const CLAIM_STATUSES: Record<ClaimType, { requested: Status; completed: Status }> = {
  cancel: { requested: 'CANCEL_REQUESTED', completed: 'CANCELED' },
  return: { requested: 'RETURN_REQUESTED', completed: 'RETURNED' },
  exchange: { requested: 'EXCHANGE_REQUESTED', completed: 'EXCHANGED' },
};

export function claimTypeOf(status: Status): ClaimType | null {
  for (const type of CLAIM_TYPES) {
    const s = CLAIM_STATUSES[type];
    if (s.requested === status || s.completed === status) return type;
  }
  return null;
}

/** The status a claim of `type` in `state` puts a line in; a withdrawn claim implies none (the line goes back). */
export function claimStatus(type: ClaimType, state: 'requested' | 'completed'): Status {
  return CLAIM_STATUSES[type][state];
}

/** A claim is open on the line: requested, not yet completed or withdrawn. */
export function isClaimRequested(status: Status): boolean {
  const type = claimTypeOf(status);
  return type !== null && CLAIM_STATUSES[type].requested === status;
}

/** What operators call each kind of claim and each state of one (the CS sheet, the order detail, the action menu). */
export const CLAIM_TYPE_LABELS: Record<ClaimType, MessageText> = {
  cancel: { ko: '취소', en: 'Cancel' },
  return: { ko: '반품', en: 'Return' },
  exchange: { ko: '교환', en: 'Exchange' },
};
/** An operator's decision on a mall's claim, as a sentence names it (클레임 처리 전송: approve its request, or refuse it). */
export const CLAIM_DECISION_LABELS: Record<'approve' | 'reject', MessageText> = {
  approve: { ko: '승인', en: 'approve' },
  reject: { ko: '거부', en: 'reject' },
};
export const CLAIM_STATE_LABELS: Record<ClaimState, MessageText> = {
  requested: { ko: '요청', en: 'requested' },
  completed: { ko: '완료', en: 'completed' },
  withdrawn: { ko: '철회', en: 'withdrawn' },
  restored: { ko: '복구', en: 'restored' },
};

/** Closed by a claim: such a line stays in its box's record but no longer ships, nor is numbered, with the box. */
export const LEAVES_BOX: readonly Status[] = ['CANCELED', 'RETURNED', 'EXCHANGED'];

/**
 * Closed without its box going out for it: it stays in its (merged) box's record, but has no send of its own — the
 * box's 전송완료 is the other lines' number at the mall. The lines view shows no send status for it, and a send-status
 * filter does not select it.
 */
export const NO_SEND_OF_ITS_OWN: readonly Status[] = ['CANCELED'];

/** Before a line's first tracking number: a sold-out line here gets none, nor may the rest of a whole-taken shipment. */
export const BEFORE_FIRST_NUMBER: readonly Status[] = ['PAID', 'NEW', 'READY'];

/** Before the goods leave the warehouse: holds apply here, and a cancel needs no return. */
export const PRE_SHIPMENT_STATUSES: readonly Status[] = ['PAID', 'NEW', 'READY', 'INVOICED'];

/** The parcel is with the courier or the buyer: past the shipping step itself (SHIPPED is only our own word). */
export const PAST_SHIPPING_STATUSES: readonly Status[] = ['IN_TRANSIT', 'DELIVERED', 'PURCHASE_CONFIRMED'];

/** A return or an exchange, requested or completed: the goods come back to the desk (반품 입고). */
export const RETURNING_STATUSES: readonly Status[] = ['RETURN_REQUESTED', 'RETURNED', 'EXCHANGE_REQUESTED', 'EXCHANGED'];

// ---- flags ---------------------------------------------------------------------------------------------------

/** Flags mark or block without being a status. Order flags live on the order, line flags on each line. */
export const ORDER_FLAGS = ['hold', 'merge_locked', 'priority', 'flagged'] as const;
export const LINE_FLAGS = ['sold_out', 'unmatched', 'return_pickup_delayed'] as const;
export type OrderFlag = (typeof ORDER_FLAGS)[number];
export type LineFlag = (typeof LINE_FLAGS)[number];
export type Flag = OrderFlag | LineFlag;
export type FlagSet = Partial<Record<Flag, boolean>>;

export const FLAG_LABELS: Record<Flag, MessageText> = {
  hold: { ko: '출고보류', en: 'On hold' },
  merge_locked: { ko: '합포금지', en: 'Merge locked' },
  priority: { ko: '우선순위', en: 'Priority' },
  flagged: { ko: '깃발', en: 'Flagged' },
  sold_out: { ko: '품절', en: 'Sold out' },
  unmatched: { ko: '비매칭', en: 'Unmatched' },
  return_pickup_delayed: { ko: '회수지연', en: 'Return pickup delayed' },
};

// ---- actions -------------------------------------------------------------------------------------------------

/**
 * Where an action leaves the line:
 * - a status;
 * - 'same': the status does not change (overwriting a tracking number on a SHIPPED box);
 * - 'before_claim': the status the line had before the current claim began, read from its history.
 */
export type Target = Status | 'same' | 'before_claim';

export type ActionRule = {
  from: readonly Status[];
  to: Target | ((from: Status) => Target);
  /** Flags that refuse the action while set (from some statuses only, when a function of the status). */
  blockedBy: readonly Flag[] | ((from: Status) => readonly Flag[]);
  label: MessageText;
};

export const LINE_ACTIONS = [
  'confirm',
  'release',
  'set_invoice',
  'clear_invoice',
  'ship',
  'mark_in_transit',
  'mark_delivered',
  'confirm_purchase',
  'request_cancel',
  'complete_cancel',
  'request_return',
  'complete_return',
  'request_exchange',
  'complete_exchange',
  'withdraw_claim',
  'restore',
] as const;
export type LineAction = (typeof LINE_ACTIONS)[number];

export const ACTION_RULES: Record<LineAction, ActionRule> = {
  confirm: { from: ['PAID'], to: 'NEW', blockedBy: [], label: { ko: '발주확인', en: 'Confirm' } },
  // Unmatched lines block the next step (PRODUCT.md §2.3); a held or sold-out line does not go to the desk.
  release: {
    from: ['NEW'],
    to: 'READY',
    blockedBy: ['hold', 'unmatched', 'sold_out'],
    label: { ko: '출고지시', en: 'Release' },
  },
  // Entering a number moves READY on; INVOICED and SHIPPED keep their status and need an explicit overwrite
  // (PRODUCT.md §4: overwriting is allowed only for boxes in INVOICED or SHIPPED, and only when asked for). A
  // sold-out line waiting for its first number gets none (송장 출력 제외, as every OMS does): it could not ship
  // under it, and a merged box with one would take a label the desk cannot use. A number already given can still
  // be corrected, flag or not.
  set_invoice: {
    from: ['READY', 'INVOICED', 'SHIPPED'],
    to: (from) => (from === 'READY' ? 'INVOICED' : 'same'),
    blockedBy: (from) => (from === 'READY' ? ['hold', 'sold_out'] : ['hold']),
    label: { ko: '송장입력', en: 'Set tracking number' },
  },
  clear_invoice: { from: ['INVOICED'], to: 'READY', blockedBy: [], label: { ko: '송장삭제', en: 'Clear tracking number' } },
  ship: {
    from: ['INVOICED'],
    to: 'SHIPPED',
    blockedBy: ['hold', 'sold_out'],
    label: { ko: '출고완료', en: 'Ship' },
  },
  mark_in_transit: { from: ['SHIPPED'], to: 'IN_TRANSIT', blockedBy: [], label: { ko: '배송중', en: 'In transit' } },
  mark_delivered: {
    from: ['SHIPPED', 'IN_TRANSIT'],
    to: 'DELIVERED',
    blockedBy: [],
    label: { ko: '배송완료', en: 'Delivered' },
  },
  confirm_purchase: {
    from: ['SHIPPED', 'IN_TRANSIT', 'DELIVERED'],
    to: 'PURCHASE_CONFIRMED',
    blockedBy: [],
    label: { ko: '구매확정', en: 'Purchase confirmed' },
  },
  request_cancel: {
    from: ['PAID', 'NEW', 'READY', 'INVOICED', 'SHIPPED'],
    to: 'CANCEL_REQUESTED',
    blockedBy: [],
    label: { ko: '취소요청', en: 'Request cancel' },
  },
  // "Mark cancel completed" (PRODUCT.md §4) also works straight from a pre-shipment status, for malls that
  // refund instantly so the cancel never reaches collection.
  complete_cancel: {
    from: ['PAID', 'NEW', 'READY', 'INVOICED', 'CANCEL_REQUESTED'],
    to: 'CANCELED',
    blockedBy: [],
    label: { ko: '취소완료', en: 'Complete cancel' },
  },
  request_return: {
    from: ['SHIPPED', 'IN_TRANSIT', 'DELIVERED'],
    to: 'RETURN_REQUESTED',
    blockedBy: [],
    label: { ko: '반품요청', en: 'Request return' },
  },
  // A return or exchange completed also works straight from a delivery status: a mall that requested and completed it
  // between two syncs reports it completed only, and an operator may enter one the mall already settled.
  complete_return: {
    from: ['SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'RETURN_REQUESTED'],
    to: 'RETURNED',
    blockedBy: [],
    label: { ko: '반품완료', en: 'Complete return' },
  },
  request_exchange: {
    from: ['SHIPPED', 'IN_TRANSIT', 'DELIVERED'],
    to: 'EXCHANGE_REQUESTED',
    blockedBy: [],
    label: { ko: '교환요청', en: 'Request exchange' },
  },
  complete_exchange: {
    from: ['SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'EXCHANGE_REQUESTED'],
    to: 'EXCHANGED',
    blockedBy: [],
    label: { ko: '교환완료', en: 'Complete exchange' },
  },
  // A claim withdrawn (or refused) at the mall puts the line back where it was before the claim.
  withdraw_claim: {
    from: ['CANCEL_REQUESTED', 'RETURN_REQUESTED', 'EXCHANGE_REQUESTED'],
    to: 'before_claim',
    blockedBy: [],
    label: { ko: '클레임철회', en: 'Withdraw claim' },
  },
  // Restore (주문복원, seed 004): a cancel goes back to the status before it, a return to SHIPPED.
  restore: {
    from: ['CANCEL_REQUESTED', 'CANCELED', 'RETURN_REQUESTED', 'RETURNED', 'EXCHANGE_REQUESTED', 'EXCHANGED'],
    to: (from) => (claimTypeOf(from) === 'return' ? 'SHIPPED' : 'before_claim'),
    blockedBy: [],
    label: { ko: '주문복원', en: 'Restore' },
  },
};

/**
 * The action's one target status is where the line already is (발주확인 of a line already 신규주문, 출고완료 of a
 * shipped box): nothing to do, and nothing to refuse — an operator acting on a range of rows picks up rows done
 * before. Actions whose target depends on the line (a number, a claim's way back) are never "already done".
 */
export function alreadyDone(action: LineAction, status: Status): boolean {
  const to = ACTION_RULES[action].to;
  return typeof to === 'string' && to === status;
}

export type HistoryStep = { from: Status | null; to: Status };

/**
 * The status a line had before its current claim began: walking back through its history, the last move into the
 * claim's statuses from outside them. Null when the history does not say (e.g. collected already cancelled).
 */
export function statusBeforeClaim(current: Status, history: readonly HistoryStep[]): Status | null {
  const type = claimTypeOf(current);
  if (!type) return null;
  const family = new Set<Status>(Object.values(CLAIM_STATUSES[type]));
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i]!;
    if (family.has(step.to) && step.from !== null && !family.has(step.from)) return step.from;
  }
  return null;
}

export type TransitionCheck =
  | { ok: true; to: Status | 'same' }
  | { ok: false; code: 'illegal_transition' }
  | { ok: false; code: 'blocked'; flag: Flag }
  | { ok: false; code: 'no_earlier_status' };

/** Decides one action on one line. `history` is only read for actions whose target is 'before_claim'. */
export function checkTransition(action: LineAction, from: Status, flags: FlagSet = {}, history: readonly HistoryStep[] = []): TransitionCheck {
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(from)) return { ok: false, code: 'illegal_transition' };
  const blockedBy = typeof rule.blockedBy === 'function' ? rule.blockedBy(from) : rule.blockedBy;
  const flag = blockedBy.find((f) => flags[f]);
  if (flag) return { ok: false, code: 'blocked', flag };
  const target = typeof rule.to === 'function' ? rule.to(from) : rule.to;
  if (target !== 'before_claim') return { ok: true, to: target };
  const before = statusBeforeClaim(from, history);
  return before ? { ok: true, to: before } : { ok: false, code: 'no_earlier_status' };
}

/** The action that enters a claim of `type` by hand, in the given state. */
export function claimAction(type: ClaimType, state: 'requested' | 'completed'): LineAction {
  const table: Record<ClaimType, Record<'requested' | 'completed', LineAction>> = {
    cancel: { requested: 'request_cancel', completed: 'complete_cancel' },
    return: { requested: 'request_return', completed: 'complete_return' },
    exchange: { requested: 'request_exchange', completed: 'complete_exchange' },
  };
  return table[type][state];
}

/**
 * A cancel entered by hand before release changes no stock and closes the order as cancelled (PRODUCT.md §4),
 * so it skips the requested state.
 */
export function manualClaimState(type: ClaimType, from: Status, asked?: 'requested' | 'completed'): 'requested' | 'completed' {
  if (asked) return asked;
  return type === 'cancel' && (from === 'PAID' || from === 'NEW') ? 'completed' : 'requested';
}

export const lifecycleMessages = defineMessages('lifecycle', {
  illegal_transition: {
    ko: '{where}현재 상태 {from_label}에서는 {action_label}할 수 없습니다',
    en: '{where}cannot {action_label} from its current status {from_label}',
  },
  blocked: {
    ko: '{where}{flag_label} 상태라서 {action_label}할 수 없습니다',
    en: '{where}cannot {action_label} while {flag_label}',
  },
  no_earlier_status: {
    ko: '{where}이력에 클레임 이전 상태가 없어 되돌릴 수 없습니다',
    en: '{where}no status before the claim is recorded, so it cannot be put back',
  },
  // The claim, not a status: a cancel completed here may stand at the mall as requested or completed alike.
  restore_mall_warning: {
    ko: '쇼핑몰에 이 {claim_label}이(가) 아직 남아 있으면 다음 주문동기화 때 다시 바뀔 수 있습니다',
    en: 'if the mall still has this {claim_label}, the next sync may revert this restore',
  },
});
