// Runs jobs against the malls: each is stored first (queued), runs in the background, records one result per
// order or box as it goes, and ends succeeded, partial (some items failed), failed or canceled. Progress and the
// end are published for the server-sent events route. The account's status follows: an auth failure puts it in
// error with the reason, a job that reached the mall puts it back to normal.
import { JOB_TYPE_LABELS } from '../../shared/api/jobs.schema.ts';
import { AppError } from '../../shared/errors.ts';
import { format, type Lang } from '../../shared/i18n.ts';
import { MALL_NAMES, type MallType } from '../../shared/malls.ts';
import type { ConnectorFactory } from '../connectors/registry.ts';
import { MallError } from '../connectors/http.ts';
import type { MallConnector } from '../connectors/types.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/knex.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../db/ids.ts';
import type { Actor } from '../http/context.ts';
import type { Logger } from '../log.ts';
import { findMallAccount, updateMallAccount, type MallAccountRow } from '../modules/mall-accounts/mall-accounts.repo.ts';
import type { JobEvents } from './job-events.ts';
import { jobsMessages } from './jobs.messages.ts';
import * as repo from './jobs.repo.ts';

export type JobContext = {
  job: repo.JobRow;
  account: MallAccountRow;
  connector: MallConnector;
  db: Db;
  log: Logger;
  signal: AbortSignal;
  actor: Actor;
  runner: JobRunner;
  /** Writes results and moves the job's counts. */
  record(results: repo.JobResult[]): Promise<void>;
  /** Declares how many items the job will go through, for progress. */
  expect(total: number): Promise<void>;
  /** Stores what the job settled on (e.g. the window it asked the mall about), for the next run and for people. */
  setParams(params: Record<string, unknown>): Promise<void>;
  /** Says the mall answered: only then does a job clear an account's error status. */
  reachedMall(): void;
};

export type JobFn = (ctx: JobContext) => Promise<void>;

export type JobRunnerDeps = {
  db: Db;
  log: Logger;
  secrets: SecretBox;
  events: JobEvents;
  connectorFor: ConnectorFactory;
  jobs: Record<repo.JobType, JobFn>;
};

const SERVICE: Record<repo.JobType, keyof MallAccountRow> = {
  collect: 'collect_enabled',
  confirm: 'confirm_enabled',
  send_invoices: 'send_invoice_enabled',
  sync: 'sync_enabled',
};

class Canceled extends Error {}

export class JobRunner {
  private running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(private readonly deps: JobRunnerDeps) {}

  /** Stores a job and starts it; refuses when the account cannot run it or the same job is already under way. */
  async start(
    input: { type: repo.JobType; accountId: string; params?: Record<string, unknown>; actor: Actor; trigger: repo.JobRow['trigger'] },
    lang: Lang = 'ko',
  ): Promise<repo.JobRow> {
    const { db } = this.deps;
    const account = await findMallAccount(db, input.accountId);
    if (!account) throw new AppError('not_found', 'mall_account_not_found', format(jobsMessages.account_not_found, { id: input.accountId }, lang));
    const name = account.display_name;
    if (!account.active) throw new AppError('conflict', 'account_inactive', format(jobsMessages.account_inactive, { name }, lang));
    if (!account[SERVICE[input.type]]) {
      throw new AppError('conflict', 'service_off', format(jobsMessages.service_off, { name, service: JOB_TYPE_LABELS[input.type][lang] }, lang));
    }
    const active = await repo.findActiveJob(db, account.id, input.type);
    if (active) throw new AppError('conflict', 'already_running', format(jobsMessages.already_running, { name, job: active.id }, lang));
    const job: repo.JobRow = {
      id: newId('job'),
      type: input.type,
      mall_account_id: account.id,
      trigger: input.trigger,
      params: input.params ?? {},
      state: 'queued',
      total: 0,
      ok: 0,
      failed: 0,
      skipped: 0,
      error: null,
      created_by: input.actor.type === 'user' ? input.actor.id : null,
      created_at: new Date().toISOString(),
      started_at: null,
      finished_at: null,
    };
    try {
      await repo.insertJob(db, job);
    } catch (error) {
      // The database allows one active job per account and type: a request racing this one got there first.
      if (!isUniqueViolation(error)) throw error;
      throw new AppError('conflict', 'already_running', format(jobsMessages.already_running, { name, job: '' }, lang));
    }
    const abort = new AbortController();
    const done = this.run(job, account, abort.signal).finally(() => this.running.delete(job.id));
    this.running.set(job.id, { abort, done });
    return job;
  }

  /** Asks a running job to stop at its next step; what it finished stays done. */
  cancel(jobId: string): boolean {
    const entry = this.running.get(jobId);
    entry?.abort.abort();
    return !!entry;
  }

  /** Waits until no job runs (tests; shutting down). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  async stopAll(): Promise<void> {
    for (const r of this.running.values()) r.abort.abort();
    await this.idle();
  }

  private async run(job: repo.JobRow, account: MallAccountRow, signal: AbortSignal): Promise<void> {
    const { db, log, events } = this.deps;
    // Listeners get the counts and state, not the params (which can hold thousands of line ids).
    const publish = () => {
      const { params: _params, ...summary } = job;
      events.publish(summary);
    };
    let reached = false;
    const heartbeat = setInterval(() => void repo.beat(db, job.id).catch(() => undefined), 30_000);
    heartbeat.unref();
    const patch = async (p: Partial<repo.JobRow>) => {
      Object.assign(job, p);
      await repo.updateJob(db, job.id, p);
      publish();
    };
    try {
      await patch({ state: 'running', started_at: new Date().toISOString() });
      const credentials = await this.credentials(account);
      const ctx: JobContext = {
        job,
        account,
        connector: this.deps.connectorFor(account, credentials),
        db,
        log,
        signal,
        actor: { type: 'job', id: job.id },
        runner: this,
        record: async (results) => {
          if (!results.length) return;
          await repo.insertResults(db, job.id, results);
          const count = (r: string) => results.filter((x) => x.result === r).length;
          await patch({ ok: job.ok + count('ok'), failed: job.failed + count('failed'), skipped: job.skipped + count('skipped') });
        },
        expect: async (total) => patch({ total }),
        setParams: async (params) => patch({ params }),
        reachedMall: () => {
          reached = true;
        },
      };
      await this.deps.jobs[job.type](ctx);
      if (signal.aborted) throw new Canceled();
      await patch({ state: job.failed > 0 ? 'partial' : 'succeeded', finished_at: new Date().toISOString() });
      if (reached && account.status !== 'normal') await updateMallAccount(db, account.id, { status: 'normal', last_error: null, updated_at: new Date().toISOString() });
    } catch (error) {
      const { state, message } = this.describe(error, job, account);
      if (state === 'failed' && error instanceof MallError && error.kind === 'auth') {
        const now = new Date().toISOString();
        await updateMallAccount(db, account.id, { status: 'error', last_error: message, last_error_at: now, updated_at: now });
      }
      if (!(error instanceof MallError) && !(error instanceof Canceled) && !(error instanceof AppError)) {
        log.error('job failed', { job_id: job.id, job_type: job.type, mall_account_id: account.id, error });
      } else {
        log.warn('job ended without success', { job_id: job.id, job_type: job.type, mall_account_id: account.id, state, code: (error as MallError).kind });
      }
      await patch({ state, error: message, finished_at: new Date().toISOString() }).catch((e) => log.error('could not close job', { job_id: job.id, error: e }));
    } finally {
      clearInterval(heartbeat);
    }
  }

  private describe(error: unknown, job: repo.JobRow, account: MallAccountRow): { state: repo.JobState; message: string } {
    if (error instanceof Canceled || (error as Error)?.name === 'AbortError') return { state: 'canceled', message: format(jobsMessages.canceled, {}, 'ko') };
    if (error instanceof MallError) {
      const detail = `${MALL_NAMES[account.mall_type as MallType]?.ko ?? account.mall_type}: ${error.message}`;
      const key = error.kind === 'auth' ? 'auth_failed' : error.kind === 'rate_limited' ? 'rate_limited' : 'mall_unavailable';
      return { state: 'failed', message: format(jobsMessages[key], { detail }, 'ko') };
    }
    if (error instanceof AppError) return { state: 'failed', message: error.message };
    return { state: 'failed', message: format(jobsMessages.unexpected, { job: job.id }, 'ko') };
  }

  private async credentials(account: MallAccountRow): Promise<Record<string, string>> {
    if (!account.credentials_enc) throw new AppError('conflict', 'no_credentials', format(jobsMessages.no_credentials, { name: account.display_name }, 'ko'));
    return JSON.parse(this.deps.secrets.open(account.credentials_enc, account.id)) as Record<string, string>;
  }
}

/** Throws when the job was asked to stop: jobs call it between pages and batches. */
export function stopIfCanceled(signal: AbortSignal): void {
  if (signal.aborted) throw new Canceled();
}
