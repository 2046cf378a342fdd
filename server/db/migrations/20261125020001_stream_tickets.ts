// Short-lived, single-use tickets that open an event stream (a browser's EventSource cannot send a header, and a
// bearer token must never travel in a URL). Stored as SHA-256 so any instance can redeem them and a copy of the
// database opens nothing; each is bound to the session token it was asked with.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('stream_tickets', (t) => {
    t.string('ticket_hash', 64).primary();
    t.string('token_id', 40).notNullable().references('api_tokens.id');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['expires_at']);
  });
}
