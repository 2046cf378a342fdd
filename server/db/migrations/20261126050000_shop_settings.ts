// The shop's own settings (issue 10 §5): one row per key, its value as JSON text, checked by the service against
// its schema on every write and read. First key: 'sender', the 보내는 분 of courier booking files.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('shop_settings', (t) => {
    t.string('key', 40).primary();
    t.text('value').notNullable();
    t.string('updated_by', 40);
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('shop_settings');
}
