// Mall changes a sync could not apply (a cancel or a return the line's state refused). The sync window moves on, so
// they are kept here and tried again by every later sync until one applies, the line no longer needs it, or an
// operator dismisses it. One per account and mall line: a newer word of the mall replaces an older one.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
  await knex.schema.createTable('pending_mall_changes', (t) => {
    t.increments('id');
    t.string('mall_account_id', 40).notNullable().references('mall_accounts.id');
    t.string('mall_line_id', 64).notNullable();
    t.string('line_id', 40).notNullable();
    t.text('change').notNullable(); // the MallChange as JSON
    t.string('code', 64);
    t.text('message');
    t.integer('attempts').notNullable().defaultTo(1);
    ts(t, 'first_failed_at').notNullable();
    ts(t, 'last_tried_at').notNullable();
    t.unique(['mall_account_id', 'mall_line_id']);
  });
}
