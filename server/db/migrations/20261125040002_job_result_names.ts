// What an operator recognises in a job result: the mall's order number and the product, beside our ids.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('job_results', (t) => {
    t.string('mall_order_id', 64);
    t.string('item_name', 200);
  });
}
