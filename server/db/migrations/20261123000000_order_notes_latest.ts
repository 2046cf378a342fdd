// The lines view shows each order's latest memo on every line, looked up per line: an index on (order_id, kind, id)
// answers "the last memo of this order" from the index alone. It starts with order_id, so it replaces the
// single-column index on order_id (order detail still finds its notes by it).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_notes', (t) => {
    t.index(['order_id', 'kind', 'id'], 'order_notes_latest');
    t.dropIndex(['order_id']);
  });
}
