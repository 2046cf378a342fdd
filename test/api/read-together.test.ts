// Reads on one connection (server/db/read-together.ts): sent at once where the connection takes them — SQLite's one
// connection, a PostgreSQL pool — and one after another in a PostgreSQL transaction, whose client takes one query
// at a time (pg 9 refuses a second one while the first runs). Either way each caller gets its answers in order.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Knex } from 'knex';
import { readEarly, readTogether } from '../../server/db/read-together.ts';
import { startTestServer, testDialect, type TestServer } from '../helpers/server.ts';

/** The order in which `work`'s statements were sent (+sql) and answered (-sql). */
async function timeline(db: Knex, work: () => Promise<void>): Promise<string[]> {
  const events: string[] = [];
  const sent = (q: { sql: string }) => events.push(`+${q.sql}`);
  const answered = (_: unknown, q: { sql: string }) => events.push(`-${q.sql}`);
  db.on('query', sent).on('query-response', answered);
  try {
    await work();
  } finally {
    db.off('query', sent).off('query-response', answered);
  }
  return events;
}

describe('reads on one connection', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const one = (db: Knex | Knex.Transaction) => () => db.raw('select 1 as one');
  const two = (db: Knex | Knex.Transaction) => () => db.raw('select 2 as two');
  const postgres = testDialect() === 'postgres';

  it(`reads together ${postgres ? 'one after another' : 'at once'} in a transaction, answers in order`, async () => {
    const db = s.deps.db;
    // Outside a transaction knex's pool hands each read a connection as one comes free: PostgreSQL's pool has several
    // (both sent at once), SQLite's one (sent as it comes free).
    const outside = await timeline(db, async () => {
      const [a, b] = await readTogether(db, [one(db), two(db)]);
      assert.ok(JSON.stringify(a).includes('1') && JSON.stringify(b).includes('2'));
    });
    if (postgres) assert.deepEqual(outside.slice(0, 2), ['+select 1 as one', '+select 2 as two'], 'both sent before either answered');

    const within = await timeline(db, () =>
      db.transaction(async (trx) => {
        const [a, b] = await readTogether(trx, [one(trx), two(trx)]);
        assert.ok(JSON.stringify(a).includes('1') && JSON.stringify(b).includes('2'));
      }),
    );
    const reads = within.filter((e) => e.includes('select'));
    if (postgres) assert.deepEqual(reads, ['+select 1 as one', '-select 1 as one', '+select 2 as two', '-select 2 as two']);
    // SQLite's connection may answer them in either order; the caller still gets them in its own.
    else assert.deepEqual(reads.slice(0, 2), ['+select 1 as one', '+select 2 as two'], 'both sent before either answered');
  });

  it(`reads early ${postgres ? 'only when asked in a transaction' : 'at once'}, the caller's statements going on meanwhile`, async () => {
    const db = s.deps.db;
    const events = await timeline(db, () =>
      db.transaction(async (trx) => {
        const ahead = readEarly(trx, one(trx));
        await trx.raw('select 3 as three');
        assert.ok(JSON.stringify(await ahead()).includes('1'));
        assert.ok(JSON.stringify(await ahead()).includes('1'), 'asked twice, read once');
      }),
    );
    const reads = events.filter((e) => e.startsWith('+select'));
    assert.deepEqual(reads, postgres ? ['+select 3 as three', '+select 1 as one'] : ['+select 1 as one', '+select 3 as three']);
  });

  it('a read started early that fails throws when its answer is asked for, and only then', async () => {
    const db = s.deps.db;
    const ahead = readEarly(db, () => db.raw('select * from no_such_table'));
    await new Promise((resolve) => setTimeout(resolve, 20)); // failed by now (outside a transaction), unhandled by nobody
    await assert.rejects(ahead(), /no_such_table/);
    const thrown = readEarly(db, (): Promise<never> => {
      throw new Error('thrown at once');
    });
    await assert.rejects(thrown(), /thrown at once/);
  });
});
