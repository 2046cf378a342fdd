// Actions that move lines along the lifecycle by its table alone (confirm, release, clear the number, ship, the
// delivery steps, withdraw or restore a claim). A box ships as one unit; an order target moves what can move.
import type { ApiAction } from '../../../../shared/api/orders.schema.ts';
import { message, type Message, type MessageText } from '../../../../shared/i18n.ts';
import {
  BEFORE_FIRST_NUMBER,
  CLAIM_TYPE_LABELS,
  LEAVES_BOX,
  alreadyDone,
  claimTypeOf,
  lifecycleMessages,
  type ClaimType,
  type LineAction,
  type Status,
} from '../../../../shared/lifecycle.ts';
import type { LineRow } from '../working-set.repo.ts';
import { ordersMessages } from '../orders.messages.ts';
import { closeClaim } from './claims.ts';
import type { EngineCore } from './core.ts';
import { decide, heldBack, unitsOf } from './decide.ts';
import type { Outcome, Params } from './types.ts';

/** A claim as a restore's warning names the one the mall may still have (mid-sentence: the label lower-cased). */
const claimNamed = (type: ClaimType): MessageText => ({ ko: CLAIM_TYPE_LABELS[type].ko, en: CLAIM_TYPE_LABELS[type].en.toLowerCase() });

/** The API actions that are one lifecycle action each. */
export const STATUS_ACTIONS: Partial<Record<ApiAction, LineAction>> = {
  confirm: 'confirm',
  release: 'release',
  clear_invoice: 'clear_invoice',
  ship: 'ship',
  mark_in_transit: 'mark_in_transit',
  mark_delivered: 'mark_delivered',
  confirm_purchase: 'confirm_purchase',
  withdraw_claim: 'withdraw_claim',
  restore: 'restore',
};

export function statusAction(core: EngineCore, targetId: string, lines: LineRow[], action: LineAction, p: Params, orderTarget: boolean): Outcome {
  const { set } = core;
  // Units already where the action takes them are done: applied, unchanged (no history, no mall call).
  const units = unitsOf(core, lines, action === 'ship').filter((unit) => !unit.every((l) => alreadyDone(action, l.status as Status)));
  if (!units.length) return { lines: [], changed: false, warnings: [] };
  const decided = decide(core, targetId, units, action, orderTarget);
  const moved: LineRow[] = [];
  const warnings: Message[] = [];
  for (const unit of decided) {
    for (const { line, to } of unit) {
      const claimType = claimTypeOf(line.status as Status);
      const patch: Record<string, unknown> = {};
      if (action === 'clear_invoice' && line.box_id && !p.keep_box) {
        const boxId = line.box_id;
        patch.box_id = null;
        if (set.linesOfBox(boxId).length === 1) set.add(set.writes.deletedBoxes, boxId);
      }
      // A line back from a claim to before its first number, whose box was numbered meanwhile (the other orders of a
      // merged box went on): it leaves the box, back on the desk for a number of its own, instead of waiting READY
      // inside a numbered box that would ship without it.
      const box = line.box_id ? set.boxes.get(line.box_id) : undefined;
      if ((action === 'restore' || action === 'withdraw_claim') && to !== 'same' && BEFORE_FIRST_NUMBER.includes(to) && box?.tracking_number) {
        patch.box_id = null;
      }
      core.moveLine(line, to, action, p.reason ?? null, patch);
      moved.push(line);
      if (action === 'ship' && line.box_id) set.patchBox(set.boxes.get(line.box_id)!, { shipped_at: core.now });
      if ((action === 'withdraw_claim' || action === 'restore') && claimType) {
        const toMall = closeClaim(core, line, claimType, action === 'restore' ? 'restored' : 'withdrawn', action, p.reason ?? null);
        if (toMall) warnings.push(message(ordersMessages.mall_decision_queued, { id: line.id }));
        if (action === 'restore' && core.orderOf(line).source === 'mall') {
          warnings.push(message(lifecycleMessages.restore_mall_warning, { id: line.id, claim_label: claimNamed(claimType) }));
        }
      }
    }
  }
  if (action === 'clear_invoice' && p.keep_box) {
    for (const boxId of new Set(moved.flatMap((l) => (l.box_id ? [l.box_id] : [])))) {
      const numbered = set.linesOfBox(boxId).some((l) => l.status !== 'READY' && !LEAVES_BOX.includes(l.status as Status));
      if (!numbered) set.patchBox(set.boxes.get(boxId)!, { tracking_number: null, invoiced_at: null });
    }
  }
  if (orderTarget) warnings.push(...heldBack(core, targetId, units, moved, action));
  return { lines: moved.map((l) => l.id), changed: moved.length > 0, warnings };
}
