// Each user's own layout of a sheet the pane writes (issue 13 §4): one row per user and sheet, the layout as JSON
// text (checked by the service against shared/api/preferences.schema.ts on every write and read).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_sheet_layouts', (t) => {
    t.string('user_id', 40).notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.string('sheet', 40).notNullable();
    t.text('layout').notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.primary(['user_id', 'sheet']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_sheet_layouts');
}
