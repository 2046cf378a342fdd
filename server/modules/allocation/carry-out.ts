// Carrying out an allocation plan inside a transaction, and taking it back. The plan and the undo record are packed
// arrays (one JSON value on the batch row, gzipped once long: packed-text.ts): 100,000 lines stay one row. Stock
// moves only through the stock module's writeStockMany (kinds allocate / deallocate, one history row per stock row,
// carrying the batch, set-based); lines and orders through the orders module (versions, split and merge-back with
// history); the sold-out flag through the sold-out module's flagSoldOut, passed in (`flag`) so this file does not
// import the module that calls it back on release.
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { allocationCounts } from '../../../shared/api/allocation.schema.ts';
import { packText, unpackText } from '../../db/packed-text.ts';
import type { Write } from '../../db/bulk.ts';
import { OVERLAP_FROM, whileRunning } from '../../db/turns.ts';
import type { Actor } from '../../domain/actor.ts';
import { lockFlagLines, setLineFlag } from '../orders/line-flags.repo.ts';
import { mergeSplitsBack, orderVersions, splitOrders, touchLines } from '../orders/order-split.repo.ts';
import { keyOf, lockStock, stockWritesBuilt, type StockKey, type StockState, type StockWrite } from '../stock/stock.repo.ts';
import * as repo from './allocation.repo.ts';

type Trx = Knex.Transaction;
type AllocationCounts = z.infer<typeof allocationCounts>;

/** The plan as kept on the batch: versions it was computed from, and what to do. */
export type PackedPlan = {
  /** [line_id, version, order_id] of every line considered. */
  lines: [string, number, string][];
  /** [sku_id, warehouse_id, version, sku_code, warehouse_code] of every stock row read. */
  stock: [string, string, number, string, string][];
  /** [line_id, sku_id, warehouse_id, quantity] */
  allocs: [string, string, string, number][];
  /** [order_id, line_ids moved to a new order] (선배송) */
  splits: [string, string[]][];
  /** Lines that cannot be served: the sold-out flag. */
  short: string[];
  /**
   * What the preview counted of it (compute.ts countsOf): what an apply of it answers too, as it carries out exactly
   * this plan once its versions are checked. Absent from plans kept by a server before it was added.
   */
  counts?: AllocationCounts;
};

/** The plan as the batch row keeps it (packed: packed-text.ts) until its apply; storedPlanOf reads it. */
export function storedPlan(plan: PackedPlan): Promise<string> {
  return packText(JSON.stringify(plan));
}

export async function storedPlanOf(stored: string): Promise<PackedPlan> {
  return JSON.parse(await unpackText(stored)) as PackedPlan;
}

/** What an apply did, for its undo. */
export type UndoRecord = {
  allocs: [string, string, string, number][];
  /** [order, split-off order, lines, order total before, each line's box before] */
  splits: [string, string, string[], number, (string | null)[]?][];
  /** Lines the apply flagged sold-out (those not flagged before). */
  flagged: string[];
  /** [line_id, version after the apply] of every line it changed. */
  lines: [string, number][];
  /** [order_id, version after the apply] of the orders it made. */
  orders: [string, number][];
};

/**
 * The undo record as kept on the batch row: without its allocations, which line_allocations holds under the batch
 * id and the undo reads back (an apply of 100,000 lines no longer writes its 90,000 allocations twice). Batches
 * applied before kept them in the record: `allocs` there is used as it is.
 */
export type StoredUndo = Omit<UndoRecord, 'allocs'> & { allocs?: UndoRecord['allocs'] };

/** The undo record as the batch row keeps it: packed (packed-text.ts), as it is kept for good. undoRecordOf reads it. */
export function storedUndo(undo: UndoRecord): Promise<string> {
  const { allocs: _allocs, ...kept } = undo;
  return packText(JSON.stringify(kept satisfies StoredUndo));
}

/** The undo record of batch `batchId` as stored, with its allocations (read back from line_allocations if not kept). */
export async function undoRecordOf(trx: Trx, batchId: string, stored: string): Promise<UndoRecord> {
  const undo = JSON.parse(await unpackText(stored)) as StoredUndo;
  return { ...undo, allocs: undo.allocs ?? (await repo.batchAllocations(trx, batchId)) };
}

export type FlagFn = (trx: Trx, lineIds: readonly string[], actor: Actor, reason: string) => Promise<string[]>;
/** The sold-out flag: `lines` flags lines; the lines a split moves get it with their move, history `action`. */
export type Flagger = { lines: FlagFn; action: string };
export type Change = { actor: Actor; batchId: string; reason: string; now: string };

/** The stock each SKU × warehouse gives (or takes back): quantities summed per row, keys in key order. */
function perStockRow(allocs: UndoRecord['allocs']): { key: StockKey; quantity: number; lineId: string | undefined }[] {
  // A row serving one line names it in its history; several lines are found by the batch id.
  const rows = new Map<string, { key: StockKey; quantity: number; lineId: string | undefined }>();
  for (const [lineId, skuId, warehouseId, quantity] of allocs) {
    const k = keyOf({ skuId, warehouseId });
    const row = rows.get(k);
    if (!row) rows.set(k, { key: { skuId, warehouseId }, quantity, lineId });
    else {
      row.quantity += quantity;
      if (row.lineId !== lineId) row.lineId = undefined;
    }
  }
  return [...rows.values()];
}

type StockRow = ReturnType<typeof perStockRow>[number];

/** Moves stock.allocated by `sign` × each row's quantity (perStockRow). Never below zero, never beyond what is on hand. */
async function moveAllocated(trx: Trx, rows: readonly StockRow[], sign: 1 | -1, c: Change) {
  const state = await lockStock(
    trx,
    rows.map((r) => r.key),
    c.now,
  );
  await stockMove(trx, rows, sign, c, state)();
}

/**
 * moveAllocated's writes on rows already locked (`state`), built now as a Write, run when called: one set-based
 * write for every row (row updates + their history rows), as writeStock does for one. `state` gets the rows' states
 * after.
 */
function stockMove(trx: Trx, rows: readonly StockRow[], sign: 1 | -1, c: Change, state: Map<string, StockState>): Write {
  const writes: StockWrite[] = rows.map((r) => {
    const before = state.get(keyOf(r.key))!;
    const allocated = before.allocated + sign * r.quantity;
    // The versions were checked (apply) or the rows locked: these hold unless the data is broken. Giving units
    // back never needs them on the shelf (a count may have found fewer than were allocated since).
    if (allocated < 0 || (sign > 0 && allocated > before.on_hand))
      throw new Error(`allocation would leave stock ${keyOf(r.key)} at ${before.on_hand}/${allocated}`);
    return {
      key: r.key,
      before: { on_hand: before.on_hand, allocated: before.allocated, version: before.version },
      after: { on_hand: before.on_hand, allocated },
      kind: sign > 0 ? 'allocate' : 'deallocate',
      reason: c.reason,
      ...(r.lineId ? { lineId: r.lineId } : {}),
      batchId: c.batchId,
      actor: c.actor,
      at: c.now,
    };
  });
  const built = stockWritesBuilt(trx, writes);
  return async () => {
    await built.write();
    for (const [key, after] of built.states) state.set(key, after);
  };
}

/** Carries out `plan` (versions already checked, stock rows locked in `locked`); answers the undo record. */
export async function carryOut(
  trx: Trx,
  plan: Pick<PackedPlan, 'allocs' | 'splits' | 'short'>,
  c: Change,
  o: {
    /** The plan's lines with their versions as checked (apply) or read under the caller's lock (release). */
    checked: PackedPlan['lines'];
    flag?: Flagger | undefined;
    /** The plan's stock rows, locked (lockStock). */
    locked: Map<string, StockState>;
    /** The allocations' insert, if built already (allocationsWrite). */
    allocations?: Write | undefined;
  },
): Promise<UndoRecord> {
  // The allocations go in while the stock writes and the lines' orders are worked out here (100,000 lines: tens of
  // milliseconds of main-thread work, done while the database inserts), a turn after the insert started.
  // The versions after, counted rather than read back: the lines were locked and their versions checked before
  // (o.checked), and each write below moves the version of every row it touches by exactly one — an allocated line
  // once (touchLines), a split-off line once (moved and flagged in one update), another short line once if flagged;
  // a split-off order is made at 1. The allocated lines' are counted while the insert runs.
  const checked = new Map<string, number>();
  const lines = new Map<string, number>();
  const bump = (id: string) => {
    const before = lines.get(id) ?? checked.get(id);
    if (before === undefined) throw new Error(`allocation: line ${id} was not among the checked lines`);
    lines.set(id, before + 1);
  };
  const [, { stockMoving, allocated, orderIds }] = await whileRunning(
    (o.allocations ?? repo.allocationsWrite(trx, plan.allocs, c.batchId))(),
    () => {
      const stockMoving = stockMove(trx, perStockRow(plan.allocs), 1, c, o.locked);
      const allocated = [...new Set(plan.allocs.map((a) => a[0]))];
      const orderOf = new Map<string, string>();
      for (const [id, version, orderId] of o.checked) {
        orderOf.set(id, orderId);
        checked.set(id, version);
      }
      for (const id of allocated) bump(id);
      return { stockMoving, allocated, orderIds: [...new Set(allocated.map((id) => orderOf.get(id)!))] };
    },
    plan.allocs.length >= OVERLAP_FROM,
  );
  await stockMoving();
  await touchLines(trx, allocated, c.now, orderIds);
  // A short line split off is flagged with its move (their versions were checked, so none has the flag yet); one
  // split off with a short line of its mall shipment (plan.ts `waiting`) moves unflagged; the other short lines
  // are flagged after.
  const flag = o.flag && plan.short.length ? o.flag : undefined;
  const moved = new Set(plan.splits.flatMap((s) => s[1]));
  const short = new Set(plan.short);
  const movedShort = [...moved].filter((id) => short.has(id));
  const made = await splitOrders(
    trx,
    plan.splits.map(([orderId, lineIds]) => ({ orderId, lineIds })),
    c,
    flag && { action: flag.action, only: movedShort.length < moved.size ? short : undefined },
  );
  const splits: UndoRecord['splits'] = made.map((s) => [s.orderId, s.newOrderId, [...s.lineIds], s.totalBefore, [...(s.boxIds ?? [])]]);
  const rest = flag ? plan.short.filter((id) => !moved.has(id)) : [];
  const flaggedRest = flag && rest.length ? await flag.lines(trx, rest, c.actor, c.reason) : [];
  const flagged = flag ? [...movedShort, ...flaggedRest] : [];
  const orders = new Map<string, number>();
  for (const [, newOrderId, lineIds] of splits) {
    orders.set(newOrderId, 1);
    for (const id of lineIds) bump(id);
  }
  for (const id of flaggedRest) bump(id);
  return { allocs: plan.allocs, splits, flagged, lines: [...lines], orders: [...orders] };
}

/** Orders (ids) whose lines or split-off orders changed since the apply: what an undo would overwrite. */
export async function changedSince(trx: Trx, undo: UndoRecord, orderOf: Map<string, string>): Promise<string[]> {
  const orders = new Set<string>();
  for (const id of await repo.movedLines(trx, undo.lines)) orders.add(orderOf.get(id) ?? id);
  const made = await orderVersions(
    trx,
    undo.orders.map((o) => o[0]),
  );
  for (const [id, version] of undo.orders) if (made.get(id) !== version) orders.add(id);
  return [...orders];
}

/** Takes an applied plan back (batch `appliedId`): stock returned, splits merged back, the flags it set cleared. */
export async function takeBack(trx: Trx, undo: UndoRecord, appliedId: string, c: Change): Promise<void> {
  await moveAllocated(trx, perStockRow(undo.allocs), -1, c);
  await repo.deleteAllocations(trx, appliedId);
  await touchLines(trx, [...new Set(undo.allocs.map((a) => a[0]))], c.now);
  await mergeSplitsBack(
    trx,
    undo.splits.map(([orderId, newOrderId, lineIds, totalBefore, boxIds]) => ({ orderId, newOrderId, lineIds, totalBefore, boxIds })),
    c,
  );
  // After the merge-back, so each line's history names the order it is in again.
  const flagged = await lockFlagLines(trx, undo.flagged, { sold_out: true });
  await setLineFlag(trx, flagged, 'sold_out', false, { action: 'release_sold_out', reason: c.reason, actor: c.actor, now: c.now });
}
