// The order sheet's actions on the selected rows, grouped as the pane's menu shows them (상태 / 클레임 / 표시 /
// 삭제·복구), with what each asks of the operator before it runs (a reason, a claim's type and quantity, a flag,
// the restore warning confirmed) and the transitions-call parameters it becomes.
import type { BulkTransitionBody } from '../../../../shared/api/orders.schema.ts';
import { format, type Lang, type MessageText } from '../../../../shared/i18n.ts';
import { ACTION_RULES, FLAG_LABELS, lifecycleMessages, type ClaimType } from '../../../../shared/lifecycle.ts';
import { actionMessages as am } from './action-messages.ts';

export const SELECTION_ACTIONS = [
  'confirm',
  'release',
  'ship',
  'clear_invoice',
  'mark_delivered',
  'confirm_purchase',
  'claim',
  'complete_claim',
  'withdraw_claim',
  'hold',
  'release_hold',
  'set_flags',
  'delete',
  'undelete',
  'restore',
] as const;
export type SelectionAction = (typeof SELECTION_ACTIONS)[number];

export const ACTION_GROUPS: { label: MessageText; actions: readonly SelectionAction[] }[] = [
  // 배송완료 and 구매확정 by hand: for orders no mall reports on (직거래, uploads); a mall's own come with its sync.
  { label: am.group_status, actions: ['confirm', 'release', 'ship', 'clear_invoice', 'mark_delivered', 'confirm_purchase'] },
  { label: am.group_claim, actions: ['claim', 'complete_claim', 'withdraw_claim'] },
  { label: am.group_flags, actions: ['hold', 'release_hold', 'set_flags'] },
  { label: am.group_delete, actions: ['delete', 'undelete', 'restore'] },
];

const LABELS: Partial<Record<SelectionAction, MessageText>> = {
  mark_delivered: am.action_mark_delivered,
  confirm_purchase: am.action_confirm_purchase,
  claim: am.action_claim,
  complete_claim: am.action_complete_cancel,
  hold: am.action_hold,
  release_hold: am.action_release_hold,
  set_flags: am.action_set_flags,
  delete: am.action_delete,
  undelete: am.action_undelete,
};

export function actionLabel(action: SelectionAction, lang: Lang): string {
  return actionWords(action)[lang];
}
/** The action's name in both languages (a notice kept as words names it in the language it is read in). */
export function actionWords(action: SelectionAction): MessageText {
  return LABELS[action] ?? ACTION_RULES[action as keyof typeof ACTION_RULES].label;
}

/** The flags the menu sets and clears (품절 cleared is the sold-out release). */
export const MENU_FLAGS = ['priority', 'flagged', 'merge_locked', 'sold_out'] as const;
export type MenuFlag = (typeof MENU_FLAGS)[number];
export const flagLabel = (flag: MenuFlag, lang: Lang) => FLAG_LABELS[flag][lang];

export type ActionParams = {
  reason: string;
  claimType: ClaimType;
  claimState: 'requested' | 'completed';
  /** A quantity of each selected line, or the whole line. */
  partial: boolean;
  quantity: string;
  flag: MenuFlag;
  flagOn: boolean;
  /** The operator read the restore warning. */
  restoreConfirmed: boolean;
};

export const DEFAULT_PARAMS: ActionParams = {
  reason: '',
  claimType: 'cancel',
  claimState: 'requested',
  partial: false,
  quantity: '1',
  flag: 'priority',
  flagOn: true,
  restoreConfirmed: false,
};

/** What the action asks for on screen. */
export const needs = (action: SelectionAction) => ({
  reason:
    action === 'claim' || action === 'hold' || action === 'delete' || action === 'undelete'
      ? ('required' as const)
      : REASON_OPTIONAL.includes(action)
        ? ('optional' as const)
        : null,
  claim: action === 'claim',
  flags: action === 'set_flags',
  restoreWarning: action === 'restore',
});
const REASON_OPTIONAL: readonly SelectionAction[] = ['complete_claim', 'withdraw_claim', 'release_hold', 'restore'];

/** The restore warning shown before a restore (the server repeats it beside each mall row it restores). */
export const restoreWarning = (lang: Lang) => format(lifecycleMessages.restore_mall_warning, { claim_label: am.restore_claim_states }, lang);

type Params = Omit<BulkTransitionBody, 'items' | 'action'>;

/** The call's parameters, or what the operator still has to give (a message for the pane, in both languages). */
export function paramsFor(action: SelectionAction, p: ActionParams): { params: Params } | { problem: MessageText } {
  const say = (m: MessageText) => ({ problem: m });
  const n = needs(action);
  const reason = p.reason.trim();
  if (n.reason === 'required' && !reason) return say(am.reason_required);
  const params: Params = reason && n.reason ? { reason } : {};
  if (action === 'claim') {
    params.claim_type = p.claimType;
    params.claim_state = p.claimState;
    if (p.partial) {
      const quantity = Number(p.quantity);
      if (!Number.isInteger(quantity) || quantity < 1) return say(am.quantity_invalid);
      params.quantity = quantity;
    }
  }
  // 취소완료 처리: a requested claim completes; a line with none is cancelled outright (instant refunds).
  if (action === 'complete_claim') params.claim_type = 'cancel';
  if (action === 'set_flags') params.flags = { [p.flag]: p.flagOn };
  if (action === 'restore' && !p.restoreConfirmed) return say(am.restore_confirm_needed);
  return { params };
}
