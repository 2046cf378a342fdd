// Undo of a bulk transition (PRODUCT §6.9): an operator's call that moved lines (release, ship, the delivery steps,
// hold, release of a hold, flags) keeps what each row it changed held before, so the call can be undone as a unit
// while nothing after it depends on it. One row per call; its undo record in parts, one per block the call was
// written in (bulk-blocks.ts: each block its own transaction), packed as JSON (packed-text.ts).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('transition_batches', (t) => {
    t.string('id', 40).primary(); // the batch id of its history rows
    t.string('action', 32).notNullable();
    /** When the call's last block was written: a call still writing (or broken off) is not undone. */
    t.timestamp('completed_at', { useTz: true });
    /** Why the call cannot be undone for what followed it (its released orders merged by themselves), or null. */
    t.string('blocked', 40);
    t.string('created_by', 40);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('undone_at', { useTz: true });
    t.string('undone_by', 40);
    t.string('undo_batch_id', 40);
    t.index(['created_at']);
  });
  await knex.schema.createTable('transition_batch_parts', (t) => {
    t.string('batch_id', 40).notNullable().references('transition_batches.id');
    t.integer('part').notNullable();
    t.integer('lines').notNullable(); // lines the block changed
    /** Why the block cannot be undone (a change the record does not cover), or null. */
    t.string('blocked', 40);
    /** JSON (see transition-undo.ts UndoPart): each changed row's fields as they were and its version after the call. */
    t.text('undo').notNullable();
    /** JSON [[line_id, sku_id, warehouse_id, quantity, allocation batch], …]: what its shipped or canceled lines held. */
    t.text('allocations');
    t.primary(['batch_id', 'part']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('transition_batch_parts');
  await knex.schema.dropTable('transition_batches');
}
