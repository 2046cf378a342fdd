// Sign-in attempts in the database, so the guessing limit holds across server instances and restarts. A row is
// one attempt against one key (a username or a client address); the key is stored as its SHA-256 so the table
// holds no usernames or addresses. Rows older than the window are purged.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_attempts', (t) => {
    t.string('id', 40).primary();
    t.string('key_hash', 64).notNullable();
    t.bigInteger('at_ms').notNullable(); // epoch milliseconds: compared as numbers on both databases
    t.index(['key_hash', 'at_ms']);
    t.index(['at_ms']);
  });
}
