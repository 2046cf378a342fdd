// The CS lists (issue 12 §6). A cancel withdrawn at the mall puts its line back to ship; the withdrawn-cancels list
// shows each until an operator acknowledges it (acknowledged_at / _by on the claim). The lists read claims by state
// and type, and the delayed-returns list the few lines flagged return_pickup_delayed (a partial index, as for the
// sold-out and unmatched flags).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('claims', (t) => {
    t.timestamp('acknowledged_at', { useTz: true });
    t.string('acknowledged_by', 40);
    t.index(['state', 'type']);
  });
  await knex.raw('create index order_lines_return_pickup_delayed on order_lines (order_id) where return_pickup_delayed');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index order_lines_return_pickup_delayed');
  await knex.schema.alterTable('claims', (t) => {
    t.dropIndex(['state', 'type']);
    t.dropColumn('acknowledged_by');
    t.dropColumn('acknowledged_at');
  });
}
