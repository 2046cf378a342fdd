// Loading a bulk call's rows inside a PostgreSQL transaction asks its client for one query at a time: pg 8 queues a
// query sent while another runs (with a deprecation warning) and pg 9 refuses it. (SQLite's reads are sent at once,
// so each one's rows are taken apart while the database answers the next.)
import assert from 'node:assert/strict';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadWorkingSet } from '../../server/modules/orders/working-set-load.ts';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, testDialect, type TestServer } from '../helpers/server.ts';
import { skipWith } from '../helpers/skip.ts';

type Query = (...args: unknown[]) => unknown;

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
      const original = pg.Client.prototype.query as unknown as Query;
      const running = new WeakMap<object, number>();
      let overlapping = 0;
      let queries = 0;
      (pg.Client.prototype as unknown as { query: Query }).query = function (this: object, ...args: unknown[]) {
        queries++;
        const now = running.get(this) ?? 0;
        if (now > 0) overlapping++;
        running.set(this, now + 1);
        const done = () => running.set(this, running.get(this)! - 1);
        const callback = args.findIndex((a) => typeof a === 'function');
        if (callback >= 0) {
          const answer = args[callback] as (...r: unknown[]) => void;
          args[callback] = (...r: unknown[]) => {
            done();
            answer(...r);
          };
          return original.apply(this, args);
        }
        const result = original.apply(this, args) as { then?: (ok: () => void, no: () => void) => void } | undefined;
        if (typeof result?.then === 'function') result.then(done, done);
        else done();
        return result;
      };
      try {
        await s.deps.db.transaction(async (trx) => {
          const set = await loadWorkingSet(trx, {
            ids: [order.id, ...order.lineIds],
            actions: ['restore', 'withdraw_claim', 'complete_claim', 'set_invoice', 'ship', 'confirm'],
            memos: true,
            recipients: true,
          });
          assert.equal(set.lines.size, 2);
          assert.ok(set.orders.has(order.id));
        });
      } finally {
        (pg.Client.prototype as unknown as { query: Query }).query = original;
      }
      assert.ok(queries >= 8, `every read ran (${queries} queries)`);
      assert.equal(overlapping, 0, 'no query sent while another ran on its client');
    });
  },
);
