// The job channel's notifications go out one at a time on its connection, in the order asked: a job's steps reach
// the other instances in order, and no query is sent to the client while another runs (pg 9 refuses that).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPgChannel } from '../../server/db/pg-channel.ts';
import { createLogger } from '../../server/log.ts';
import { watchPgQueries } from '../helpers/pg-queries.ts';
import { startTestServer, testDialect, type TestServer } from '../helpers/server.ts';
import { skipWith } from '../helpers/skip.ts';

describe(
  'job channel notifications',
  skipWith(testDialect() === 'postgres' ? false : 'the job channel is PostgreSQL LISTEN/NOTIFY (SQLite is one process)'),
  () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await startTestServer();
    });
    afterAll(() => s.close());

    it('fifty sent at once arrive in the order sent, each sent once the one before has gone', async () => {
      const channel = await openPgChannel(s.deps.db, { instanceId: 'instance-channel-test', log: createLogger('silent') });
      try {
        const heard: string[] = [];
        const all = new Promise<void>((resolve) =>
          channel.onMessage((payload) => {
            if (!payload.startsWith('step ')) return;
            heard.push(payload);
            if (heard.length === 50) resolve();
          }),
        );
        const sent = Array.from({ length: 50 }, (_, i) => `step ${i}`);
        const { queries, overlapping } = await watchPgQueries(async () => {
          await Promise.all(sent.map((payload) => channel.notify(payload)));
        });
        await all;
        assert.deepEqual(heard, sent);
        // Every notification went out (the server's own work may send more queries meanwhile, on other clients).
        assert.ok(queries >= 50, `${queries} queries`);
        assert.equal(overlapping, 0, 'no notification sent while another ran on the connection');
      } finally {
        await channel.close();
      }
    });
  },
);
