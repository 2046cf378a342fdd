// The jobs pane's data: the recent jobs, kept current from the job feed, starting jobs for accounts and a period,
// cancelling one, a job's failures, and writing them into a sheet.
import { useEffect, useRef, useState } from 'react';
import { FINISHED_JOB_STATES as FINISHED, type JobType, type JobView as Job } from '../../../../shared/api/jobs.schema.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { cancelJob, listJobs, startJobs, type JobResult, type StartedJob } from '../../api/jobs.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import { readFailures, writeFailureSheet } from './failure-sheet.ts';
import { jobPeriod } from './period.ts';

const RECENT = 20;

/** `ended`: jobs of this start that had ended already when its answer came (their end was heard first). */
export type StartOutcome = { started: number; refused: Extract<StartedJob, { started: false }>[]; ended: Job[] };

/**
 * Newest first, at most RECENT, one entry per job (a later event replaces the job's entry, keeping what it lacks).
 * A job that has ended never goes back to running: an answer read before an event may arrive after it.
 */
export function mergeJobs(list: readonly Job[], incoming: readonly Job[]): Job[] {
  const byId = new Map(list.map((j) => [j.id, j]));
  for (const job of incoming) {
    const had = byId.get(job.id);
    if (had && FINISHED.has(had.state) && !FINISHED.has(job.state)) continue;
    byId.set(job.id, { ...had, ...job });
  }
  return [...byId.values()].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '')).slice(0, RECENT);
}

/**
 * `onEnded` hears each time a job this pane saw running ends: that job, or, for one of the jobs the last 작업 시작
 * started (one per account, ending one by one), every one of them ended so far.
 */
export function useJobs(api: Api, feed: JobFeed, onEnded: (jobs: readonly Job[]) => void) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [failures, setFailures] = useState<{ job: Job; items: JobResult[] } | null>(null);
  const known = useRef(new Map<string, Job>());
  const lastStart = useRef<readonly string[]>([]);
  // The latest callback, read when an event arrives: the subscription lives once per sign-in.
  const ended = useRef(onEnded);
  ended.current = onEnded;

  useEffect(() => {
    const endedWith = (job: Job) => {
      if (!lastStart.current.includes(job.id)) return [job];
      return lastStart.current.flatMap((id) => {
        const j = known.current.get(id);
        return j && FINISHED.has(j.state) ? [j] : [];
      });
    };
    const heard = (job: Job) => {
      const before = known.current.get(job.id);
      if (before && FINISHED.has(before.state) && !FINISHED.has(job.state)) return;
      known.current.set(job.id, { ...before, ...job });
      if (before && !FINISHED.has(before.state) && FINISHED.has(job.state)) ended.current(endedWith(job));
    };
    // The recent jobs, read at first and again whenever the stream (re)opens: a job that ended while it was not
    // connected (a short collect right after sign-in) would otherwise stay "running" here.
    const read = () =>
      listJobs(api, { limit: RECENT }).then(
        (r) => {
          r.items.forEach(heard);
          setJobs((list) => mergeJobs(list, r.items));
        },
        () => undefined,
      );
    void read();
    const offConnect = feed.onConnect(() => void read());
    const unsubscribe = feed.subscribe((job) => {
      heard(job);
      setJobs((list) => mergeJobs(list, [job]));
    });
    return () => {
      offConnect();
      unsubscribe();
    };
  }, [api, feed]);

  async function start(type: JobType, accountIds: string[], from: string, to: string): Promise<StartOutcome> {
    const out = await startJobs(api, { type, mall_account_ids: accountIds, ...jobPeriod(from, to) });
    const started = out.items.flatMap((i) => (i.started ? [i.job] : []));
    lastStart.current = started.map((j) => j.id);
    // A short job may have ended, its event heard, before this answer came (a busy desk): the answer's "queued" must
    // not hide that, and the caller tells its end (the later ones are told as they come, naming these too).
    for (const j of started) if (!known.current.has(j.id)) known.current.set(j.id, j);
    const endedAlready = started.map((j) => known.current.get(j.id)!).filter((j) => FINISHED.has(j.state));
    setJobs((list) => mergeJobs(list, started));
    return { started: started.length, refused: out.items.flatMap((i) => (i.started ? [] : [i])), ended: endedAlready };
  }

  const cancel = (job: Job) => void cancelJob(api, job.id);

  async function showFailures(job: Job): Promise<void> {
    setFailures({ job, items: await readFailures(api, job.id) });
  }

  /** Writes the failures shown into the failures sheet; returns how many rows (0 when none are shown). */
  async function writeFailures(jobLabel: string, accountName: string, lang: Lang): Promise<number> {
    if (!failures) return 0;
    return writeFailureSheet(jobLabel, accountName, failures.items, lang);
  }

  return { jobs, failures, start, cancel, showFailures, writeFailures };
}
