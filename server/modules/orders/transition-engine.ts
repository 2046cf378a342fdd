// Decides and applies the items of one bulk call, in order, on the rows of a WorkingSet. Each item is all or
// nothing: a refusal anywhere in it rolls back what it had changed. Items see the changes earlier items of the same
// call made; a caller's version is compared with the version the row had when the call began.
import type { BulkTransitionBody, ItemResult, ItemResultCode } from '../../../shared/api/orders.schema.ts';
import { findCourier } from '../../../shared/couriers.ts';
import { format, type Lang, type MessageParams } from '../../../shared/i18n.ts';
import {
  ACTION_RULES,
  CLAIM_STATUSES,
  FLAG_LABELS,
  PRE_SHIPMENT_STATUSES,
  STATUS_LABELS,
  checkTransition,
  claimAction,
  claimTypeOf,
  lifecycleMessages,
  manualClaimState,
  type ClaimType,
  type Flag,
  type LineAction,
  type Status,
} from '../../../shared/lifecycle.ts';
import { checkTrackingNumber, trackingMessages } from '../../../shared/tracking-number.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor } from '../../domain/actor.ts';
import { ordersMessages } from './orders.messages.ts';
import type { WorkingSet } from './working-set.ts';
import type { BoxRow, ClaimRow, HistoryRow, LineRow, OrderRow } from './working-set.repo.ts';

export type Item = BulkTransitionBody['items'][number];
export type Params = Omit<BulkTransitionBody, 'items' | 'action'>;
export type Action = BulkTransitionBody['action'];

const STATUS_ACTIONS: Partial<Record<Action, LineAction>> = {
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

/** Lines that ship with their box. A line closed as cancelled stays in the box's record but does not ship. */
const LEAVES_BOX: readonly string[] = ['CANCELED', 'RETURNED', 'EXCHANGED'];

/** Items decided between two turns of the event loop (a few milliseconds of work). */
const YIELD_EVERY = 1000;

export class Refusal {
  constructor(
    readonly code: ItemResultCode,
    readonly params: MessageParams,
    /** The catalog entry that explains it, when more precise than the code (e.g. which tracking rule failed). */
    readonly messageCode: string = code,
  ) {}
}

/** What applying one action to one target did: the lines it changed, whether anything changed, and warnings. */
export type Outcome = { lines: string[]; changed: boolean; warnings: string[] };
const UNCHANGED: Outcome = { lines: [], changed: false, warnings: [] };
type Unit = LineRow[];
/** The line (with its order) or the order an item names. */
export type Target = { line: LineRow | null; order: OrderRow };

export function paramsOf(body: BulkTransitionBody): Params {
  const { items: _items, action: _action, ...params } = body;
  return params;
}

export function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Where claims entered by this call come from: an operator, or a mall reporting them (sync). */
export type ClaimOrigin = { source: 'manual' | 'mall'; mallClaimIds?: ReadonlyMap<string, string | null> };

/**
 * One call's decisions, over one WorkingSet, with one batch id and one time for every history row. A bulk call
 * runs its items with `runAll`; a caller that applies several actions as one item (a sheet row) uses `target`,
 * `apply` and the set's checkpoint / commit / rollback itself.
 */
export class Engine {
  private readonly seen = new Set<string>();
  private readonly changedLines = new Map<string, string[]>();
  /** Which action of this call last moved a line: a second item asking the same of it is already done. */
  private readonly movedBy = new Map<string, string>();
  /** Orders this call put on hold that were not on hold before it. */
  private readonly putOnHold = new Set<string>();

  constructor(
    private readonly set: WorkingSet,
    private readonly actor: Actor,
    private readonly lang: Lang,
    private readonly batchId: string,
    private readonly origin: ClaimOrigin = { source: 'manual' },
    /** The call's time: a call applied in blocks (bulk-blocks.ts) runs an engine per block, all with one time. */
    readonly now: string = new Date().toISOString(),
  ) {}

  /**
   * The items of a bulk call, in order, each all or nothing. The event loop is given back every `slice` items:
   * deciding 50,000 items takes about half a second of CPU, which other requests should not wait behind.
   * `indexes`: where each item stands in the whole call, when `body` holds one block of it (for messages).
   */
  async runAll(body: BulkTransitionBody, indexes?: readonly number[], slice = YIELD_EVERY): Promise<ItemResult[]> {
    const base = paramsOf(body);
    const results: ItemResult[] = [];
    for (let k = 0; k < body.items.length; k++) {
      if (k > 0 && k % slice === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      results.push(this.run(body.items[k]!, indexes?.[k] ?? k, body.action, base));
    }
    return results;
  }

  private run(item: Item, index: number, action: Action, base: Params): ItemResult {
    // Most items carry only id and version; merging is only needed when an item brings its own parameters.
    const params: Params = Object.keys(item).length > 2 ? { ...base, ...definedOnly(item) } : base;
    const checkpoint = this.set.checkpoint();
    try {
      const outcome = this.apply(this.target(item, index, action === 'delete'), action, params);
      this.set.commit();
      this.changedLines.set(item.id, outcome.lines);
      return {
        id: item.id,
        result: 'applied',
        ...(outcome.changed ? {} : { code: 'unchanged' as const }),
        ...(outcome.warnings.length ? { warnings: outcome.warnings } : {}),
      };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.set.rollback(checkpoint);
      return { id: item.id, result: 'refused', code: error.code, message: this.describe(error) };
    }
  }

  /** After the flush: the new version of what each item named, and of the lines an applied item changed. */
  fillVersions(result: ItemResult): void {
    const version = this.set.versionAfter(result.id);
    if (version !== undefined) result.version = version;
    const lines = result.result === 'applied' ? (this.changedLines.get(result.id) ?? []) : [];
    if (lines.length) {
      result.lines = lines.map((id) => ({ id, status: this.set.lines.get(id)!.status, version: this.set.versionAfter(id) ?? 1 }));
    }
  }

  /** A refusal in the caller's language. */
  describe(refusal: Refusal): string {
    return this.message(refusal.messageCode, refusal.params);
  }

  private message(code: string, params: MessageParams): string {
    const catalog = { ...ordersMessages, ...lifecycleMessages, ...trackingMessages } as Record<string, { ko: string; en: string }>;
    const text = catalog[code];
    return text ? format(text, params, this.lang) : code;
  }

  /**
   * What an item names, checked before any action: named once in this call, known, not deleted (unless it is to
   * be deleted), and at the version the caller saw, which is the version loaded when the call began.
   */
  target(item: { id: string; version: number }, index: number, deleting = false): Target {
    if (this.seen.has(item.id)) throw new Refusal('duplicate_item', { id: item.id, index });
    this.seen.add(item.id);
    const line = this.set.lines.get(item.id) ?? null;
    const order = line ? this.set.orders.get(line.order_id) : item.id.startsWith(ID_PREFIX.order + '_') ? this.set.orders.get(item.id) : undefined;
    if (!order) throw new Refusal('not_found', { id: item.id });
    if (order.deleted_at && !deleting) throw new Refusal('deleted', { id: item.id });
    const loaded = this.set.loadedVersion(item.id)!;
    if (item.version !== loaded) {
      const statuses = line ? [line.status] : [...new Set(this.set.linesOfOrder(order.id).map((l) => l.status))];
      // Operators read the labels (출고대기), never the codes; an order's lines in one status are named once.
      const status_label = statuses.map((st) => STATUS_LABELS[st as Status]?.[this.lang] ?? st).join(', ');
      throw new Refusal('stale_version', { id: item.id, seen: item.version, current: loaded, status: statuses.join(', '), status_label });
    }
    return { line, order };
  }

  /** Decides and applies one action on a checked target. A refusal is thrown; undoing is the caller's checkpoint. */
  apply(target: Target, action: Action, p: Params): Outcome {
    const { line, order } = target;
    const targetId = line?.id ?? order.id;
    const lines = line ? [line] : this.set.linesOfOrder(order.id);
    switch (action) {
      case 'hold':
      case 'release_hold':
      case 'delete':
      case 'set_flags':
        return this.orderAction(order, line, action, p);
      case 'set_invoice':
        return this.setInvoice(targetId, lines, p, !line);
      case 'claim':
        return this.enterClaim(targetId, lines, p, !line);
      case 'complete_claim':
        return this.completeClaim(targetId, lines, p, !line);
      default:
        return this.statusAction(targetId, lines, STATUS_ACTIONS[action]!, p, !line);
    }
  }

  /**
   * A memo for the order: a note by the actor, unless it repeats the order's latest memo. The sheet shows the
   * latest memo on every line of the order, so like any order-level change it gives every line a new version.
   */
  addMemo(order: OrderRow, body: string): Outcome {
    if (this.set.memos.get(order.id) === body) return UNCHANGED;
    this.set.setIn(this.set.memos, order.id, body);
    this.set.push(this.set.writes.newNotes, { order_id: order.id, kind: 'memo', body, author_id: this.actor.id, created_at: this.now });
    const lines = this.set.linesOfOrder(order.id);
    for (const l of lines) this.moveLine(l, 'same', 'memo', null);
    return { lines: lines.map((l) => l.id), changed: true, warnings: [] };
  }

  // ---- deciding -----------------------------------------------------------------------------------------------

  private orderOf(line: LineRow): OrderRow {
    return this.set.orders.get(line.order_id)!;
  }

  /**
   * Every flag of a line: its own and its order's. A hold this call put on does not block the call's other changes
   * (a sheet push that numbers an order's rows and holds the order does both, whichever row comes first); a hold the
   * order had before the call blocks as always.
   */
  private flagsOf(line: LineRow): Partial<Record<Flag, boolean>> {
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

  private historyOf(lineId: string): { from: Status | null; to: Status }[] {
    return (this.set.history.get(lineId) ?? []).map((h) => ({ from: h.from_status as Status | null, to: h.to_status as Status }));
  }

  /** Why `line` cannot take `action`, or where it goes. */
  private check(targetId: string, line: LineRow, action: LineAction): { to: Status | 'same' } | Refusal {
    const result = checkTransition(action, line.status as Status, this.flagsOf(line), this.historyOf(line.id));
    // An order of a connected mall is confirmed at the mall (Coupang takes no invoice for an unconfirmed box): only
    // the mall's own word — the confirm job's accepted lines, or a sync seeing it confirmed — moves it here. Orders
    // of no mall account (direct, manual, imported) have nowhere else to be confirmed.
    if (result.ok && action === 'confirm' && this.orderOf(line).mall_account_id && this.origin.source !== 'mall') {
      return new Refusal('mall_confirm_required', this.transitionParams(targetId, line, action));
    }
    if (result.ok) return { to: result.to };
    const flag = result.code === 'blocked' ? result.flag : undefined;
    return new Refusal(result.code, this.transitionParams(targetId, line, action, flag));
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
      from_label: STATUS_LABELS[line.status as Status]?.[this.lang] ?? line.status,
      to: to === 'same' || to === 'before_claim' ? action : to,
      action,
      action_label: ACTION_RULES[action].label[this.lang],
      flag: flag ?? null,
      flag_label: flag ? FLAG_LABELS[flag][this.lang] : null,
    };
  }

  /**
   * Decides `action` for units of lines that move together (a box ships as one). Within a unit every line must
   * pass, or the unit stays as it is. A line target is refused when its unit cannot move; an order target applies
   * to the units that can and is refused only when none can, with a warning for each unit a flag held back.
   * Units this call already moved with the same action count as done (a box shipped by an earlier item).
   */
  private decide(targetId: string, units: Unit[], action: LineAction, orderTarget: boolean): { line: LineRow; to: Status | 'same' }[][] {
    const ready: { line: LineRow; to: Status | 'same' }[][] = [];
    let done = 0;
    let first: Refusal | null = null;
    for (const unit of units) {
      // Not for numbers: a box this call numbered may be asked for another number, which must not pass as done.
      if (action !== 'set_invoice' && unit.every((l) => this.movedBy.get(l.id) === action)) {
        done++;
        continue;
      }
      const decided: { line: LineRow; to: Status | 'same' }[] = [];
      let refusal: Refusal | null = null;
      for (const line of unit) {
        const r = this.check(targetId, line, action);
        if (r instanceof Refusal) {
          refusal = r;
          break;
        }
        decided.push({ line, to: r.to });
      }
      if (!refusal) ready.push(decided);
      else if (!first || (first.code === 'illegal_transition' && refusal.code !== 'illegal_transition')) first = refusal;
    }
    if (!orderTarget && first) throw first;
    if (!ready.length && !done) throw first ?? new Refusal('not_found', { id: targetId });
    return ready;
  }

  /** Warnings for the lines of an order target that a flag kept back. */
  private heldBack(targetId: string, units: Unit[], moved: LineRow[], action: LineAction): string[] {
    const movedIds = new Set(moved.map((l) => l.id));
    const out: string[] = [];
    for (const unit of units) {
      for (const line of unit) {
        if (movedIds.has(line.id) || this.movedBy.get(line.id) === action) continue;
        const r = this.check(targetId, line, action);
        if (r instanceof Refusal && r.code !== 'illegal_transition') out.push(this.message(r.messageCode, r.params));
      }
    }
    return out;
  }

  /** The lines that move with `line`: its box's lines, or itself when it has no box. */
  private unitOf(line: LineRow): Unit {
    if (!line.box_id) return [line];
    return this.set.linesOfBox(line.box_id).filter((l) => !LEAVES_BOX.includes(l.status));
  }

  private unitsOf(lines: LineRow[], byBox: boolean): Unit[] {
    if (!byBox) return lines.map((l) => [l]);
    const units = new Map<string, Unit>();
    for (const l of lines) units.set(l.box_id ?? l.id, this.unitOf(l));
    return [...units.values()];
  }

  // ---- writing ------------------------------------------------------------------------------------------------

  private moveLine(line: LineRow, to: Status | 'same', action: string, reason: string | null, patch: Record<string, unknown> = {}): void {
    const from = line.status;
    const next = to === 'same' ? from : to;
    const { box_id: boxId, ...fields } = patch as { box_id?: string | null } & Record<string, unknown>;
    if (boxId !== undefined) this.set.setLineBox(line, boxId);
    this.set.assign(line, { ...fields, status: next } as Partial<LineRow>);
    this.set.queue(this.set.writes.lines, line.id, { ...patch, ...(next !== from ? { status: next } : {}) });
    this.set.queue(this.set.writes.orders, line.order_id, {});
    if (next !== from) {
      this.record('line', line.id, line.order_id, action, from, next, reason);
      this.set.setIn(this.movedBy, line.id, action);
    }
  }

  private record(entity: HistoryRow['entity'], entityId: string, orderId: string | null, action: string, from: string | null, to: string, reason: string | null) {
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

  // ---- status actions -------------------------------------------------------------------------------------------

  private statusAction(targetId: string, lines: LineRow[], action: LineAction, p: Params, orderTarget: boolean): Outcome {
    const units = this.unitsOf(lines, action === 'ship');
    const decided = this.decide(targetId, units, action, orderTarget);
    const moved: LineRow[] = [];
    const warnings: string[] = [];
    for (const unit of decided) {
      for (const { line, to } of unit) {
        const claimType = claimTypeOf(line.status as Status);
        const patch: Record<string, unknown> = {};
        if (action === 'clear_invoice' && line.box_id) {
          const boxId = line.box_id;
          patch.box_id = null;
          if (this.set.linesOfBox(boxId).length === 1) this.set.add(this.set.writes.deletedBoxes, boxId);
        }
        this.moveLine(line, to, action, p.reason ?? null, patch);
        moved.push(line);
        if (action === 'ship' && line.box_id) this.set.patchBox(this.set.boxes.get(line.box_id)!, { shipped_at: this.now });
        if ((action === 'withdraw_claim' || action === 'restore') && claimType) {
          this.closeClaim(line, claimType, action === 'restore' ? 'restored' : 'withdrawn', action, p.reason ?? null);
          if (action === 'restore' && this.orderOf(line).source === 'mall') {
            const status_label = STATUS_LABELS[CLAIM_STATUSES[claimType].completed][this.lang];
            warnings.push(format(lifecycleMessages.restore_mall_warning, { id: line.id, status_label }, this.lang));
          }
        }
      }
    }
    if (orderTarget) warnings.push(...this.heldBack(targetId, units, moved, action));
    return { lines: moved.map((l) => l.id), changed: moved.length > 0, warnings };
  }

  // ---- invoices ---------------------------------------------------------------------------------------------

  /**
   * Courier + tracking number. A number belongs to a box: lines without a box join the unsent box of their own
   * order with this courier and number, or a new one; a line in a box changes the whole box, which needs
   * `overwrite` once the box has a number (PRODUCT.md §4). A number another order's box uses is a duplicate.
   */
  private setInvoice(targetId: string, lines: LineRow[], p: Params, orderTarget: boolean): Outcome {
    const courier = findCourier(p.courier!);
    if (!courier) throw new Refusal('unknown_courier', { id: targetId, courier: p.courier! });
    const checked = checkTrackingNumber(courier.code, p.tracking_number ?? '');
    if (!checked.ok) {
      const first = checked.errors[0]!;
      throw new Refusal('invalid_tracking_number', { id: targetId, ...first.params }, first.code);
    }
    // Direct delivery (업체직송) has no number: its box is kept with none.
    const number = checked.value || null;
    const warnings = checked.warnings.map((w) => this.message(w.code, { id: targetId, ...w.params }));
    const units = this.unitsOf(lines, true);
    const decided = this.decide(targetId, units, 'set_invoice', orderTarget);
    const changed: string[] = [];

    for (const unit of decided) {
      const first = unit[0]!.line;
      const box = first.box_id ? this.set.boxes.get(first.box_id) : undefined;
      if (box && box.courier === courier.code && box.tracking_number === number) continue; // already so
      if (box?.send_status === 'sent') throw new Refusal('box_already_sent', { id: targetId, tracking_number: box.tracking_number });
      if (box?.tracking_number && !p.overwrite) {
        throw new Refusal('overwrite_required', { id: targetId, current: box.tracking_number, tracking_number: number });
      }
      const owner = first.order_id;
      const other = number ? this.set.boxWithNumber(number, box?.id) : undefined;
      if (other) {
        const foreign = this.set.linesOfBox(other.id).find((l) => l.order_id !== owner);
        const mergeable = !box && !foreign && other.courier === courier.code && other.send_status !== 'sent';
        if (!mergeable) throw new Refusal('duplicate_tracking_number', { id: targetId, tracking_number: number, other: foreign?.order_id ?? owner });
      }
      let target = box ?? other;
      if (!target && !number) target = this.openDirectBox(owner, courier.code);
      if (!target) {
        target = this.newBox(courier.code, number);
      } else {
        this.set.patchBox(target, { courier: courier.code, tracking_number: number, invoiced_at: this.now });
      }
      // Every line of the box moves: READY ones become INVOICED, the rest keep their status and take the new version.
      const members = box ? this.unitOf(first) : unit.map((d) => d.line);
      for (const line of members) {
        this.moveLine(line, line.status === 'READY' ? 'INVOICED' : 'same', 'set_invoice', p.reason ?? null, line.box_id === target.id ? {} : { box_id: target.id });
        changed.push(line.id);
      }
      if (box) for (const line of this.set.linesOfBox(box.id)) if (!members.includes(line)) this.moveLine(line, 'same', 'set_invoice', p.reason ?? null);
    }
    if (orderTarget) warnings.push(...this.heldBack(targetId, units, decided.flat().map((d) => d.line), 'set_invoice'));
    return { lines: [...new Set(changed)], changed: changed.length > 0, warnings };
  }

  /**
   * An unsent box of this order for a courier that ships without numbers (DIRECT), to keep its lines together. Such
   * a box holds a line of the order, so the order's lines lead to it.
   */
  private openDirectBox(orderId: string, courier: string): BoxRow | undefined {
    for (const line of this.set.linesOfOrder(orderId)) {
      const b = line.box_id ? this.set.boxes.get(line.box_id) : undefined;
      if (!b || b.courier !== courier || b.tracking_number || b.send_status === 'sent') continue;
      if (this.set.linesOfBox(b.id).every((l) => l.order_id === orderId)) return b;
    }
    return undefined;
  }

  private newBox(courier: string, number: string | null): BoxRow {
    const box: BoxRow = {
      id: newId(ID_PREFIX.box),
      courier,
      tracking_number: number,
      invoiced_at: this.now,
      shipped_at: null,
      send_status: 'not_sent',
      send_error: null,
      sent_at: null,
      version: 1,
      created_at: this.now,
      updated_at: this.now,
    };
    this.set.addNewBox(box);
    return box;
  }

  // ---- claims -----------------------------------------------------------------------------------------------

  private enterClaim(targetId: string, lines: LineRow[], p: Params, orderTarget: boolean): Outcome {
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
      let decided: { line: LineRow; to: Status | 'same' }[][];
      try {
        decided = this.decide(targetId, group.map((l) => [l]), action, true);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        lastRefusal = error;
        continue;
      }
      for (const [{ line, to }] of decided as [{ line: LineRow; to: Status | 'same' }][]) {
        const remainder = p.quantity !== undefined ? this.splitForClaim(targetId, line, p.quantity) : null;
        const completed = to === CLAIM_STATUSES[type].completed;
        this.addClaim(line, type, completed ? 'completed' : 'requested', action, p.reason ?? null);
        this.moveLine(line, to, action, p.reason ?? null);
        changed.push(line.id);
        if (remainder) changed.push(remainder.id);
      }
    }
    if (!changed.length || (!orderTarget && lastRefusal)) throw lastRefusal ?? new Refusal('not_found', { id: targetId });
    return { lines: changed, changed: true, warnings: [] };
  }

  /**
   * A claim for part of a line's quantity splits the line: the claimed part keeps the line (its mall id and
   * history), the rest becomes a new line in the same status. Amounts follow the quantities, in whole won.
   */
  private splitForClaim(targetId: string, line: LineRow, quantity: number): LineRow | null {
    if (quantity > line.quantity) throw new Refusal('quantity_too_large', { id: targetId, quantity, available: line.quantity });
    if (quantity === line.quantity) return null;
    const claimedAmount = Math.round((line.amount * quantity) / line.quantity);
    const remainder: LineRow = {
      ...line,
      id: newId(ID_PREFIX.line),
      line_no: Math.max(...this.set.linesOfOrder(line.order_id).map((l) => l.line_no)) + 1,
      mall_line_id: null,
      quantity: line.quantity - quantity,
      amount: line.amount - claimedAmount,
      version: 1,
      created_at: this.now,
      updated_at: this.now,
    };
    this.set.addNewLine(remainder);
    this.record('line', remainder.id, line.order_id, 'split', null, remainder.status, `split from ${line.id}`);
    this.moveLine(line, 'same', 'split', null, { quantity, amount: claimedAmount });
    return remainder;
  }

  private completeClaim(targetId: string, lines: LineRow[], p: Params, orderTarget: boolean): Outcome {
    // "Mark cancel completed" also closes an order whose cancel never reached us (instant refunds).
    const changed: string[] = [];
    let refusal: Refusal | null = null;
    for (const line of lines) {
      const open = claimTypeOf(line.status as Status);
      const type: ClaimType | null = open && line.status === CLAIM_STATUSES[open].requested ? open : p.claim_type === 'cancel' ? 'cancel' : null;
      const action = claimAction(type ?? 'cancel', 'completed');
      const r = type ? this.check(targetId, line, action) : new Refusal('illegal_transition', this.transitionParams(targetId, line, action));
      if (r instanceof Refusal) {
        if (!refusal || refusal.code === 'illegal_transition') refusal = r;
        continue;
      }
      const claim = this.openClaim(line, type!);
      if (claim) this.patchClaim(claim, { state: 'completed', completed_at: this.now }, action, p.reason ?? null);
      else this.addClaim(line, type!, 'completed', action, p.reason ?? null);
      this.moveLine(line, r.to, action, p.reason ?? null);
      changed.push(line.id);
    }
    if (!changed.length || (!orderTarget && refusal)) throw refusal ?? new Refusal('not_found', { id: targetId });
    return { lines: changed, changed: true, warnings: [] };
  }

  private openClaim(line: LineRow, type: ClaimType): ClaimRow | undefined {
    const list = (this.set.claims.get(line.id) ?? []).filter((c) => c.type === type && c.state !== 'withdrawn' && c.state !== 'restored');
    return list[list.length - 1];
  }

  private closeClaim(line: LineRow, type: ClaimType, state: 'withdrawn' | 'restored', action: string, reason: string | null): void {
    const claim = this.openClaim(line, type);
    if (claim) this.patchClaim(claim, { state }, action, reason);
  }

  /** A claim entered by this call; its states are recorded in the history like a line's statuses. */
  private addClaim(line: LineRow, type: ClaimType, state: 'requested' | 'completed', action: string, reason: string | null): void {
    const claim: ClaimRow = {
      id: newId(ID_PREFIX.claim),
      order_id: line.order_id,
      line_id: line.id,
      type,
      state,
      quantity: line.quantity,
      reason,
      source: this.origin.source,
      mall_claim_id: this.origin.mallClaimIds?.get(line.id) ?? null,
      requested_at: this.now,
      completed_at: state === 'completed' ? this.now : null,
      created_by: this.actor.id,
      version: 1,
      created_at: this.now,
      updated_at: this.now,
    };
    this.set.push(this.set.writes.newClaims, claim);
    this.record('claim', claim.id, line.order_id, action, null, state, reason);
  }

  private patchClaim(claim: ClaimRow, patch: Partial<ClaimRow>, action: string, reason: string | null): void {
    const from = claim.state;
    this.set.assign(claim, patch);
    this.set.queue(this.set.writes.claims, claim.id, patch);
    if (patch.state && patch.state !== from) this.record('claim', claim.id, claim.order_id, action, from, patch.state, reason);
  }

  // ---- order actions ----------------------------------------------------------------------------------------

  private orderAction(order: OrderRow, line: LineRow | null, action: Action, p: Params): Outcome {
    const lines = this.set.linesOfOrder(order.id);
    const patch: Partial<OrderRow> = {};
    let linePatch: Partial<LineRow> = {};

    if (action === 'hold') {
      if (!lines.some((l) => PRE_SHIPMENT_STATUSES.includes(l.status as Status))) {
        throw new Refusal('illegal_transition', { id: line?.id ?? order.id }, 'hold_not_allowed');
      }
      if (order.hold && order.hold_reason === p.reason) return UNCHANGED;
      if (!order.hold) this.set.add(this.putOnHold, order.id);
      Object.assign(patch, { hold: true, hold_reason: p.reason! });
      if (order.hold) this.set.setIn(this.set.writes.releasedHolds, order.id, { released_at: this.now, released_by: this.actor.id, release_reason: p.reason! });
      this.set.push(this.set.writes.newHolds, { order_id: order.id, reason: p.reason!, held_at: this.now, held_by: this.actor.id });
    } else if (action === 'release_hold') {
      if (!order.hold) return UNCHANGED;
      Object.assign(patch, { hold: false, hold_reason: null });
      this.set.setIn(this.set.writes.releasedHolds, order.id, { released_at: this.now, released_by: this.actor.id, release_reason: p.reason ?? null });
    } else if (action === 'delete') {
      if (order.deleted_at) return UNCHANGED;
      Object.assign(patch, { deleted_at: this.now, deleted_by: this.actor.id, delete_reason: p.reason! });
    } else {
      const flags = p.flags!;
      for (const k of ['priority', 'flagged', 'merge_locked'] as const) {
        if (flags[k] !== undefined && flags[k] !== order[k]) patch[k] = flags[k];
      }
      for (const k of ['sold_out', 'unmatched', 'return_pickup_delayed'] as const) if (flags[k] !== undefined) linePatch[k] = flags[k];
    }

    // Line flags apply to the named line, or to every line of a named order.
    const flagLines = (line ? [line] : lines).filter((l) => Object.entries(linePatch).some(([k, v]) => l[k as keyof LineRow] !== v));
    if (!flagLines.length) linePatch = {};
    if (!Object.keys(patch).length && !flagLines.length) return UNCHANGED;

    if (Object.keys(patch).length) {
      this.set.assign(order, patch);
      this.set.queue(this.set.writes.orders, order.id, patch);
      // An order-level change makes every sheet row of the order stale, so every line's version moves.
      for (const l of lines) if (!flagLines.includes(l)) this.moveLine(l, 'same', action, p.reason ?? null);
    }
    for (const l of flagLines) this.moveLine(l, 'same', action, p.reason ?? null, linePatch);
    const touched = Object.keys(patch).length ? lines : flagLines;
    return { lines: touched.map((l) => l.id), changed: true, warnings: [] };
  }
}
