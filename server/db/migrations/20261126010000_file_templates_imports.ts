// Saved spreadsheet templates (copies of built-ins or guessed from a file, issue 10 §1) and the record of each
// invoice import (§3): who imported which file through which template, the counts, and per changed box what it
// carried before, so a whole import can be undone while nothing after it depends on it.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('file_templates', (t) => {
    t.string('id', 40).primary();
    t.string('type', 20).notNullable(); // order_upload | invoice_import
    t.string('name', 100).notNullable();
    /** JSON: the template without id, name and builtIn (shared/api/file-imports.schema.ts templateDefinition). */
    t.text('definition').notNullable();
    t.string('created_by', 40);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.string('updated_by', 40);
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['type']);
  });
  await knex.schema.createTable('invoice_imports', (t) => {
    t.string('id', 40).primary();
    /** The status_history batch of the import's changes. */
    t.string('batch_id', 40).notNullable();
    t.string('created_by', 40);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.string('template_id', 40).notNullable();
    t.string('source_kind', 8).notNullable(); // sheet | file
    t.string('source_name', 255).notNullable();
    t.string('courier', 16);
    t.boolean('overwrite').notNullable();
    t.boolean('all_or_nothing').notNullable();
    t.integer('rows').notNullable();
    t.integer('new_count').notNullable();
    t.integer('overwrite_count').notNullable();
    t.integer('unchanged_count').notNullable();
    t.integer('refused_count').notNullable();
    /** JSON: per sheet row its outcome and code (no cell contents), for the result file. */
    t.text('results');
    t.timestamp('undone_at', { useTz: true });
    t.string('undone_by', 40);
    t.string('undo_batch_id', 40);
    t.index(['created_at']);
  });
  await knex.schema.createTable('invoice_import_boxes', (t) => {
    t.increments('id');
    t.string('import_id', 40).notNullable().references('id').inTable('invoice_imports').onDelete('CASCADE');
    /** The box the import left the lines in (new, or the one they were in). */
    t.string('box_id', 40).notNullable();
    t.integer('row').notNullable();
    t.string('old_courier', 16);
    t.string('old_tracking_number', 40);
    t.string('old_send_status', 16);
    t.timestamp('old_sent_at', { useTz: true });
    /** The box's version right after the import: anything since (a send, another number) blocks the undo. */
    t.integer('box_version_after');
    /** JSON [{ id, status, version }]: each line's status before and version right after the import. */
    t.text('lines').notNullable();
    t.index(['import_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('invoice_import_boxes');
  await knex.schema.dropTableIfExists('invoice_imports');
  await knex.schema.dropTableIfExists('file_templates');
}
