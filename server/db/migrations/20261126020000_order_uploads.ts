// Order uploads (issue 10 §4): a wholesale buyer's or a connector-less mall's order sheet registered as orders in
// one batch, which can be deleted as a whole while none of its orders has moved on. `order_upload_orders` links
// each order to its batch and holds the mall order number the order claims for its channel: the unique index is
// what makes a number registered twice impossible even when two uploads of the same file race. A deleted batch
// gives its numbers back (mall_order_key set to null), so the corrected file can be uploaded again.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('order_uploads', (t) => {
    t.string('id', 40).primary();
    t.string('template_id', 64).notNullable();
    t.string('template_name', 200).notNullable();
    t.string('source_kind', 8).notNullable(); // sheet | file
    t.string('source_name', 255).notNullable(); // the worksheet's or the file's name
    // The channel the operator chose for the whole file (null: from the file's own column or the template).
    t.string('channel_kind', 16);
    t.string('channel_name', 100);
    t.integer('rows_total').notNullable();
    t.integer('rows_registered').notNullable();
    t.integer('rows_refused').notNullable();
    t.integer('orders_created').notNullable();
    t.integer('lines_created').notNullable();
    t.string('created_by', 40);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('deleted_at', { useTz: true });
    t.string('deleted_by', 40);
    t.string('delete_reason', 500);
    t.index(['created_at']);
  });

  await knex.schema.createTable('order_upload_orders', (t) => {
    t.string('order_id', 40).primary().references('orders.id');
    t.string('upload_id', 40).notNullable().references('order_uploads.id');
    t.string('channel_name', 100).notNullable();
    // The file's order number while the order holds it; null without one, or once its batch is deleted.
    t.string('mall_order_key', 64);
    t.index(['upload_id']);
    t.unique(['channel_name', 'mall_order_key']);
  });
}
