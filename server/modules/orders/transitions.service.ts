// Status changes and order actions, one or many at a time. Every item names an order (ord_…) or a line (lin_…)
// with the version the caller saw; each gets its own result. A stale version, an illegal transition or a blocking
// flag refuses that item only; applied items are written together in one transaction at the end.
import type { Knex } from 'knex';
import {
  CLAIM_STATUSES,
  FLAG_LABELS,
  PRE_SHIPMENT_STATUSES,
  STATUS_LABELS,
  ACTION_RULES,
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
import type { BulkTransitionBody, ItemResult, ItemResultCode } from '../../../shared/api/orders.schema.ts';
import { AppError, type FieldIssue } from '../../../shared/errors.ts';
import { format, type Lang, type MessageParams } from '../../../shared/i18n.ts';
import { findCourier } from '../../../shared/couriers.ts';
import { checkTrackingNumber, trackingMessages } from '../../../shared/tracking-number.ts';
import type { Db } from '../../db/knex.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor, RequestInfo } from '../../http/context.ts';
import { ordersMessages } from './orders.messages.ts';
import * as ws from './working-set.repo.ts';
import type { BoxRow, ClaimRow, HistoryRow, LineRow, OrderRow } from './working-set.repo.ts';

type Item = BulkTransitionBody['items'][number];
type Params = Omit<BulkTransitionBody, 'items' | 'action'>;
type Action = BulkTransitionBody['action'];

const ORDER_LEVEL: ReadonlySet<Action> = new Set(['hold', 'release_hold', 'delete']);
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

class Refusal {
  constructor(
    readonly code: ItemResultCode,
    readonly params: MessageParams,
    /** The catalog entry that explains it, when more precise than the code (e.g. which tracking rule failed). */
    readonly messageCode: string = code,
  ) {}
}

/** Parameters each action needs, checked before anything is read so bad input writes nothing. */
function requireParams(body: BulkTransitionBody, lang: Lang): void {
  const issues: FieldIssue[] = [];
  const need = (index: number, field: keyof Params, value: unknown) => {
    if (value === undefined || value === null || value === '') {
      const message = format(ordersMessages.param_required, { field: `items.${index}.${field}`, action: body.action }, lang);
      issues.push({ field: `items.${index}.${field}`, message });
    }
  };
  body.items.forEach((item, i) => {
    const p = { ...paramsOf(body), ...definedOnly(item) };
    if (body.action === 'hold' || body.action === 'delete') need(i, 'reason', p.reason);
    if (body.action === 'set_invoice') {
      need(i, 'courier', p.courier);
      need(i, 'tracking_number', p.tracking_number);
    }
    if (body.action === 'claim') need(i, 'claim_type', p.claim_type);
    if (body.action === 'set_flags') need(i, 'flags', p.flags);
    if (p.quantity !== undefined && !item.id.startsWith(ID_PREFIX.line + '_')) {
      issues.push({ field: `items.${i}.quantity`, message: format(ordersMessages.quantity_needs_line, { field: `items.${i}.quantity` }, lang) });
    }
  });
  if (issues.length) {
    throw new AppError('invalid_data', 'validation_failed', issues[0]!.message + (issues.length > 1 ? ` (+${issues.length - 1})` : ''), {
      details: issues,
    });
  }
}

function paramsOf(body: BulkTransitionBody): Params {
  const { items: _items, action: _action, ...params } = body;
  return params;
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Everything the items of one call read, loaded in a few queries and kept current as items apply. */
class WorkingSet {
  lines = new Map<string, LineRow>();
  orders = new Map<string, OrderRow>();
  boxes = new Map<string, BoxRow>();
  history = new Map<string, HistoryRow[]>();
  claims = new Map<string, ClaimRow[]>();
  /** Entities already changed by an earlier item of this call: a later item naming them is stale. */
  touched = new Set<string>();
  writes = ws.emptyWrites();

  addLines(rows: LineRow[]) {
    for (const r of rows) if (!this.lines.has(r.id)) this.lines.set(r.id, r);
  }
  linesOfOrder(orderId: string): LineRow[] {
    return [...this.lines.values()].filter((l) => l.order_id === orderId);
  }
  linesOfBox(boxId: string): LineRow[] {
    return [...this.lines.values()].filter((l) => l.box_id === boxId);
  }
}

export type BulkResult = { batch_id: string; applied: number; refused: number; results: ItemResult[] };

export async function applyTransitions(db: Db, actor: Actor, body: BulkTransitionBody, info: RequestInfo): Promise<BulkResult> {
  requireParams(body, info.lang);
  const batchId = newId(ID_PREFIX.batch);
  return db.transaction(async (trx) => {
    const set = await loadWorkingSet(trx, body);
    const engine = new Engine(set, actor, info.lang, batchId, body);
    const results = body.items.map((item, index) => engine.run(item, index));
    await ws.flushWrites(trx, set.writes, engine.now);
    // Versions reported back are the ones just written: every changed row went up by exactly one.
    for (const r of results) engine.fillVersions(r);
    const applied = results.filter((r) => r.result === 'applied').length;
    return { batch_id: batchId, applied, refused: results.length - applied, results };
  });
}

async function loadWorkingSet(trx: Knex.Transaction, body: BulkTransitionBody): Promise<WorkingSet> {
  const set = new WorkingSet();
  const lineIds = body.items.filter((i) => i.id.startsWith(ID_PREFIX.line + '_')).map((i) => i.id);
  const orderIds = body.items.filter((i) => i.id.startsWith(ID_PREFIX.order + '_')).map((i) => i.id);

  // Partial claims split lines, which copies every column of the line.
  const full = body.action === 'claim';
  set.addLines(await ws.loadLines(trx, lineIds, full));
  const allOrderIds = new Set([...orderIds, ...[...set.lines.values()].map((l) => l.order_id)]);
  // Order targets act on every line; order-level actions change every line's version.
  const wholeOrders = ORDER_LEVEL.has(body.action) || body.action === 'set_flags' ? [...allOrderIds] : orderIds;
  set.addLines(await ws.loadLinesOfOrders(trx, wholeOrders, full));

  // A box is one unit: setting its number or shipping it touches every line in it, whatever order they belong to.
  if (body.action === 'set_invoice' || body.action === 'ship' || body.action === 'clear_invoice') {
    const trackingNumbers = new Set<string>();
    for (const item of body.items) {
      const raw = item.tracking_number ?? body.tracking_number;
      const courier = item.courier ?? body.courier;
      if (raw === undefined || !courier) continue;
      const checked = checkTrackingNumber(findCourier(courier)?.code ?? courier, raw);
      if (checked.value) trackingNumbers.add(checked.value);
    }
    const byNumber = await ws.loadBoxesByTracking(trx, [...trackingNumbers]);
    const boxIds = new Set([...byNumber.map((b) => b.id), ...[...set.lines.values()].flatMap((l) => (l.box_id ? [l.box_id] : []))]);
    for (const b of await ws.loadBoxes(trx, [...boxIds])) set.boxes.set(b.id, b);
    set.addLines(await ws.loadLinesOfBoxes(trx, [...boxIds]));
  }
  for (const o of await ws.loadOrders(trx, [...new Set([...allOrderIds, ...[...set.lines.values()].map((l) => l.order_id)])])) {
    set.orders.set(o.id, o);
  }
  if (body.action === 'restore' || body.action === 'withdraw_claim') {
    set.history = await ws.loadHistory(trx, [...set.lines.keys()]);
  }
  if (body.action === 'restore' || body.action === 'withdraw_claim' || body.action === 'complete_claim') {
    for (const c of await ws.loadOpenClaims(trx, [...set.lines.keys()])) {
      const list = set.claims.get(c.line_id) ?? [];
      list.push(c);
      set.claims.set(c.line_id, list);
    }
  }
  return set;
}

class Engine {
  readonly now = new Date().toISOString();
  private seen = new Set<string>();
  private changedLines = new Map<string, string[]>(); // item id → lines it changed

  constructor(
    private set: WorkingSet,
    private actor: Actor,
    private lang: Lang,
    private batchId: string,
    private body: BulkTransitionBody,
  ) {
    this.baseParams = paramsOf(body);
  }

  private readonly baseParams: Params;

  run(item: Item, index: number): ItemResult {
    // Most items carry only id and version; merging is only needed when an item brings its own parameters.
    const params: Params = Object.keys(item).length > 2 ? { ...this.baseParams, ...definedOnly(item) } : this.baseParams;
    try {
      if (this.seen.has(item.id)) throw new Refusal('duplicate_item', { id: item.id, index });
      this.seen.add(item.id);
      const target = this.resolve(item);
      const outcome = this.dispatch(target, params);
      this.changedLines.set(item.id, outcome.lines);
      return {
        id: item.id,
        result: 'applied',
        ...(outcome.lines.length === 0 && !outcome.orderChanged ? { code: 'unchanged' as const } : {}),
        ...(outcome.warnings.length ? { warnings: outcome.warnings } : {}),
      };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const current = this.currentVersion(item.id);
      return {
        id: item.id,
        result: 'refused',
        code: error.code,
        message: this.message(error.messageCode, error.params),
        ...(current !== undefined ? { version: current } : {}),
      };
    }
  }

  /** After the flush: the new version of what each applied item named, and of the lines it changed. */
  fillVersions(result: ItemResult): void {
    if (result.result !== 'applied') return;
    result.version = this.currentVersion(result.id);
    const lines = this.changedLines.get(result.id) ?? [];
    if (lines.length) {
      result.lines = lines.map((id) => {
        const l = this.set.lines.get(id)!;
        return { id, status: l.status, version: this.lineVersion(l) };
      });
    }
  }

  private lineVersion(l: LineRow): number {
    return l.version + (this.set.writes.lines.has(l.id) ? 1 : 0);
  }

  private currentVersion(id: string): number | undefined {
    const line = this.set.lines.get(id);
    if (line) return this.lineVersion(line);
    const order = this.set.orders.get(id);
    if (order) return order.version + (this.set.writes.orders.has(id) ? 1 : 0);
    return undefined;
  }

  private message(code: string, params: MessageParams): string {
    const catalog = { ...ordersMessages, ...lifecycleMessages, ...trackingMessages } as Record<string, { ko: string; en: string }>;
    const text = catalog[code];
    return text ? format(text, params, this.lang) : code;
  }

  private resolve(item: Item): { kind: 'line'; line: LineRow; order: OrderRow } | { kind: 'order'; order: OrderRow } {
    const line = this.set.lines.get(item.id);
    const order = line ? this.set.orders.get(line.order_id) : this.set.orders.get(item.id);
    if (!order || (!line && !item.id.startsWith(ID_PREFIX.order + '_'))) throw new Refusal('not_found', { id: item.id });
    if (order.deleted_at && this.body.action !== 'delete') throw new Refusal('deleted', { id: item.id });
    const version = line ? line.version : order.version;
    if (item.version !== version || this.set.touched.has(item.id)) {
      const status = line ? line.status : this.set.linesOfOrder(order.id).map((l) => l.status).join(', ');
      throw new Refusal('stale_version', { id: item.id, seen: item.version, current: version, status });
    }
    return line ? { kind: 'line', line, order } : { kind: 'order', order };
  }

  private dispatch(target: ReturnType<Engine['resolve']>, p: Params): { lines: string[]; orderChanged: boolean; warnings: string[] } {
    const action = this.body.action;
    const lines = target.kind === 'line' ? [target.line] : this.set.linesOfOrder(target.order.id);
    const targetId = target.kind === 'line' ? target.line.id : target.order.id;
    switch (action) {
      case 'hold':
      case 'release_hold':
      case 'delete':
      case 'set_flags':
        return this.orderAction(target.order, target.kind === 'line' ? target.line : null, p);
      case 'set_invoice':
        return this.setInvoice(targetId, target.order, lines, p);
      case 'claim':
        return this.enterClaim(targetId, target.order, lines, p);
      case 'complete_claim':
        return this.completeClaim(targetId, target.order, lines, p);
      default: {
        const lineAction = STATUS_ACTIONS[action]!;
        return this.statusAction(targetId, target.order, lines, lineAction, p);
      }
    }
  }

  // ---- status actions ----------------------------------------------------------------------------------------

  private flagsOf(line: LineRow, order: OrderRow): Partial<Record<Flag, boolean>> {
    return {
      hold: order.hold,
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

  /**
   * Decides `action` for the given lines. A line target must pass; an order target applies to the lines that pass
   * and is refused only when none does (a cancelled line of the order does not stop the others).
   */
  private decide(targetId: string, order: OrderRow, lines: LineRow[], action: LineAction): { line: LineRow; to: Status | 'same' }[] {
    const decided: { line: LineRow; to: Status | 'same' }[] = [];
    let firstRefusal: Refusal | null = null;
    for (const line of lines) {
      const check = checkTransition(action, line.status as Status, this.flagsOf(line, order), this.historyOf(line.id));
      if (check.ok) {
        decided.push({ line, to: check.to });
        continue;
      }
      const params = this.transitionParams(targetId, line, action, check.code === 'blocked' ? check.flag : undefined);
      const refusal = new Refusal(check.code, params);
      if (!firstRefusal || (firstRefusal.code === 'illegal_transition' && refusal.code !== 'illegal_transition')) firstRefusal = refusal;
    }
    if (!decided.length) throw firstRefusal ?? new Refusal('not_found', { id: targetId });
    return decided;
  }

  private transitionParams(targetId: string, line: LineRow, action: LineAction, flag?: Flag): MessageParams {
    const target = ACTION_RULES[action].to;
    const to = typeof target === 'string' ? target : target(line.status as Status);
    return {
      id: targetId,
      from: line.status,
      from_label: STATUS_LABELS[line.status as Status]?.[this.lang] ?? line.status,
      to: to === 'same' || to === 'before_claim' ? action : to,
      action: action,
      action_label: ACTION_RULES[action].label[this.lang],
      flag: flag ?? null,
      flag_label: flag ? FLAG_LABELS[flag][this.lang] : null,
    };
  }

  private moveLine(line: LineRow, to: Status | 'same', action: string, reason: string | null, patch: Record<string, unknown> = {}): void {
    const from = line.status;
    const next = to === 'same' ? from : to;
    const pending = this.set.writes.lines.get(line.id) ?? {};
    Object.assign(pending, patch);
    if (next !== from) pending.status = next;
    this.set.writes.lines.set(line.id, pending);
    Object.assign(line, patch, { status: next });
    this.set.touched.add(line.id);
    this.touchOrder(line.order_id);
    if (next !== from) this.record('line', line.id, line.order_id, action, from, next, reason);
  }

  private touchOrder(orderId: string, patch: Record<string, unknown> = {}): void {
    const pending = this.set.writes.orders.get(orderId) ?? {};
    Object.assign(pending, patch);
    this.set.writes.orders.set(orderId, pending);
    Object.assign(this.set.orders.get(orderId)!, patch);
    this.set.touched.add(orderId);
  }

  private record(entity: HistoryRow['entity'], entityId: string, orderId: string | null, action: string, from: string | null, to: string, reason: string | null) {
    this.set.writes.history.push({
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

  private statusAction(targetId: string, order: OrderRow, lines: LineRow[], action: LineAction, p: Params) {
    // A box ships as one unit: shipping one of its lines ships all of them.
    const candidates = action === 'ship' ? this.withBoxSiblings(lines) : lines;
    const decided = this.decide(targetId, order, candidates, action);
    const warnings: string[] = [];
    for (const { line, to } of decided) {
      const patch: Record<string, unknown> = {};
      if (action === 'clear_invoice' && line.box_id) {
        const boxId = line.box_id;
        patch.box_id = null;
        if (this.set.linesOfBox(boxId).length === 1) this.set.writes.deletedBoxes.add(boxId);
      }
      const claimType = claimTypeOf(line.status as Status);
      this.moveLine(line, to, action, p.reason ?? null, patch);
      if (action === 'ship' && line.box_id) this.patchBox(line.box_id, { shipped_at: this.now });
      if ((action === 'withdraw_claim' || action === 'restore') && claimType) {
        this.closeClaim(line, claimType, action === 'restore' ? 'restored' : 'withdrawn', action, p.reason ?? null);
        if (action === 'restore' && order.source === 'mall') {
          warnings.push(format(lifecycleMessages.restore_mall_warning, { id: line.id, status_label: STATUS_LABELS[CLAIM_STATUSES[claimType].completed][this.lang] }, this.lang));
        }
      }
    }
    return { lines: decided.map((d) => d.line.id), orderChanged: true, warnings };
  }

  private withBoxSiblings(lines: LineRow[]): LineRow[] {
    const out = new Map(lines.map((l) => [l.id, l]));
    for (const l of lines) if (l.box_id) for (const s of this.set.linesOfBox(l.box_id)) out.set(s.id, s);
    return [...out.values()];
  }

  private patchBox(boxId: string, patch: Record<string, unknown>): void {
    const box = this.set.boxes.get(boxId);
    if (box) Object.assign(box, patch);
    if (this.set.writes.newBoxes.some((b) => b.id === boxId)) return; // still to be inserted: the object itself was patched
    this.set.writes.boxes.set(boxId, { ...(this.set.writes.boxes.get(boxId) ?? {}), ...patch });
  }

  // ---- invoices ---------------------------------------------------------------------------------------------

  /**
   * Courier + tracking number. The number belongs to a box: a line without a box joins the unsent box of its own
   * order that has this number, or a new box; a line already in a numbered box changes the whole box, which needs
   * `overwrite` (PRODUCT.md §4). A number used by another order's box is refused as a duplicate.
   */
  private setInvoice(targetId: string, order: OrderRow, lines: LineRow[], p: Params) {
    const courier = findCourier(p.courier!);
    if (!courier) throw new Refusal('unknown_courier', { id: targetId, courier: p.courier! });
    const checked = checkTrackingNumber(courier.code, p.tracking_number);
    if (!checked.ok) {
      const first = checked.errors[0]!;
      throw new Refusal('invalid_tracking_number', { id: targetId, ...first.params }, first.code);
    }
    const number = checked.value ?? null;
    const decided = this.decide(targetId, order, lines, 'set_invoice');
    const changed: string[] = [];
    const warnings = checked.warnings.map((w) => this.message(w.code, { id: targetId, ...w.params }));

    for (const { line } of decided) {
      const box = line.box_id ? this.set.boxes.get(line.box_id) : undefined;
      if (box && box.courier === courier.code && box.tracking_number === number) continue; // already so: nothing to do
      if (box && box.send_status === 'sent') throw new Refusal('box_already_sent', { id: targetId, tracking_number: box.tracking_number });
      if (box && box.tracking_number && !p.overwrite) {
        throw new Refusal('overwrite_required', { id: targetId, current: box.tracking_number, tracking_number: number });
      }
      const other = number ? this.boxWithNumber(number, box?.id) : undefined;
      if (other && this.set.linesOfBox(other.id).some((l) => l.order_id !== order.id)) {
        const otherOrder = this.set.linesOfBox(other.id).find((l) => l.order_id !== order.id)!.order_id;
        throw new Refusal('duplicate_tracking_number', { id: targetId, tracking_number: number, other: otherOrder });
      }
      if (box && box.tracking_number) {
        // Overwrite: the box keeps its lines and gets the new number.
        this.patchBox(box.id, { courier: courier.code, tracking_number: number, invoiced_at: this.now });
        for (const l of this.set.linesOfBox(box.id)) {
          this.moveLine(l, 'same', 'set_invoice', p.reason ?? null);
          changed.push(l.id);
        }
        continue;
      }
      if (box) {
        // A box made by merge-packing, still without a number: numbering it invoices every line in it.
        this.patchBox(box.id, { courier: courier.code, tracking_number: number, invoiced_at: this.now });
        for (const l of this.set.linesOfBox(box.id)) {
          this.moveLine(l, l.status === 'READY' ? 'INVOICED' : 'same', 'set_invoice', p.reason ?? null);
          changed.push(l.id);
        }
        continue;
      }
      const joined = other && other.send_status !== 'sent' ? other : this.newBox(courier.code, number);
      this.moveLine(line, line.status === 'READY' ? 'INVOICED' : 'same', 'set_invoice', p.reason ?? null, { box_id: joined.id });
      changed.push(line.id);
    }
    return { lines: [...new Set(changed)], orderChanged: changed.length > 0, warnings };
  }

  private boxWithNumber(number: string, exceptId: string | undefined): BoxRow | undefined {
    for (const b of this.set.boxes.values()) if (b.tracking_number === number && b.id !== exceptId) return b;
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
    this.set.boxes.set(box.id, box);
    this.set.writes.newBoxes.push(box);
    return box;
  }

  // ---- claims -----------------------------------------------------------------------------------------------

  private enterClaim(targetId: string, order: OrderRow, lines: LineRow[], p: Params) {
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
      let decided: { line: LineRow; to: Status | 'same' }[];
      try {
        decided = this.decide(targetId, order, group, action);
      } catch (error) {
        if (error instanceof Refusal) {
          lastRefusal = error;
          continue;
        }
        throw error;
      }
      for (const { line, to } of decided) {
        const claimed = p.quantity !== undefined ? this.splitForClaim(targetId, line, p.quantity) : line;
        const completed = to === CLAIM_STATUSES[type].completed;
        this.addClaim(claimed, type, completed ? 'completed' : 'requested', action, p.reason ?? null);
        this.moveLine(claimed, to, action, p.reason ?? null);
        changed.push(claimed.id);
        if (claimed !== line) changed.push(line.id);
      }
    }
    if (!changed.length) throw lastRefusal ?? new Refusal('not_found', { id: targetId });
    return { lines: changed, orderChanged: true, warnings: [] };
  }

  /**
   * A claim for part of a line's quantity splits the line: the claimed part keeps the line (and its history), the
   * rest becomes a new line in the same status. Amounts follow the quantities, in whole won.
   */
  private splitForClaim(targetId: string, line: LineRow, quantity: number): LineRow {
    if (quantity > line.quantity) throw new Refusal('quantity_too_large', { id: targetId, quantity, available: line.quantity });
    if (quantity === line.quantity) return line;
    const rest = line.quantity - quantity;
    const claimedAmount = Math.round((line.amount * quantity) / line.quantity);
    const siblings = this.set.linesOfOrder(line.order_id);
    const remainder: LineRow = {
      ...line,
      id: newId(ID_PREFIX.line),
      line_no: Math.max(...siblings.map((l) => l.line_no)) + 1,
      mall_line_id: null, // the mall's line id stays with the claimed part, which the mall reports on
      quantity: rest,
      amount: line.amount - claimedAmount,
      version: 1,
      created_at: this.now,
      updated_at: this.now,
    };
    this.set.lines.set(remainder.id, remainder);
    this.set.writes.newLines.push({ ...remainder });
    this.record('line', remainder.id, line.order_id, 'split', null, remainder.status, `split from ${line.id}`);
    this.moveLine(line, 'same', 'split', null, { quantity, amount: claimedAmount });
    return line;
  }

  private completeClaim(targetId: string, order: OrderRow, lines: LineRow[], p: Params) {
    // "Mark cancel completed" also closes an order whose cancel never reached us (instant refunds).
    const changed: string[] = [];
    let refusal: Refusal | null = null;
    for (const line of lines) {
      const open = claimTypeOf(line.status as Status);
      const type: ClaimType | null = open && line.status === CLAIM_STATUSES[open].requested ? open : p.claim_type === 'cancel' ? 'cancel' : null;
      if (!type) {
        refusal ??= new Refusal('illegal_transition', this.transitionParams(targetId, line, 'complete_cancel'));
        continue;
      }
      const action = claimAction(type, 'completed');
      const check = checkTransition(action, line.status as Status, this.flagsOf(line, order));
      if (!check.ok) {
        refusal ??= new Refusal(check.code === 'blocked' ? 'blocked' : 'illegal_transition', this.transitionParams(targetId, line, action));
        continue;
      }
      const claim = this.openClaim(line, type);
      if (claim) this.patchClaim(claim, { state: 'completed', completed_at: this.now }, action, p.reason ?? null);
      else this.addClaim(line, type, 'completed', action, p.reason ?? null);
      this.moveLine(line, check.to, action, p.reason ?? null);
      changed.push(line.id);
    }
    if (!changed.length) throw refusal ?? new Refusal('not_found', { id: targetId });
    return { lines: changed, orderChanged: true, warnings: [] };
  }

  private openClaim(line: LineRow, type: ClaimType): ClaimRow | undefined {
    const list = (this.set.claims.get(line.id) ?? []).filter((c) => c.type === type && c.state !== 'withdrawn' && c.state !== 'restored');
    return list[list.length - 1];
  }

  private closeClaim(line: LineRow, type: ClaimType, state: 'withdrawn' | 'restored', action: string, reason: string | null): void {
    const claim = this.openClaim(line, type);
    if (claim) this.patchClaim(claim, { state }, action, reason);
  }

  /** A claim entered here (by hand); its state is recorded in the history like a line's status. */
  private addClaim(line: LineRow, type: ClaimType, state: 'requested' | 'completed', action: string, reason: string | null): void {
    const claim: ClaimRow = {
      id: newId(ID_PREFIX.claim),
      order_id: line.order_id,
      line_id: line.id,
      type,
      state,
      quantity: line.quantity,
      reason,
      source: 'manual',
      mall_claim_id: null,
      requested_at: this.now,
      completed_at: state === 'completed' ? this.now : null,
      created_by: this.actor.id,
      version: 1,
      created_at: this.now,
      updated_at: this.now,
    };
    this.set.writes.newClaims.push(claim);
    this.record('claim', claim.id, line.order_id, action, null, state, reason);
  }

  private patchClaim(claim: ClaimRow, patch: Partial<ClaimRow>, action: string, reason: string | null): void {
    const from = claim.state;
    Object.assign(claim, patch);
    this.set.writes.claims.set(claim.id, { ...(this.set.writes.claims.get(claim.id) ?? {}), ...patch });
    if (patch.state && patch.state !== from) this.record('claim', claim.id, claim.order_id, action, from, patch.state, reason);
  }

  // ---- order actions ----------------------------------------------------------------------------------------

  private orderAction(order: OrderRow, line: LineRow | null, p: Params) {
    const action = this.body.action;
    const id = line?.id ?? order.id;
    const lines = this.set.linesOfOrder(order.id);
    let patch: Record<string, unknown> = {};
    let linePatch: Record<string, unknown> | null = null;

    if (action === 'hold') {
      if (!lines.some((l) => PRE_SHIPMENT_STATUSES.includes(l.status as Status))) {
        throw new Refusal('illegal_transition', { id }, 'hold_not_allowed');
      }
      if (order.hold && order.hold_reason === p.reason) return { lines: [], orderChanged: false, warnings: [] };
      patch = { hold: true, hold_reason: p.reason };
      if (order.hold) this.set.writes.releasedHolds.set(order.id, { released_at: this.now, released_by: this.actor.id, release_reason: p.reason! });
      this.set.writes.newHolds.push({ order_id: order.id, reason: p.reason!, held_at: this.now, held_by: this.actor.id });
    } else if (action === 'release_hold') {
      if (!order.hold) return { lines: [], orderChanged: false, warnings: [] };
      patch = { hold: false, hold_reason: null };
      this.set.writes.releasedHolds.set(order.id, { released_at: this.now, released_by: this.actor.id, release_reason: p.reason ?? null });
    } else if (action === 'delete') {
      if (order.deleted_at) return { lines: [], orderChanged: false, warnings: [] };
      patch = { deleted_at: this.now, deleted_by: this.actor.id, delete_reason: p.reason };
    } else {
      const flags = p.flags!;
      for (const k of ['priority', 'flagged', 'merge_locked'] as const) {
        if (flags[k] !== undefined && flags[k] !== order[k]) patch[k] = flags[k];
      }
      const lf: Record<string, unknown> = {};
      for (const k of ['sold_out', 'unmatched', 'return_pickup_delayed'] as const) if (flags[k] !== undefined) lf[k] = flags[k];
      if (Object.keys(lf).length) linePatch = lf;
    }

    // Line flags apply to the named line, or to every line of a named order.
    const flagLines = linePatch ? (line ? [line] : lines).filter((l) => Object.entries(linePatch!).some(([k, v]) => l[k as keyof LineRow] !== v)) : [];
    if (!Object.keys(patch).length && !flagLines.length) return { lines: [], orderChanged: false, warnings: [] };

    this.touchOrder(order.id, patch);
    // An order-level change makes every sheet row of the order stale, so every line's version moves.
    for (const l of lines) {
      const own = flagLines.includes(l) ? linePatch! : {};
      this.moveLine(l, 'same', action, p.reason ?? null, own);
    }
    return { lines: lines.map((l) => l.id), orderChanged: true, warnings: [] };
  }
}
