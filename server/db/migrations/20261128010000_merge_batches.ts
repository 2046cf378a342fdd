// Merge-packing (합포장, issue 12): one row per applied merge, its undo record packed as one JSON value (100,000
// lines must stay one insert, as the invoice import learned), and the review groups an operator rejected, so the
// same orders are not offered again.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('merge_batches', (t) => {
    t.string('id', 40).primary(); // the batch id of its history rows
    t.string('source', 16).notNullable(); // manual | auto (at release)
    t.integer('groups').notNullable();
    t.integer('lines').notNullable();
    /**
     * JSON {lines: [[line_id, old_box_id|null, box_id, version_after], …], made: [box_id, …], removed: [box row, …],
     * boxes: [[box_id, version_after], …]}: where every line was before, the boxes the apply made and the ones it
     * emptied (whole rows, to put back).
     */
    t.text('undo').notNullable();
    t.string('created_by', 40);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('undone_at', { useTz: true });
    t.string('undone_by', 40);
    t.string('undo_batch_id', 40);
    t.index(['created_at']);
  });
  await knex.schema.createTable('merge_rejections', (t) => {
    // The rejected group's orders, sorted and joined: offered again only when its orders change.
    t.string('orders_key', 64).primary();
    t.string('batch_id', 40).notNullable().references('merge_batches.id');
    t.text('order_ids').notNullable();
    t.index(['batch_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('merge_rejections');
  await knex.schema.dropTable('merge_batches');
}
