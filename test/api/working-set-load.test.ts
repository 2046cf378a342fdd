// Loading a bulk call's rows inside a PostgreSQL transaction asks its client for one query at a time: pg 8 queues a
// query sent while another runs (with a deprecation warning) and pg 9 refuses it. (SQLite's reads are sent at once,
// so each one's rows are taken apart while the database answers the next.)
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadWorkingSet } from '../../server/modules/orders/working-set-load.ts';
import { makeOrder } from '../helpers/builders.ts';
import { watchPgQueries } from '../helpers/pg-queries.ts';
import { startTestServer, testDialect, type TestServer } from '../helpers/server.ts';
import { skipWith } from '../helpers/skip.ts';

describe(
  'working set load on a PostgreSQL transaction',
  skipWith(testDialect() === 'postgres' ? false : "a PostgreSQL client's query queue (SQLite's one connection runs statements in order)"),
  () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer();
    });
    afterAll(() => s.close());

    it('never sends a query while another one runs on the same client', async () => {
      const order = await makeOrder(s.deps.db, { status: 'NEW', lines: 2 });
      const { queries, overlapping } = await watchPgQueries(() =>
        s.deps.db.transaction(async (trx) => {
          const set = await loadWorkingSet(trx, {
            ids: [order.id, ...order.lineIds],
            actions: ['restore', 'withdraw_claim', 'complete_claim', 'set_invoice', 'ship', 'confirm'],
            memos: true,
            recipients: true,
          });
          assert.equal(set.lines.size, 2);
          assert.ok(set.orders.has(order.id));
        }),
      );
      assert.ok(queries >= 8, `every read ran (${queries} queries)`);
      assert.equal(overlapping, 0, 'no query sent while another ran on its client');
    });
  },
);
