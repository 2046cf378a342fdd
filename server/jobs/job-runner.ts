// Runs jobs against the malls: each is stored first (queued), runs in the background, records one result per
// order or box as it goes, and ends succeeded, partial (some items failed), failed or canceled. Progress and the
// end are published for the server-sent events route. The account's status follows: an auth failure puts it in
// error with the reason, a job that reached the mall puts it back to normal.
//
// Each job records the instance running it and beats while it runs. A job whose instance is gone (killed: on
// PostgreSQL its presence lock stayed missing for a few seconds — a live instance whose channel connection merely
// dropped takes it again within that grace; on SQLite, one process, any job not of this process) or whose heartbeat
// went stale is closed as failed with the reason — at start-up, every heartbeat interval, and whenever it would
// block a new job or a cancel — so a crash never blocks an account.
import { JOB_TYPE_LABELS } from '../../shared/api/jobs.schema.ts';
import { AppError } from '../../shared/errors.ts';
import { isMessage, message, type Text } from '../../shared/i18n.ts';
import { MALL_NAMES, type MallType } from '../../shared/malls.ts';
import type { ConnectorFactory } from '../connectors/registry.ts';
import { MallError } from '../connectors/http.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/knex.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId, ID_PREFIX } from '../db/ids.ts';
import type { Logger } from '../log.ts';
import { findMallAccount, updateMallAccount, type MallAccountRow } from '../modules/mall-accounts/mall-accounts.repo.ts';
import { openCredentials } from '../modules/mall-accounts/mall-accounts.service.ts';
import type { JobEvents } from './job-events.ts';
import { jobsMessages } from './jobs.messages.ts';
import * as repo from './jobs.repo.ts';
import { Canceled, type JobContext, type JobFn, type JobStart } from './job-context.ts';

export type JobRunnerDeps = {
  db: Db;
  log: Logger;
  secrets: SecretBox;
  events: JobEvents;
  connectorFor: ConnectorFactory;
  jobs: Record<repo.JobType, JobFn>;
  /** This process; stored on the jobs it runs. */
  instanceId: string;
  /** How often a running job beats, and how long without a beat means nobody runs it. */
  heartbeatMs: number;
  /** SHIPSHEET_BULK_BLOCK_ITEMS, for the jobs' bulk changes as for the API's. */
  blockItems: number;
  staleMs: number;
  /**
   * Whether another instance is still up (PostgreSQL presence lock). Absent with SQLite: one process uses the
   * file, so a job of any other instance is a leftover of a stopped one.
   */
  runnerAlive?: (runnerId: string) => Promise<boolean>;
  /**
   * How long an instance's presence lock must stay missing before its jobs count as abandoned. A live instance
   * whose channel connection dropped (a network blip, pg_terminate_backend) holds no lock until it reconnects
   * (about a second): its jobs must not be closed meanwhile. Longer than the channel's reconnect delay.
   */
  presenceGraceMs?: number;
};

/** Default presence grace: the job channel reconnects after 1 s (pg-channel.ts), plus time to connect. */
export const PRESENCE_GRACE_MS = 3000;

const SERVICE: Record<repo.JobType, keyof MallAccountRow> = {
  collect: 'collect_enabled',
  confirm: 'confirm_enabled',
  send_invoices: 'send_invoice_enabled',
  sync: 'sync_enabled',
  // Answering the mall's claims belongs with bringing them in: an account that syncs claims answers them.
  claim_decisions: 'sync_enabled',
};

export class JobRunner {
  private running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  /** Jobs stored by this process whose run is not registered yet: a racing start or cancel may already see them. */
  private starting = new Set<string>();
  private reaper: NodeJS.Timeout | null = null;
  private reaping: Promise<string[]> | null = null;
  /** Since when (this process's clock) each instance was seen without its presence lock. */
  private missingSince = new Map<string, number>();

  constructor(private readonly deps: JobRunnerDeps) {
    // A cancel sent to another instance (or to this one) for a job this process runs.
    deps.events.on('cancel', (jobId) => void this.cancel(jobId));
  }

  /** Closes what stopped instances left behind, now and every heartbeat interval (another instance may die). */
  async open(): Promise<void> {
    await this.closeAbandoned();
    this.reaper = setInterval(() => {
      // A pass may wait out the presence grace: the next look starts when it is done, not alongside it.
      if (this.reaping) return;
      this.reaping = this.closeAbandoned()
        .catch((error) => {
          this.deps.log.error('abandoned jobs not closed', { error });
          return [];
        })
        .finally(() => (this.reaping = null));
    }, this.deps.heartbeatMs);
    this.reaper.unref();
  }

  /** Closes as failed every active job nobody runs any more; returns their ids. */
  async closeAbandoned(): Promise<string[]> {
    const closed: string[] = [];
    const alive = new Map<string, Promise<boolean>>(); // one look per instance, however many jobs it has
    const active = await repo.listActiveJobs(this.deps.db);
    for (const job of active) {
      if (this.running.has(job.id) || !(await this.abandoned(job, alive))) continue;
      if (await this.close(job, 'failed', message(jobsMessages.server_stopped))) closed.push(job.id);
    }
    // Forget instances that no longer have an active job (each restart is a new instance).
    const runners = new Set(active.map((j) => j.runner_id));
    for (const id of this.missingSince.keys()) if (!runners.has(id)) this.missingSince.delete(id);
    return closed;
  }

  /** True when no live process runs the job: its instance is gone or it stopped beating. */
  private async abandoned(job: repo.JobRow, alive = new Map<string, Promise<boolean>>(), options = { grace: true }): Promise<boolean> {
    if (this.running.has(job.id) || this.starting.has(job.id)) return false;
    const last = Date.parse(job.heartbeat_at ?? job.created_at);
    if (Date.now() - last > this.deps.staleMs) return true;
    if (job.runner_id === this.deps.instanceId) return true; // ours, yet not running here: its run has ended
    if (!this.deps.runnerAlive) return true; // SQLite: this is the only process
    if (!job.runner_id) return false; // stored before runners were recorded: only its heartbeat tells
    if (!options.grace) return !(await this.deps.runnerAlive(job.runner_id));
    if (!alive.has(job.runner_id)) alive.set(job.runner_id, this.stillThere(job.runner_id));
    return !(await alive.get(job.runner_id));
  }

  /**
   * Whether an instance is up: it holds its presence lock, or took it again within the grace (its channel
   * connection dropped and came back). Only a lock missing for the whole grace means the process is gone.
   */
  private async stillThere(runnerId: string): Promise<boolean> {
    const look = this.deps.runnerAlive!;
    if (await look(runnerId)) return this.seen(runnerId);
    const since = this.missingSince.get(runnerId) ?? Date.now();
    this.missingSince.set(runnerId, since);
    const wait = since + (this.deps.presenceGraceMs ?? PRESENCE_GRACE_MS) - Date.now();
    if (wait <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return (await look(runnerId)) ? this.seen(runnerId) : false;
  }

  private seen(runnerId: string): true {
    this.missingSince.delete(runnerId);
    return true;
  }

  private async close(job: repo.JobRow, state: repo.JobState, error: Text): Promise<boolean> {
    const end = { state, error, finished_at: new Date().toISOString() };
    if (!(await repo.closeActiveJob(this.deps.db, job.id, end))) return false;
    this.deps.log.warn('job of a stopped server closed', { job_id: job.id, job_type: job.type, mall_account_id: job.mall_account_id, state });
    const { id, type, mall_account_id, total, ok, failed, skipped } = job;
    this.deps.events.publish({ id, type, mall_account_id, total, ok, failed, skipped, ...end });
    return true;
  }

  /** Stores a job and starts it; refuses when the account cannot run it or the same job is already under way. */
  async start(input: JobStart): Promise<repo.JobRow> {
    const { db } = this.deps;
    const account = await findMallAccount(db, input.accountId);
    if (!account) throw new AppError('not_found', 'mall_account_not_found', message(jobsMessages.account_not_found, { id: input.accountId }));
    const name = account.display_name;
    if (!account.active) throw new AppError('conflict', 'account_inactive', message(jobsMessages.account_inactive, { name }));
    if (!account[SERVICE[input.type]]) {
      // The switch the operator can turn on is named: claim decisions go with 주문동기화, not a service of their own.
      const off =
        input.type === 'claim_decisions'
          ? message(jobsMessages.decisions_sync_off, { name })
          : message(jobsMessages.service_off, { name, service: JOB_TYPE_LABELS[input.type] });
      throw new AppError('conflict', 'service_off', off);
    }
    let active = await repo.findActiveJob(db, account.id, input.type);
    // A job left by a stopped server is closed rather than allowed to block the account. Another look (this
    // instance's reaper, another instance) may close it first: what counts is whether one is still active after.
    if (active && (await this.abandoned(active))) {
      await this.close(active, 'failed', message(jobsMessages.server_stopped));
      active = await repo.findActiveJob(db, account.id, input.type);
    }
    if (active) throw new AppError('conflict', 'already_running', message(jobsMessages.already_running, { name, job: active.id }));
    const job: repo.JobRow = {
      id: newId(ID_PREFIX.job),
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
      heartbeat_at: new Date().toISOString(),
      runner_id: this.deps.instanceId,
    };
    this.starting.add(job.id);
    try {
      try {
        await repo.insertJob(db, job);
      } catch (error) {
        // The database allows one active job per account and type: a request racing this one got there first.
        if (!isUniqueViolation(error)) throw error;
        throw new AppError('conflict', 'already_running', message(jobsMessages.already_running, { name, job: '' }));
      }
      const abort = new AbortController();
      const done = this.run(job, account, abort.signal).finally(() => this.running.delete(job.id));
      this.running.set(job.id, { abort, done });
    } finally {
      this.starting.delete(job.id);
    }
    return job;
  }

  /** Stops a job this process runs at its next step (or mid mall call); what it finished stays done. */
  cancel(jobId: string): boolean {
    const entry = this.running.get(jobId);
    entry?.abort.abort();
    return !!entry;
  }

  /**
   * Cancels a job wherever it runs: here; on another live instance (told through the job channel); or, when no
   * process runs it any more, by closing it as canceled. False when the job has already ended.
   */
  async requestCancel(jobId: string): Promise<boolean> {
    if (this.cancel(jobId)) return true;
    const job = await repo.findJob(this.deps.db, jobId);
    if (!job || (job.state !== 'queued' && job.state !== 'running')) return false;
    // The job is to stop either way: a runner merely without its lock for a moment (channel reconnecting) need not
    // be waited for. Closed as canceled, a job still running somewhere stops at its next beat; the message reaches
    // it sooner if its channel is up.
    if (await this.abandoned(job, new Map(), { grace: false })) await this.close(job, 'canceled', message(jobsMessages.canceled));
    this.deps.events.requestCancel(jobId);
    return true;
  }

  /** Waits until no job runs (tests; shutting down). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  async stopAll(): Promise<void> {
    if (this.reaper) clearInterval(this.reaper);
    await this.reaping;
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
    // Set when another instance closed the job (it took this one for dead): the job stops and leaves the row be.
    let lost = false;
    const heartbeat = setInterval(() => {
      repo
        .beat(db, job.id, this.deps.instanceId)
        .then((mine) => {
          if (mine || !this.running.has(job.id)) return;
          lost = true;
          log.warn('job closed by another instance; stopping it here', { job_id: job.id, job_type: job.type });
          this.running.get(job.id)?.abort.abort();
        })
        .catch(() => undefined);
    }, this.deps.heartbeatMs);
    heartbeat.unref();
    const patch = async (p: Partial<repo.JobRow>) => {
      Object.assign(job, p);
      await repo.updateJob(db, job.id, p);
      publish();
    };
    // Results written in a change's own transaction (recordIn), counted with the next record or at the end.
    const uncounted: repo.JobResult[] = [];
    const countResults = async (results: readonly repo.JobResult[]) => {
      const all = [...uncounted.splice(0), ...results];
      if (!all.length) return;
      const count = (r: string) => all.filter((x) => x.result === r).length;
      await patch({ ok: job.ok + count('ok'), failed: job.failed + count('failed'), skipped: job.skipped + count('skipped') });
    };
    try {
      await patch({ state: 'running', started_at: new Date().toISOString() });
      const credentials = await this.credentials(account);
      const ctx: JobContext = {
        job,
        account,
        // The signal reaches the mall calls: a cancel or shutdown does not wait out a hanging call and its retries.
        connector: this.deps.connectorFor(account, credentials, { signal }),
        db,
        log,
        signal,
        blockItems: this.deps.blockItems,
        actor: { type: 'job', id: job.id },
        runner: this,
        record: async (results) => {
          if (results.length) await repo.insertResults(db, job.id, results);
          await countResults(results);
        },
        recordIn: async (trx, results) => {
          if (!results.length) return;
          await repo.insertResults(trx, job.id, results);
          // Counted once the transaction commits: a block tried again (a lost race) must not count its first try.
          trx.executionPromise.then(
            () => void uncounted.push(...results),
            () => undefined,
          );
        },
        expect: async (total) => patch({ total }),
        setParams: async (params) => patch({ params }),
        reachedMall: () => {
          reached = true;
        },
      };
      await this.deps.jobs[job.type](ctx);
      await countResults([]);
      if (signal.aborted) throw new Canceled();
      await patch({ ...outcome(job), finished_at: new Date().toISOString() });
      if (reached && account.status !== 'normal')
        await updateMallAccount(db, account.id, { status: 'normal', last_error: null, updated_at: new Date().toISOString() });
    } catch (error) {
      if (lost) return;
      const { state, message: text } = this.describe(error, job, account);
      if (state === 'failed' && error instanceof MallError && error.kind === 'auth') {
        const now = new Date().toISOString();
        await updateMallAccount(db, account.id, { status: 'error', last_error: text, last_error_at: now, updated_at: now });
      }
      if (!(error instanceof MallError) && !(error instanceof Canceled) && !(error instanceof AppError)) {
        log.error('job failed', { job_id: job.id, job_type: job.type, mall_account_id: account.id, error });
      } else {
        log.warn('job ended without success', {
          job_id: job.id,
          job_type: job.type,
          mall_account_id: account.id,
          state,
          code: (error as MallError).kind,
        });
      }
      await patch({ state, error: text, finished_at: new Date().toISOString() }).catch((e) =>
        log.error('could not close job', { job_id: job.id, error: e }),
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  private describe(error: unknown, job: repo.JobRow, account: MallAccountRow): { state: repo.JobState; message: Text } {
    if (error instanceof Canceled || (error as Error)?.name === 'AbortError') return { state: 'canceled', message: message(jobsMessages.canceled) };
    if (error instanceof MallError) {
      // A connector's own sentence names its mall and what to check: it is the job's error as it is ("쇼핑몰 인증에
      // 실패했습니다: 쿠팡: 쿠팡 인증에 실패했습니다…" said it three times). The transport's words are put in one.
      if (isMessage(error.text)) return { state: 'failed', message: error.text };
      const mall = MALL_NAMES[account.mall_type as MallType] ?? account.mall_type;
      const key = KEY_OF_KIND[error.kind] ?? 'mall_unavailable';
      return { state: 'failed', message: message(jobsMessages[key], { mall, detail: error.text }) };
    }
    if (error instanceof AppError) return { state: 'failed', message: error.text };
    return { state: 'failed', message: message(jobsMessages.unexpected, { job: job.id }) };
  }

  private async credentials(account: MallAccountRow): Promise<Record<string, string>> {
    if (!account.credentials_enc)
      throw new AppError('conflict', 'no_credentials', message(jobsMessages.no_credentials, { name: account.display_name }));
    return openCredentials(this.deps.secrets, { id: account.id, credentials_enc: account.credentials_enc });
  }
}

/** A mall failure in the transport's words, by kind: the sentence it is put in (the rest: no answer, or errors). */
const KEY_OF_KIND: Partial<Record<MallError['kind'], 'auth_failed' | 'rate_limited' | 'mall_unreadable'>> = {
  auth: 'auth_failed',
  rate_limited: 'rate_limited',
  bad_response: 'mall_unreadable',
};

/** How a job that ran to its end ended: every item failed is a failure, some is partial (일부 실패). */
export function outcome(job: Pick<repo.JobRow, 'ok' | 'failed' | 'skipped'>): { state: repo.JobState; error?: Text } {
  if (job.failed === 0) return { state: 'succeeded' };
  if (job.ok === 0 && job.skipped === 0) return { state: 'failed', error: message(jobsMessages.all_failed, { n: job.failed }) };
  return { state: 'partial' };
}
