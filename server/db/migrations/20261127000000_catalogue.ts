// The catalogue (issue 11): the seller's own products (SKUs) with barcodes and a status towards the malls,
// warehouses (stores too, one default), stock per SKU × warehouse with a history row for every change, the queue of
// SKU status changes for the malls' storefronts, and matching: a mall product + option (per channel) → SKUs with
// quantities, remembered, and each line's own copy of the SKUs it was matched to.
import type { Knex } from 'knex';

export const DEFAULT_WAREHOUSE_ID = 'wh_default';

export async function up(knex: Knex): Promise<void> {
  const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
  const created = (t: Knex.CreateTableBuilder) => {
    ts(t, 'created_at').notNullable();
    ts(t, 'updated_at').notNullable();
  };

  await knex.schema.createTable('skus', (t) => {
    t.string('id', 40).primary();
    t.string('code', 64).notNullable().unique(); // the seller's own product code (상품코드), as typed
    t.string('name', 300).notNullable();
    t.string('option_text', 300);
    t.integer('cost').notNullable().defaultTo(0); // won
    t.integer('price').notNullable().defaultTo(0); // won
    // active | discontinued (단종, with status_date) | reorder (재입고 예정, with status_date)
    // | sold_out (강제품절) | limited (한정수량, with limit_quantity)
    t.string('status', 16).notNullable().defaultTo('active');
    t.string('status_date', 10); // YYYY-MM-DD, KST
    t.integer('limit_quantity');
    t.string('memo', 500);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_by', 40);
    created(t);
    t.index(['name']);
  });

  // A barcode belongs to one SKU; a SKU may have several (a maker's EAN and the seller's own label).
  await knex.schema.createTable('sku_barcodes', (t) => {
    t.string('barcode', 64).primary();
    t.string('sku_id', 40).notNullable().references('skus.id');
    ts(t, 'created_at').notNullable();
    t.index(['sku_id']);
  });

  await knex.schema.createTable('warehouses', (t) => {
    t.string('id', 40).primary();
    t.string('code', 32).notNullable().unique();
    t.string('name', 100).notNullable();
    t.string('kind', 16).notNullable().defaultTo('warehouse'); // warehouse | store
    t.boolean('is_default').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    created(t);
  });

  // One row per SKU and warehouse that ever had stock. available = on_hand − allocated (computed, never stored).
  await knex.schema.createTable('stock', (t) => {
    t.string('sku_id', 40).notNullable().references('skus.id');
    t.string('warehouse_id', 40).notNullable().references('warehouses.id');
    t.integer('on_hand').notNullable().defaultTo(0);
    t.integer('allocated').notNullable().defaultTo(0);
    t.integer('version').notNullable().defaultTo(1);
    ts(t, 'updated_at').notNullable();
    t.primary(['sku_id', 'warehouse_id']);
    t.index(['warehouse_id']);
  });

  // Stock never changes without one of these: who (user or job), when, why, before → after.
  await knex.schema.createTable('stock_history', (t) => {
    t.increments('id');
    t.string('sku_id', 40).notNullable().references('skus.id');
    t.string('warehouse_id', 40).notNullable().references('warehouses.id');
    t.string('kind', 16).notNullable(); // count | adjust | transfer_out | transfer_in | import | allocate | deallocate | ship
    t.integer('on_hand_before').notNullable();
    t.integer('on_hand_after').notNullable();
    t.integer('allocated_before').notNullable();
    t.integer('allocated_after').notNullable();
    t.string('reason', 500);
    t.string('transfer_id', 40); // both halves of a transfer carry the same id
    t.string('line_id', 40); // allocation and shipping name the order line
    t.string('actor_type', 16).notNullable(); // user | job | system
    t.string('actor_id', 40);
    t.string('job_id', 40);
    ts(t, 'at').notNullable();
    t.index(['sku_id', 'warehouse_id', 'id']);
    t.index(['at']);
  });

  // Forced sold-out and limited-stock changes waiting for each mall product's storefront. Pushing to a mall's
  // product API comes with a later connector; until then an entry says so in its state instead of pretending.
  await knex.schema.createTable('storefront_changes', (t) => {
    t.increments('id');
    t.string('sku_id', 40).notNullable().references('skus.id');
    t.string('mall_account_id', 40).notNullable().references('mall_accounts.id');
    t.string('mall_product_id', 64).notNullable();
    t.string('mall_option_id', 64);
    t.string('change', 16).notNullable(); // sold_out | limited | resume
    t.integer('quantity'); // the cap for limited
    // queued | no_connector (this mall's connector cannot change product status yet) | sent | failed | superseded
    t.string('state', 16).notNullable();
    t.text('detail');
    t.string('created_by', 40);
    created(t);
    t.index(['state']);
    t.index(['mall_account_id', 'mall_product_id']);
  });

  // A remembered match. channel_key is the mall account id, or `${channel_kind}:${channel_name}` for orders
  // without one (uploads, direct trade); product_key the mall's product id (else its product name); option_key the
  // mall's option id (else the option text, '' for none).
  await knex.schema.createTable('product_matches', (t) => {
    t.string('id', 40).primary();
    t.string('channel_key', 140).notNullable();
    t.string('product_key', 300).notNullable();
    t.string('option_key', 300).notNullable().defaultTo('');
    t.string('product_name', 300).notNullable(); // as the mall named it when matched, for the lists
    t.string('option_text', 300);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_by', 40);
    created(t);
    t.unique(['channel_key', 'product_key', 'option_key']);
  });

  // What one unit of the mall option is: SKUs with quantities (a set; 1+1 is one SKU × 2).
  await knex.schema.createTable('product_match_items', (t) => {
    t.string('match_id', 40).notNullable().references('product_matches.id');
    t.string('sku_id', 40).notNullable().references('skus.id');
    t.integer('quantity').notNullable();
    t.primary(['match_id', 'sku_id']);
    t.index(['sku_id']);
  });

  // Each line keeps its own copy of what it was matched to (per unit of the line), so a later change of the match
  // moves only the lines still waiting and shipped lines keep what they shipped.
  await knex.schema.createTable('line_skus', (t) => {
    t.string('line_id', 40).notNullable().references('order_lines.id');
    t.string('sku_id', 40).notNullable().references('skus.id');
    t.integer('quantity').notNullable(); // per unit of the line: the line needs quantity × line.quantity
    t.primary(['line_id', 'sku_id']);
    t.index(['sku_id']);
  });

  await knex.schema.alterTable('order_lines', (t) => {
    t.string('match_id', 40).references('product_matches.id');
    t.index(['match_id']);
  });
  // The matching and sold-out lists read the few flagged lines; partial indexes hold only those, so the thousands of
  // lines a collect inserts (flags off) cost them nothing. `where flag` is the same SQL on SQLite and PostgreSQL.
  await knex.raw('create index order_lines_unmatched on order_lines (order_id) where unmatched');
  await knex.raw('create index order_lines_sold_out on order_lines (order_id) where sold_out');

  const now = new Date().toISOString();
  await knex('warehouses').insert({
    id: DEFAULT_WAREHOUSE_ID,
    code: 'MAIN',
    name: '기본창고',
    kind: 'warehouse',
    is_default: true,
    active: true,
    version: 1,
    created_at: now,
    updated_at: now,
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index order_lines_sold_out');
  await knex.raw('drop index order_lines_unmatched');
  await knex.schema.alterTable('order_lines', (t) => {
    t.dropIndex(['match_id']);
    t.dropForeign(['match_id']);
    t.dropColumn('match_id');
  });
  for (const table of [
    'line_skus',
    'product_match_items',
    'product_matches',
    'storefront_changes',
    'stock_history',
    'stock',
    'warehouses',
    'sku_barcodes',
    'skus',
  ]) {
    await knex.schema.dropTable(table);
  }
}
