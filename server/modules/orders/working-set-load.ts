// How a bulk call's rows are found and read into a WorkingSet: what a call may touch (LoadPlan), the lines, orders,
// boxes and the rest it needs, in a few set-based statements; and the number a box keeps for a raw one (how boxes
// are looked up).
import type { Knex } from 'knex';
import type { ApiAction as Action } from '../../../shared/api/orders.schema.ts';
import { findCourier } from '../../../shared/couriers.ts';
import { checkTrackingNumber } from '../../../shared/tracking-number.ts';
import { ID_PREFIX } from '../../db/ids.ts';
import { readTogether } from '../../db/read-together.ts';
import { accountAutomation, accountMalls, wholeShipmentAccounts } from '../mall-accounts/mall-accounts.repo.ts';
import { WorkingSet } from './working-set.ts';
import * as repo from './working-set.repo.ts';
import { loadReceipts } from './cs-claims.repo.ts';
import type { LineRow } from './working-set.repo.ts';
import { MovedBeforeLock } from '../../db/errors.ts';

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
  /** Whether the rows as read are kept beside the ones the call changes (an undo record: transition-undo.ts). */
  originals?: boolean;
};

/**
 * Order-level actions change every line of the order; partial claims renumber lines of the whole order; release
 * reads every line of the order because one unmatched line keeps the whole order back; hold, release of a hold and
 * cancels move the order's gift lines with it (engine/gift-lines.ts).
 */
const WHOLE_ORDER_ACTIONS: readonly Action[] = ['hold', 'release_hold', 'delete', 'undelete', 'set_flags', 'claim', 'complete_claim', 'release'];
/** A box is one unit: numbering, clearing or shipping it touches every line in it, whatever order they belong to. */
// Restore and withdraw read the box too: a line back before its first number leaves a box numbered meanwhile.
// Delete reads the box too: a deleted order's lines leave a box they share with other orders (engine/order-actions.ts).
const BOX_ACTIONS: readonly Action[] = ['set_invoice', 'ship', 'clear_invoice', 'restore', 'withdraw_claim', 'delete'];
const HISTORY_ACTIONS: readonly Action[] = ['restore', 'withdraw_claim'];
const SHIP_ACTIONS: readonly Action[] = ['ship'];
/** Actions that may ship a box: asked for, or by the account's 송장 입력 시 출고 once it is numbered (automation.ts). */
const SHIP_ACTIONS_ANY: readonly Action[] = ['ship', 'set_invoice'];
const CLAIM_ACTIONS: readonly Action[] = ['restore', 'withdraw_claim', 'complete_claim'];

/** A line as found before locking: which order and box it belongs to. */
export type FoundLine = { id: string; order_id: string; box_id: string | null; mall_account_id?: string | null };

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
    // A mall shipment whose items must ship together (Coupang's shipmentBoxId lies within one of its orders) is
    // checked whole (engine/core.ts): shipping reads every line of the orders in play; numbering (where a first
    // number waits for a sold-out item of the shipment, and 송장 입력 시 출고 may ship) reads whole only the orders of
    // such malls' lines. Orders read whole already: those named, and with an order action those of the lines named.
    const readWhole = new Set(wholeOrders ? lines.map((l) => l.order_id) : orderIds);
    const inBoxes = await read(db, 'box_id', [...ids]);
    for (const l of inBoxes) lines.push(l);
    let more: string[] = [];
    if (needs(SHIP_ACTIONS)) {
      more = wholeOrders ? [] : [...lineIds];
      for (const l of inBoxes) if (!readWhole.has(l.order_id)) more.push(l.id);
    } else if (needs(['set_invoice'])) {
      const accounts = await wholeShipmentAccounts(db);
      if (accounts.size)
        more = lines.filter((l) => l.mall_account_id && accounts.has(l.mall_account_id) && !readWhole.has(l.order_id)).map((l) => l.id);
    }
    if (more.length) for (const l of await read(db, 'orders_of', more)) lines.push(l);
  }
  return { lines, targetOrders, boxes };
}

/** Actions after which an account's automatic steps may follow (automation.ts). */
const AUTOMATED_ACTIONS: readonly Action[] = ['set_invoice', 'ship', 'confirm'];

/**
 * Reads what the items of a call need, in a few set-based statements. Lines are found first; then every row the
 * call may change is read again under lock (PostgreSQL) in one id-ordered statement per table, so concurrent bulk
 * calls take their locks in the same order and cannot deadlock each other. `trx` is the call's transaction, except
 * on SQLite where a bulk call reads its rows before its blocks (bulk-blocks.ts).
 */
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
    // A line another call put in a box meanwhile (a courier file imported twice at once) names a box not found,
    // whose other lines were not read: the call runs again on fresh rows (retryOnConflict).
    if (needs(BOX_ACTIONS)) {
      const known = new Set(boxIds);
      const foundIn = new Map(found.lines.map((l) => [l.id, l.box_id]));
      const moved = [...set.lines.values()].find((l) => l.box_id !== foundIn.get(l.id) && l.box_id && !known.has(l.box_id));
      if (moved) throw new MovedBeforeLock(`line ${moved.id} is in box ${moved.box_id}`);
    }
  } else {
    // SQLite takes no row locks (one writer at a time): the lines found are the ones the items decide on (a bulk
    // call checks nothing was written since, bulk-blocks.ts), so they are read whole once, once each, in id order.
    const found = await discoverWith(trx, plan, (db, column, values) => repo.readLines(db, column, values, full));
    ({ targetOrders } = found);
    boxIds = found.boxes.map((b) => b.id);
    set.addLines(uniqueInIdOrder(found.lines));
  }
  const orderIds = new Set(targetOrders);
  for (const l of set.lines.values()) orderIds.add(l.order_id);
  const allOrders = [...orderIds];
  const lineIds = () => [...set.lines.keys()];
  // The rest, together where the connection takes them (read-together.ts); in a PostgreSQL transaction one after
  // another, taking the locks in this order.
  const reads: (false | undefined | (() => Promise<void>))[] = [
    () =>
      repo.lockOrders(trx, allOrders).then((orders) => {
        for (const o of orders) set.orders.set(o.id, o);
      }),
    () => repo.lockBoxes(trx, boxIds).then((boxes) => set.addBoxes(boxes)),
    needs(HISTORY_ACTIONS) &&
      (() =>
        repo.loadHistory(trx, lineIds()).then((history) => {
          for (const [id, rows] of history) set.history.set(id, rows);
        })),
    needs(HISTORY_ACTIONS) &&
      (() =>
        loadReceipts(trx, lineIds()).then((received) => {
          for (const [id, at] of received) set.received.set(id, at);
        })),
    needs(CLAIM_ACTIONS) &&
      (() =>
        repo.loadClaims(trx, lineIds()).then((claims) => {
          for (const c of claims) {
            const list = set.claims.get(c.line_id) ?? [];
            list.push(c);
            set.claims.set(c.line_id, list);
          }
        })),
    needs(AUTOMATED_ACTIONS) && (() => accountAutomation(trx).then((automation) => void (set.automation = automation))),
    needs(SHIP_ACTIONS_ANY) && (() => wholeShipmentAccounts(trx).then((accounts) => void (set.wholeShipment = accounts))),
    needs(['set_invoice']) && (() => accountMalls(trx).then((malls) => void (set.accountMalls = malls))),
    plan.memos &&
      (() =>
        repo.loadLatestMemos(trx, allOrders).then((memos) => {
          for (const [orderId, body] of memos) set.memos.set(orderId, body);
        })),
    plan.recipients &&
      (() =>
        repo.loadRecipients(trx, allOrders).then((recipients) => {
          for (const [orderId, recipient] of recipients) set.recipients.set(orderId, recipient);
        })),
  ];
  await readTogether(
    trx,
    reads.filter((read) => typeof read === 'function'),
  );
  if (plan.originals) set.keepOriginals();
  return set;
}

/**
 * Lines once each, in id order. Each read answers in id order, so a call whose lines come from one read (most) is
 * only checked, not sorted again.
 */
function uniqueInIdOrder(lines: LineRow[]): LineRow[] {
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
