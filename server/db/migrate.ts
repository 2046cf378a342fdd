import type { Db } from './knex.ts';
import { MIGRATIONS } from './migrations/index.ts';

const source = {
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

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const [, ran] = (await db.migrate.latest({ migrationSource: source })) as [number, string[]];
  return ran;
}
