// The list of invoice imports, an undo and a result file read each import's record without its per-row results:
// those are megabytes for a 50,000-row file and only the result file reads them, on their own.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { openDb, type Db } from '../../../server/db/knex.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { findImport, importResults, insertImport, listImports, type ImportRecord } from '../../../server/modules/files/invoice-import.repo.ts';

describe('invoice import list', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDb({});
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('answers every field of a record but its results, which are read on their own', async () => {
    const record: ImportRecord = {
      id: 'imp_1',
      batch_id: 'bat_1',
      created_by: null,
      created_at: '2026-11-26T00:00:00.000Z',
      template_id: 'builtin:cj',
      source_kind: 'file',
      source_name: '송장.xlsx',
      courier: 'CJ',
      overwrite: false,
      all_or_nothing: true,
      rows: 2,
      new_count: 2,
      overwrite_count: 0,
      unchanged_count: 0,
      refused_count: 0,
      results: JSON.stringify([{ row: 2 }, { row: 3 }]),
      undone_at: null,
      undone_by: null,
      undo_batch_id: null,
    };
    await insertImport(db, record, '[]');
    const [listed] = await listImports(db, 10);
    const { results, ...rest } = record;
    assert.deepEqual(listed, rest);
    assert.deepEqual(await findImport(db, 'imp_1'), rest);
    assert.equal(await importResults(db, 'imp_1'), results);
    assert.equal(await importResults(db, 'imp_missing'), null);
  });
});
