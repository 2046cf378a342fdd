// The order lists and the flat lines view: search, filters, keyset paging and the lines view's columns. The reads
// behind the orders list, the lines view, sheet pulls and push answers; single orders are read in orders.repo.ts.
import type { Knex } from 'knex';
import type { OrderFilter } from '../../../shared/api/orders.schema.ts';
import { readStoredText } from '../../../shared/i18n.ts';
import { CLAIM_STATUSES, NO_SEND_OF_ITS_OWN, PAST_SHIPPING_STATUSES } from '../../../shared/lifecycle.ts';
import { normalizePhone } from '../../../shared/phone.ts';
import { RECIPIENT_FIELDS } from '../../../shared/sheet/recipient-edit.ts';
import { selectPacked, whereIdIn } from '../../db/bulk.ts';
import { isPostgres, type Db } from '../../db/knex.ts';
import { fillBoxGroups } from './box-groups.repo.ts';
import { toOrder } from './orders.repo.ts';
/** Who a search is for: personal fields (names, phone numbers) are searched only for those who may see them. */
export type SearchScope = { personal: boolean };

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/**
 * "column contains the text", case-insensitive for A–Z and identical on both databases. SQLite's LIKE folds ASCII
 * letters only; PostgreSQL's ILIKE would also fold É, Ä, … and so find more. PostgreSQL therefore folds exactly
 * A–Z itself (translate) and compares with LIKE; the text is folded the same way here. % _ and \ in the user's
 * text are escaped: they are characters to find, not wildcards.
 */
function containsSql(db: Db | Knex.Transaction, column: string, text: string): [string, string[]] {
  const folded = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const like = `%${folded.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  if (isPostgres(db as Db)) return [`translate(${column}, '${UPPER}', '${LOWER}') like ? escape '\\'`, [like]];
  return [`${column} like ? escape '\\'`, [like]];
}

/** Phone columns without the separators people type or malls send, to compare digits with digits. */
const phoneDigitsSql = (column: string) => `replace(replace(replace(replace(replace(${column}, '-', ''), ' ', ''), '.', ''), '(', ''), ')', '')`;

/** The digits of a search that looks like (part of) a phone number, in national form: "+82 10-1234-…" → "01012…". */
function phoneSearchDigits(text: string): string | undefined {
  if (!/^\+?[\d\s\-().]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 4) return undefined;
  const normalized = normalizePhone(text);
  return normalized.kind === 'invalid' ? digits : normalized.digits;
}

/**
 * The search box (q): product and option names, mall order and line numbers, tracking numbers, and, for those who
 * see personal data, recipient and orderer names and phone numbers. On the lines view a product matches its own
 * line; order fields match every line of the order.
 */
function applySearch(w: Knex.QueryBuilder, db: Db, text: string, linesJoined: boolean, scope: SearchScope): void {
  const contains = (column: string) => containsSql(db, column, text);
  w.whereRaw(...contains('o.mall_order_id'));
  if (linesJoined) w.orWhereRaw(...contains('l.product_name')).orWhereRaw(...contains('l.option_text'));
  else {
    w.orWhereExists(
      db('order_lines as qp')
        .select(db.raw('1'))
        .whereRaw('qp.order_id = o.id')
        .where((p) => p.whereRaw(...contains('qp.product_name')).orWhereRaw(...contains('qp.option_text'))),
    );
  }
  w.orWhereExists(db('order_lines as qm').select(db.raw('1')).whereRaw('qm.order_id = o.id').where('qm.mall_line_id', text));
  // Tracking numbers are often typed with hyphens (CJ prints 4-4-4); they are stored without them, EMS in capitals.
  const number = text.replace(/[\s-]/g, '').toUpperCase();
  if (number) {
    w.orWhereExists(
      db('order_lines as ql')
        .join('boxes as qb', 'qb.id', 'ql.box_id')
        .select(db.raw('1'))
        .whereRaw('ql.order_id = o.id')
        .where('qb.tracking_number', number),
    );
  }
  if (!scope.personal) return;
  w.orWhereRaw(...contains('o.recipient_name')).orWhereRaw(...contains('o.orderer_name'));
  const digits = phoneSearchDigits(text);
  if (digits) {
    const like = `%${digits}%`;
    for (const column of ['o.recipient_phone', 'o.recipient_mobile', 'o.orderer_phone']) w.orWhereRaw(`${phoneDigitsSql(column)} like ?`, [like]);
  }
}

/** Filters shared by the orders list, the lines view and exports. `o` is orders, `l` order_lines when joined. */
function applyFilter(q: Knex.QueryBuilder, db: Db, f: OrderFilter, linesJoined: boolean, scope: SearchScope): void {
  if (f.deleted) q.whereNotNull('o.deleted_at');
  else if (!f.include_deleted) q.whereNull('o.deleted_at');
  if (f.mall_account_id) q.where('o.mall_account_id', f.mall_account_id);
  if (f.channel) q.where('o.channel_name', f.channel);
  if (f.channel_kind) q.where('o.channel_kind', f.channel_kind);
  if (f.from) q.where('o.order_date', '>=', f.from);
  if (f.to) q.where('o.order_date', '<=', f.to);
  if (f.hold !== undefined) q.where('o.hold', f.hold);
  for (const flag of ['priority', 'flagged', 'merge_locked'] as const) if (f[flag] !== undefined) q.where(`o.${flag}`, f[flag]);
  if (f.has_memo !== undefined) {
    const notes = db('order_notes as n').select(db.raw('1')).whereRaw('n.order_id = o.id');
    if (f.has_memo) q.whereExists(notes);
    else q.whereNotExists(notes);
  }
  if (f.status?.length) {
    if (linesJoined) q.whereIn('l.status', f.status);
    else q.whereExists(db('order_lines as sl').select(db.raw('1')).whereRaw('sl.order_id = o.id').whereIn('sl.status', f.status));
  }
  if (hasLineConditions(f)) {
    if (linesJoined) applyLineConditions(q, f);
    else {
      const lines = db('order_lines as l').leftJoin('boxes as b', 'b.id', 'l.box_id').select(db.raw('1')).whereRaw('l.order_id = o.id');
      applyLineConditions(lines, f);
      q.whereExists(lines);
    }
  }
  const text = f.q;
  if (text) q.where((w) => applySearch(w, db, text, linesJoined, scope));
}

const CLAIM_STATUS_LIST = Object.values(CLAIM_STATUSES).flatMap((s) => [s.requested, s.completed]);

const hasLineConditions = (f: OrderFilter) =>
  !!f.source ||
  !!f.created_since ||
  !!f.send_status?.length ||
  f.sold_out !== undefined ||
  f.unmatched !== undefined ||
  f.return_pickup_delayed !== undefined ||
  f.mismatch !== undefined;

/** The status board's line filters; `l` is order_lines and `b` its box (left joined: no box is not_sent). */
function applyLineConditions(q: Knex.QueryBuilder, f: OrderFilter): void {
  if (f.source) q.where('o.source', f.source);
  // Instants are compared in one form (stored as ISO text on SQLite): an offset the caller gave is turned into UTC.
  if (f.created_since) q.where('l.created_at', '>', new Date(f.created_since).toISOString());
  if (f.send_status?.length) {
    const wanted = f.send_status;
    q.where((w) => {
      w.whereIn('b.send_status', wanted);
      if (wanted.includes('not_sent')) w.orWhereNull('b.id');
    });
    // As the sheet's 송장전송 cell shows them (shared/sheet/cell-values.ts): a canceled line has no send of its own.
    q.whereNotIn('l.status', [...NO_SEND_OF_ITS_OWN]);
  }
  if (f.sold_out !== undefined) q.where('l.sold_out', f.sold_out);
  if (f.unmatched !== undefined) q.where('l.unmatched', f.unmatched);
  if (f.return_pickup_delayed !== undefined) q.where('l.return_pickup_delayed', f.return_pickup_delayed);
  if (f.mismatch !== undefined) {
    // shared/mall-word.ts isMismatch in SQL: a claim on one side only, or the mall past shipping while we are not.
    const mismatch = (w: Knex.QueryBuilder) =>
      w
        .whereNotNull('l.mall_implied_status')
        .whereRaw('l.mall_implied_status <> l.status')
        .where((x) =>
          x
            .whereIn('l.status', CLAIM_STATUS_LIST)
            .orWhereIn('l.mall_implied_status', CLAIM_STATUS_LIST)
            .orWhere((y) => y.whereIn('l.mall_implied_status', PAST_SHIPPING_STATUSES).whereNotIn('l.status', PAST_SHIPPING_STATUSES)),
        );
    if (f.mismatch) q.where(mismatch);
    else q.whereNot(mismatch);
  }
}

/**
 * How many lines-view rows each filter selects, in one query (one subselect per filter, with the very conditions
 * the lines view applies): the status board's counts, equal to what a pull with the same filter returns.
 */
export async function countLineView(db: Db, filters: readonly OrderFilter[]): Promise<number[]> {
  if (!filters.length) return [];
  const counts = filters.map((f, i) => {
    const q = db('order_lines as l').join('orders as o', 'o.id', 'l.order_id').leftJoin('boxes as b', 'b.id', 'l.box_id').count({ n: '*' });
    applyFilter(q, db, f, true, { personal: false });
    return q.as(`c${i}`);
  });
  const row = (await db.select(counts).first()) as Record<string, number | string>;
  return filters.map((_, i) => Number(row[`c${i}`]));
}

export async function listOrders(db: Db, f: OrderFilter, scope: SearchScope, after: string | undefined, limit: number) {
  const q = db('orders as o')
    .select('o.*')
    .orderBy('o.id', 'desc')
    .limit(limit + 1);
  applyFilter(q, db, f, false, scope);
  if (after) q.where('o.id', '<', after);
  const rows = (await q).map(toOrder);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}

/** Per order of a page: its line count, quantity, statuses and tracking numbers. */
export async function summariseLines(db: Db, orderIds: string[]) {
  if (!orderIds.length) return new Map<string, { line_count: number; quantity: number; statuses: string[]; tracking_numbers: string[] }>();
  const rows = await db('order_lines as l')
    .leftJoin('boxes as b', 'b.id', 'l.box_id')
    .whereIn('l.order_id', orderIds)
    .select('l.order_id', 'l.status', 'l.quantity', 'b.tracking_number');
  const out = new Map<string, { line_count: number; quantity: number; statuses: string[]; tracking_numbers: string[] }>();
  for (const r of rows) {
    const s = out.get(r.order_id) ?? { line_count: 0, quantity: 0, statuses: [], tracking_numbers: [] };
    s.line_count++;
    s.quantity += r.quantity;
    if (!s.statuses.includes(r.status)) s.statuses.push(r.status);
    if (r.tracking_number && !s.tracking_numbers.includes(r.tracking_number)) s.tracking_numbers.push(r.tracking_number);
    out.set(r.order_id, s);
  }
  return out;
}

/** Columns of the flat lines view: one row per order line with its order and box, as a sheet shows it. */
const LINE_VIEW_COLUMNS = [
  'l.id as line_id',
  'l.version as line_version',
  'l.order_id',
  'o.version as order_version',
  'l.line_no',
  'o.source',
  'o.mall_account_id',
  'o.mall_order_id',
  'l.mall_line_id',
  'l.mall_shipment_id',
  'o.channel_kind',
  'o.channel_name',
  'o.order_date',
  'o.paid_at',
  'o.orderer_name',
  'o.orderer_phone',
  'o.recipient_name',
  'o.recipient_phone',
  'o.recipient_mobile',
  'o.recipient_zip',
  'o.recipient_address1',
  'o.recipient_address2',
  'o.delivery_memo',
  'l.mall_product_id',
  'l.product_name',
  'l.option_text',
  'l.quantity',
  'l.unit_price',
  'l.amount',
  'l.sku_code',
  'l.status',
  'o.hold',
  'o.hold_reason',
  'o.priority',
  'o.flagged',
  'o.merge_locked',
  'l.sold_out',
  'l.unmatched',
  'l.return_pickup_delayed',
  'l.box_id',
  'b.courier',
  'b.tracking_number',
  'b.send_status',
  'b.send_error',
  'o.deleted_at',
];
const LINE_VIEW_BOOLS = ['hold', 'priority', 'flagged', 'merge_locked', 'sold_out', 'unmatched', 'return_pickup_delayed'];

export type LineViewRow = Record<string, unknown> & { line_id: string; order_id: string };

/**
 * The lines view's select: each line with its order, its box, and its order's latest memo. The memo is looked up per
 * line from the (order_id, kind, id) index, which costs one index probe a line, not a scan of the notes.
 */
function lineViewQuery(db: Db | Knex.Transaction, columns: readonly string[] = LINE_VIEW_COLUMNS, memo = true): Knex.QueryBuilder {
  const latestMemo = db('order_notes as n')
    .select('n.body')
    .whereRaw('n.order_id = l.order_id')
    .where('n.kind', 'memo')
    .orderBy('n.id', 'desc')
    .limit(1);
  return db('order_lines as l')
    .join('orders as o', 'o.id', 'l.order_id')
    .leftJoin('boxes as b', 'b.id', 'l.box_id')
    .select(memo ? [...columns, latestMemo.as('memo')] : [...columns]);
}

/**
 * The lines-view fields a sheet push can change (versions, status, hold, box, send result; the memo comes with
 * every select): what a push answers with, so 10,000 pushed rows come back in ~3 MB instead of ~11.6 MB.
 */
const LINE_REFRESH_COLUMNS = [
  'l.id as line_id',
  'l.version as line_version',
  'l.order_id',
  'o.version as order_version',
  'l.status',
  'o.hold',
  'o.hold_reason',
  'b.courier',
  'b.tracking_number',
  'b.send_status',
  'b.send_error',
];

/** After a push that corrected recipients: the refresh columns and the recipient cells. */
const LINE_REFRESH_RECIPIENT_COLUMNS = [...LINE_REFRESH_COLUMNS, ...RECIPIENT_FIELDS.map((f) => `o.${f}`)];

/** Which lines-view columns a read by ids selects: all, or what a push can change (with the recipient cells). */
export type LineViewColumns = 'all' | 'refresh' | 'refresh_recipient';

/** The lines of one order together, in a stable order: what keyset paging pages by. */
const LINE_VIEW_ORDER = [
  { column: 'l.order_id', order: 'asc' as const },
  { column: 'l.id', order: 'asc' as const },
];

/**
 * Booleans as booleans, and a box's send error as the Text it was stored as (markBoxFailed: a Message, put into words
 * in the caller's language when answered; plain text in rows written before, read as it is).
 */
function toLineView(rows: LineViewRow[]): LineViewRow[] {
  for (const row of rows) {
    for (const k of LINE_VIEW_BOOLS) if (k in row) row[k] = !!row[k];
    if (typeof row.send_error === 'string') row.send_error = readStoredText(row.send_error);
  }
  return rows;
}

/** Fields every lines-view read selects, whatever was asked: the page's keys and the names masking looks for. */
const LINE_VIEW_ALWAYS = new Set(['line_id', 'order_id', 'orderer_name', 'recipient_name']);
const fieldOf = (column: string) => column.split(/\s+as\s+|\./).pop()!;

/**
 * The lines view's select narrowed to some fields (and those it always needs); the memo only when asked. The 합포
 * column needs the box: `dropBox` when it is read only for that.
 */
function lineViewColumns(fields: readonly string[] | undefined): { columns: readonly string[]; memo: boolean; boxGroup: boolean; dropBox: boolean } {
  if (!fields) return { columns: LINE_VIEW_COLUMNS, memo: true, boxGroup: true, dropBox: false };
  const wanted = new Set([...LINE_VIEW_ALWAYS, ...fields]);
  const boxGroup = wanted.has('box_group');
  const dropBox = boxGroup && !wanted.has('box_id');
  if (dropBox) wanted.add('box_id');
  return { columns: LINE_VIEW_COLUMNS.filter((c) => wanted.has(fieldOf(c))), memo: wanted.has('memo'), boxGroup, dropBox };
}

export async function listLineView(
  db: Db,
  f: OrderFilter,
  scope: SearchScope,
  after: [string, string] | undefined,
  limit: number,
  fields?: readonly string[],
) {
  const { columns, memo, boxGroup, dropBox } = lineViewColumns(fields);
  const q = lineViewQuery(db, columns, memo)
    .orderBy(LINE_VIEW_ORDER)
    .limit(limit + 1);
  applyFilter(q, db, f, true, scope);
  if (after) q.whereRaw('(l.order_id, l.id) > (?, ?)', after);
  const rows = toLineView(await q);
  if (boxGroup) await fillBoxGroups(db, rows, dropBox);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? ([last.order_id, last.line_id] as [string, string]) : null };
}

/**
 * Lines-view rows of these lines (deleted orders included: a sheet may hold them), in (order_id, id) order. `extra`:
 * columns read besides (e.g. `o.mall_account_id` for a refresh that must show default couriers).
 */
export async function lineViewByIds(
  db: Db | Knex.Transaction,
  lineIds: readonly string[],
  columns: LineViewColumns = 'all',
  /** Fields of the line's order read besides the view's columns (what a caller needs to complete the rows). */
  orderFields: readonly string[] = [],
): Promise<LineViewRow[]> {
  if (!lineIds.length) return [];
  const base = columns === 'refresh' ? LINE_REFRESH_COLUMNS : columns === 'refresh_recipient' ? LINE_REFRESH_RECIPIENT_COLUMNS : LINE_VIEW_COLUMNS;
  const selected = orderFields.length ? [...base, ...orderFields.map((f) => `o.${f}`)] : base;
  const query = whereIdIn(db, lineViewQuery(db, selected), 'l.id', [...new Set(lineIds)]).orderBy(LINE_VIEW_ORDER);
  // A push answers with up to 10,000s of these rows: read packed (see selectPacked).
  const rows = toLineView((await selectPacked(db, query, [...selected.map(fieldOf), 'memo'])) as LineViewRow[]);
  if (columns === 'all') await fillBoxGroups(db, rows, false);
  return rows;
}
