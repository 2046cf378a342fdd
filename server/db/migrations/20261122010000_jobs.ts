// Mall jobs: every run against a mall (collect, confirm, send invoices, sync) with one result row per order or box;
// a lease table so only one server instance runs the schedule; where a mall account points and what the mall last
// said about each line.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const ts = (t: Knex.CreateTableBuilder | Knex.AlterTableBuilder, name: string) => t.timestamp(name, { useTz: true });

  await knex.schema.alterTable('mall_accounts', (t) => {
    t.string('base_url', 300); // null: the mall's production API
    t.boolean('is_sandbox').notNullable().defaultTo(false);
  });

  await knex.schema.alterTable('order_lines', (t) => {
    t.string('mall_status', 60); // the mall's own words, e.g. "INSTRUCT", "PAYED/OK", "CANCEL_REQUEST"
    t.string('mall_implied_status', 24); // our status the mall's implies, for mismatches
    ts(t, 'mall_status_at');
  });

  await knex.schema.createTable('jobs', (t) => {
    t.string('id', 40).primary();
    t.string('type', 24).notNullable(); // collect | confirm | send_invoices | sync
    t.string('mall_account_id', 40).references('mall_accounts.id');
    t.string('trigger', 16).notNullable(); // manual | schedule | auto
    t.text('params'); // JSON
    t.string('state', 16).notNullable(); // queued | running | succeeded | partial | failed | canceled
    t.integer('total').notNullable().defaultTo(0);
    t.integer('ok').notNullable().defaultTo(0);
    t.integer('failed').notNullable().defaultTo(0);
    t.integer('skipped').notNullable().defaultTo(0);
    t.text('error');
    t.string('created_by', 40);
    ts(t, 'created_at').notNullable();
    ts(t, 'started_at');
    ts(t, 'finished_at');
    t.index(['mall_account_id', 'type', 'state']);
    t.index(['created_at']);
  });

  await knex.schema.createTable('job_results', (t) => {
    t.increments('id');
    t.string('job_id', 40).notNullable().references('jobs.id');
    t.string('ref_type', 8).notNullable(); // order | line | box
    t.string('ref_id', 40); // ours, when there is one
    t.string('mall_ref', 64); // the mall's order / line / box number
    t.string('result', 8).notNullable(); // ok | failed | skipped
    t.string('code', 64);
    t.text('message');
    ts(t, 'at').notNullable();
    t.index(['job_id']);
  });

  await knex.schema.createTable('leases', (t) => {
    t.string('name', 64).primary();
    t.string('holder', 64).notNullable();
    ts(t, 'expires_at').notNullable();
  });
}
