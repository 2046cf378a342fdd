// When the mall accepted our 발주확인 of a line. Coupang takes an invoice only for a confirmed (INSTRUCT) box, so the
// send job must know which lines the mall confirmed: a line confirmed only here (before this column existed, or by
// hand) has none, and is confirmed at the mall before its box is sent.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('order_lines', (t) => {
    t.timestamp('mall_confirmed_at', { useTz: true });
  });
}
