// Allocation's data access: the released lines waiting for stock (with their orders and SKUs), the stock they could
// draw on, the allocations themselves (line_allocations) and the batches. Stock rows are written only by the stock
// module (stock.repo writeStock); lines and orders only by the orders module.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../../db/knex.ts';
import { insertMany, selectWhereIn, whereIdIn } from '../../db/bulk.ts';

type Conn = Db | Knex.Transaction;

export type CandidateLine = {
  id: string;
  version: number;
  order_id: string;
  quantity: number;
  amount: number;
  product_name: string;
  option_text: string | null;
  mall_order_id: string | null;
  channel_name: string;
  priority: boolean;
  order_date: string;
  ordered_at: string | null;
};
export type CandidateSku = { line_id: string; sku_id: string; code: string; per_unit: number };

/** The lines allocation serves: READY, matched, no sold-out flag, not allocated yet, of live (and, unless asked, unheld) orders. */
function candidates(db: Conn, o: { allocateHeld: boolean; lineIds?: readonly string[] | undefined }) {
  const q = db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .where('l.status', 'READY')
    .where('l.sold_out', false)
    .where('l.unmatched', false)
    .whereNull('o.deleted_at')
    .whereExists(db('line_skus as x').select(db.raw('1')).whereRaw('x.line_id = l.id'))
    .whereNotExists(db('line_allocations as a').select(db.raw('1')).whereRaw('a.line_id = l.id'));
  if (!o.allocateHeld) q.where('o.hold', false);
  if (o.lineIds) whereIdIn(db, q, 'l.id', o.lineIds);
  return q;
}

export async function candidateLines(db: Conn, o: { allocateHeld: boolean; lineIds?: readonly string[] | undefined }) {
  const lines = (await candidates(db, o).select(
    'l.id',
    'l.version',
    'l.order_id',
    'l.quantity',
    'l.amount',
    'l.product_name',
    'l.option_text',
    'o.mall_order_id',
    'o.channel_name',
    'o.priority',
    'o.order_date',
    'o.ordered_at',
  )) as CandidateLine[];
  const skus = (await db('line_skus as ls')
    .join('skus as s', 's.id', 'ls.sku_id')
    .whereIn('ls.line_id', candidates(db, o).select('l.id'))
    .select('ls.line_id', 'ls.sku_id', 's.code', 'ls.quantity as per_unit')
    .orderBy('s.code')) as CandidateSku[];
  for (const l of lines) {
    l.priority = !!l.priority;
    if (l.ordered_at && typeof l.ordered_at !== 'string') l.ordered_at = (l.ordered_at as unknown as Date).toISOString();
  }
  return { lines, skus };
}

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

/** Locks these lines (PostgreSQL, id order) and answers their versions; lines gone are absent. */
export async function lockLineVersions(trx: Knex.Transaction, ids: readonly string[]): Promise<Map<string, number>> {
  // One statement, read back packed on SQLite: 100,000 lines in a fraction of the row-by-row read.
  const rows = (await selectWhereIn(trx, 'order_lines', 'id', ids, ['id', 'version'], { lock: true })) as { id: string; version: number }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}

export type AllocationRow = { line_id: string; sku_id: string; warehouse_id: string; quantity: number; batch_id: string };

export async function insertAllocations(trx: Knex.Transaction, rows: readonly AllocationRow[]): Promise<void> {
  await insertMany(trx, 'line_allocations', [...rows]);
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

export async function findBatch(db: Conn, id: string, o: { lock?: boolean } = {}): Promise<BatchRow | undefined> {
  const q = db('allocation_batches').where({ id }).first();
  return (o.lock && isPostgres(db as Db) ? q.forUpdate() : q) as Promise<BatchRow | undefined>;
}

export async function updateBatch(trx: Knex.Transaction, id: string, patch: Partial<BatchRow>): Promise<void> {
  await trx('allocation_batches').where({ id }).update(patch);
}

/** An applied batch newer than this one, still standing (the undo of an older one waits for it). */
export async function laterApplied(trx: Knex.Transaction, batch: BatchRow): Promise<string | undefined> {
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
