// Which server instance runs a job. A job whose instance is gone (killed, crashed) is closed at once by any other
// instance or by the restarted one, instead of blocking its account until its heartbeat goes stale.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.string('runner_id', 64);
  });
}
