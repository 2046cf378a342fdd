// Packed reads (server/db/bulk.ts): on SQLite rows come back as one JSON document and are rebuilt as objects by a
// function made once per field list. The rows must read exactly as the driver's own rows would: every field, in the
// order asked, with its value (nulls, numbers, text) and no other.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { inSlices, insertMany, selectPacked, selectWhereIn, updateValues, writeInOrder, type Write } from '../../../server/db/bulk.ts';
import { openDb, type Db } from '../../../server/db/knex.ts';

describe('packed reads', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDb({});
    await db.schema.createTable('things', (t) => {
      t.string('id').primary();
      t.string('name');
      t.integer('count');
      t.boolean('flag');
      t.integer('version').defaultTo(1);
      t.string('a');
      t.string('b');
      t.string('c');
    });
    await db('things').insert([
      { id: 'a', name: '상품 "A"', count: 1, flag: true },
      { id: 'b', name: null, count: 0, flag: false },
      { id: 'c', name: 'c', count: 3, flag: null },
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

  it('rows come in id order whatever order the database walks them in (ordered in memory, not by the query)', async () => {
    // Stored last id first: looked up by `name` (no index), SQLite walks them as stored, f, e, d.
    await db('things').insert([
      { id: 'f', name: 'x' },
      { id: 'e', name: 'y' },
      { id: 'd', name: 'z' },
    ]);
    const rows = await selectWhereIn(db, 'things', 'name', ['x', 'y', 'z'], ['id', 'name']);
    assert.deepEqual(
      rows.map((r) => r.id),
      ['d', 'e', 'f'],
    );
    // Without the id among the fields the query itself orders them.
    const names = await selectWhereIn(db, 'things', 'name', ['x', 'y', 'z'], ['name']);
    assert.deepEqual(
      names.map((r) => r.name),
      ['z', 'y', 'x'],
    );
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

  it('boolean columns come back true/false (null as false), the others as stored', async () => {
    const rows = await selectWhereIn(db, 'things', 'id', ['a', 'b', 'c'], ['id', 'flag', 'count'], { booleans: ['flag'] });
    assert.deepEqual(
      rows.map((r) => [r.id, r.flag, r.count]),
      [
        ['a', true, 1],
        ['b', false, 0],
        ['c', false, 3],
      ],
    );
  });

  it('a read in slices gives every row once, slice after slice, with other work let in between', async () => {
    const rows = await selectWhereIn(db, 'things', 'id', ['c', 'a', 'b', 'c'], ['id'], { slices: 1 });
    assert.deepEqual(
      rows.map((r) => r.id),
      ['c', 'a', 'b'],
    );
    // Reads that answer at once still give way: work queued before the read runs between its first slices.
    const seen: string[] = [];
    setImmediate(() => seen.push('other'));
    await inSlices(['a', 'b', 'c'], 1, async (part) => {
      seen.push(`read ${part.join()}`);
      return part;
    });
    assert.deepEqual(seen, ['read a', 'other', 'read b', 'read c']);
  });

  it('updateValues and insertMany write rows of few values and of many (the JSONB path) alike', async () => {
    const many = [
      { id: 'm1', name: 'x', count: 7, flag: true, a: '1', b: null, c: 'ㄱ' },
      { id: 'm2', name: 'y', count: 8, flag: false, a: '2', b: 'b', c: 'ㄴ' },
    ];
    await insertMany(db, 'things', many);
    await insertMany(db, 'things', [
      { id: 'f1', name: 'p', count: 1 },
      { id: 'f2', name: 'q', count: 1 },
    ]);
    await updateValues(db, 'things', ['count'], [['f1', 5]], { name: 'same' });
    await updateValues(
      db,
      'things',
      ['name', 'count', 'flag', 'a', 'b'],
      [
        ['m1', 'X', 70, false, null, 'B'],
        ['m2', 'Y', 80, true, 'A', undefined],
      ],
    );
    const rows = await selectWhereIn(db, 'things', 'id', ['m1', 'm2', 'f1', 'f2'], ['id', 'name', 'count', 'flag', 'a', 'b', 'c', 'version'], {
      booleans: ['flag'],
    });
    assert.deepEqual(rows, [
      { id: 'f1', name: 'same', count: 5, flag: false, a: null, b: null, c: null, version: 2 },
      { id: 'f2', name: 'q', count: 1, flag: false, a: null, b: null, c: null, version: 1 },
      { id: 'm1', name: 'X', count: 70, flag: false, a: null, b: 'B', c: 'ㄱ', version: 2 },
      { id: 'm2', name: 'Y', count: 80, flag: true, a: 'A', b: null, c: 'ㄴ', version: 2 },
    ]);
  });
});

describe('writeInOrder', () => {
  /** A write that records when it starts and finishes, finishing when the test says (or failing). */
  function recorder() {
    const events: string[] = [];
    const finish = new Map<string, (error?: Error) => void>();
    const write =
      (name: string): Write =>
      () => {
        events.push(`start ${name}`);
        return new Promise<void>((resolve, reject) => finish.set(name, (error) => (error ? reject(error) : resolve())));
      };
    const build =
      (name: string, ...writes: string[]) =>
      () => {
        events.push(`build ${name}`);
        return writes.length ? writes.map(write) : null;
      };
    /** Lets the writes run: each one started finishes (or fails) five timer turns later, as a statement takes a while. */
    const settle = async (failing?: string) => {
      const age = new Map<string, number>();
      for (let turn = 0; turn < 100; turn++) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        for (const [name, done] of finish) {
          age.set(name, (age.get(name) ?? 0) + 1);
          if (age.get(name)! < 5) continue;
          finish.delete(name);
          events.push(`end ${name}`);
          done(name === failing ? new Error(`${name} failed`) : undefined);
        }
      }
    };
    return { events, build, settle };
  }

  it('runs the writes one after another in order, building each while the one before runs', async () => {
    const { events, build, settle } = recorder();
    const done = writeInOrder([build('a', 'a'), build('none'), build('bc', 'b', 'c'), build('d', 'd')], true);
    await Promise.all([done, settle()]);
    assert.deepEqual(events, [
      'build a',
      'start a',
      // Built while a runs: the database works, the next write's JSON is made meanwhile.
      'build none',
      'build bc',
      'end a',
      'start b',
      'end b',
      'start c',
      'build d',
      'end c',
      'start d',
      'end d',
    ]);
  });

  it('a write that fails is thrown and none after it starts', async () => {
    const { events, build, settle } = recorder();
    const done = writeInOrder([build('a', 'a'), build('b', 'b'), build('c', 'c')], true);
    const [outcome] = await Promise.allSettled([done, settle('a')]);
    assert.equal(outcome.status, 'rejected');
    assert.match(String((outcome as PromiseRejectedResult).reason), /a failed/);
    assert.ok(!events.includes('start b') && !events.includes('start c'), events.join(', '));
  });

  it('a build that throws is thrown once the write under way has finished, and nothing after it starts', async () => {
    const { events, build, settle } = recorder();
    const throwing = () => {
      events.push('build throws');
      throw new Error('build failed');
    };
    const done = writeInOrder([build('a', 'a'), throwing, build('c', 'c')], true).catch((error: Error) => {
      events.push(`thrown: ${error.message}`);
    });
    await Promise.all([done, settle()]);
    assert.deepEqual(events, ['build a', 'start a', 'build throws', 'end a', 'thrown: build failed']);
  });
});
