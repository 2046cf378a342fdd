// Allocation's data access: the released lines waiting for stock (with their orders and SKUs), the stock they could
// draw on, the allocations themselves (line_allocations) and the batches. Stock rows are written only by the stock
// module (stock.repo writeStock); lines and orders only by the orders module.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../../db/knex.ts';
import { insertManyWrite, selectPacked, whereIdIn, type Write } from '../../db/bulk.ts';

type Conn = Db | Knex.Transaction;

// The lines allocation serves and their locks are order tables: the orders module reads them.
export {
  candidateLineRows,
  candidateSkus,
  movedLines,
  orderNumbersOf,
  unallocatedNeeds,
  giftsOfOrdersOf,
  type CandidateLine,
  type CandidateSku,
} from '../orders/allocation-lines.repo.ts';

export type WarehouseRow = { id: string; code: string; is_default: boolean };

/** Active warehouses: the default first, then by code. */
export async function activeWarehouses(db: Conn): Promise<WarehouseRow[]> {
  const rows = (await db('warehouses').where({ active: true }).select('id', 'code', 'is_default')) as WarehouseRow[];
  return rows
    .map((r) => ({ ...r, is_default: !!r.is_default }))
    .sort((a, b) => Number(b.is_default) - Number(a.is_default) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export type StockSnapshot = { sku_id: string; warehouse_id: string; on_hand: number; allocated: number; version: number };

/** Stock rows of these SKUs that have something available. */
export async function availableStock(db: Conn, skuIds: readonly string[]): Promise<StockSnapshot[]> {
  if (!skuIds.length) return [];
  const q = db('stock').select('sku_id', 'warehouse_id', 'on_hand', 'allocated', 'version').whereRaw('on_hand > allocated');
  return (await whereIdIn(db, q, 'sku_id', skuIds)) as StockSnapshot[];
}

/**
 * The allocations of a batch, `[line_id, sku_id, warehouse_id, quantity]` as the plan packs them: a Write (bulk.ts)
 * built now — on SQLite their JSON, which a caller makes while the database runs an earlier statement — run when
 * it is called.
 */
export function allocationsWrite(trx: Knex.Transaction, allocs: readonly (readonly [string, string, string, number])[], batchId: string): Write {
  if (!allocs.length) return async () => undefined;
  if (isPostgres(trx as unknown as Db)) {
    const rows = allocs.map(([line_id, sku_id, warehouse_id, quantity]) => ({ line_id, sku_id, warehouse_id, quantity, batch_id: batchId }));
    return insertManyWrite(trx, 'line_allocations', rows) ?? (async () => undefined);
  }
  // SQLite: the packed allocations travel as they are, one JSON value (100,000 rows, no object per row), read as
  // JSONB: each row's four fields are then taken from its binary form, not from its text parsed four times (a
  // sixth off the statement for 90,000 rows).
  const json = JSON.stringify(allocs);
  return async () => {
    await trx.raw(
      `insert into line_allocations (line_id, sku_id, warehouse_id, quantity, batch_id)
       select value ->> 0, value ->> 1, value ->> 2, value ->> 3, ? from jsonb_each(jsonb(?))`,
      [batchId, json],
    );
  };
}

/**
 * The allocations a batch made, `[line_id, sku_id, warehouse_id, quantity]` (key order): what its undo gives back.
 * Only an apply inserts a batch's rows; its undo deletes them, and lines that leave the desk settle theirs (settle.ts),
 * which its undo then refuses to take back (their versions moved).
 */
export async function batchAllocations(trx: Knex.Transaction, batchId: string): Promise<[string, string, string, number][]> {
  const rows = (await selectPacked(
    trx,
    trx('line_allocations')
      .where({ batch_id: batchId })
      .select('line_id', 'sku_id', 'warehouse_id', 'quantity')
      .orderBy(['line_id', 'sku_id', 'warehouse_id']),
    ['line_id', 'sku_id', 'warehouse_id', 'quantity'],
  )) as { line_id: string; sku_id: string; warehouse_id: string; quantity: number }[];
  return rows.map((r) => [r.line_id, r.sku_id, r.warehouse_id, Number(r.quantity)]);
}

/** The allocations of these lines, `[line_id, sku_id, warehouse_id, quantity]`, whatever batch made them. */
export async function allocationsOfLines(trx: Knex.Transaction, lineIds: readonly string[]): Promise<[string, string, string, number][]> {
  if (!lineIds.length) return [];
  const rows = (await whereIdIn(trx, trx('line_allocations').select('line_id', 'sku_id', 'warehouse_id', 'quantity'), 'line_id', lineIds)) as {
    line_id: string;
    sku_id: string;
    warehouse_id: string;
    quantity: number;
  }[];
  return rows.map((r) => [r.line_id, r.sku_id, r.warehouse_id, Number(r.quantity)]);
}

/** The allocations of every line of these orders, as allocationsOfLines answers them. */
export async function allocationsOfOrders(trx: Knex.Transaction, orderIds: readonly string[]): Promise<[string, string, string, number][]> {
  if (!orderIds.length) return [];
  const q = trx('line_allocations as a')
    .join('order_lines as l', 'l.id', 'a.line_id')
    .select('a.line_id', 'a.sku_id', 'a.warehouse_id', 'a.quantity');
  const rows = (await whereIdIn(trx, q, 'l.order_id', orderIds)) as { line_id: string; sku_id: string; warehouse_id: string; quantity: number }[];
  return rows.map((r) => [r.line_id, r.sku_id, r.warehouse_id, Number(r.quantity)]);
}

/** Moves `quantity` of a line's allocation from one stock row to another line (a claim split the line). */
export async function moveAllocation(
  trx: Knex.Transaction,
  from: { line_id: string; sku_id: string; warehouse_id: string; batch_id: string },
  toLine: string,
  quantity: number,
): Promise<void> {
  const row = { line_id: from.line_id, sku_id: from.sku_id, warehouse_id: from.warehouse_id };
  await trx('line_allocations').where(row).decrement('quantity', quantity);
  await trx('line_allocations').where(row).where('quantity', '<=', 0).delete();
  await trx('line_allocations').insert({ line_id: toLine, sku_id: from.sku_id, warehouse_id: from.warehouse_id, quantity, batch_id: from.batch_id });
}

/** A line's allocation rows with the batch that made each. */
export async function allocationRowsOf(trx: Knex.Transaction, lineId: string) {
  return (await trx('line_allocations').where({ line_id: lineId }).orderBy(['sku_id', 'warehouse_id'])) as {
    line_id: string;
    sku_id: string;
    warehouse_id: string;
    quantity: number;
    batch_id: string;
  }[];
}

/** The stock rows of these SKUs in active warehouses (keys only). */
export async function keptStockKeys(trx: Knex.Transaction, skuIds: readonly string[]): Promise<{ skuId: string; warehouseId: string }[]> {
  if (!skuIds.length) return [];
  const q = trx('stock as s').join('warehouses as w', 'w.id', 's.warehouse_id').where('w.active', true).select('s.sku_id', 's.warehouse_id');
  const rows = (await whereIdIn(trx, q, 's.sku_id', skuIds)) as { sku_id: string; warehouse_id: string }[];
  return rows.map((r) => ({ skuId: r.sku_id, warehouseId: r.warehouse_id }));
}

/** Whether any stock is kept at all (a shop that never counted stock moves none when it ships). */
export async function stockKept(trx: Knex.Transaction): Promise<boolean> {
  return !!(await trx('stock').first('sku_id'));
}

/** A line's allocation as kept to be put back: `[line_id, sku_id, warehouse_id, quantity, batch_id]`. */
export type KeptAllocation = [string, string, string, number, string];

/** The allocations of these lines with the batch that made each (what an undo of their ship puts back). */
export async function keptAllocationsOf(trx: Knex.Transaction, lineIds: readonly string[]): Promise<KeptAllocation[]> {
  if (!lineIds.length) return [];
  const q = trx('line_allocations').select('line_id', 'sku_id', 'warehouse_id', 'quantity', 'batch_id');
  const rows = (await whereIdIn(trx, q, 'line_id', lineIds)) as {
    line_id: string;
    sku_id: string;
    warehouse_id: string;
    quantity: number;
    batch_id: string;
  }[];
  return rows.map((r) => [r.line_id, r.sku_id, r.warehouse_id, Number(r.quantity), r.batch_id]);
}

/** Puts kept allocations back, each under the batch that made it. */
export async function restoreAllocations(trx: Knex.Transaction, kept: readonly KeptAllocation[]): Promise<void> {
  const rows = kept.map(([line_id, sku_id, warehouse_id, quantity, batch_id]) => ({ line_id, sku_id, warehouse_id, quantity, batch_id }));
  await insertManyWrite(trx, 'line_allocations', rows)?.();
}

export async function deleteAllocationsOfLines(trx: Knex.Transaction, lineIds: readonly string[]): Promise<void> {
  if (lineIds.length) await whereIdIn(trx, trx('line_allocations'), 'line_id', lineIds).delete();
}

export async function deleteAllocations(trx: Knex.Transaction, batchId: string): Promise<void> {
  await trx('line_allocations').where({ batch_id: batchId }).delete();
}

// ---- batches ---------------------------------------------------------------------------------------------------

export type BatchRow = {
  id: string;
  state: 'previewed' | 'applied' | 'undone';
  source: string;
  options: string;
  plan: string;
  undo: string | null;
  lines: number;
  created_by: string | null;
  created_at: string;
  applied_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
};

export async function insertBatch(db: Conn, row: Omit<BatchRow, 'applied_at' | 'undone_at' | 'undone_by' | 'undo'> & { undo?: string | null }) {
  await db('allocation_batches').insert(row);
}

/** A batch as its apply, undo and list read it: without its plan (megabytes), which batchPlan reads when needed. */
export type BatchRecord = Omit<BatchRow, 'plan'>;
const RECORD_FIELDS: Record<keyof BatchRecord, true> = {
  id: true,
  state: true,
  source: true,
  options: true,
  undo: true,
  lines: true,
  created_by: true,
  created_at: true,
  applied_at: true,
  undone_at: true,
  undone_by: true,
};

/** The batch; under `lock` its row is locked (PostgreSQL) so two applies or undos of one batch queue up. */
export async function findBatch(db: Conn, id: string, o: { lock: boolean }): Promise<BatchRecord | undefined> {
  const q = db('allocation_batches').where({ id }).first(Object.keys(RECORD_FIELDS));
  return (o.lock && isPostgres(db as Db) ? q.forUpdate() : q) as Promise<BatchRecord | undefined>;
}

/** The plan of a batch as stored (carry-out.ts storedPlanOf reads it), or undefined without the batch. */
export async function batchPlan(db: Conn, id: string): Promise<string | undefined> {
  const row = (await db('allocation_batches').where({ id }).first('plan')) as { plan: string } | undefined;
  return row?.plan;
}

export async function batchExists(db: Conn, id: string): Promise<boolean> {
  return !!(await db('allocation_batches').where({ id }).first('id'));
}

export async function updateBatch(trx: Knex.Transaction, id: string, patch: Partial<BatchRow>): Promise<void> {
  await trx('allocation_batches').where({ id }).update(patch);
}

/** An applied batch newer than this one, still standing (the undo of an older one waits for it). */
export async function laterApplied(trx: Knex.Transaction, batch: BatchRecord): Promise<string | undefined> {
  const row = await trx('allocation_batches')
    .where({ state: 'applied' })
    .where('applied_at', '>', batch.applied_at!)
    .orderBy('applied_at')
    .first('id');
  return row?.id as string | undefined;
}

export async function latestBatches(db: Conn, limit: number) {
  return db('allocation_batches')
    .select('id', 'state', 'source', 'lines', 'created_at', 'applied_at', 'undone_at')
    .whereNot({ state: 'previewed' })
    .orderBy('created_at', 'desc')
    .limit(limit);
}

/** Previews never applied, older than `before`: they can no longer apply (their versions moved) and are dropped. */
export async function dropStalePreviews(db: Conn, before: string): Promise<void> {
  await db('allocation_batches').where({ state: 'previewed' }).where('created_at', '<', before).delete();
}

/** Whether allocation is in use: some batch was applied and not undone. */
export async function allocationInUse(db: Conn): Promise<boolean> {
  return !!(await db('allocation_batches').where({ state: 'applied' }).first('id'));
}
