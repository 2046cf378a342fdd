// Gift lines (사은품, added by server/modules/gifts) follow their order: a hold sets them aside and a release of the
// hold brings them back (seed 001 #MATE: 보류 시 사은품 삭제), and once every other line of the order is canceled
// they are canceled too. A gift line is ours, not the mall's: it moves with the order here, never through a claim
// of its own. A line split off an order (allocation's 선배송) is a new order of mall lines: gift lines stay with
// the original order.
import { LEAVES_BOX, PAST_SHIPPING_STATUSES, type Status } from '../../../../shared/lifecycle.ts';
import type { LineRow, OrderRow } from '../working-set.repo.ts';
import type { EngineCore } from './core.ts';

/** History actions of gift lines (status_history.action). */
export const GIFT_ACTIONS = { setAside: 'gift_set_aside', restore: 'gift_restore', cancel: 'gift_cancel' } as const;

export const isGift = (line: LineRow): boolean => !!line.gift_rule_id;

/** Gift lines that have not left: not shipped, not canceled, returned or exchanged. */
function liveGifts(core: EngineCore, orderId: string): LineRow[] {
  const gone = [...LEAVES_BOX, 'SHIPPED', ...PAST_SHIPPING_STATUSES] as readonly string[];
  return core.set.linesOfOrder(orderId).filter((l) => isGift(l) && !gone.includes(l.status));
}

/** A hold (new or changed) sets the order's gift lines aside, each with its history row. */
export function setGiftsAside(core: EngineCore, order: OrderRow, reason: string | null): void {
  for (const line of liveGifts(core, order.id)) {
    if (line.gift_set_aside) continue;
    core.moveLine(line, 'same', GIFT_ACTIONS.setAside, reason, { gift_set_aside: true });
    core.record('line', line.id, order.id, GIFT_ACTIONS.setAside, line.status, line.status, reason);
  }
}

/** The hold is released: the gift lines it set aside are back in the order. */
export function restoreGifts(core: EngineCore, order: OrderRow, reason: string | null): void {
  for (const line of liveGifts(core, order.id)) {
    if (!line.gift_set_aside) continue;
    core.moveLine(line, 'same', GIFT_ACTIONS.restore, reason, { gift_set_aside: false });
    core.record('line', line.id, order.id, GIFT_ACTIONS.restore, line.status, line.status, reason);
  }
}

/**
 * After cancels: an order whose every other line is canceled has its gift lines canceled as well (a gift never
 * ships alone). A cancel only requested leaves them: the mall may still refuse it and the order ship.
 */
export function cancelGiftsOfCanceledOrders(core: EngineCore, orderIds: Iterable<string>, reason: string | null): string[] {
  const changed: string[] = [];
  for (const orderId of new Set(orderIds)) {
    const lines = core.set.linesOfOrder(orderId);
    const others = lines.filter((l) => !isGift(l));
    if (!others.length || others.some((l) => (l.status as Status) !== 'CANCELED')) continue;
    for (const line of liveGifts(core, orderId)) {
      if (line.status === 'CANCELED') continue;
      core.moveLine(line, 'CANCELED', GIFT_ACTIONS.cancel, reason);
      changed.push(line.id);
    }
  }
  return changed;
}
