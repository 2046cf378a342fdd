// The column sizes the file and catalogue checks take their limits from (shared/files/column-sizes.ts) are the ones
// the migrations made: read back from the database itself, on SQLite and PostgreSQL, so a migration that changes
// a size without that file (or the other way round) fails here rather than as a 500 or a needless refusal.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { COLUMN_SIZES } from '../../shared/files/column-sizes.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function declaredSize(table: string, column: string): Promise<number | null> {
  const db = s.deps.db;
  if (s.dialect === 'postgres') {
    const row = await db('information_schema.columns')
      .where({ table_name: table, column_name: column })
      .whereRaw('table_schema = current_schema()')
      .first('character_maximum_length');
    return row?.character_maximum_length ?? null;
  }
  const columns: { name: string; type: string }[] = await db.raw(`pragma table_info(${table})`);
  const type = columns.find((c) => c.name === column)?.type ?? '';
  const size = /\((\d+)\)/.exec(type)?.[1];
  return size === undefined ? null : Number(size);
}

describe('COLUMN_SIZES', () => {
  it('says the size every listed column has in the database', async () => {
    for (const [table, columns] of Object.entries(COLUMN_SIZES)) {
      for (const [column, size] of Object.entries(columns)) {
        assert.equal(await declaredSize(table, column), size, `${table}.${column}`);
      }
    }
  });
});
