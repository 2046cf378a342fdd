// Per-account automation the seller chooses in the pane (issue 13 §6), each off by default: release on confirm, a
// default courier, ship once numbered, send once shipped. (Confirm at the mall on collect is auto_confirm, older.)
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mall_accounts', (t) => {
    t.boolean('auto_release').notNullable().defaultTo(false);
    t.string('default_courier', 20).nullable();
    t.boolean('auto_ship').notNullable().defaultTo(false);
    t.boolean('auto_send').notNullable().defaultTo(false);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('mall_accounts', (t) => {
    t.dropColumn('auto_release');
    t.dropColumn('default_courier');
    t.dropColumn('auto_ship');
    t.dropColumn('auto_send');
  });
}
