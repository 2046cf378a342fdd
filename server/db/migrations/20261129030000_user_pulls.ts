// When each user last pulled order lines into a sheet (issue 13 §3): the status board counts the mall lines that
// came in since, so "new" means new to this operator. One row per user, overwritten by every pull.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_pulls', (t) => {
    t.string('user_id', 40).primary().references('users.id');
    t.timestamp('pulled_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_pulls');
}
