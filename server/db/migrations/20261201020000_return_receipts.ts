// 반품 입고 (returns received): a returned or exchanged line's goods come back to the desk and are checked. Sellable
// goods go back on a warehouse's shelf (stock history 'return_in'); defective ones are recorded without stock. One
// receipt per line: a partial claim's part is a line of its own.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('return_receipts', (t) => {
    t.string('line_id', 40).primary().references('order_lines.id');
    t.string('order_id', 40).notNullable().references('orders.id');
    t.string('claim_id', 40); // the return or exchange claim the goods came back for
    t.string('condition', 16).notNullable(); // sellable | defective
    t.string('warehouse_id', 40); // where sellable goods went back; null for defective ones
    t.integer('units').notNullable(); // the line's quantity received
    t.string('note', 500);
    t.string('batch_id', 40).notNullable();
    t.string('received_by', 40);
    t.timestamp('received_at', { useTz: true }).notNullable();
    t.index(['received_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('return_receipts');
}
