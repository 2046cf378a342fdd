// 송장 대역: ranges of tracking numbers a courier gave the shop, from which boxes are numbered (자동 채번). Numbers
// are text (leading zeros, 14 digits). `next_number` is the next one to give (null once the band is used up); a
// number given is never given again, also when its box is cleared later (its label may be printed already).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tracking_bands', (t) => {
    t.string('id', 40).primary();
    t.string('courier', 32).notNullable();
    t.string('first_number', 40).notNullable();
    t.string('last_number', 40).notNullable();
    t.string('next_number', 40); // null: used up
    t.string('check_kind', 8).notNullable(); // mod7 | none (shared/tracking-band.ts)
    t.integer('issued').notNullable().defaultTo(0); // numbers given to boxes (skipped ones, already on a box, not counted)
    t.boolean('active').notNullable().defaultTo(true);
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_by', 40);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.index(['courier', 'active']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('tracking_bands');
}
