// Loads the rows a bulk change reads and writes back what it changed, in a handful of set-based statements
// however many items the call carries. The service decides; this module only moves rows.
import type { Knex } from 'knex';
import { chunk, isPostgres } from '../../db/knex.ts';
import { toLine, toOrder, type LineRow, type OrderRow } from './orders.repo.ts';

type Trx = Knex.Transaction;

export type BoxRow = {
  id: string;
  courier: string | null;
  tracking_number: string | null;
  invoiced_at: string | null;
  shipped_at: string | null;
  send_status: string;
  send_error: string | null;
  sent_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export type ClaimRow = {
  id: string;
  order_id: string;
  line_id: string;
  type: string;
  state: string;
  quantity: number;
  reason: string | null;
  source: string;
  mall_claim_id: string | null;
  requested_at: string;
  completed_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export type HistoryRow = {
  entity: 'line' | 'box' | 'claim' | 'order';
  entity_id: string;
  order_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_type: string;
  actor_id: string | null;
  reason: string | null;
  batch_id: string | null;
  at: string;
};

const IDS_PER_QUERY = 5000;

/** On PostgreSQL the rows are locked until commit so a concurrent bulk cannot change them in between. */
function locked(trx: Trx, q: Knex.QueryBuilder): Knex.QueryBuilder {
  return isPostgres(trx as never) ? q.forUpdate() : q;
}

async function selectIn<T>(trx: Trx, table: string, column: string, values: string[], map: (r: Record<string, unknown>) => T, lock = true): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunk([...new Set(values)], IDS_PER_QUERY)) {
    const q = trx(table).whereIn(column, part).orderBy('id');
    const rows = await (lock ? locked(trx, q) : q);
    for (const r of rows) out.push(map(r));
  }
  return out;
}

export const loadLines = (trx: Trx, ids: string[]) => selectIn(trx, 'order_lines', 'id', ids, toLine);
export const loadLinesOfOrders = (trx: Trx, orderIds: string[]) => selectIn(trx, 'order_lines', 'order_id', orderIds, toLine);
export const loadLinesOfBoxes = (trx: Trx, boxIds: string[]) => selectIn(trx, 'order_lines', 'box_id', boxIds, toLine);
export const loadOrders = (trx: Trx, ids: string[]) => selectIn(trx, 'orders', 'id', ids, toOrder);
export const loadBoxes = (trx: Trx, ids: string[]) => selectIn(trx, 'boxes', 'id', ids, (r) => r as BoxRow);
export const loadBoxesByTracking = (trx: Trx, numbers: string[]) =>
  selectIn(trx, 'boxes', 'tracking_number', numbers, (r) => r as BoxRow);
export const loadOpenClaims = (trx: Trx, lineIds: string[]) =>
  selectIn(trx, 'claims', 'line_id', lineIds, (r) => r as ClaimRow);

/** Status history of lines, oldest first, grouped by line. */
export async function loadHistory(trx: Trx, lineIds: string[]): Promise<Map<string, HistoryRow[]>> {
  const out = new Map<string, HistoryRow[]>();
  for (const part of chunk([...new Set(lineIds)], IDS_PER_QUERY)) {
    const rows = await trx('status_history').where('entity', 'line').whereIn('entity_id', part).orderBy('id');
    for (const r of rows as HistoryRow[]) {
      const list = out.get(r.entity_id) ?? [];
      list.push(r);
      out.set(r.entity_id, list);
    }
  }
  return out;
}

/** Rows changed the same way are updated by one statement per chunk of ids; every changed row's version goes up by one. */
async function updateGrouped(trx: Trx, table: string, patches: Map<string, Record<string, unknown>>, now: string): Promise<void> {
  const groups = new Map<string, { patch: Record<string, unknown>; ids: string[] }>();
  for (const [id, patch] of patches) {
    const key = JSON.stringify(patch);
    const group = groups.get(key) ?? { patch, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  for (const { patch, ids } of groups.values()) {
    for (const part of chunk(ids, IDS_PER_QUERY)) {
      await trx(table)
        .whereIn('id', part)
        .update({ ...patch, updated_at: now, version: trx.raw('version + 1') });
    }
  }
}

export type PendingWrites = {
  newBoxes: BoxRow[];
  boxes: Map<string, Record<string, unknown>>;
  deletedBoxes: Set<string>;
  newLines: LineRow[];
  lines: Map<string, Record<string, unknown>>;
  orders: Map<string, Record<string, unknown>>;
  newClaims: ClaimRow[];
  claims: Map<string, Record<string, unknown>>;
  newHolds: { order_id: string; reason: string; held_at: string; held_by: string | null }[];
  releasedHolds: Map<string, { released_at: string; released_by: string | null; release_reason: string | null }>;
  history: HistoryRow[];
};

export function emptyWrites(): PendingWrites {
  return {
    newBoxes: [],
    boxes: new Map(),
    deletedBoxes: new Set(),
    newLines: [],
    lines: new Map(),
    orders: new Map(),
    newClaims: [],
    claims: new Map(),
    newHolds: [],
    releasedHolds: new Map(),
    history: [],
  };
}

/** Writes in an order the foreign keys accept: boxes before the lines that point at them, lines before claims. */
export async function flushWrites(trx: Trx, w: PendingWrites, now: string): Promise<void> {
  if (w.newBoxes.length) await trx.batchInsert('boxes', w.newBoxes, 500);
  await updateGrouped(trx, 'boxes', w.boxes, now);
  if (w.newLines.length) await trx.batchInsert('order_lines', w.newLines, 500);
  await updateGrouped(trx, 'order_lines', w.lines, now);
  await updateGrouped(trx, 'orders', w.orders, now);
  if (w.deletedBoxes.size) {
    for (const part of chunk([...w.deletedBoxes], IDS_PER_QUERY)) await trx('boxes').whereIn('id', part).delete();
  }
  if (w.newClaims.length) await trx.batchInsert('claims', w.newClaims, 500);
  await updateGrouped(trx, 'claims', w.claims, now);
  if (w.newHolds.length) await trx.batchInsert('holds', w.newHolds, 500);
  for (const [orderId, release] of w.releasedHolds) {
    await trx('holds').where({ order_id: orderId }).whereNull('released_at').update(release);
  }
  // 11 columns a row: 2,500 rows keep a statement under SQLite's 32,766 bound values.
  if (w.history.length) await trx.batchInsert('status_history', w.history, 2500);
}

export async function insertHistory(trx: Trx | Knex, rows: HistoryRow[]): Promise<void> {
  if (rows.length) await trx.batchInsert('status_history', rows, 2500);
}

export type { LineRow, OrderRow };
