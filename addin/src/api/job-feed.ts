// Following mall jobs, one way for the whole pane: the jobs event stream (api/events.ts), opened while someone
// listens. `follow` waits for given jobs to end: events move them; each job is also read once when following
// starts and whenever the stream (re)connects, because what happened before or between connections is not sent
// again; once the stream has ended for good (the session ended), the jobs are read every few seconds instead.
import { FINISHED_JOB_STATES, type JobView } from '../../../shared/api/jobs.schema.ts';
import type { Api } from './client.ts';
import { openEvents } from './events.ts';
import { cancelJob, getJob, jobEndpoints } from './jobs.ts';

/** How often jobs are read when there is no stream to hear them on. */
export const FALLBACK_READ_MS = 2000;

export type JobListener = (job: JobView) => void;
/** Items done over all followed jobs, and their total. */
export type JobProgress = (done: number, total: number) => void;

const finished = (job: Pick<JobView, 'state'>) => FINISHED_JOB_STATES.has(job.state);

export class JobFeed {
  private listeners = new Set<JobListener>();
  private connectionListeners = new Set<() => void>();
  private stop: (() => void) | null = null;
  /** The stream ended for good: followers read the jobs themselves. */
  private ended = false;

  constructor(private readonly api: Api) {}

  /** Hears every job event (a job's counts and state; see the events route) until the returned function is called. */
  subscribe(listener: JobListener): () => void {
    this.listeners.add(listener);
    this.open();
    return () => {
      this.listeners.delete(listener);
      this.closeIfUnheard();
    };
  }

  /**
   * Called each time the stream opens or reopens (and when it ends for good): what happened before or between
   * connections is not sent again, so a listener that keeps a picture of jobs reads it again here.
   */
  onConnect(listener: () => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  /** Waits until every job has ended, reporting the items done over all of them; `signal` cancels them once. */
  follow(jobs: readonly JobView[], progress?: JobProgress, signal?: AbortSignal): Promise<JobView[]> {
    const current = new Map(jobs.map((j) => [j.id, j]));
    const running = () => [...current.values()].filter((j) => !finished(j));
    return new Promise<JobView[]>((resolve, reject) => {
      let settled = false;
      const cleanup: (() => void)[] = [];
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        for (const undo of cleanup) undo();
        if (error === undefined) resolve([...current.values()]);
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      const check = () => {
        const all = [...current.values()];
        const sum = (k: 'ok' | 'failed' | 'skipped' | 'total') => all.reduce((n, j) => n + j[k], 0);
        progress?.(sum('ok') + sum('failed') + sum('skipped'), sum('total'));
        if (!running().length) settle();
      };
      const update = (job: JobView) => {
        const had = current.get(job.id);
        // An answer read before a later event may arrive after it: an ended job never goes back to running.
        if (!had || (finished(had) && !finished(job))) return;
        current.set(job.id, { ...had, ...job });
        check();
      };
      const read = () => {
        if (settled) return;
        Promise.all(running().map((j) => getJob(this.api, j.id))).then((fresh) => fresh.forEach(update), settle);
      };
      cleanup.push(this.subscribe(update));
      cleanup.push(this.onConnect(read));
      const timer = setInterval(() => this.ended && read(), FALLBACK_READ_MS);
      cleanup.push(() => clearInterval(timer));
      // Cancel asks each running job once to stop; what it already did at the mall stays done, so it is followed on.
      const cancel = () => void Promise.all(running().map((j) => cancelJob(this.api, j.id).catch(() => undefined)));
      signal?.addEventListener('abort', cancel, { once: true });
      cleanup.push(() => signal?.removeEventListener('abort', cancel));
      if (signal?.aborted) cancel();
      check();
      read();
    });
  }

  private open(): void {
    if (this.stop) return;
    this.ended = false;
    const emit = (job: JobView) => this.listeners.forEach((l) => l(job));
    const connected = () => this.connectionListeners.forEach((l) => l());
    // An EventSource sends the browser's Accept-Language, not the pane's: the pane's goes in the URL, so a job's
    // error reads in the language the pane shows (an English Windows showed it in English in a Korean pane).
    const path = this.api.lang ? `${jobEndpoints.events.path}?lang=${this.api.lang}` : jobEndpoints.events.path;
    this.stop = openEvents(
      this.api,
      path,
      { job: (data) => emit(JSON.parse(data) as JobView) },
      {
        onOpen: connected,
        onClosed: () => {
          this.ended = true;
          connected();
        },
      },
    );
  }

  private closeIfUnheard(): void {
    if (this.listeners.size || !this.stop) return;
    this.stop();
    this.stop = null;
  }
}
