// Gifts (사은품, issue 12): rules that add a gift line (one of the seller's SKUs, unit price 0) to orders meeting
// all their conditions, the batches that applied them (with a packed undo record), and on each order line the
// rule that added it as a gift and whether a hold has set it aside.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });

  await knex.schema.createTable('gift_rules', (t) => {
    t.string('id', 40).primary();
    t.string('name', 100).notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    // Conditions; a null / empty one always holds. Lists are JSON arrays of ids or names (any of them).
    t.text('mall_account_ids');
    t.text('channel_names');
    t.text('sku_ids'); // SKUs bought: any of them on a line of the order
    t.integer('amount_min'); // won
    t.string('amount_basis', 8).notNullable().defaultTo('paid'); // paid (Σ line amount) | order (Σ unit price × qty)
    t.boolean('amount_with_shipping').notNullable().defaultTo(false);
    t.integer('min_quantity');
    t.string('period_from', 10); // YYYY-MM-DD, KST, against the order's order_date
    t.string('period_to', 10);
    // The gift.
    t.string('gift_sku_id', 40).notNullable().references('skus.id');
    t.integer('gift_quantity').notNullable().defaultTo(1);
    t.boolean('deduct_stock').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_by', 40);
    ts(t, 'created_at').notNullable();
    ts(t, 'updated_at').notNullable();
  });

  // One apply of the rules: what it added, packed as one JSON value, so undo reads one row however many orders.
  await knex.schema.createTable('gift_batches', (t) => {
    t.string('id', 40).primary(); // the history batch id (bat_…)
    t.integer('orders').notNullable();
    t.integer('lines').notNullable();
    t.text('undo').notNullable(); // JSON [[order_id, order_version_after, [line_id, …]], …]
    t.string('created_by', 40);
    ts(t, 'created_at').notNullable();
    ts(t, 'undone_at');
    t.string('undone_by', 40);
  });

  await knex.schema.alterTable('order_lines', (t) => {
    t.string('gift_rule_id', 40).references('gift_rules.id');
    t.boolean('gift_set_aside').notNullable().defaultTo(false);
    t.index(['gift_rule_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_lines', (t) => {
    t.dropIndex(['gift_rule_id']);
    t.dropForeign(['gift_rule_id']);
    t.dropColumn('gift_rule_id');
    t.dropColumn('gift_set_aside');
  });
  await knex.schema.dropTable('gift_batches');
  await knex.schema.dropTable('gift_rules');
}
