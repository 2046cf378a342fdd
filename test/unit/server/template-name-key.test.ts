// Saved templates' names are unique per kind in the database too (migration 20261130010000): the migration tells
// apart templates saved twice under one name before it, and afterwards the unique index refuses a second one.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { isUniqueViolation } from '../../../server/db/errors.ts';
import { openDb, type Db } from '../../../server/db/knex.ts';
import { migrateToLatest, migrationSource } from '../../../server/db/migrate.ts';
import { MIGRATIONS } from '../../../server/db/migrations/index.ts';
import { insertTemplate, listTemplates } from '../../../server/modules/files/templates.repo.ts';

const at = (minute: number) => `2026-11-26T00:0${minute}:00.000Z`;
const row = (id: string, type: string, name: string, minute: number) => ({
  id,
  type,
  name,
  definition: '{}',
  created_by: null,
  created_at: at(minute),
  updated_by: null,
  updated_at: at(minute),
});

describe('template name key', () => {
  let db: Db;
  beforeEach(() => {
    db = openDb({});
  });
  afterEach(() => db.destroy());

  it('renames the later of two templates saved under one name, per kind, and then refuses a third', async () => {
    // The schema as it was before the migration: every migration but it, one at a time.
    const before = MIGRATIONS.findIndex(([name]) => name === '20261130010000_template_name_key');
    for (let i = 0; i < before; i++) await db.migrate.up({ migrationSource });
    await db('file_templates').insert([
      row('tpl_b', 'invoice_import', ' cj 복사본 ', 2),
      row('tpl_a', 'invoice_import', 'CJ 복사본', 1),
      row('tpl_c', 'invoice_import', 'CJ 복사본 (2)', 0),
      row('tpl_d', 'order_upload', 'CJ 복사본', 3),
    ]);
    await migrateToLatest(db);
    const names = Object.fromEntries((await listTemplates(db)).map((t) => [t.id, [t.name, t.name_key]]));
    assert.deepEqual(names, {
      tpl_c: ['CJ 복사본 (2)', 'cj 복사본 (2)'],
      tpl_a: ['CJ 복사본', 'cj 복사본'],
      // " (2)" is taken by an older one: the next free number.
      tpl_b: ['cj 복사본 (3)', 'cj 복사본 (3)'],
      tpl_d: ['CJ 복사본', 'cj 복사본'],
    });
    const again = await insertTemplate(db, { ...row('tpl_e', 'invoice_import', 'Cj 복사본', 4), name_key: 'cj 복사본' }).catch((e: unknown) => e);
    assert.ok(isUniqueViolation(again), String(again));
  });
});
