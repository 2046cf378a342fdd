// Records of reads of personal data (개인정보의 안전성 확보조치 기준 §8): who read recipients' data, when, from which
// address, through which endpoint with which filter, and how many rows came back. One row per request, not per
// order read. Kept at least two years (README, "Access records"); nothing in ShipSheet deletes them.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('access_records', (t) => {
    t.increments('id');
    t.timestamp('at', { useTz: true }).notNullable();
    t.string('actor_type', 8).notNullable();
    t.string('user_id', 40);
    t.string('ip', 64);
    t.string('request_id', 40);
    /** "GET /api/order-lines": the route as declared, its parameters in `filter`. */
    t.string('endpoint', 120).notNullable();
    /** JSON: the filter, search text and ids the caller asked for (counts for long id lists). */
    t.text('filter');
    t.integer('rows').notNullable();
    /** The caller saw names, phones and addresses masked (viewers). */
    t.boolean('masked').notNullable();
    t.index(['at']);
    t.index(['user_id', 'at']);
  });
}
