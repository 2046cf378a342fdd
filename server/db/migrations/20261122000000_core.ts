// The core schema: users and tokens, mall accounts, orders, lines, boxes, claims, holds, notes, the status history
// and the audit log. Written with the schema builder only so it runs unchanged on SQLite and PostgreSQL.
// Forward-only: a later change is a new file, never an edit of this one.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
  const created = (t: Knex.CreateTableBuilder) => {
    ts(t, 'created_at').notNullable();
    ts(t, 'updated_at').notNullable();
  };

  await knex.schema.createTable('users', (t) => {
    t.string('id', 40).primary();
    t.string('username', 64).notNullable().unique();
    t.string('display_name', 100);
    t.string('role', 16).notNullable(); // admin | operator | viewer
    t.string('password_hash', 255).notNullable();
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    ts(t, 'last_login_at');
    created(t);
  });

  await knex.schema.createTable('api_tokens', (t) => {
    t.string('id', 40).primary();
    t.string('user_id', 40).notNullable().references('users.id');
    t.string('kind', 16).notNullable(); // session (from login, expires) | api (long-lived, for the add-in)
    t.string('name', 100);
    t.string('token_hash', 64).notNullable().unique(); // sha256 of the token; the token itself is never stored
    ts(t, 'created_at').notNullable();
    ts(t, 'expires_at');
    ts(t, 'last_used_at');
    ts(t, 'revoked_at');
    t.index(['user_id']);
  });

  await knex.schema.createTable('mall_accounts', (t) => {
    t.string('id', 40).primary();
    t.string('mall_type', 32).notNullable(); // coupang | naver | cafe24 | …
    t.string('display_name', 100).notNullable();
    t.text('credentials_enc'); // AES-256-GCM, see server/crypto/secret-box.ts; never returned by the API
    t.string('credentials_hint', 100); // masked, e.g. "A00012**** (vendor A00012345)"
    t.string('status', 16).notNullable().defaultTo('normal'); // normal | error
    t.text('last_error');
    ts(t, 'last_error_at');
    t.boolean('active').notNullable().defaultTo(true);
    t.boolean('collect_enabled').notNullable().defaultTo(true);
    t.boolean('confirm_enabled').notNullable().defaultTo(true);
    t.boolean('send_invoice_enabled').notNullable().defaultTo(true);
    t.boolean('sync_enabled').notNullable().defaultTo(true);
    t.boolean('auto_confirm').notNullable().defaultTo(false);
    ts(t, 'last_collected_at');
    t.integer('version').notNullable().defaultTo(1);
    created(t);
  });

  await knex.schema.createTable('orders', (t) => {
    t.string('id', 40).primary();
    t.string('source', 16).notNullable(); // mall | manual | direct
    t.string('mall_account_id', 40).references('mall_accounts.id');
    t.string('mall_order_id', 64); // the mall's order number, always text
    t.string('channel_kind', 16).notNullable(); // mall | direct | store_release | named
    t.string('channel_name', 100).notNullable();
    t.string('orderer_name', 100).notNullable();
    t.string('orderer_phone', 32);
    t.string('orderer_email', 200);
    t.string('recipient_name', 100);
    t.string('recipient_phone', 32);
    t.string('recipient_mobile', 32);
    t.string('recipient_zip', 10);
    t.string('recipient_address1', 300);
    t.string('recipient_address2', 300);
    t.string('delivery_memo', 500);
    ts(t, 'ordered_at');
    ts(t, 'paid_at');
    t.string('order_date', 10).notNullable(); // Korean calendar day (KST) of payment, for period filters and sales
    t.integer('total_amount').notNullable().defaultTo(0); // won
    t.integer('shipping_fee').notNullable().defaultTo(0); // won
    t.boolean('hold').notNullable().defaultTo(false);
    t.string('hold_reason', 500);
    t.boolean('priority').notNullable().defaultTo(false);
    t.boolean('flagged').notNullable().defaultTo(false);
    t.boolean('merge_locked').notNullable().defaultTo(false);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_by', 40);
    created(t);
    ts(t, 'deleted_at');
    t.string('deleted_by', 40);
    t.string('delete_reason', 500);
    t.index(['mall_account_id', 'mall_order_id']);
    t.index(['order_date']);
    t.index(['channel_name']);
  });

  await knex.schema.createTable('boxes', (t) => {
    t.string('id', 40).primary();
    t.string('courier', 32);
    t.string('tracking_number', 40); // text: leading zeros and 13+ digits must survive
    ts(t, 'invoiced_at');
    ts(t, 'shipped_at');
    t.string('send_status', 16).notNullable().defaultTo('not_sent'); // not_sent | sent | failed
    t.text('send_error');
    ts(t, 'sent_at');
    t.integer('version').notNullable().defaultTo(1);
    created(t);
    t.unique(['courier', 'tracking_number']);
    t.index(['tracking_number']);
  });

  await knex.schema.createTable('order_lines', (t) => {
    t.string('id', 40).primary();
    t.string('order_id', 40).notNullable().references('orders.id');
    t.integer('line_no').notNullable();
    t.string('mall_account_id', 40).references('mall_accounts.id');
    t.string('mall_line_id', 64); // Naver productOrderId, Coupang orderId+vendorItemId …
    t.string('mall_shipment_id', 64); // Coupang shipmentBoxId (up to 18 digits: text)
    t.string('mall_product_id', 64);
    t.string('mall_option_id', 64);
    t.string('product_name', 300).notNullable();
    t.string('option_text', 300);
    t.integer('quantity').notNullable();
    t.integer('unit_price').notNullable().defaultTo(0); // won
    t.integer('amount').notNullable().defaultTo(0); // won
    t.string('sku_code', 64); // matched own SKU (matching fills it)
    t.string('status', 24).notNullable();
    t.boolean('sold_out').notNullable().defaultTo(false);
    t.boolean('unmatched').notNullable().defaultTo(false);
    t.boolean('return_pickup_delayed').notNullable().defaultTo(false);
    t.string('box_id', 40).references('boxes.id');
    t.integer('version').notNullable().defaultTo(1);
    created(t);
    // Collection is idempotent: one row per account and mall line, re-collecting updates it.
    t.unique(['mall_account_id', 'mall_line_id']);
    t.index(['order_id', 'id']); // the lines view pages by (order_id, id)
    t.index(['status']);
    t.index(['box_id']);
  });

  await knex.schema.createTable('claims', (t) => {
    t.string('id', 40).primary();
    t.string('order_id', 40).notNullable().references('orders.id');
    t.string('line_id', 40).notNullable().references('order_lines.id');
    t.string('type', 16).notNullable(); // cancel | return | exchange
    t.string('state', 16).notNullable(); // requested | completed | withdrawn
    t.integer('quantity').notNullable();
    t.string('reason', 500);
    t.string('source', 16).notNullable(); // mall | manual
    t.string('mall_claim_id', 64);
    ts(t, 'requested_at').notNullable();
    ts(t, 'completed_at');
    t.string('created_by', 40);
    t.integer('version').notNullable().defaultTo(1);
    created(t);
    t.index(['order_id']);
    t.index(['line_id']);
  });

  await knex.schema.createTable('holds', (t) => {
    t.increments('id');
    t.string('order_id', 40).notNullable().references('orders.id');
    t.string('reason', 500).notNullable();
    ts(t, 'held_at').notNullable();
    t.string('held_by', 40);
    ts(t, 'released_at');
    t.string('released_by', 40);
    t.string('release_reason', 500);
    t.index(['order_id']);
  });

  await knex.schema.createTable('order_notes', (t) => {
    t.increments('id');
    t.string('order_id', 40).notNullable().references('orders.id');
    t.string('kind', 16).notNullable(); // memo (internal) | message (to or from the buyer / mall)
    t.text('body').notNullable();
    t.string('author_id', 40);
    ts(t, 'created_at').notNullable();
    t.index(['order_id']);
  });

  // Every change of status: who (a user or a job), when, from, to and why. Restore reads it.
  await knex.schema.createTable('status_history', (t) => {
    t.increments('id');
    t.string('entity', 16).notNullable(); // line | box | claim | order
    t.string('entity_id', 40).notNullable();
    t.string('order_id', 40);
    t.string('action', 32).notNullable();
    t.string('from_status', 24);
    t.string('to_status', 24).notNullable();
    t.string('actor_type', 8).notNullable(); // user | job | system
    t.string('actor_id', 40);
    t.string('reason', 500);
    t.string('batch_id', 40); // one bulk call = one batch, so a bulk change can be found (and undone) as a unit
    ts(t, 'at').notNullable();
    t.index(['entity_id']);
    t.index(['order_id']);
    t.index(['batch_id']);
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id');
    ts(t, 'at').notNullable();
    t.string('actor_type', 8).notNullable();
    t.string('actor_id', 40);
    t.string('action', 64).notNullable();
    t.string('entity', 32);
    t.string('entity_id', 40);
    t.string('request_id', 40);
    t.string('ip', 64);
    t.text('detail'); // JSON; ids and counts only, no personal data
    t.index(['at']);
  });
}
