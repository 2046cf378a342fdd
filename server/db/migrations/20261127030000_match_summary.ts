// A remembered match carries its SKUs' display summary (A100×2+B200, the text order_lines.sku_code shows), kept
// when the match is saved: applying matches to a collect page is then one UPDATE … FROM that sets match_id and
// sku_code together, without aggregating the match's items per line (dialect-specific, and slow on 100,000s).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('product_matches', (t) => {
    t.string('sku_summary', 64).notNullable().defaultTo('');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('product_matches', (t) => {
    t.dropColumn('sku_summary');
  });
}
