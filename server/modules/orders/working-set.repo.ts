// Loads the rows a bulk change reads and writes back what it changed, in a handful of set-based statements
// however many items the call carries. The service decides; this module only moves rows.
import type { Knex } from 'knex';
import {
  inIdOrder,
  inSlices,
  insertManyWrite,
  whereIdIn,
  selectPacked,
  selectWhereIn,
  updateByIdsWrite,
  updateValuesWrite,
  writeInOrder,
  type Write,
} from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';
import { OVERLAP_FROM } from '../../db/turns.ts';
import { RECIPIENT_FIELDS, type RecipientField } from '../../../shared/sheet/recipient-edit.ts';
import { historyWrite, type HistoryRow } from './history.repo.ts';
import { LINE_BOOLS, ORDER_BOOLS, toLine, toOrder, type LineRow, type OrderRow } from './orders.repo.ts';

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
  /** Where telling the mall of a decision made here stands (claim-decisions job); null when there is nothing to tell. */
  mall_decision_status: string | null;
};

export type { HistoryRow };

export type NoteRow = { order_id: string; kind: 'memo' | 'message'; body: string; author_id: string | null; created_at: string };

/**
 * What a bulk change reads of a line. The full row is only needed when a line is split (partial claims), so the
 * narrow set keeps reading 50,000 lines quick. The product name and the mall order number name a line in refusals
 * (operators do not know internal ids).
 */
const LINE_STATE = [
  'id',
  'order_id',
  'line_no',
  'status',
  'version',
  'box_id',
  'quantity',
  'amount',
  'sold_out',
  'unmatched',
  'return_pickup_delayed',
  'product_name',
  'gift_rule_id',
  'gift_set_aside',
  // A shipment of a mall that takes its number for all its items at once ships whole (engine/core.ts).
  'mall_shipment_id',
  'mall_account_id',
];
const LINE_COLUMNS = [
  ...LINE_STATE,
  'mall_line_id',
  'mall_product_id',
  'mall_option_id',
  'option_text',
  'unit_price',
  'sku_code',
  'created_at',
  'updated_at',
];
const BOX_COLUMNS = [
  'id',
  'courier',
  'tracking_number',
  'invoiced_at',
  'shipped_at',
  'send_status',
  'send_error',
  'sent_at',
  'version',
  'created_at',
  'updated_at',
];
const CLAIM_COLUMNS = [
  'id',
  'order_id',
  'line_id',
  'type',
  'state',
  'quantity',
  'reason',
  'source',
  'mall_claim_id',
  'requested_at',
  'completed_at',
  'created_by',
  'version',
  'created_at',
  'updated_at',
  'mall_decision_status',
];
const ORDER_STATE = `id source mall_account_id mall_order_id version hold hold_reason priority flagged merge_locked deleted_at
  personal_data_erased_at`.split(/\s+/);

/**
 * How a call's lines are looked up: by their own column, or (`orders_of`) every line of the orders the given lines
 * belong to, in one statement instead of two.
 */
export type LinesBy = 'id' | 'order_id' | 'box_id' | 'orders_of';

/**
 * Outside a transaction (a bulk call's rows read before its blocks: the whole read on SQLite, the grouping read on
 * PostgreSQL), big reads go in slices so other requests are answered in between; the rows then come in id order
 * slice by slice (loadWorkingSet sorts lines).
 */
const slicesFor = (db: Knex | Trx) => ((db as Trx).isTransaction ? undefined : 10_000);

/** Lines by `by`, with these columns, in id order (per slice, outside a transaction). */
async function selectLines(db: Knex | Trx, by: LinesBy, values: string[], columns: readonly string[]): Promise<Record<string, unknown>[]> {
  const booleans = LINE_BOOLS.filter((b) => columns.includes(b));
  if (by !== 'orders_of') return selectWhereIn(db, 'order_lines', by, values, columns, { booleans, slices: slicesFor(db) });
  if (!values.length) return [];
  const slices = slicesFor(db);
  if (slices && values.length > slices) return inSlices(values, slices, (part) => selectLines(db, by, part, columns));
  const orders = whereIdIn(db, db('order_lines').select('order_id'), 'id', values);
  const query = db('order_lines')
    .select([...columns])
    .whereIn('order_id', orders);
  // SQLite's rows are put in id order in memory (see selectWhereIn).
  if (isPostgres(db as Knex)) return selectPacked(db, query.orderBy('id'), columns, booleans);
  return inIdOrder(await selectPacked(db, query, columns, booleans));
}

/**
 * Rows read with their boolean columns: SQLite's come from selectWhereIn already true/false (made so as each row is
 * built); PostgreSQL's go through `convert` as every other read of them does.
 */
function asRows<R>(db: Knex | Trx, rows: Record<string, unknown>[], convert: (row: Record<string, unknown>) => R): R[] {
  return isPostgres(db as Knex) ? rows.map(convert) : (rows as unknown as R[]);
}

/** Finds lines without locking them: which rows a call will need. */
export async function findLines(db: Knex | Trx, by: LinesBy, values: string[]) {
  return (await selectLines(db, by, values, ['id', 'order_id', 'box_id', 'mall_account_id'])) as {
    id: string;
    order_id: string;
    box_id: string | null;
    mall_account_id: string | null;
  }[];
}

/** Whether rows a call decides on are read again under lock (PostgreSQL); SQLite has one writer and no row locks. */
export const locksRows = (db: Knex | Trx) => isPostgres(db as Knex);

/** Lines with what a bulk change reads of them (all columns with `full`), without locking them. */
export const readLines = async (db: Knex | Trx, by: LinesBy, values: string[], full: boolean) =>
  asRows(db, await selectLines(db, by, values, full ? LINE_COLUMNS : LINE_STATE), toLine);

/** Boxes carrying these numbers, with the number each carries. */
export async function findBoxes(db: Knex | Trx, column: 'tracking_number', values: string[]) {
  return (await selectWhereIn(db, 'boxes', column, values, ['id', 'tracking_number'], { slices: slicesFor(db) })) as {
    id: string;
    tracking_number: string | null;
  }[];
}

/**
 * The rows a call decides on, in id order: locked when read in a PostgreSQL transaction (a `FOR UPDATE` outside one
 * holds nothing — only SQLite reads them so, before a bulk call's blocks; it takes no row locks at all).
 */
export const lockLines = async (trx: Knex | Trx, ids: string[], full: boolean) =>
  asRows(trx, await selectWhereIn(trx, 'order_lines', 'id', ids, full ? LINE_COLUMNS : LINE_STATE, { lock: true, booleans: LINE_BOOLS }), toLine);
export const lockOrders = async (trx: Knex | Trx, ids: string[]) =>
  asRows(trx, await selectWhereIn(trx, 'orders', 'id', ids, ORDER_STATE, { lock: true, booleans: ORDER_BOOLS, slices: slicesFor(trx) }), toOrder);
export const lockBoxes = async (trx: Knex | Trx, ids: string[]) =>
  (await selectWhereIn(trx, 'boxes', 'id', ids, BOX_COLUMNS, { lock: true, slices: slicesFor(trx) })) as BoxRow[];
export const loadClaims = async (trx: Knex | Trx, lineIds: string[]) =>
  (await selectWhereIn(trx, 'claims', 'line_id', lineIds, CLAIM_COLUMNS)) as ClaimRow[];

/** The latest memo of each of these orders that has one (notes keep their order by id). */
export async function loadLatestMemos(trx: Knex | Trx, orderIds: string[]): Promise<Map<string, string>> {
  const latest = whereIdIn(trx, trx('order_notes').where('kind', 'memo'), 'order_id', orderIds).groupBy('order_id').max('id');
  const rows = (await trx('order_notes').whereIn('id', latest).select('order_id', 'body')) as { order_id: string; body: string }[];
  return new Map(rows.map((r) => [r.order_id, r.body]));
}

export type RecipientRow = Record<RecipientField, string | null>;

/** The recipient cells of these orders, when a sheet push may correct them. */
export async function loadRecipients(trx: Knex | Trx, orderIds: string[]): Promise<Map<string, RecipientRow>> {
  const rows = (await selectWhereIn(trx, 'orders', 'id', orderIds, ['id', ...RECIPIENT_FIELDS])) as ({ id: string } & RecipientRow)[];
  return new Map(rows.map(({ id, ...recipient }) => [id, recipient]));
}

/** Status history of lines, oldest first, grouped by line. */
export async function loadHistory(trx: Knex | Trx, lineIds: string[]): Promise<Map<string, HistoryRow[]>> {
  const out = new Map<string, HistoryRow[]>();
  const rows = (await whereIdIn(trx, trx('status_history').where('entity', 'line'), 'entity_id', [...new Set(lineIds)]).orderBy(
    'id',
  )) as HistoryRow[];
  for (const r of rows) {
    const list = out.get(r.entity_id) ?? [];
    list.push(r);
    out.set(r.entity_id, list);
  }
  return out;
}

/**
 * Rows that set the same fields are updated by one statement: fields every one of them sets alike are bound once
 * (all lines become INVOICED), the others travel row by row (each line into its own box). Every changed row's
 * version goes up by one.
 */
function updateGrouped(trx: Trx, table: string, patches: Map<string, Record<string, unknown>>, now: string): Write[] {
  // Patches by the fields they set.
  const shapes = new Map<string, [string, Record<string, unknown>][]>();
  for (const entry of patches) {
    // Keyed by the fields in the order they were set: patches made by one path of the engine share it, and two
    // orders of the same fields only cost one more statement.
    let shape = '';
    for (const key in entry[1]) shape += key + ',';
    const list = shapes.get(shape);
    if (list) list.push(entry);
    else shapes.set(shape, [entry]);
  }
  const writes: Write[] = [];
  for (const list of shapes.values()) {
    const first = list[0]![1];
    const fields = Object.keys(first);
    const same = fields.filter((k) => list.every(([, patch]) => patch[k] === first[k]));
    if (same.length === fields.length) {
      writes.push(
        updateByIdsWrite(
          trx,
          table,
          list.map(([id]) => id),
          { ...first, updated_at: now },
        )!,
      );
      continue;
    }
    const common: Record<string, unknown> = { updated_at: now };
    for (const k of same) common[k] = first[k];
    const varying = fields.filter((k) => !same.includes(k));
    const values = list.map(([id, patch]) => {
      const row: unknown[] = [id];
      for (const k of varying) row.push(patch[k]);
      return row;
    });
    writes.push(updateValuesWrite(trx, table, varying, values, common)!);
  }
  return writes;
}

export type PendingWrites = {
  newBoxes: BoxRow[];
  boxes: Map<string, Record<string, unknown>>;
  /** Boxes that had a number and are given another (or none): theirs is cleared first (see flushWrites). */
  renumbered: Set<string>;
  deletedBoxes: Set<string>;
  newLines: LineRow[];
  lines: Map<string, Record<string, unknown>>;
  orders: Map<string, Record<string, unknown>>;
  newClaims: ClaimRow[];
  claims: Map<string, Record<string, unknown>>;
  newHolds: { order_id: string; reason: string; held_at: string; held_by: string | null }[];
  releasedHolds: Map<string, { released_at: string; released_by: string | null; release_reason: string | null }>;
  newNotes: NoteRow[];
  history: HistoryRow[];
  /** Lines a partial claim split: `to` took `quantity` of the `of` units `from` had (its SKUs and stock go along). */
  splits: { from: string; to: string; quantity: number; of: number }[];
};

export function emptyWrites(): PendingWrites {
  return {
    newBoxes: [],
    boxes: new Map(),
    renumbered: new Set(),
    deletedBoxes: new Set(),
    newLines: [],
    lines: new Map(),
    orders: new Map(),
    newClaims: [],
    claims: new Map(),
    newHolds: [],
    releasedHolds: new Map(),
    newNotes: [],
    history: [],
    splits: [],
  };
}

/**
 * Writes in an order the constraints accept: numbers a box gives up are cleared before any box takes them (so two
 * boxes can swap numbers in one call), boxes exist before lines point at them, lines before their claims, and open
 * holds are released before new ones are added.
 */
export async function flushWrites(trx: Trx, w: PendingWrites, now: string): Promise<void> {
  // Each write is built while the one before runs (writeInOrder), in this order — for a change big enough that
  // building its JSON takes longer than waiting for a statement to be under way.
  const big = w.history.length + w.lines.size + w.newLines.length + w.orders.size + w.boxes.size + w.newBoxes.length >= OVERLAP_FROM;
  await writeInOrder(
    [
      () => (w.renumbered.size ? updateWhereIn(trx, 'boxes', 'id', [...w.renumbered], { tracking_number: null }) : null),
      () => insertManyWrite(trx, 'boxes', w.newBoxes),
      () => updateGrouped(trx, 'boxes', w.boxes, now),
      () => insertManyWrite(trx, 'order_lines', w.newLines),
      () => splitSkusWrite(trx, w.splits),
      () => updateGrouped(trx, 'order_lines', w.lines, now),
      () => updateGrouped(trx, 'orders', w.orders, now),
      () => (w.deletedBoxes.size ? deleteWhereIn(trx, 'boxes', [...w.deletedBoxes]) : null),
      () => insertManyWrite(trx, 'claims', w.newClaims),
      () => updateGrouped(trx, 'claims', w.claims, now),
      () => releaseWrites(trx, w.releasedHolds),
      () => insertManyWrite(trx, 'holds', w.newHolds),
      () => insertManyWrite(trx, 'order_notes', w.newNotes),
      () => historyWrite(trx, w.history),
    ],
    big,
  );
}

/** The part of a line a claim split off needs what it needs per unit: its SKUs copied (line_skus). */
function splitSkusWrite(trx: Trx, splits: PendingWrites['splits']): Write | null {
  if (!splits.length) return null;
  return async () => {
    for (const { from, to } of splits) {
      await trx.raw('insert into line_skus (line_id, sku_id, quantity) select ?, sku_id, quantity from line_skus where line_id = ?', [to, from]);
    }
  };
}

/** Sets these fields on the rows whose `column` is one of `values`, as they are (no version moves: a clearing step). */
function updateWhereIn(trx: Trx, table: string, column: string, values: string[], patch: Record<string, unknown>): Write {
  const query = whereIdIn(trx, trx(table), column, values);
  return async () => {
    await query.update(patch);
  };
}

function deleteWhereIn(trx: Trx, table: string, ids: string[]): Write {
  const query = whereIdIn(trx, trx(table), 'id', ids);
  return async () => {
    await query.delete();
  };
}

/** Releases of one call share who, when and (usually) why: one UPDATE per distinct release, not per order. */
function releaseWrites(trx: Trx, released: PendingWrites['releasedHolds']): Write[] {
  type Release = PendingWrites['releasedHolds'] extends Map<string, infer R> ? R : never;
  const releases = new Map<string, { release: Release; orders: string[] }>();
  for (const [orderId, release] of released) {
    const key = JSON.stringify(release);
    const group = releases.get(key) ?? { release, orders: [] };
    group.orders.push(orderId);
    releases.set(key, group);
  }
  return [...releases.values()].map(({ release, orders }) => {
    const query = whereIdIn(trx, trx('holds'), 'order_id', orders).whereNull('released_at');
    return async () => {
      await query.update(release);
    };
  });
}

export type { LineRow, OrderRow };
