// Stock allocation (재고할당, issue 12 §2): which stock each released line holds (line_allocations: stock.allocated
// is the sum of these per SKU × warehouse), and the batches that put it there. A batch row carries its preview (the
// plan with the versions it was computed from) and, once applied, its undo record, each packed as one JSON value:
// 100,000 lines stay one row. stock_history gets the batch id so a batch's stock changes can be found together.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
  await knex.schema.createTable('allocation_batches', (t) => {
    t.string('id', 40).primary();
    t.string('state', 16).notNullable(); // previewed | applied | undone
    t.string('source', 16).notNullable(); // preview (the pane) | release (품절해제 re-allocation)
    t.text('options').notNullable(); // JSON: policy, order rule, channel priority, warehouses, held
    t.text('plan').notNullable(); // JSON: the packed plan with the versions it was computed from
    t.text('undo'); // JSON: what the apply did (allocations, splits, flags, versions after)
    t.integer('lines').notNullable().defaultTo(0);
    t.string('created_by', 40);
    ts(t, 'created_at').notNullable();
    ts(t, 'applied_at');
    ts(t, 'undone_at');
    t.string('undone_by', 40);
    t.index(['state', 'created_at']);
  });
  await knex.schema.createTable('line_allocations', (t) => {
    t.string('line_id', 40).notNullable().references('order_lines.id');
    t.string('sku_id', 40).notNullable().references('skus.id');
    t.string('warehouse_id', 40).notNullable().references('warehouses.id');
    t.integer('quantity').notNullable();
    t.string('batch_id', 40).notNullable();
    t.primary(['line_id', 'sku_id', 'warehouse_id']);
    t.index(['batch_id']);
    t.index(['sku_id', 'warehouse_id']);
  });
  await knex.schema.alterTable('stock_history', (t) => {
    t.string('batch_id', 40);
    t.index(['batch_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('stock_history', (t) => {
    t.dropIndex(['batch_id']);
    t.dropColumn('batch_id');
  });
  await knex.schema.dropTable('line_allocations');
  await knex.schema.dropTable('allocation_batches');
}
