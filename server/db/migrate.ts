import { isPostgres, type Db } from './knex.ts';
import { MIGRATIONS } from './migrations/index.ts';

/** The migrations as knex's migrator reads them (also for a test that runs them one at a time). */
export const migrationSource = {
  async getMigrations() {
    return MIGRATIONS.map(([name]) => name);
  },
  getMigrationName(name: string) {
    return name;
  },
  async getMigration(name: string) {
    const found = MIGRATIONS.find(([n]) => n === name);
    if (!found) throw new Error(`unknown migration ${name}`);
    // Migrations are forward-only: knex insists on a down(), so one that refuses stands in for it.
    return {
      up: found[1].up,
      down: async () => {
        throw new Error(`migration ${name} is forward-only`);
      },
    };
  },
};

/** Key of the advisory lock that serialises start-up across instances (first half; the second is the schema). */
const STARTUP_LOCK_CLASS = 0x53530002;

/**
 * Runs `fn` while no other instance on the same PostgreSQL schema runs its own start-up steps. Instances started
 * together on an empty database would otherwise create knex's tables and the first admin at the same moment, and
 * one would fail (duplicate pg_type / unique violation). The lock is a transaction-scoped advisory lock on one
 * pooled connection: it is released when `fn` ends, or when the process dies. SQLite has one process: no lock.
 */
export async function withStartupLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return fn();
  return db.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?, hashtext(current_schema()))', [STARTUP_LOCK_CLASS]);
    return fn();
  });
}

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const [, ran] = (await db.migrate.latest({ migrationSource })) as [number, string[]];
  return ran;
}
