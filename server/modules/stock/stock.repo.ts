// Stock rows per SKU × warehouse and their history. Stock is written in ONE place, writeStock, which updates the
// row and inserts its stock_history row together: nothing else in the code base updates `stock`, so stock never
// changes without a history row. Concurrency: a change first locks its rows (lockStock: PostgreSQL row locks, taken
// in key order so two transfers cannot deadlock; SQLite has one writer), and writeStock updates only the version it
// read, so a change made meanwhile can never be overwritten silently.
import type { Knex } from 'knex';
import type { StockRow } from '../../../shared/api/stock.schema.ts';
import { readStoredText } from '../../../shared/i18n.ts';
import { insertMany, insertManyWrite, type Write } from '../../db/bulk.ts';
import { chunk, isPostgres, type Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';

export type StockKey = { skuId: string; warehouseId: string };
export type StockState = { on_hand: number; allocated: number; version: number };
export type HistoryKind = 'count' | 'adjust' | 'transfer_out' | 'transfer_in' | 'import' | 'allocate' | 'deallocate' | 'ship' | 'undo' | 'return_in';

export type SkuRef = { id: string; code: string };
export type WarehouseRef = { id: string; code: string; is_default: boolean };

export const keyOf = (k: StockKey) => `${k.skuId}\u0000${k.warehouseId}`;

/** Thrown when a row's version moved under a change that had locked it: the whole transaction runs again. */
export class StockRaceError extends Error {}

// ---- reads by code -----------------------------------------------------------------------------------------------

/** SKUs by their exact codes. */
export async function skusByCodes(db: Db, codes: readonly string[]): Promise<Map<string, SkuRef>> {
  const out = new Map<string, SkuRef>();
  for (const part of chunk([...new Set(codes)], 10000)) {
    for (const r of await db('skus').whereIn('code', part).select('id', 'code')) out.set(r.code, r);
  }
  return out;
}

/** Warehouses by their codes (as stored, matched without regard to case), and the default one. */
export async function warehouses(db: Db): Promise<{ byCode: Map<string, WarehouseRef>; fallback: WarehouseRef | undefined }> {
  const rows: WarehouseRef[] = (await db('warehouses').select('id', 'code', 'is_default')).map((r) => ({ ...r, is_default: !!r.is_default }));
  return { byCode: new Map(rows.map((r) => [r.code.toUpperCase(), r])), fallback: rows.find((r) => r.is_default) };
}

// ---- locking and writing -----------------------------------------------------------------------------------------

const byKey = (a: StockKey, b: StockKey) =>
  a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0;

/**
 * The rows of `keys`, locked until the transaction ends; a pair that never had stock gets its row now (0 / 0,
 * version 0: what the list shows for it). Rows are made and locked in key order, so transactions locking several
 * rows always meet in the same order and wait instead of deadlocking.
 */
export async function lockStock(trx: Knex.Transaction, keys: readonly StockKey[], now: string): Promise<Map<string, StockState>> {
  const unique = [...new Map(keys.map((k) => [keyOf(k), k])).values()].sort(byKey);
  if (!isPostgres(trx)) return stockRowsSqlite(trx, unique, now);
  // PostgreSQL from here: rows made if missing, then read and locked.
  for (const part of chunk(unique, 400)) {
    const rows = part.map((k) => ({ sku_id: k.skuId, warehouse_id: k.warehouseId, on_hand: 0, allocated: 0, version: 0, updated_at: now }));
    await trx('stock').insert(rows).onConflict(['sku_id', 'warehouse_id']).ignore();
  }
  const out = new Map<string, StockState>();
  for (const part of chunk(unique, 10000)) {
    const query = trx('stock')
      .whereIn(
        ['sku_id', 'warehouse_id'],
        part.map((k) => [k.skuId, k.warehouseId]),
      )
      .orderBy([{ column: 'sku_id' }, { column: 'warehouse_id' }])
      .select('sku_id', 'warehouse_id', 'on_hand', 'allocated', 'version');
    for (const r of await query.forUpdate()) {
      out.set(keyOf({ skuId: r.sku_id, warehouseId: r.warehouse_id }), { on_hand: r.on_hand, allocated: r.allocated, version: r.version });
    }
  }
  return out;
}

/**
 * SQLite: one writer at a time, so no row locks — only the rows. Those that exist are read in one statement (the
 * keys as one JSON document, the rows back packed: 15,000 rows of an allocation in a fraction of a tuple IN); the
 * missing ones are made and read the same way.
 */
async function stockRowsSqlite(trx: Knex.Transaction, keys: readonly StockKey[], now: string): Promise<Map<string, StockState>> {
  const read = async (wanted: readonly StockKey[]) => {
    const [row] = (await trx.raw(
      `select json_group_array(json_array(s.sku_id, s.warehouse_id, s.on_hand, s.allocated, s.version)) as rows
         from json_each(?) k join stock s on s.sku_id = json_extract(k.value, '$[0]') and s.warehouse_id = json_extract(k.value, '$[1]')`,
      [JSON.stringify(wanted.map((k) => [k.skuId, k.warehouseId]))],
    )) as { rows: string }[];
    return JSON.parse(row?.rows ?? '[]') as [string, string, number, number, number][];
  };
  const out = new Map<string, StockState>();
  const keep = (rows: [string, string, number, number, number][]) => {
    for (const [skuId, warehouseId, on_hand, allocated, version] of rows) out.set(keyOf({ skuId, warehouseId }), { on_hand, allocated, version });
  };
  if (!keys.length) return out;
  keep(await read(keys));
  const missing = keys.filter((k) => !out.has(keyOf(k)));
  if (missing.length) {
    // Read as missing inside this transaction, which holds SQLite's one writer: none can appear before the insert.
    await insertMany(
      trx,
      'stock',
      missing.map((k) => ({ sku_id: k.skuId, warehouse_id: k.warehouseId, on_hand: 0, allocated: 0, version: 0, updated_at: now })),
    );
    keep(await read(missing));
  }
  return out;
}

export type StockWrite = {
  key: StockKey;
  /** The row as locked (lockStock). */
  before: StockState;
  after: { on_hand: number; allocated: number };
  kind: HistoryKind;
  reason: string;
  transferId?: string;
  /** Allocation: the line served (when the row serves one line) and the allocation batch. */
  lineId?: string;
  batchId?: string;
  actor: Actor;
  jobId?: string;
  at: string;
};

/**
 * The one way stock changes: the row moves from `before` (its version must still be the one read) to `after`, and
 * the history row saying who, when, why, before → after is inserted in the same transaction. Returns the history id
 * and the row's new state.
 */
export async function writeStock(trx: Knex.Transaction, w: StockWrite): Promise<{ historyId: number; state: StockState }> {
  const version = w.before.version + 1;
  const updated = await trx('stock')
    .where({ sku_id: w.key.skuId, warehouse_id: w.key.warehouseId, version: w.before.version })
    .update({ on_hand: w.after.on_hand, allocated: w.after.allocated, version, updated_at: w.at });
  if (updated !== 1) throw new StockRaceError(`stock ${w.key.skuId}/${w.key.warehouseId} moved under a locked change`);
  const [row] = await trx('stock_history').insert(historyRow(w)).returning('id');
  const historyId = typeof row === 'object' ? (row as { id: number }).id : (row as number);
  return { historyId, state: { ...w.after, version } };
}

/** A stock_history row of a write. */
function historyRow(w: StockWrite) {
  return {
    sku_id: w.key.skuId,
    warehouse_id: w.key.warehouseId,
    kind: w.kind,
    on_hand_before: w.before.on_hand,
    on_hand_after: w.after.on_hand,
    allocated_before: w.before.allocated,
    allocated_after: w.after.allocated,
    reason: w.reason,
    transfer_id: w.transferId ?? null,
    line_id: w.lineId ?? null,
    batch_id: w.batchId ?? null,
    actor_type: w.actor.type,
    actor_id: w.actor.id,
    job_id: w.jobId ?? null,
    at: w.at,
  };
}

/** Rows one statement of writeStockMany carries: a few MB of JSON at most. */
const MANY_PER_STATEMENT = 20000;

/**
 * writeStock for many rows (distinct keys) at once, the same one write path set-based: each row moves from its
 * `before` (the version must still be the one read) to its `after` in one UPDATE per 20,000 rows, and every row's
 * history row goes in with one insert. Any row whose version moved fails the whole change (StockRaceError), as
 * writeStock does. Answers each row's new state by key.
 */
export async function writeStockMany(trx: Knex.Transaction, writes: readonly StockWrite[]): Promise<Map<string, StockState>> {
  const built = stockWritesBuilt(trx, writes);
  await built.write();
  return built.states;
}

/**
 * writeStockMany in two steps: its statements built now (the JSON of 15,000 rows and their history rows: tens of
 * milliseconds, which a caller can spend while the database runs an earlier statement) as a Write (bulk.ts), run
 * when it is called. `states`: each row's state after the write (known now, true once the write has run).
 */
export function stockWritesBuilt(trx: Knex.Transaction, writes: readonly StockWrite[]): { write: Write; states: Map<string, StockState> } {
  const states = new Map<string, StockState>();
  if (!writes.length) return { write: async () => undefined, states };
  const postgres = isPostgres(trx);
  const updates: { sql: string; data: string; part: StockWrite[] }[] = [];
  for (const part of chunk([...writes], MANY_PER_STATEMENT)) {
    const data = JSON.stringify(part.map((w) => [w.key.skuId, w.key.warehouseId, w.before.version, w.after.on_hand, w.after.allocated, w.at]));
    // Each row's values travel in one JSON array; the row is matched by key and by the version it was read at.
    const sql = postgres
      ? `update stock as t set on_hand = (v.value ->> 3)::int, allocated = (v.value ->> 4)::int, version = t.version + 1,
           updated_at = (v.value ->> 5)::timestamptz from json_array_elements(?::json) as v(value)
         where t.sku_id = v.value ->> 0 and t.warehouse_id = v.value ->> 1 and t.version = (v.value ->> 2)::int
         returning t.sku_id`
      : `update stock set on_hand = v.value ->> 3, allocated = v.value ->> 4, version = version + 1, updated_at = v.value ->> 5
         from json_each(?) as v
         where stock.sku_id = v.value ->> 0 and stock.warehouse_id = v.value ->> 1 and stock.version = v.value ->> 2
         returning stock.sku_id`;
    updates.push({ sql, data, part });
    for (const w of part) states.set(keyOf(w.key), { ...w.after, version: w.before.version + 1 });
  }
  const history = insertManyWrite(trx, 'stock_history', writes.map(historyRow));
  const write = async () => {
    for (const { sql, data, part } of updates) {
      const result = (await trx.raw(sql, [data])) as unknown[] | { rows: unknown[] };
      const updated = Array.isArray(result) ? result.length : result.rows.length;
      if (updated !== part.length)
        throw new StockRaceError(`stock moved under a locked change (${part.length - updated} of ${part.length} rows, ${part[0]!.at})`);
    }
    await history?.();
  };
  return { write, states };
}

// ---- the list and the history ------------------------------------------------------------------------------------

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function stockSelect(db: Db) {
  return db
    .from('skus as s')
    .crossJoin(db.raw('warehouses as w'))
    .leftJoin('stock as st', function () {
      this.on('st.sku_id', '=', 's.id').andOn('st.warehouse_id', '=', 'w.id');
    })
    .select(
      's.id as sku_id',
      's.code as sku_code',
      's.name as sku_name',
      's.option_text',
      'w.id as warehouse_id',
      'w.code as warehouse_code',
      'w.name as warehouse_name',
      db.raw('coalesce(st.on_hand, 0) as on_hand'),
      db.raw('coalesce(st.allocated, 0) as allocated'),
      db.raw('coalesce(st.version, 0) as version'),
      'st.updated_at',
    );
}

const toRow = (r: Omit<StockRow, 'available'>): StockRow => ({ ...r, available: r.on_hand - r.allocated, updated_at: r.updated_at ?? null });

export type StockFilter = { warehouse?: string | undefined; q?: string | undefined; nonzero?: boolean | undefined };

/** Every SKU in every active warehouse (and in inactive ones where it has a row), by SKU code then warehouse code. */
export async function listStock(db: Db, filter: StockFilter, after: [string, string] | undefined, limit: number) {
  const query = stockSelect(db).where((w) => w.where('w.active', true).orWhereNotNull('st.sku_id'));
  if (filter.warehouse) query.whereRaw('upper(w.code) = ?', [filter.warehouse.toUpperCase()]);
  if (filter.q) {
    const like = `%${escapeLike(filter.q.toLowerCase())}%`;
    query.where((w) => w.whereRaw("lower(s.code) like ? escape '\\'", [like]).orWhereRaw("lower(s.name) like ? escape '\\'", [like]));
  }
  if (filter.nonzero) query.where((w) => w.where('st.on_hand', '<>', 0).orWhere('st.allocated', '<>', 0));
  if (after) {
    const [code, wh] = after;
    query.where((w) => w.where('s.code', '>', code).orWhere((x) => x.where('s.code', code).andWhere('w.code', '>', wh)));
  }
  const rows = await query.orderBy([{ column: 's.code' }, { column: 'w.code' }]).limit(limit + 1);
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(toRow);
  const last = items[items.length - 1];
  return { items, next: more && last ? ([last.sku_code, last.warehouse_code] as [string, string]) : null };
}

/** The rows of these pairs as the list shows them. */
export async function stockRows(db: Db, keys: readonly StockKey[]): Promise<Map<string, StockRow>> {
  const out = new Map<string, StockRow>();
  const unique = [...new Map(keys.map((k) => [keyOf(k), k])).values()];
  for (const part of chunk(unique, 10000)) {
    const rows = await stockSelect(db).whereIn(
      ['s.id', 'w.id'],
      part.map((k) => [k.skuId, k.warehouseId]),
    );
    for (const r of rows) out.set(keyOf({ skuId: r.sku_id, warehouseId: r.warehouse_id }), toRow(r));
  }
  return out;
}

/** What a batch moved on each stock row, summed over its history rows: on hand and allocated, after − before. */
export async function batchStockMoves(trx: Knex.Transaction, batchId: string): Promise<(StockKey & { onHand: number; allocated: number })[]> {
  const rows = (await trx('stock_history')
    .where({ batch_id: batchId })
    .groupBy('sku_id', 'warehouse_id')
    .orderBy(['sku_id', 'warehouse_id'])
    .select(
      'sku_id',
      'warehouse_id',
      trx.raw('sum(on_hand_after - on_hand_before) as on_hand'),
      trx.raw('sum(allocated_after - allocated_before) as allocated'),
    )) as {
    sku_id: string;
    warehouse_id: string;
    on_hand: number | string;
    allocated: number | string;
  }[];
  return rows.map((r) => ({ skuId: r.sku_id, warehouseId: r.warehouse_id, onHand: Number(r.on_hand), allocated: Number(r.allocated) }));
}

/** The stock rows a batch's ships left below zero (the shelf said more than it had), by SKU and warehouse code. */
export async function shortAfter(db: Db, batchId: string): Promise<{ sku_code: string; warehouse_code: string; on_hand: number }[]> {
  const rows = (await db('stock_history as h')
    .join('skus as s', 's.id', 'h.sku_id')
    .join('warehouses as w', 'w.id', 'h.warehouse_id')
    .where({ 'h.batch_id': batchId, 'h.kind': 'ship' })
    .where('h.on_hand_after', '<', 0)
    .groupBy('s.code', 'w.code')
    .orderBy(['s.code', 'w.code'])
    .select('s.code as sku_code', 'w.code as warehouse_code', db.raw('min(h.on_hand_after) as on_hand'))) as {
    sku_code: string;
    warehouse_code: string;
    on_hand: number | string;
  }[];
  return rows.map((r) => ({ ...r, on_hand: Number(r.on_hand) }));
}

/**
 * SKU codes of the stock rows a batch moved that a person set or moved since (a count, adjustment, import or
 * transfer written after the batch's last history row): what an undo of the batch would add to without knowing.
 */
export async function stockSetSince(trx: Knex.Transaction, batchId: string): Promise<string[]> {
  const rows = (await trx('stock_history as h')
    .join('skus as s', 's.id', 'h.sku_id')
    .whereIn('h.kind', ['count', 'adjust', 'import', 'transfer_out', 'transfer_in'])
    .whereExists(
      trx('stock_history as b')
        .where('b.batch_id', batchId)
        .whereRaw('b.sku_id = h.sku_id and b.warehouse_id = h.warehouse_id and b.id < h.id')
        .select(trx.raw('1')),
    )
    .distinct('s.code')
    .orderBy('s.code')) as { code: string }[];
  return rows.map((r) => r.code);
}

export type HistoryFilter = { skuCode?: string | undefined; warehouseCode?: string | undefined; beforeId?: number | undefined; limit: number };

/** History entries newest first. */
export async function listHistory(db: Db, filter: HistoryFilter) {
  const query = db('stock_history as h')
    .join('skus as s', 's.id', 'h.sku_id')
    .join('warehouses as w', 'w.id', 'h.warehouse_id')
    .leftJoin('users as u', function () {
      this.on('u.id', '=', 'h.actor_id').andOn('h.actor_type', '=', db.raw('?', ['user']));
    })
    .select(
      'h.id',
      'h.at',
      's.code as sku_code',
      's.name as sku_name',
      'w.code as warehouse_code',
      'h.kind',
      'h.on_hand_before',
      'h.on_hand_after',
      'h.allocated_before',
      'h.allocated_after',
      'h.reason',
      'h.transfer_id',
      'h.actor_type',
      'h.actor_id',
      'u.username as actor_name',
      'h.job_id',
    );
  if (filter.skuCode) query.where('s.code', filter.skuCode);
  if (filter.warehouseCode) query.whereRaw('upper(w.code) = ?', [filter.warehouseCode.toUpperCase()]);
  if (filter.beforeId) query.where('h.id', '<', filter.beforeId);
  const rows = await query.orderBy('h.id', 'desc').limit(filter.limit + 1);
  const more = rows.length > filter.limit;
  // A ship or cancel settles stock with the reason of its history (a stored Message when the system gave it).
  const items = (more ? rows.slice(0, filter.limit) : rows).map((r) => ({ ...r, reason: readStoredText(r.reason as string | null) }));
  return { rows: items, next: more ? (items[items.length - 1]!.id as number) : null };
}
