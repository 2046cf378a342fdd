// The rows one bulk call reads, held in memory while its items apply, with the writes they queue. Every change
// goes through the methods here, which log how to undo it: an item that is refused halfway is rolled back, so a
// refusal never leaves part of its change behind.
import type { Knex } from 'knex';
import type { ApiAction as Action } from '../../../shared/api/orders.schema.ts';
import { findCourier } from '../../../shared/couriers.ts';
import { checkTrackingNumber } from '../../../shared/tracking-number.ts';
import { ID_PREFIX } from '../../db/ids.ts';
import { accountAutomation, type AccountAutomation } from '../mall-accounts/mall-accounts.repo.ts';
import * as repo from './working-set.repo.ts';
import type { BoxRow, ClaimRow, HistoryRow, LineRow, OrderRow } from './working-set.repo.ts';

type Patch = Record<string, unknown>;

export class WorkingSet {
  readonly lines = new Map<string, LineRow>();
  readonly orders = new Map<string, OrderRow>();
  readonly boxes = new Map<string, BoxRow>();
  readonly history = new Map<string, HistoryRow[]>();
  readonly claims = new Map<string, ClaimRow[]>();
  /** The latest memo of each order, when the call may add memos. */
  readonly memos = new Map<string, string>();
  /** The recipient cells of each order, when the call may correct them (a sheet push). */
  readonly recipients = new Map<string, repo.RecipientRow>();
  /** The automatic steps of the accounts with any on (automation.ts), when the call may number, ship or confirm. */
  automation = new Map<string, AccountAutomation>();
  /** What the current block of the call has changed, to be written at its end. */
  writes = repo.emptyWrites();
  // Indexes hold the rows themselves, in lists (a Set per order and box made 100,000 hash tables for 50,000 lines).
  private readonly byOrder = new Map<string, LineRow[]>();
  private readonly byBox = new Map<string, LineRow[]>();
  /** Boxes by tracking number (any courier), so a 50,000-number call looks numbers up instead of scanning. */
  private readonly byNumber = new Map<string, BoxRow[]>();
  /** Boxes this call creates: they are inserted with their final fields, not updated. */
  private readonly newBoxIds = new Set<string>();
  private undo: (() => void)[] = [];

  // ---- reading ----------------------------------------------------------------------------------------------

  addLines(rows: LineRow[]): void {
    for (const r of rows) {
      if (this.lines.has(r.id)) continue;
      this.lines.set(r.id, r);
      this.index(this.byOrder, r.order_id, r, true);
      if (r.box_id) this.index(this.byBox, r.box_id, r, true);
    }
  }

  addBoxes(rows: BoxRow[]): void {
    for (const b of rows) {
      this.boxes.set(b.id, b);
      if (b.tracking_number) this.index(this.byNumber, b.tracking_number, b, true);
    }
  }

  /** A box other than `exceptId` that carries this number, under any courier. */
  boxWithNumber(number: string, exceptId: string | undefined): BoxRow | undefined {
    for (const b of this.byNumber.get(number) ?? []) if (b.id !== exceptId) return b;
    return undefined;
  }

  linesOfOrder(orderId: string): LineRow[] {
    const lines = this.byOrder.get(orderId);
    if (!lines) return [];
    return lines.length > 1 ? lines.slice().sort((a, b) => a.line_no - b.line_no) : lines.slice();
  }

  /**
   * The lines in a box, as the index holds them (no copy: an invoice import asks 100,000 times). Read it before
   * moving any of them to another box: the list changes with them.
   */
  linesOfBox(boxId: string): readonly LineRow[] {
    return this.byBox.get(boxId) ?? NO_LINES;
  }

  /** The version a row had when this call loaded it: what a caller's version is compared with. */
  loadedVersion(id: string): number | undefined {
    return this.lines.get(id)?.version ?? this.orders.get(id)?.version;
  }

  /** The version after this call: one more for every row it changed. */
  versionAfter(id: string): number | undefined {
    const loaded = this.loadedVersion(id);
    if (loaded === undefined) return undefined;
    return loaded + (this.writes.lines.has(id) || this.writes.orders.has(id) ? 1 : 0);
  }

  /**
   * The next block of a call that decides on rows read once (bulk-blocks.ts): the last block's changes are written
   * and committed, so they become the rows as stored — boxes it created are now updated, not inserted.
   */
  nextBlock(): void {
    this.writes = repo.emptyWrites();
    this.newBoxIds.clear();
    this.undo.length = 0;
  }

  // ---- undo -------------------------------------------------------------------------------------------------

  checkpoint(): number {
    return this.undo.length;
  }

  rollback(to: number): void {
    while (this.undo.length > to) this.undo.pop()!();
  }

  /** An item went through: its changes stay, so the way back is forgotten (keeps 50,000-item calls light). */
  commit(): void {
    this.undo.length = 0;
  }

  private remember(fn: () => void): void {
    this.undo.push(fn);
  }

  // ---- changes ----------------------------------------------------------------------------------------------

  /** Sets fields on an in-memory row. */
  assign<T extends object>(row: T, patch: Partial<T>): void {
    const before: Partial<T> = {};
    for (const key of Object.keys(patch) as (keyof T)[]) before[key] = row[key];
    Object.assign(row, patch);
    this.remember(() => Object.assign(row, before));
  }

  /** Queues a patch for a row (merged with earlier patches of this call). An empty patch still moves the version. */
  queue(map: Map<string, Patch>, id: string, patch: Patch): void {
    // One lookup: this runs three times for each line of a 50,000-line call (its line, order and box).
    const previous = map.get(id);
    if (previous === undefined) {
      // The first patch of a row is kept as given (callers hand over a fresh object).
      map.set(id, patch);
      this.remember(() => map.delete(id));
      return;
    }
    let empty = true;
    for (const _ in patch) {
      empty = false;
      break;
    }
    if (empty) return; // already queued: its version moves anyway
    // Later patches merge into a copy.
    map.set(id, { ...previous, ...patch });
    this.remember(() => map.set(id, previous));
  }

  /** Sets a map entry, remembering what it held. */
  setIn<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const previous = map.get(key);
    map.set(key, value);
    this.remember(() => (had ? map.set(key, previous!) : map.delete(key)));
  }

  push<T>(list: T[], item: T): void {
    list.push(item);
    this.remember(() => void list.pop());
  }

  add<T>(set: Set<T>, value: T): void {
    if (set.has(value)) return;
    set.add(value);
    this.remember(() => void set.delete(value));
  }

  /** Moves a line into another box (or none), keeping the box index current. */
  setLineBox(line: LineRow, boxId: string | null): void {
    const from = line.box_id;
    if (from === boxId) return;
    if (from) this.index(this.byBox, from, line, false);
    if (boxId) this.index(this.byBox, boxId, line, true);
    line.box_id = boxId;
    this.remember(() => {
      if (boxId) this.index(this.byBox, boxId, line, false);
      if (from) this.index(this.byBox, from, line, true);
      line.box_id = from;
    });
  }

  addNewLine(line: LineRow): void {
    this.lines.set(line.id, line);
    this.index(this.byOrder, line.order_id, line, true);
    if (line.box_id) this.index(this.byBox, line.box_id, line, true);
    this.push(this.writes.newLines, line);
    this.remember(() => {
      this.lines.delete(line.id);
      this.index(this.byOrder, line.order_id, line, false);
      if (line.box_id) this.index(this.byBox, line.box_id, line, false);
    });
  }

  addNewBox(box: BoxRow): void {
    this.addBoxes([box]);
    this.newBoxIds.add(box.id);
    this.push(this.writes.newBoxes, box);
    this.remember(() => {
      this.boxes.delete(box.id);
      this.newBoxIds.delete(box.id);
      if (box.tracking_number) this.index(this.byNumber, box.tracking_number, box, false);
    });
  }

  /** Changes a box and queues the change, keeping the number index current. */
  patchBox(box: BoxRow, patch: Partial<BoxRow>): void {
    const from = box.tracking_number;
    const to = patch.tracking_number;
    if (to !== undefined && to !== from) {
      // A number given up is cleared before any box takes one, so two boxes can swap numbers in one call; a box
      // that had none gives nothing up (50,000 boxes numbered for the first time need no clearing).
      if (from && !this.newBoxIds.has(box.id)) this.add(this.writes.renumbered, box.id);
      if (from) this.index(this.byNumber, from, box, false);
      if (to) this.index(this.byNumber, to, box, true);
      this.remember(() => {
        if (to) this.index(this.byNumber, to, box, false);
        if (from) this.index(this.byNumber, from, box, true);
      });
    }
    this.assign(box, patch);
    if (!this.newBoxIds.has(box.id)) this.queue(this.writes.boxes, box.id, patch);
  }

  /** Adds `item` to (or takes it from) the list under `key`, once. */
  private index<T>(map: Map<string, T[]>, key: string, item: T, present: boolean): void {
    const list = map.get(key);
    if (present) {
      if (!list) map.set(key, [item]);
      else if (!list.includes(item)) list.push(item);
    } else if (list) {
      const at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
    }
  }
}

const NO_LINES: readonly LineRow[] = [];

const isLineId = (id: string) => id.startsWith(ID_PREFIX.line + '_');
const isOrderId = (id: string) => id.startsWith(ID_PREFIX.order + '_');

/** What a call may touch, so that everything it decides on is read once, before its first item. */
export type LoadPlan = {
  /** The lines (lin_…) and orders (ord_…) the call names. */
  ids: readonly string[];
  /** Every action the call may apply: what they change decides what is read. */
  actions: readonly Action[];
  /**
   * Boxes the call names (an invoice file keyed by box): every line in them is read, without naming the lines
   * first. Only with a box action.
   */
  boxes?: readonly string[];
  /** Numbers the call may give boxes: the boxes already carrying them are read too (joins and duplicates). */
  trackingNumbers?: readonly string[];
  /** Whether memos may be added: the latest memo of each order is read to tell a new one from a repeat. */
  memos?: boolean;
  /** Whether recipient cells may be corrected: each order's are read, to tell which ones change. */
  recipients?: boolean;
};

/**
 * Order-level actions change every line of the order; partial claims renumber lines of the whole order; release
 * reads every line of the order because one unmatched line keeps the whole order back; hold, release of a hold and
 * cancels move the order's gift lines with it (engine/gift-lines.ts).
 */
const WHOLE_ORDER_ACTIONS: readonly Action[] = ['hold', 'release_hold', 'delete', 'set_flags', 'claim', 'complete_claim', 'release'];
/** A box is one unit: numbering, clearing or shipping it touches every line in it, whatever order they belong to. */
const BOX_ACTIONS: readonly Action[] = ['set_invoice', 'ship', 'clear_invoice'];
const HISTORY_ACTIONS: readonly Action[] = ['restore', 'withdraw_claim'];
const CLAIM_ACTIONS: readonly Action[] = ['restore', 'withdraw_claim', 'complete_claim'];

/** A line as found before locking: which order and box it belongs to. */
export type FoundLine = { id: string; order_id: string; box_id: string | null };

/**
 * The rows a call's items may touch, found without locks: the lines named, the lines of the orders named (every
 * line of the orders in play when an action or memo changes whole orders), and for box actions the boxes of those
 * lines and the boxes carrying the numbers asked for, with all their lines.
 */
export type Discovery<L extends FoundLine = FoundLine> = {
  lines: L[];
  targetOrders: Set<string>;
  boxes: { id: string; tracking_number: string | null }[];
};

type LineReader<L extends FoundLine> = (db: Knex | Knex.Transaction, by: repo.LinesBy, values: string[]) => Promise<L[]>;

export function discover(db: Knex | Knex.Transaction, plan: LoadPlan): Promise<Discovery> {
  return discoverWith(db, plan, repo.findLines);
}

/** discover, reading lines with `read` (which may read more of each line than FoundLine). */
async function discoverWith<L extends FoundLine>(db: Knex | Knex.Transaction, plan: LoadPlan, read: LineReader<L>): Promise<Discovery<L>> {
  const needs = (actions: readonly Action[]) => plan.actions.some((a) => actions.includes(a));
  const lineIds = plan.ids.filter(isLineId);
  const orderIds = plan.ids.filter(isOrderId);
  // A memo or a recipient correction, like an order action, gives every line of its order a new version.
  const wholeOrders = needs(WHOLE_ORDER_ACTIONS) || plan.memos === true || plan.recipients === true;
  const lines: L[] = [];
  const targetOrders = new Set(orderIds);
  if (wholeOrders) {
    // Every line of the orders of the lines named, read at once; the lines named are among them.
    const named = new Set(lineIds);
    for (const l of await read(db, 'orders_of', lineIds)) {
      lines.push(l);
      if (named.has(l.id)) targetOrders.add(l.order_id);
    }
    for (const l of await read(db, 'order_id', orderIds)) lines.push(l);
  } else {
    for (const l of await read(db, 'id', lineIds)) {
      lines.push(l);
      targetOrders.add(l.order_id);
    }
    for (const l of await read(db, 'order_id', orderIds)) lines.push(l);
  }

  const boxes: Discovery['boxes'] = [];
  if (needs(BOX_ACTIONS)) {
    const byNumber = await repo.findBoxes(db, 'tracking_number', [...(plan.trackingNumbers ?? [])]);
    boxes.push(...byNumber);
    const ids = new Set(byNumber.map((b) => b.id));
    for (const id of plan.boxes ?? []) {
      if (!ids.has(id)) boxes.push({ id, tracking_number: null });
      ids.add(id);
    }
    for (const l of lines) {
      // The number of a box found through its lines is not needed: only numbers asked for link boxes to items.
      if (l.box_id && !ids.has(l.box_id)) boxes.push({ id: l.box_id, tracking_number: null });
      if (l.box_id) ids.add(l.box_id);
    }
    for (const l of await read(db, 'box_id', [...ids])) lines.push(l);
  }
  return { lines, targetOrders, boxes };
}

/**
 * Reads what the items of a call need, in a few set-based statements. Lines are found first; then every row the
 * call may change is read again under lock (PostgreSQL) in one id-ordered statement per table, so concurrent bulk
 * calls take their locks in the same order and cannot deadlock each other.
 */
/** Actions after which an account's automatic steps may follow (automation.ts). */
const AUTOMATED_ACTIONS: readonly Action[] = ['set_invoice', 'ship', 'confirm'];

/** `trx` is the call's transaction, except on SQLite where a bulk call reads its rows before its blocks (bulk-blocks.ts). */
export async function loadWorkingSet(trx: Knex | Knex.Transaction, plan: LoadPlan): Promise<WorkingSet> {
  const needs = (actions: readonly Action[]) => plan.actions.some((a) => actions.includes(a));
  const full = needs(['claim']);
  const set = new WorkingSet();
  let boxIds: string[];
  let targetOrders: Set<string>;
  if (repo.locksRows(trx)) {
    // 1. Discover the lines in play, without locks.
    const found = await discover(trx, plan);
    ({ targetOrders } = found);
    boxIds = found.boxes.map((b) => b.id);
    // 2. Read them again under lock, in id order; these rows are what the items decide on.
    set.addLines(await repo.lockLines(trx, [...new Set(found.lines.map((l) => l.id))], full));
  } else {
    // SQLite takes no row locks (one writer at a time): the lines found in this transaction are the ones the items
    // decide on, so they are read whole once, in the id order a locked read would give.
    const found = await discoverWith(trx, plan, (db, column, values) => repo.readLines(db, column, values, full));
    ({ targetOrders } = found);
    boxIds = found.boxes.map((b) => b.id);
    set.addLines(inIdOrder(found.lines));
  }
  const orderIds = new Set(targetOrders);
  for (const l of set.lines.values()) orderIds.add(l.order_id);
  const allOrders = [...orderIds];
  const lineIds = () => [...set.lines.keys()];
  // The rest is read in one go: each read's rows are taken apart here while the database answers the next one
  // (PostgreSQL still takes the locks in this order: one connection runs the statements as they were issued).
  await Promise.all([
    repo.lockOrders(trx, allOrders).then((orders) => {
      for (const o of orders) set.orders.set(o.id, o);
    }),
    repo.lockBoxes(trx, boxIds).then((boxes) => set.addBoxes(boxes)),
    needs(HISTORY_ACTIONS) &&
      repo.loadHistory(trx, lineIds()).then((history) => {
        for (const [id, rows] of history) set.history.set(id, rows);
      }),
    needs(CLAIM_ACTIONS) &&
      repo.loadClaims(trx, lineIds()).then((claims) => {
        for (const c of claims) {
          const list = set.claims.get(c.line_id) ?? [];
          list.push(c);
          set.claims.set(c.line_id, list);
        }
      }),
    needs(AUTOMATED_ACTIONS) && accountAutomation(trx).then((automation) => (set.automation = automation)),
    plan.memos &&
      repo.loadLatestMemos(trx, allOrders).then((memos) => {
        for (const [orderId, body] of memos) set.memos.set(orderId, body);
      }),
    plan.recipients &&
      repo.loadRecipients(trx, allOrders).then((recipients) => {
        for (const [orderId, recipient] of recipients) set.recipients.set(orderId, recipient);
      }),
  ]);
  return set;
}

/**
 * Lines once each, in id order. Each read answers in id order, so a call whose lines come from one read (most) is
 * only checked, not sorted again.
 */
function inIdOrder(lines: LineRow[]): LineRow[] {
  let sorted = true;
  for (let i = 1; i < lines.length && sorted; i++) sorted = lines[i - 1]!.id < lines[i]!.id;
  if (sorted) return lines;
  const byId = new Map(lines.map((l) => [l.id, l]));
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}

/** The number a box would keep for `raw` under `courier`, when one can be made of it: how boxes are looked up. */
export function storedNumber(courier: string | undefined, raw: unknown): string | undefined {
  if (raw === undefined || !courier) return undefined;
  return checkTrackingNumber(findCourier(courier)?.code ?? courier, raw).value || undefined;
}
