// Jobs when servers crash, several instances share a database, and the clock matters: a job of a killed server
// never blocks its account; cancel stops a hanging mall call at once and reaches the instance running the job;
// job events cross instances; instances started together both come up; the schedule keeps its interval; a job
// whose every item failed is failed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startChildServer, urlWithSchema, type ChildServer } from '../helpers/child-server.ts';
import { channelConnectionName, PRESENCE_LOCK_CLASS } from '../../server/db/pg-channel.ts';
import type { JobEvent } from '../../server/jobs/job-events.ts';
import { FINISHED_JOB_STATES } from '../../shared/api/jobs.schema.ts';
import { naverMall, runJob, type ApiClient, type MallFixture } from '../helpers/malls.ts';
import { createTestSchema, startTestServer, testDialect, type TestServer } from '../helpers/server.ts';
import { skipWith } from '../helpers/skip.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const pg = testDialect() === 'postgres';
const SECRET_KEY = 'jobs-instances-test-secret-key-0123456789';

const jobOf = async (s: ApiClient, id: string) => (await s.call('GET', `/api/jobs/${id}`)).body;
const ended = (s: ApiClient, id: string) =>
  waitFor(`job ${id} to end`, async () => {
    const job = await jobOf(s, id);
    return job.state === 'queued' || job.state === 'running' ? undefined : job;
  });
const startCollect = async (s: ApiClient, accountId: string) =>
  (await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [accountId] })).body.items[0];

/** Starts a collect on `s` against a mall that never answers, and waits until the job is inside that mall call. */
async function collectIntoHang(s: ApiClient, mall: MallFixture<{ store: { requests: unknown[] } }>) {
  await mall.admin.addFaults([{ kind: 'hang', count: 1000 }]);
  const seen = mall.sandbox.store.requests.length;
  const started = await startCollect(s, mall.accountId);
  await waitFor('the job to reach the mall', async () => (mall.sandbox.store.requests.length > seen ? true : undefined));
  return started;
}

describe('a job interrupted by a crash', () => {
  let dataDir: string;
  let schema: Awaited<ReturnType<typeof createTestSchema>> | null = null;
  let env: Record<string, string>;
  const children: ChildServer[] = [];
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-crash-'));
    schema = pg ? await createTestSchema() : null;
    env = {
      SHIPSHEET_DATA_DIR: dataDir,
      SHIPSHEET_SECRET_KEY: SECRET_KEY,
      // Beats quickly; staleness far beyond the test: the killed server's job must be closed without waiting for it.
      SHIPSHEET_JOB_HEARTBEAT_SECONDS: '0.5',
      SHIPSHEET_JOB_STALE_SECONDS: '120',
      ...(schema ? { DATABASE_URL: urlWithSchema(schema.databaseUrl, schema.schema) } : {}),
    };
  });
  afterAll(async () => {
    for (const c of children) await c.stop();
    await schema?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('after kill -9 and an immediate restart, the job is failed with the reason and a new collect runs at once', async () => {
    const first = await startChildServer(env);
    children.push(first);
    const mall = await naverMall(first, { initialOrders: 3 });
    try {
      await mall.admin.addFaults([{ kind: 'hang', count: 1000 }]);
      const seen = mall.sandbox.store.requests.length;
      const started = await startCollect(first, mall.accountId);
      assert.equal(started.started, true, JSON.stringify(started));
      // The job is inside a mall call that will not answer.
      await waitFor('the job to reach the mall', async () => (mall.sandbox.store.requests.length > seen ? true : undefined));
      await first.kill();
      await fetch(`${mall.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });

      const second = await startChildServer(env);
      children.push(second);
      const old = await jobOf(second, started.job.id);
      assert.equal(old.state, 'failed');
      assert.match(old.error, /The server stopped before the job finished/);
      const again = await startCollect(second, mall.accountId);
      assert.equal(again.started, true, JSON.stringify(again));
      const job = await ended(second, again.job.id);
      assert.equal(job.state, 'succeeded', job.error);
      assert.equal(job.ok, 3);
    } finally {
      await mall.sandbox.close();
    }
  });
});

describe('jobs nobody runs', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SHIPSHEET_JOB_HEARTBEAT_SECONDS: '0.2', SHIPSHEET_JOB_STALE_SECONDS: '1' });
  });
  afterAll(() => s.close());

  const orphan = (fields: Record<string, unknown>) => {
    const at = new Date().toISOString();
    const id = `job_orphan${Math.random().toString(36).slice(2, 10)}`;
    return {
      id,
      row: {
        id,
        type: 'collect',
        mall_account_id: null,
        trigger: 'manual',
        params: '{}',
        state: 'running',
        created_at: at,
        started_at: at,
        heartbeat_at: at,
        ...fields,
      },
    };
  };

  it('a job whose heartbeat went stale is closed as failed while the server runs, not only at start-up', async () => {
    const { id, row } = orphan({ heartbeat_at: new Date(Date.now() - 5000).toISOString() });
    await s.deps.db('jobs').insert(row);
    const job = await ended(s, id);
    assert.equal(job.state, 'failed');
    assert.match(job.error, /The server stopped before the job finished/);
  });

  it('a stale job does not block a new one', async () => {
    const mall = await naverMall(s, { initialOrders: 1 });
    try {
      const stale = new Date(Date.now() - 5000).toISOString();
      const { id, row } = orphan({ mall_account_id: mall.accountId, heartbeat_at: stale, created_at: stale });
      await s.deps.db('jobs').insert(row);
      const started = await startCollect(s, mall.accountId);
      assert.equal(started.started, true, JSON.stringify(started));
      assert.equal((await jobOf(s, id)).state, 'failed');
      await s.deps.runner.idle();
    } finally {
      await mall.sandbox.close();
    }
  });

  it('cancel of a job whose server is gone closes it as canceled', async () => {
    // Its heartbeat looks fresh for a while, so only the cancel can close it (a loaded machine once took over the
    // stale time between the insert and the cancel, and the reaper closed it as failed first).
    const { id, row } = orphan({ runner_id: 'instance-killed-long-ago', heartbeat_at: new Date(Date.now() + 60_000).toISOString() });
    await s.deps.db('jobs').insert(row);
    const cancel = await s.call('POST', `/api/jobs/${id}/cancel`);
    assert.equal(cancel.body.canceling, true);
    assert.equal((await jobOf(s, id)).state, 'canceled');
  });
});

describe('cancel during a mall call', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('a cancel ends the job while the mall hangs, without waiting out the call and its retries', async () => {
    const mall = await naverMall(s, { initialOrders: 2 });
    try {
      const started = await collectIntoHang(s, mall);
      const at = Date.now();
      assert.equal((await s.call('POST', `/api/jobs/${started.job.id}/cancel`)).body.canceling, true);
      await s.deps.runner.idle();
      const took = Date.now() - at;
      const job = await jobOf(s, started.job.id);
      assert.equal(job.state, 'canceled', job.error);
      // One attempt alone would wait 3 s (the test retry policy's timeout), five attempts 15 s.
      assert.ok(took < 2500, `canceled after ${took} ms`);
    } finally {
      await mall.sandbox.close();
    }
  });
});

describe('a job where every item failed', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('is failed, not partial', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      const orders = await mall.admin.createOrders({ count: 2, status: 'paid' });
      const collected = await runJob(s, 'collect', mall.accountId);
      assert.equal(collected.job.ok, 2);
      // Canceled by the buyers before the seller confirms: the mall refuses every line.
      for (const o of orders) await mall.admin.event(String(o.orderId), 'buyer_cancel');
      const { job, results } = await runJob(s, 'confirm', mall.accountId);
      assert.ok(results.length >= 2 && results.every((r: { result: string }) => r.result === 'failed'), JSON.stringify(results));
      assert.equal(job.state, 'failed');
      assert.match(job.error, /All \d+ items failed/);
    } finally {
      await mall.sandbox.close();
    }
  });
});

describe('the schedule', () => {
  let s: TestServer;
  beforeAll(async () => {
    // Every 3 seconds.
    s = await startTestServer({ SHIPSHEET_COLLECT_EVERY_MINUTES: '0.05' });
  });
  afterAll(() => s.close());

  it('starts a collect every N minutes, not every N plus a tick', async () => {
    const mall = await naverMall(s, { initialOrders: 1 });
    try {
      const jobs = await waitFor(
        'three scheduled collects',
        async () => {
          const items = (await s.call('GET', `/api/jobs?mall_account_id=${mall.accountId}&type=collect`)).body.items as {
            trigger: string;
            created_at: string;
          }[];
          const scheduled = items.filter((j) => j.trigger === 'schedule');
          return scheduled.length >= 3 ? scheduled : undefined;
        },
        15_000,
      );
      const starts = jobs.map((j) => Date.parse(j.created_at)).sort((a, b) => a - b);
      const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
      assert.ok(
        gaps.every((g) => g > 2500 && g < 3700),
        `3 s apart ± a fraction: ${gaps.join(', ')} ms`,
      );
    } finally {
      s.scheduler.stop();
      await s.deps.runner.idle();
      await mall.sandbox.close();
    }
  });
});

describe(
  'several instances on one PostgreSQL schema',
  skipWith(pg ? false : 'several instances share a database only on PostgreSQL (SQLite is one process)'),
  () => {
    it('instances started at once on an empty database both come up', async () => {
      const schema = await createTestSchema();
      try {
        const env = { SHIPSHEET_SECRET_KEY: SECRET_KEY };
        const both = await Promise.allSettled([
          startTestServer(env, undefined, { pgSchema: schema.schema }),
          startTestServer(env, undefined, { pgSchema: schema.schema }),
        ]);
        for (const r of both) if (r.status === 'fulfilled') await r.value.close();
        assert.deepEqual(
          both.map((r) => (r.status === 'fulfilled' ? 'up' : String(r.reason))),
          ['up', 'up'],
        );
      } finally {
        await schema.drop();
      }
    });

    describe('A and B', () => {
      let schema: Awaited<ReturnType<typeof createTestSchema>>;
      let a: TestServer;
      let b: TestServer;
      beforeAll(async () => {
        schema = await createTestSchema();
        const env = { SHIPSHEET_SECRET_KEY: SECRET_KEY, SHIPSHEET_JOB_HEARTBEAT_SECONDS: '0.5', SHIPSHEET_JOB_STALE_SECONDS: '120' };
        a = await startTestServer(env, undefined, { pgSchema: schema.schema });
        b = await startTestServer(env, undefined, { pgSchema: schema.schema });
      });
      afterAll(async () => {
        await a?.close();
        await b?.close();
        await schema?.drop();
      });

      it('a pane connected to B hears a job run by A (server-sent events)', async () => {
        const mall = await naverMall(a, { initialOrders: 2 });
        const abort = new AbortController();
        try {
          const stream = await fetch(`${b.url}/api/jobs/events`, { headers: { authorization: `Bearer ${b.adminToken}` }, signal: abort.signal });
          assert.equal(stream.status, 200);
          const reader = stream.body!.getReader();
          await reader.read(); // ": connected"
          const started = await startCollect(a, mall.accountId);
          const done = new RegExp(`"id":"${started.job.id}"[^\\n]*"state":"succeeded"`);
          let text = '';
          const deadline = setTimeout(() => abort.abort(), 10_000);
          while (!done.test(text)) {
            const { value, done: closed } = await reader.read().catch(() => ({ value: undefined, done: true }));
            if (closed) break;
            text += new TextDecoder().decode(value);
          }
          clearTimeout(deadline);
          assert.match(text, done);
        } finally {
          abort.abort();
          await a.deps.runner.idle();
          await mall.sandbox.close();
        }
      });

      it('a cancel sent to B stops a job running on A', async () => {
        const mall = await naverMall(a, { initialOrders: 2 });
        try {
          const started = await collectIntoHang(a, mall);
          const cancel = await b.call('POST', `/api/jobs/${started.job.id}/cancel`);
          assert.equal(cancel.body.canceling, true);
          await a.deps.runner.idle();
          const job = await jobOf(b, started.job.id);
          assert.equal(job.state, 'canceled', job.error);
        } finally {
          await mall.sandbox.close();
        }
      });

      it('the job channel comes back when its connection drops', async () => {
        const name = channelConnectionName(schema.schema);
        const channels = async () =>
          Number(
            ((await a.deps.db.raw('select count(*) as n from pg_stat_activity where application_name = ?', [name])) as { rows: { n: number }[] })
              .rows[0]!.n,
          );
        assert.equal(await channels(), 2);
        const pids = async (): Promise<number[]> =>
          ((await a.deps.db.raw('select pid from pg_stat_activity where application_name = ?', [name])) as { rows: { pid: number }[] }).rows.map(
            (r) => r.pid,
          );
        const old = await pids();
        await a.deps.db.raw('select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?', [name]);
        // Reconnected means listening again: a new connection (not a terminated one still on its way out, which
        // shows idle with its last query for a moment) has run LISTEN (its last query is no longer empty) — a job
        // ending between the connect and the LISTEN is missed by design (the job rows stay authoritative).
        const listening = async () =>
          (
            (await a.deps.db.raw("select pid from pg_stat_activity where application_name = ? and state = 'idle' and query <> ''", [name])) as {
              rows: { pid: number }[];
            }
          ).rows.filter((r) => !old.includes(r.pid)).length;
        await waitFor('both instances to listen again', async () => ((await listening()) === 2 ? true : undefined));
        const mall = await naverMall(a, { initialOrders: 1 });
        const heard: JobEvent[] = [];
        const listen = (e: JobEvent) => heard.push(e);
        b.deps.events.on('job', listen);
        try {
          const started = await startCollect(a, mall.accountId);
          // The channel is what is tested: B hears the job end, whichever way it ended (a slow sandbox under load
          // may fail the collect itself); what B heard is what the job row says.
          const ended = await waitFor(
            'B to hear the end of the job',
            async () => heard.find((e) => e.job.id === started.job.id && FINISHED_JOB_STATES.has(e.job.state)),
            30_000,
          ).catch(async (error: Error) => {
            const row = await a.deps.db('jobs').where({ id: started.job.id }).first();
            throw new Error(`${error.message} (the job is ${row?.state}; B heard ${heard.map((e) => e.job.state).join(', ') || 'nothing'})`);
          });
          assert.equal(ended.job.state, (await a.deps.db('jobs').where({ id: started.job.id }).first()).state);
        } finally {
          b.deps.events.off('job', listen);
          await a.deps.runner.idle();
          await mall.sandbox.close();
        }
      });

      it('a dropped job-channel connection of a live instance does not get its running job closed by the other', async () => {
        const mall = await naverMall(a, { initialOrders: 2 });
        try {
          const started = await collectIntoHang(a, mall);
          const { runner_id } = await a.deps.db('jobs').where({ id: started.job.id }).first();
          // Only A's channel connection: the one holding A's presence lock (second key = hashtext(instance) as oid).
          const { rows } = (await a.deps.db.raw(
            `select pg_terminate_backend(pid) as done from pg_locks
            where locktype = 'advisory' and classid = ? and objsubid = 2 and objid::bigint = (hashtext(?)::bigint + 4294967296) % 4294967296`,
            [PRESENCE_LOCK_CLASS, runner_id],
          )) as { rows: { done: boolean }[] };
          assert.deepEqual(
            rows.map((r) => r.done),
            [true],
          );
          // B looks every half second; A is back on its channel within about a second and beats meanwhile.
          await sleep(4000);
          const job = await jobOf(b, started.job.id);
          assert.equal(job.state, 'running', job.error);
          assert.equal(a.deps.runner.cancel(started.job.id), true, 'A still runs the job');
          await a.deps.runner.idle();
        } finally {
          await mall.sandbox.close();
        }
      });

      it('when a server process running a job is killed, the survivor closes the job and collects at once', async () => {
        const child = await startChildServer({
          SHIPSHEET_DATA_DIR: b.dataDir,
          SHIPSHEET_SECRET_KEY: SECRET_KEY,
          SHIPSHEET_JOB_HEARTBEAT_SECONDS: '0.5',
          SHIPSHEET_JOB_STALE_SECONDS: '120',
          DATABASE_URL: urlWithSchema(schema.databaseUrl, schema.schema),
        });
        const mall = await naverMall(child, { initialOrders: 2 });
        try {
          const started = await collectIntoHang(child, mall);
          await child.kill();
          await fetch(`${mall.sandbox.url}/_sandbox/faults`, { method: 'DELETE' });
          // PostgreSQL drops a dead client's locks when its backend notices the closed socket, a moment after the
          // process is gone: the survivor may answer already_running in that moment, never after it.
          const again = await waitFor('the survivor to start the collect', async () => {
            const answer = await startCollect(b, mall.accountId);
            return answer.started ? answer : undefined;
          });
          assert.equal(again.started, true, JSON.stringify(again));
          const old = await jobOf(b, started.job.id);
          assert.equal(old.state, 'failed');
          assert.match(old.error, /The server stopped before the job finished/);
          assert.equal((await ended(b, again.job.id)).state, 'succeeded');
        } finally {
          await child.stop();
          await mall.sandbox.close();
        }
      });
    });
  },
);
