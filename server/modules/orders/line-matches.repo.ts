// Lines and their remembered matches, set-based: a collect page, an upload or the whole waiting list is matched in a
// few statements whatever its size. A line's keys are worked out in SQL the same way product_matches stores them
// (see the catalogue migration): channel = mall account, else `${channel_kind}:${channel_name}` of its order;
// product = the mall's product id, else the product name; option = the mall's option id, else the option text, else ''.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

/** Statuses a line waits in before release and packing: the ones a match (or its absence) still concerns. */
export const WAITING_STATUSES = ['PAID', 'NEW', 'READY'] as const;
const WAITING_SQL = `order_lines.status in ('PAID', 'NEW', 'READY')`;

/** Which lines a statement touches: the lines just brought in, or every waiting line (of some matches only). */
export type LineScope = { lineIds: readonly string[] } | { waiting: true; matchIds?: readonly string[] };

/** A line a statement changed, as it reads afterwards. */
export type ChangedLine = { id: string; order_id: string; status: string; sku_code: string | null };

const CHANNEL_KEY_SQL = `coalesce(order_lines.mall_account_id, o.channel_kind || ':' || o.channel_name)`;
const PRODUCT_KEY_SQL = `coalesce(order_lines.mall_product_id, order_lines.product_name)`;
const OPTION_KEY_SQL = `coalesce(order_lines.mall_option_id, order_lines.option_text, '')`;
/** The three keys of a line (joined with its order as `o`), as SELECT columns. */
export const LINE_KEYS_SQL = `${CHANNEL_KEY_SQL} as channel_key, ${PRODUCT_KEY_SQL} as product_key, ${OPTION_KEY_SQL} as option_key`;

function inList(db: Conn, column: string, ids: readonly string[]): [string, Knex.Value[]] {
  return isPostgres(db as Db) ? [`${column} = any(?::text[])`, [[...ids]]] : [`${column} in (select value from json_each(?))`, [JSON.stringify(ids)]];
}

function scopeSql(db: Conn, scope: LineScope): [string, Knex.Value[]] {
  if ('lineIds' in scope) return inList(db, 'order_lines.id', scope.lineIds);
  return [WAITING_SQL, []];
}

function rowsOf<T>(db: Conn, result: unknown): T[] {
  return (isPostgres(db as Db) ? (result as { rows: T[] }).rows : (result as T[])) ?? [];
}

/**
 * Lines in scope without a match get the match remembered for their keys: match_id, the summary as sku_code, and
 * the unmatched flag cleared. With `touch` each changed line gets a new version and the time, and is returned (a
 * line a sheet may hold); lines just brought in are not touched (they are new) and nothing is returned.
 */
export async function setMatches(db: Conn, scope: LineScope, touch: { now: string } | null): Promise<ChangedLine[]> {
  const [where, bindings] = scopeSql(db, scope);
  const [byMatch, matchBindings] = 'matchIds' in scope && scope.matchIds ? inList(db, 'pm.id', scope.matchIds) : ['true', []];
  const sets = ['match_id = pm.id', 'sku_code = pm.sku_summary', 'unmatched = false'];
  if (touch) sets.push('version = order_lines.version + 1', 'updated_at = ?');
  const sql =
    `update order_lines set ${sets.join(', ')} from orders o, product_matches pm ` +
    `where o.id = order_lines.order_id and pm.channel_key = ${CHANNEL_KEY_SQL} and pm.product_key = ${PRODUCT_KEY_SQL} ` +
    `and pm.option_key = ${OPTION_KEY_SQL} and order_lines.match_id is null and ${where} and ${byMatch}` +
    (touch ? ' returning order_lines.id, order_lines.order_id, order_lines.status, order_lines.sku_code' : '');
  const result = await db.raw(sql, [...(touch ? [touch.now] : []), ...bindings, ...matchBindings]);
  return touch ? rowsOf<ChangedLine>(db, result) : [];
}

/** Matched lines in scope that have no SKUs of their own yet get a copy of their match's items. */
export async function copyLineSkus(db: Conn, scope: LineScope): Promise<void> {
  const [where, bindings] = scopeSql(db, scope);
  await db.raw(
    'insert into line_skus (line_id, sku_id, quantity) select order_lines.id, i.sku_id, i.quantity from order_lines ' +
      'join product_match_items i on i.match_id = order_lines.match_id ' +
      `where ${where} and not exists (select 1 from line_skus ls where ls.line_id = order_lines.id)`,
    bindings,
  );
}

/** Waiting lines in scope without a match that are not flagged yet get the unmatched flag (returned with `touch`). */
export async function flagUnmatched(db: Conn, scope: LineScope, touch: { now: string } | null): Promise<ChangedLine[]> {
  const [where, bindings] = scopeSql(db, scope);
  const sets = ['unmatched = true', ...(touch ? ['version = version + 1', 'updated_at = ?'] : [])];
  const result = await db.raw(
    `update order_lines set ${sets.join(', ')} where ${where} and ${WAITING_SQL} and match_id is null and unmatched = false` +
      (touch ? ' returning id, order_id, status, sku_code' : ''),
    [...(touch ? [touch.now] : []), ...bindings],
  );
  return touch ? rowsOf<ChangedLine>(db, result) : [];
}

/**
 * A match removed (or replaced): its waiting lines lose their SKUs and are unmatched again, with a new version;
 * lines past waiting keep the SKUs and summary they were packed or shipped with, and only lose the link.
 */
export async function unsetMatch(db: Conn, matchId: string, now: string): Promise<ChangedLine[]> {
  await db.raw(`delete from line_skus where line_id in (select id from order_lines where match_id = ? and ${WAITING_SQL})`, [matchId]);
  const result = await db.raw(
    `update order_lines set match_id = null, sku_code = null, unmatched = true, version = version + 1, updated_at = ? ` +
      `where match_id = ? and ${WAITING_SQL} returning id, order_id, status, sku_code`,
    [now, matchId],
  );
  await db('order_lines').where({ match_id: matchId }).update({ match_id: null });
  return rowsOf<ChangedLine>(db, result);
}

/** Which of these channel keys some line carries (an account since removed still has its lines). */
export async function channelKeysCarried(db: Conn, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const [where, bindings] = inList(db, CHANNEL_KEY_SQL, [...new Set(keys)]);
  const rows = rowsOf<{ id: string }>(
    db,
    await db.raw(
      `select distinct ${CHANNEL_KEY_SQL} as id from order_lines join orders as o on o.id = order_lines.order_id where ${where}`,
      bindings,
    ),
  );
  return new Set(rows.map((r) => r.id));
}

/** The orders of changed lines get a new version: every sheet row of the order reads as stale. */
export async function bumpOrders(db: Conn, orderIds: readonly string[], now: string): Promise<void> {
  if (!orderIds.length) return;
  const [where, bindings] = inList(db, 'id', [...new Set(orderIds)]);
  await db.raw(`update orders set version = version + 1, updated_at = ? where ${where}`, [now, ...bindings]);
}

export type UnmatchedGroupRow = {
  channel_key: string;
  product_key: string;
  option_key: string;
  lines: number;
  quantity: number;
  product_name: string;
  option_text: string | null;
  mall_product_id: string | null;
  mall_option_id: string | null;
  mall_account_id: string | null;
  channel_name: string;
};

/** Unmatched waiting lines grouped by channel + product + option, most lines first. */
export async function unmatchedGroups(db: Conn, limit: number): Promise<UnmatchedGroupRow[]> {
  const rows: Record<string, unknown>[] = await db('order_lines')
    .join('orders as o', 'o.id', 'order_lines.order_id')
    .select(
      db.raw(LINE_KEYS_SQL),
      db.raw('count(*) as lines'),
      db.raw('sum(order_lines.quantity) as quantity'),
      db.raw('min(order_lines.product_name) as product_name'),
      db.raw('min(order_lines.option_text) as option_text'),
      db.raw('min(order_lines.mall_product_id) as mall_product_id'),
      db.raw('min(order_lines.mall_option_id) as mall_option_id'),
      db.raw('min(order_lines.mall_account_id) as mall_account_id'),
      db.raw('min(o.channel_name) as channel_name'),
    )
    .where('order_lines.unmatched', true)
    .whereNull('order_lines.match_id')
    .whereIn('order_lines.status', ['PAID', 'NEW', 'READY'])
    .whereNull('o.deleted_at')
    .groupByRaw('1, 2, 3')
    .orderByRaw('count(*) desc, 4')
    .limit(limit);
  return rows.map((r) => ({ ...r, lines: Number(r.lines), quantity: Number(r.quantity) }) as UnmatchedGroupRow);
}
