// One active job per account and type, enforced by the database (two requests or two instances racing cannot
// both start it), and a heartbeat so an instance starting up fails only jobs nobody is running any more.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.timestamp('heartbeat_at', { useTz: true });
  });
  // Partial unique index: same syntax on SQLite and PostgreSQL.
  await knex.raw(`create unique index jobs_one_active on jobs (mall_account_id, type) where state in ('queued', 'running')`);
}
