// One way to follow jobs (the jobs list and "wait for these jobs" of send-to-malls and 발주확인 at the mall): the
// event stream moves them; each job is read once when following starts and when the stream (re)connects, since
// events from before are not sent again; when the stream ends for good the jobs are read until they end.
// The browser's EventSource is stood in for below (Node has none); the API answers from a job table in memory.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import type { JobView } from '../../../shared/api/jobs.schema.ts';
import { ApiError, type Api } from '../../../addin/src/api/client.ts';
import { FALLBACK_READ_MS, JobFeed } from '../../../addin/src/api/job-feed.ts';
import { jobPeriod } from '../../../addin/src/features/jobs/period.ts';
import { mergeJobs } from '../../../addin/src/features/jobs/useJobs.ts';

/** The browser API: the test drives opening, events and the server's `end`. */
class StandInEventSource {
  static all: StandInEventSource[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private handlers = new Map<string, ((e: { data: string }) => void)[]>();
  constructor(readonly url: string) {
    StandInEventSource.all.push(this);
  }
  addEventListener(name: string, handler: (e: { data: string }) => void) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data: unknown = {}) {
    for (const h of this.handlers.get(name) ?? []) h({ data: JSON.stringify(data) });
  }
  static latest() {
    return StandInEventSource.all[StandInEventSource.all.length - 1]!;
  }
}

const job = (id: string, over: Partial<JobView> = {}): JobView => ({
  id,
  type: 'send_invoices',
  mall_account_id: 'acc_1',
  state: 'running',
  total: 2,
  ok: 0,
  failed: 0,
  skipped: 0,
  error: null,
  created_at: '2026-11-25T01:00:00.000Z',
  ...over,
});

/** The server side the feed talks to: stream tickets, reading a job, cancelling one. */
function serverOf(jobs: Map<string, JobView>, answered: Promise<void> = Promise.resolve()) {
  const calls: string[] = [];
  const api: Api = {
    token: 't',
    async call<T>(method: string, path: string): Promise<T> {
      calls.push(`${method} ${path}`);
      if (path === '/api/auth/stream-ticket') return { ticket: 'tk' } as T;
      const id = /\/api\/jobs\/([^/]+)/.exec(path)?.[1];
      const found = id ? jobs.get(id) : undefined;
      if (!found) throw new ApiError(404, 'not_found', 'no job');
      if (path.endsWith('/cancel')) return { ...found } as T;
      // A read answers the job as it was when asked, however late the answer arrives.
      const asked = { ...found };
      await answered;
      return asked as T;
    },
  };
  return { api, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

beforeEach(() => {
  StandInEventSource.all = [];
  Object.assign(globalThis, { EventSource: StandInEventSource });
});
afterEach(() => {
  delete (globalThis as { EventSource?: unknown }).EventSource;
});

describe('job feed', () => {
  it('follows jobs on the stream, with progress, and closes the stream when nobody listens', async () => {
    const table = new Map([['job_1', job('job_1')]]);
    const { api, calls } = serverOf(table);
    const feed = new JobFeed(api);
    const seen: number[][] = [];
    const done = feed.follow([job('job_1')], (d, t) => seen.push([d, t]));
    await tick();
    const source = StandInEventSource.latest();
    assert.match(source.url, /^\/api\/jobs\/events\?ticket=tk$/);
    source.emit('job', job('job_1', { ok: 1 }));
    source.emit('job', job('other', { state: 'succeeded' }));
    source.emit('job', job('job_1', { ok: 1, failed: 1, state: 'partial' }));
    const [ended] = await done;
    assert.equal(ended!.state, 'partial');
    assert.deepEqual(seen.at(-1), [2, 2]);
    assert.ok(source.closed, 'the stream closes when its last listener goes');
    assert.equal(calls.filter((c) => c.startsWith('GET /api/jobs/job_1')).length, 1, 'read once, when following started: no polling');
  });

  it('a job that ended before the stream heard it is found by the first read', async () => {
    const table = new Map([['job_1', job('job_1', { state: 'succeeded', ok: 2 })]]);
    const { api } = serverOf(table);
    const [ended] = await new JobFeed(api).follow([job('job_1')]);
    assert.equal(ended!.ok, 2);
  });

  it('an older read does not put an ended job back to running', async () => {
    const table = new Map([
      ['job_1', job('job_1')],
      ['job_2', job('job_2')],
    ]);
    let answer = () => {};
    const { api } = serverOf(table, new Promise<void>((r) => (answer = r)));
    const feed = new JobFeed(api);
    const done = feed.follow([job('job_1'), job('job_2')]);
    await tick();
    // The first read was asked while both ran; its answer comes after job_1's end was heard.
    StandInEventSource.latest().emit('job', job('job_1', { state: 'succeeded' }));
    answer();
    await tick();
    StandInEventSource.latest().emit('job', job('job_2', { state: 'failed' }));
    const result = await done;
    assert.deepEqual(
      result.map((j) => j.state),
      ['succeeded', 'failed'],
    );
  });

  it('reads the jobs again when the stream reconnects, and reads them until they end once the stream has ended', async () => {
    const table = new Map([['job_1', job('job_1')]]);
    const { api, calls } = serverOf(table);
    const feed = new JobFeed(api);
    let result: JobView[] | null = null;
    void feed.follow([job('job_1')]).then((r) => (result = r));
    await tick();
    const reads = () => calls.filter((c) => c === 'GET /api/jobs/job_1').length;
    assert.equal(reads(), 1);
    StandInEventSource.latest().onopen?.();
    await tick();
    assert.equal(reads(), 2, 'read on (re)connect');
    StandInEventSource.latest().emit('end');
    await tick();
    assert.equal(reads(), 3, 'read when the stream ends');
    table.set('job_1', job('job_1', { state: 'succeeded', ok: 2 }));
    await new Promise((r) => setTimeout(r, FALLBACK_READ_MS + 200));
    assert.equal(result![0]!.state, 'succeeded');
  });

  it('cancel asks each running job once to stop and follows it to its end', async () => {
    const table = new Map([['job_1', job('job_1')]]);
    const { api, calls } = serverOf(table);
    const abort = new AbortController();
    const done = new JobFeed(api).follow([job('job_1')], undefined, abort.signal);
    abort.abort();
    await tick();
    assert.deepEqual(
      calls.filter((c) => c.endsWith('/cancel')),
      ['POST /api/jobs/job_1/cancel'],
    );
    StandInEventSource.latest().emit('job', job('job_1', { state: 'canceled' }));
    assert.equal((await done)[0]!.state, 'canceled');
  });

  it('a failed read ends the wait with its error', async () => {
    const { api } = serverOf(new Map());
    await assert.rejects(new JobFeed(api).follow([job('gone')]), /no job/);
  });
});

describe('jobs list and period', () => {
  it('keeps newest first, one entry per job, a later event keeping fields it lacks', () => {
    const list = [job('a', { created_at: '2026-11-25T01:00:00Z' })];
    const { created_at: _c, ...event } = job('a', { state: 'succeeded' });
    const merged = mergeJobs(list, [event as JobView, job('b', { created_at: '2026-11-25T02:00:00Z' })]);
    assert.deepEqual(
      merged.map((j) => [j.id, j.state, j.created_at]),
      [
        ['b', 'running', '2026-11-25T02:00:00Z'],
        ['a', 'succeeded', '2026-11-25T01:00:00Z'],
      ],
    );
    assert.equal(
      mergeJobs(
        [],
        Array.from({ length: 25 }, (_, i) => job(`j${i}`)),
      ).length,
      20,
    );
  });

  it('a job that has ended stays ended when an older answer arrives after its end', () => {
    const ended = mergeJobs([job('a', { state: 'running' })], [job('a', { state: 'succeeded', ok: 2 })]);
    const late = mergeJobs(ended, [job('a', { state: 'running', ok: 1 })]);
    assert.deepEqual([late[0]!.state, late[0]!.ok], ['succeeded', 2]);
  });

  it('onConnect hears every opening of the stream, so a list can read what happened while it was not connected', async () => {
    const { api } = serverOf(new Map());
    const feed = new JobFeed(api);
    let opened = 0;
    const off = feed.onConnect(() => opened++);
    const unsubscribe = feed.subscribe(() => undefined);
    await tick();
    StandInEventSource.latest().onopen?.();
    assert.equal(opened, 1);
    StandInEventSource.latest().onopen?.();
    assert.equal(opened, 2, 'a reopened stream is heard too');
    off();
    StandInEventSource.latest().onopen?.();
    assert.equal(opened, 2, 'not after the listener left');
    unsubscribe();
  });

  it('a period is whole Korean days, never past now; blank or half a period is none', () => {
    const now = Date.parse('2026-11-25T03:00:00Z'); // 12:00 in Korea
    assert.deepEqual(jobPeriod('2026-11-20', '2026-11-21', now), { from: '2026-11-19T15:00:00.000Z', to: '2026-11-21T14:59:59.000Z' });
    assert.deepEqual(jobPeriod('2026-11-24', '2026-11-25', now), { from: '2026-11-23T15:00:00.000Z', to: '2026-11-25T03:00:00.000Z' });
    assert.deepEqual(jobPeriod('', '2026-11-25', now), {});
    assert.deepEqual(jobPeriod('2026-11-24', '', now), {});
  });
});
