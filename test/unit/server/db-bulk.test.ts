// Packed reads (server/db/bulk.ts): on SQLite rows come back as one JSON document and are rebuilt as objects by a
// function made once per field list. The rows must read exactly as the driver's own rows would: every field, in the
// order asked, with its value (nulls, numbers, text) and no other.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { selectPacked, selectWhereIn } from '../../../server/db/bulk.ts';
import { openDb, type Db } from '../../../server/db/knex.ts';

describe('packed reads', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDb({});
    await db.schema.createTable('things', (t) => {
      t.string('id').primary();
      t.string('name');
      t.integer('count');
    });
    await db('things').insert([
      { id: 'a', name: '상품 "A"', count: 1 },
      { id: 'b', name: null, count: 0 },
      { id: 'c', name: 'c', count: 3 },
    ]);
  });
  afterEach(() => db.destroy());

  it('rows have the fields asked, in that order, with the values stored', async () => {
    const rows = await selectWhereIn(db, 'things', 'id', ['c', 'a', 'b', 'a'], ['id', 'name', 'count']);
    assert.deepEqual(rows, [
      { id: 'a', name: '상품 "A"', count: 1 },
      { id: 'b', name: null, count: 0 },
      { id: 'c', name: 'c', count: 3 },
    ]);
    assert.deepEqual(Object.keys(rows[0]!), ['id', 'name', 'count']);
    // Another list of the same table gets rows of its own shape, not the first list's.
    const narrow = await selectWhereIn(db, 'things', 'id', ['b'], ['count', 'id']);
    assert.deepEqual(narrow, [{ count: 0, id: 'b' }]);
    assert.deepEqual(Object.keys(narrow[0]!), ['count', 'id']);
  });

  it('a field named like an object internal is an own field, not the prototype', async () => {
    const fields = ['id', '__proto__', 'constructor'];
    const query = db('things').select('id', 'name as __proto__', 'count as constructor').where('id', 'a');
    const [row] = await selectPacked(db, query, fields);
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
    assert.deepEqual(Object.keys(row!), fields);
    assert.equal(Object.getOwnPropertyDescriptor(row, '__proto__')?.value, '상품 "A"');
    assert.equal(Object.getOwnPropertyDescriptor(row, 'constructor')?.value, 1);
  });
});
