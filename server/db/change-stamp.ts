// Whether anything may have been written to a SQLite database since a moment in a transaction: a bulk call applied
// in blocks reads its rows once and, before each later block, keeps using what it read only if nothing was
// written in between (bulk-blocks.ts).
import type { Knex } from 'knex';

/**
 * A value that differs from an earlier one whenever a row may have changed since: total_changes() counts every row
 * this connection inserted, updated or deleted (rolled-back ones too, which only errs towards reading again; the
 * server holds one SQLite connection, so this is every write of the process), and data_version moves when another
 * connection — another process on the same file — commits.
 */
export async function changeStamp(db: Knex | Knex.Transaction): Promise<string> {
  const [row] = (await db.raw('select total_changes() as changes, (select data_version from pragma_data_version) as version')) as {
    changes: number;
    version: number;
  }[];
  return `${row!.changes}:${row!.version}`;
}
