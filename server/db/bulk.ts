// Set-based reads and writes of many rows at once, for bulk calls of up to 50,000 items.
// On SQLite a whole id list or row set travels as one JSON parameter opened with json_each, so one statement does
// what would otherwise take hundreds (SQLite caps bound values per statement and compound SELECTs at 500 terms),
// and rows are read back as one JSON document, which is several times faster than row-by-row conversion in the
// driver. PostgreSQL takes arrays natively and its driver is fast, so it uses ordinary statements.
import type { Knex } from 'knex';
import { chunk, isPostgres, MAX_BINDINGS } from './knex.ts';
import { handedOver, nextTurn } from './turns.ts';

type Conn = Knex | Knex.Transaction;

/** Narrows a query to rows whose `column` is one of `ids`, with one bound value however many ids there are. */
export function whereIdIn<Q extends Knex.QueryBuilder>(db: Conn, q: Q, column: string, ids: readonly string[]): Q {
  return isPostgres(db as Knex)
    ? (q.whereRaw('?? = any(?::text[])', [column, [...ids]]) as Q)
    : (q.whereRaw('?? in (select value from json_each(?))', [column, JSON.stringify(ids)]) as Q);
}

/**
 * Rows of `table` whose `column` is one of `values`, with the given columns, in id order. With `lock` the rows are
 * locked for the transaction on PostgreSQL (in id order, so concurrent bulk calls cannot deadlock on them); SQLite
 * has one writer at a time and needs no row locks.
 */
export async function selectWhereIn(
  db: Conn,
  table: string,
  column: string,
  values: readonly string[],
  columns: readonly string[],
  options: { lock?: boolean; booleans?: readonly string[]; slices?: number } = {},
): Promise<Record<string, unknown>[]> {
  const unique = [...new Set(values)];
  if (!unique.length) return [];
  if (options.slices && unique.length > options.slices) {
    return inSlices(unique, options.slices, (part) => selectWhereIn(db, table, column, part, columns, { ...options, slices: undefined }));
  }
  if (isPostgres(db as Knex)) {
    const q = db(table)
      .select([...columns])
      .whereRaw('?? = any(?::text[])', [column, unique])
      .orderBy('id');
    return options.lock ? q.forUpdate() : q;
  }
  const packed = columns.map((c) => `"${c}"`).join(', ');
  // Put in id order here rather than by `order by id`: SQLite sorts with a temporary b-tree even when the rows come
  // in id order already (they mostly do: it walks the IN list in value order), a third of a 50,000-row read.
  const ordered = columns.includes('id');
  const [row] = (await db.raw(
    `select json_group_array(json_array(${packed})) as rows from (select ${packed} from "${table}" where "${column}" in (select value from json_each(?))${ordered ? '' : ' order by id'})`,
    [JSON.stringify(unique)],
  )) as { rows: string }[];
  const rows = unpack(row?.rows, columns, options.booleans);
  return ordered ? inIdOrder(rows) : rows;
}

/** Rows sorted by id, checked first: rows that come in id order (most) are only looked at once. */
export function inIdOrder<R extends { id?: unknown }>(rows: R[]): R[] {
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i - 1]!.id as string) > (rows[i]!.id as string)) return rows.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1));
  }
  return rows;
}

/**
 * A read of many values in slices of `size`, other requests given a turn between them: outside a transaction each
 * statement holds SQLite's one connection while it runs, and one over 50,000 values held it for a fifth of a second.
 * The rows come in id order within each slice.
 */
export async function inSlices<R>(values: readonly string[], size: number, read: (part: string[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let from = 0; from < values.length; from += size) {
    if (from > 0) await nextTurn();
    for (const row of await read(values.slice(from, from + size))) out.push(row);
  }
  return out;
}

/**
 * The rows of a query whose select names exactly `fields` (aliases included), in its order. On SQLite they come back
 * packed as one JSON document, as selectWhereIn reads them (thousands of rows several times faster than the
 * driver's row-by-row conversion); PostgreSQL runs the query as it is.
 */
export async function selectPacked(
  db: Conn,
  query: Knex.QueryBuilder,
  fields: readonly string[],
  booleans?: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (isPostgres(db as Knex)) return (await query) as Record<string, unknown>[];
  const packed = fields.map((f) => `"${f}"`).join(', ');
  const [row] = (await db.raw(`select json_group_array(json_array(${packed})) as rows from (?)`, [query])) as { rows: string }[];
  return unpack(row?.rows, fields, booleans);
}

type RowBuilder = (values: readonly unknown[]) => Record<string, unknown>;
const builders = new Map<string, RowBuilder>();

/**
 * A function that makes a row object of `fields` from one packed array, as an object literal with the fields in
 * order: every row then has the same shape from its creation, which makes 50,000 rows about twice as fast to build
 * (and later to read) as filling an empty object field by field. `booleans` are made true/false there (SQLite keeps
 * 0/1; turning them afterwards changed each row's shape again; null becomes false, as bools() makes it). The field names are our own column lists, quoted as
 * JSON strings, so the generated code holds no caller data; one function per field list, kept.
 */
function rowBuilder(fields: readonly string[], booleans: readonly string[] = []): RowBuilder {
  const key = `${fields.join('\u0000')}\u0001${booleans.join('\u0000')}`;
  let build = builders.get(key);
  if (!build) {
    const value = (f: string, i: number) => (booleans.includes(f) ? `!!v[${i}]` : `v[${i}]`);
    build = new Function('v', `return { ${fields.map((f, i) => `${JSON.stringify(f)}: ${value(f, i)}`).join(', ')} };`) as RowBuilder;
    builders.set(key, build);
  }
  return build;
}

/** Field by field, for a list a literal cannot spell: in a literal, a `__proto__` key would set the prototype. */
const slowBuilder =
  (fields: readonly string[], booleans: readonly string[] = []): RowBuilder =>
  (values) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const value = booleans.includes(fields[i]!) ? !!values[i] : values[i];
      Object.defineProperty(out, fields[i]!, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

function unpack(json: string | undefined, fields: readonly string[], booleans?: readonly string[]): Record<string, unknown>[] {
  const arrays = JSON.parse(json ?? '[]') as unknown[][];
  const build = fields.includes('__proto__') ? slowBuilder(fields, booleans) : rowBuilder(fields, booleans);
  const rows: Record<string, unknown>[] = new Array(arrays.length);
  for (let k = 0; k < arrays.length; k++) rows[k] = build(arrays[k]!);
  return rows;
}

/** Same patch on many rows by id; every row's version goes up by one. */
export async function updateByIds(db: Conn, table: string, ids: readonly string[], patch: Record<string, unknown>): Promise<void> {
  await updateByIdsWrite(db, table, ids, patch)?.();
}

/** updateByIds, built now and run when called (see Write). */
export function updateByIdsWrite(db: Conn, table: string, ids: readonly string[], patch: Record<string, unknown>): Write | null {
  if (!ids.length) return null;
  const query = whereIdIn(db, db(table), 'id', ids);
  return async () => {
    await query.update({ ...patch, version: db.raw('version + 1') });
  };
}

/**
 * Sets the same fields of many rows, by id, to values that differ from row to row (each line into its own box), in
 * one statement; `common` is set on every row alike and every row's version goes up by one. Each row is
 * `{ id, ...fields }` with the fields of the first. On SQLite the rows travel as one JSON array joined by UPDATE …
 * FROM; on PostgreSQL json_populate_recordset reads them with the table's own column types.
 */
export async function updateRows(
  db: Conn,
  table: string,
  rows: readonly Record<string, unknown>[],
  common: Record<string, unknown> = {},
): Promise<void> {
  if (!rows.length) return;
  const fields = Object.keys(rows[0]!).filter((c) => c !== 'id');
  await updateValues(
    db,
    table,
    fields,
    rows.map((r) => [r.id, ...fields.map((c) => r[c])]),
    common,
  );
}

/**
 * updateRows with each row given as `[id, ...its values of fields]`, as a caller that has the values at hand builds
 * them (no object per row). On SQLite the arrays go into the JSON as they are: JSON's true/false read back through
 * `->>` as 1/0, as SQLite keeps booleans, and undefined becomes null.
 */
export async function updateValues(
  db: Conn,
  table: string,
  fields: readonly string[],
  values: readonly unknown[][],
  common: Record<string, unknown> = {},
): Promise<void> {
  await updateValuesWrite(db, table, fields, values, common)?.();
}

/** updateValues, built now and run when called (see Write). */
export function updateValuesWrite(
  db: Conn,
  table: string,
  fields: readonly string[],
  values: readonly unknown[][],
  common: Record<string, unknown> = {},
): Write | null {
  if (!values.length) return null;
  const shared = Object.keys(common);
  const commonSets = shared.map((c) => `"${c}" = ?`);
  const postgres = isPostgres(db as Knex);
  const commonValues = shared.map((c) => (postgres ? ((common[c] ?? null) as Knex.Value) : toSqlite(common[c])));
  if (postgres) {
    const rows = values.map((v) => Object.fromEntries([['id', v[0]], ...fields.map((f, i) => [f, v[i + 1] ?? null])]));
    const sets = [...fields.map((c) => `"${c}" = v."${c}"`), ...commonSets, 'version = t.version + 1'];
    return rawWrite(
      db,
      `update "${table}" as t set ${sets.join(', ')} from json_populate_recordset(null::"${table}", ?::json) as v where t.id = v.id`,
      [...commonValues, JSON.stringify(rows)],
    );
  }
  const row = fields.length < JSONB_FROM ? 'v.value' : 'v.jb';
  const sets = [...fields.map((c, i) => `"${c}" = ${row} ->> ${i + 1}`), ...commonSets, 'version = version + 1'];
  const data = JSON.stringify(values);
  if (fields.length < JSONB_FROM) {
    return rawWrite(db, `update "${table}" set ${sets.join(', ')} from json_each(?) as v where "${table}".id = v.value ->> 0`, [
      ...commonValues,
      data,
    ]);
  }
  return rawWrite(
    db,
    `with v as materialized (select value ->> 0 as id, jsonb(value) as jb from json_each(?)) update "${table}" set ${sets.join(', ')} from v where "${table}".id = v.id`,
    [data, ...commonValues],
  );
}

/**
 * Inserts many rows of the same shape. Columns whose value is the same in every row are bound once; on SQLite the
 * rest travel as one JSON array of arrays.
 */
export async function insertMany(db: Conn, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  await insertManyWrite(db, table, rows)?.();
}

/** insertMany, built now and run when called (see Write). */
export function insertManyWrite(db: Conn, table: string, rows: readonly Record<string, unknown>[]): Write | null {
  if (!rows.length) return null;
  const columns = Object.keys(rows[0]!);
  if (isPostgres(db as Knex)) {
    const perStatement = Math.max(1, Math.floor(MAX_BINDINGS / columns.length));
    return async () => {
      for (const part of chunk(rows, perStatement)) await db(table).insert(part);
    };
  }
  const first = rows[0]!;
  const constant = columns.filter((c) => rows.every((r) => r[c] === first[c]));
  const varying = columns.filter((c) => !constant.includes(c));
  const bindings = constant.map((c) => toSqlite(first[c]));
  // JSON true/false read back through ->> as 1/0, as SQLite keeps booleans; undefined becomes null.
  const data = JSON.stringify(rows.map((r) => varying.map((c) => r[c])));
  const names = columns.map((c) => `"${c}"`).join(', ');
  const select = (row: string) => columns.map((c) => (constant.includes(c) ? '?' : `${row} ->> ${varying.indexOf(c)}`)).join(', ');
  if (varying.length < JSONB_FROM) {
    return rawWrite(db, `insert into "${table}" (${names}) select ${select('value')} from json_each(?)`, [...bindings, data]);
  }
  // `order by key` keeps the rows' order, which autoincrement ids follow.
  return rawWrite(
    db,
    `with v as materialized (select key, jsonb(value) as jb from json_each(?)) insert into "${table}" (${names}) select ${select('jb')} from v order by key`,
    [data, ...bindings],
  );
}

/**
 * A write whose data (JSON, SQL) is already built: calling it hands its statement(s) to the database. Building is the
 * CPU part of a bulk write — for 50,000 rows, tens of milliseconds — so writeInOrder builds each write while the
 * database runs the one before.
 */
export type Write = () => Promise<void>;

const rawWrite =
  (db: Conn, sql: string, bindings: readonly Knex.RawBinding[]): Write =>
  async () => {
    await db.raw(sql, bindings);
  };

/**
 * Runs writes one after another, in this order (constraints need it: boxes before the lines that point at them).
 * With `overlap` (big writes: OVERLAP_FROM rows and up), each is built — the `builds` are called in turn — while the
 * database runs the one before, once that one is under way (handedOver). A build gives one write, several (run in
 * their order) or none. The first write to fail is thrown; none after it starts. A build that throws is thrown once
 * the write under way has finished, so the caller's transaction is never rolled back under a running statement.
 */
export async function writeInOrder(builds: readonly (() => Write | readonly Write[] | null)[], overlap: boolean): Promise<void> {
  let running: Promise<void> | null = null;
  let started = false;
  for (const build of builds) {
    if (overlap && started) await handedOver();
    started = false;
    let built: ReturnType<typeof build>;
    try {
      built = build();
    } catch (error) {
      await running?.catch(() => undefined);
      throw error;
    }
    for (const write of built === null ? [] : typeof built === 'function' ? [built] : built) {
      if (running) await running;
      running = write();
      started = true;
      // Handled here at once: a failure while the next write is built would otherwise count as unhandled; it is
      // thrown by the `await` above or below.
      running.catch(() => undefined);
    }
  }
  if (running) await running;
}

/**
 * From this many values per row, rows sent as JSON text are parsed once into SQLite's binary JSONB first: `->>` on
 * text parses the row again for every value taken (with two or three values the conversion costs more than it saves).
 */
const JSONB_FROM = 4;

/** SQLite keeps booleans as 0/1. */
function toSqlite(value: unknown): Knex.Value {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : (value as Knex.Value);
}
