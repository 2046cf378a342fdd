// Every table of a test database as sorted rows, to compare the database before and after a round trip (apply then
// undo): rows without their version and times of change (an undo is a change of its own), tables matching `skip`
// (history, audit and batch records: what happened stays written) left out.
import type { Knex } from 'knex';

export async function tableSnapshot(db: Knex, skip: RegExp): Promise<Record<string, string[]>> {
  const names: string[] =
    db.client.config.client === 'pg'
      ? (await db.raw(`select table_name as name from information_schema.tables where table_schema = current_schema()`)).rows.map(
          (r: { name: string }) => r.name,
        )
      : (await db.raw(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)).map((r: { name: string }) => r.name);
  const out: Record<string, string[]> = {};
  for (const name of names.filter((n) => !skip.test(n)).sort()) {
    out[name] = ((await db(name).select()) as Record<string, unknown>[])
      .map((r) => {
        const { version: _v, updated_at: _u, last_used_at: _l, ...rest } = r;
        return JSON.stringify(rest, Object.keys(rest).sort());
      })
      .sort();
  }
  return out;
}
