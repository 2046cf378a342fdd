// What every part of the engine works over: one call's WorkingSet, actor, batch id and time, the checks
// of one action on one line, and the two ways a change is written (a line moves; a history row is recorded).
import type { CatalogEntry, Message, MessageParams } from '../../../../shared/i18n.ts';
import {
  ACTION_RULES,
  BEFORE_FIRST_NUMBER,
  PRE_SHIPMENT_STATUSES,
  FLAG_LABELS,
  STATUS_LABELS,
  checkTransition,
  lifecycleMessages,
  type Flag,
  type FlagSet,
  type LineAction,
  type Status,
} from '../../../../shared/lifecycle.ts';
import { trackingMessages } from '../../../../shared/tracking-number.ts';
import { kstMinute } from '../../../../shared/time.ts';
import type { Actor } from '../../../domain/actor.ts';
import { ordersMessages } from '../orders.messages.ts';
import type { WorkingSet } from '../working-set.ts';
import type { HistoryRow, LineRow, OrderRow } from '../working-set.repo.ts';
import { Refusal, type ClaimOrigin } from './types.ts';

/** Statuses in which a line without a match is unmatched (shared decision of issue 11). */
const WAITING_FOR_MATCH: readonly Status[] = ['PAID', 'NEW', 'READY'];

const NO_HISTORY: readonly { from: Status | null; to: Status }[] = [];

const CATALOG = { ...ordersMessages, ...lifecycleMessages, ...trackingMessages } as Record<string, CatalogEntry>;

export class EngineCore {
  /** Which action of this call last moved a line: a second item asking the same of it is already done. */
  readonly movedBy = new Map<string, string>();
  /** Orders this call put on hold that were not on hold before it. */
  readonly putOnHold = new Set<string>();

  constructor(
    readonly set: WorkingSet,
    readonly actor: Actor,
    readonly batchId: string,
    readonly origin: ClaimOrigin,
    readonly now: string,
  ) {}

  /** The catalog message of a refusal or warning code (rendered as the code itself when no catalog has it). */
  message(code: string, params: MessageParams): Message {
    return { i18n: CATALOG[code]?.code ?? code, params };
  }

  orderOf(line: LineRow): OrderRow {
    return this.set.orders.get(line.order_id)!;
  }

  /**
   * Every flag of a line: its own and its order's. A hold this call put on does not block the call's other changes
   * (a sheet push that numbers an order's rows and holds the order does both, whichever row comes first); a hold the
   * order had before the call blocks as always.
   */
  flagsOf(line: LineRow): FlagSet {
    const order = this.orderOf(line);
    return {
      hold: order.hold && !this.putOnHold.has(order.id),
      merge_locked: order.merge_locked,
      priority: order.priority,
      flagged: order.flagged,
      sold_out: line.sold_out,
      unmatched: line.unmatched,
      return_pickup_delayed: line.return_pickup_delayed,
    };
  }

  private historyOf(lineId: string): readonly { from: Status | null; to: Status }[] {
    const rows = this.set.history.get(lineId);
    // Most calls read no history (only restore and withdraw need it): nothing to build for each line checked.
    if (!rows) return NO_HISTORY;
    return rows.map((h) => ({ from: h.from_status as Status | null, to: h.to_status as Status }));
  }

  /** Why `line` cannot take `action`, or where it goes. */
  check(targetId: string, line: LineRow, action: LineAction): { to: Status | 'same' } | Refusal {
    // A deleted order's line never moves with a box it was left in (a delete takes it out of a shared box now;
    // a box packed before that keeps it until the order is brought back or the line taken out).
    if (this.orderOf(line).deleted_at) return new Refusal('blocked', this.siblingParams(targetId, line, action, line, null), 'box_holds_deleted');
    const result = checkTransition(action, line.status as Status, this.flagsOf(line), this.historyOf(line.id));
    // An order of a connected mall is confirmed at the mall (Coupang takes no invoice for an unconfirmed box): only
    // the mall's own word — the confirm job's accepted lines, or a sync seeing it confirmed — moves it here. Orders
    // of no mall account (direct, manual, imported) have nowhere else to be confirmed.
    if (result.ok && action === 'confirm' && this.orderOf(line).mall_account_id && this.origin.source !== 'mall') {
      return new Refusal('mall_confirm_required', this.transitionParams(targetId, line, action));
    }
    if (result.ok && (action === 'restore' || action === 'withdraw_claim')) {
      // Goods received back (반품 입고) are on a shelf or recorded defective: the line cannot go back to shipped.
      const received = this.set.received.get(line.id);
      if (received) return new Refusal('blocked', { ...this.transitionParams(targetId, line, action), at: kstMinute(received) }, 'return_received');
    }
    if (result.ok && action === 'release') {
      const unmatched = this.unmatchedSibling(line);
      if (unmatched) return new Refusal('blocked', this.siblingParams(targetId, line, action, unmatched), 'order_unmatched');
    }
    if (result.ok && action === 'ship') {
      const apart = this.shipmentApart(line);
      if (apart) return new Refusal('blocked', this.siblingParams(targetId, line, action, apart, null), 'shipment_apart');
    }
    if (result.ok && action === 'set_invoice' && line.status === 'READY') {
      const soldOut = this.shipmentSoldOut(line);
      if (soldOut) return new Refusal('blocked', this.siblingParams(targetId, line, action, soldOut, 'sold_out'), 'shipment_sold_out');
    }
    if (result.ok) return { to: result.to };
    const flag = result.code === 'blocked' ? result.flag : undefined;
    return new Refusal(result.code, this.transitionParams(targetId, line, action, flag));
  }

  /**
   * An unmatched line keeps its whole order from release (PRODUCT.md §2.3, seed 001): the order ships as one, and
   * releasing the matched half would send a parcel without the product nobody has identified yet.
   */
  private unmatchedSibling(line: LineRow): LineRow | undefined {
    return this.set.linesOfOrder(line.order_id).find((l) => l.id !== line.id && l.unmatched && WAITING_FOR_MATCH.includes(l.status as Status));
  }

  /**
   * The other line of `line`'s mall shipment that `wanted` picks, when its mall takes a shipment's number for all
   * its items at once (Coupang: the shipmentBoxId lies within one of its orders); none for other malls.
   */
  private shipmentSibling(line: LineRow, wanted: (other: LineRow) => boolean): LineRow | undefined {
    const account = this.orderOf(line).mall_account_id;
    if (!line.mall_shipment_id || !account || !this.set.wholeShipment.has(account)) return undefined;
    return this.set.linesOfOrder(line.order_id).find((l) => l.id !== line.id && l.mall_shipment_id === line.mall_shipment_id && wanted(l));
  }

  /**
   * A line of the same whole-taken shipment, still to ship, that is not in this line's box: shipping part of it
   * sends a parcel whose number the mall refuses (NOT_FOUND_VENDOR_ITEM) once it is out. Its lines ship in one box,
   * or the rest is cancelled first.
   */
  private shipmentApart(line: LineRow): LineRow | undefined {
    return this.shipmentSibling(line, (l) => this.apart(line, l));
  }

  /** Every line of `line`'s whole-taken shipment that keeps its box from shipping (shipmentApart), in order. */
  shipmentApartAll(line: LineRow): LineRow[] {
    if (!this.shipmentApart(line)) return [];
    return this.set
      .linesOfOrder(line.order_id)
      .filter((l) => l.id !== line.id && l.mall_shipment_id === line.mall_shipment_id && this.apart(line, l));
  }

  private apart(line: LineRow, other: LineRow): boolean {
    return other.box_id !== line.box_id && PRE_SHIPMENT_STATUSES.includes(other.status as Status);
  }

  /**
   * A sold-out line of the same whole-taken shipment still without its first number (released or not: a forced
   * sold-out flags lines before release, which it then blocks): it gets none, so numbering this one would print a
   * label for part of a shipment that could not ship (shipmentApart) and that the mall would refuse. The shipment
   * waits whole for the stock.
   */
  private shipmentSoldOut(line: LineRow): LineRow | undefined {
    return this.shipmentSibling(line, (l) => l.sold_out && BEFORE_FIRST_NUMBER.includes(l.status as Status));
  }

  private siblingParams(targetId: string, line: LineRow, action: LineAction, other: LineRow, flag: Flag | null = 'unmatched'): MessageParams {
    const product = [other.product_name, other.option_text].filter(Boolean).join(' / ');
    return { ...this.transitionParams(targetId, line, action, flag ?? undefined), other: product, other_id: other.id };
  }

  /**
   * Which line a refusal is about, in the operator's words, when it is not the item itself: the mall order number
   * and product (a line of the order named, or of another order packed in the same box). Internal ids stay in `id`.
   */
  private whereOf(targetId: string, line: LineRow): string {
    if (targetId === line.id) return '';
    const order = this.orderOf(line);
    return `${[order.mall_order_id ?? order.id, line.product_name].filter(Boolean).join(' ')}: `;
  }

  transitionParams(targetId: string, line: LineRow, action: LineAction, flag?: Flag): MessageParams {
    const target = ACTION_RULES[action].to;
    const to = typeof target === 'string' ? target : target(line.status as Status);
    return {
      id: targetId === line.id ? line.id : `${targetId} (${line.id})`,
      where: this.whereOf(targetId, line),
      from: line.status,
      from_label: STATUS_LABELS[line.status as Status] ?? line.status,
      to: to === 'same' || to === 'before_claim' ? action : to,
      action,
      action_label: ACTION_RULES[action].label,
      flag: flag ?? null,
      flag_label: flag ? FLAG_LABELS[flag] : null,
    };
  }

  // ---- writing ------------------------------------------------------------------------------------------------

  /** Moves a line (or only gives it a new version, with 'same'), with optional field changes and its history row. */
  moveLine(line: LineRow, to: Status | 'same', action: string, reason: string | null, patch: Record<string, unknown> = {}): void {
    const from = line.status;
    const next = to === 'same' ? from : to;
    // What is written: the patch and the new status. The row in memory takes the same, its box through setLineBox
    // (which keeps the box index current). Built field by field: this runs for every line of a 50,000-line call.
    const queued: Record<string, unknown> = {};
    let fields: Partial<LineRow> | null = null;
    for (const key in patch) {
      queued[key] = patch[key];
      if (key === 'box_id') this.set.setLineBox(line, patch[key] as string | null);
      else (fields ??= {})[key as keyof LineRow] = patch[key] as never;
    }
    if (next !== from) {
      queued.status = next;
      (fields ??= {}).status = next;
    }
    if (fields) this.set.assign(line, fields);
    this.set.queue(this.set.writes.lines, line.id, queued);
    this.set.queue(this.set.writes.orders, line.order_id, {});
    if (next !== from) {
      this.record('line', line.id, line.order_id, action, from, next, reason);
      this.set.setIn(this.movedBy, line.id, action);
    }
  }

  record(
    entity: HistoryRow['entity'],
    entityId: string,
    orderId: string | null,
    action: string,
    from: string | null,
    to: string,
    reason: string | null,
  ): void {
    this.set.push(this.set.writes.history, {
      entity,
      entity_id: entityId,
      order_id: orderId,
      action,
      from_status: from,
      to_status: to,
      actor_type: this.actor.type,
      actor_id: this.actor.id,
      reason,
      batch_id: this.batchId,
      at: this.now,
    });
  }
}
