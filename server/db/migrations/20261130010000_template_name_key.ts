// One name per kind of saved template, held by the database too (a unique index on the name's key), so two
// operators saving "CJ 복사본" at the same moment cannot both get it. The key is the name as the service compares
// it (NFKC, trimmed, lower-cased) — computed here in JavaScript, as neither database normalises Unicode the same
// way. Templates saved twice under one name before this are told apart: the later ones get " (2)", " (3)" …
import type { Knex } from 'knex';

const NAME_MAX = 100;
const keyOf = (name: string) => name.normalize('NFKC').trim().toLowerCase();

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('file_templates', (t) => {
    // Text: NFKC may lengthen a name (㈜ → (주)).
    t.text('name_key');
  });
  const rows = (await knex('file_templates').select('id', 'type', 'name').orderBy('created_at').orderBy('id')) as {
    id: string;
    type: string;
    name: string;
  }[];
  const taken = new Set<string>();
  for (const row of rows) {
    let name = row.name;
    for (let n = 2; taken.has(`${row.type}\n${keyOf(name)}`); n++) {
      const suffix = ` (${n})`;
      name = row.name.trim().slice(0, NAME_MAX - suffix.length) + suffix;
    }
    const key = keyOf(name);
    taken.add(`${row.type}\n${key}`);
    await knex('file_templates').where({ id: row.id }).update({ name, name_key: key });
  }
  await knex.schema.alterTable('file_templates', (t) => {
    t.unique(['type', 'name_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('file_templates', (t) => {
    t.dropUnique(['type', 'name_key']);
  });
  await knex.schema.alterTable('file_templates', (t) => {
    t.dropColumn('name_key');
  });
}
