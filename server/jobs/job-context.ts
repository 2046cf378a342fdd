// What a job gets to do its work (JobContext), and how it stops when asked: the job-runner builds one per run.
import type { Knex } from 'knex';
import type { MallConnector } from '../connectors/types.ts';
import type { Db } from '../db/knex.ts';
import type { Actor } from '../domain/actor.ts';
import type { Logger } from '../log.ts';
import type { MallAccountRow } from '../modules/mall-accounts/mall-accounts.repo.ts';
import type * as repo from './jobs.repo.ts';

/** A job to store and start. */
export type JobStart = {
  type: repo.JobType;
  accountId: string;
  params?: Record<string, unknown>;
  actor: Actor;
  trigger: repo.JobRow['trigger'];
};

export type JobContext = {
  job: repo.JobRow;
  account: MallAccountRow;
  connector: MallConnector;
  db: Db;
  log: Logger;
  signal: AbortSignal;
  /** Items per transaction when the job applies changes in bulk (SHIPSHEET_BULK_BLOCK_ITEMS). */
  blockItems: number;
  actor: Actor;
  /** Starts a job of its own (collect → auto-confirm). */
  runner: { start(input: JobStart): Promise<repo.JobRow> };
  /** Writes results and moves the job's counts. */
  record(results: repo.JobResult[]): Promise<void>;
  /**
   * Writes results in `trx`, the transaction of the change they report, so a crash can never keep the change and
   * lose what it asks of the operator; the job's counts move with the next record or when the job ends.
   */
  recordIn(trx: Knex.Transaction, results: repo.JobResult[]): Promise<void>;
  /** Declares how many items the job will go through, for progress. */
  expect(total: number): Promise<void>;
  /** Stores what the job settled on (e.g. the window it asked the mall about), for the next run and for people. */
  setParams(params: Record<string, unknown>): Promise<void>;
  /** Says the mall answered: only then does a job clear an account's error status. */
  reachedMall(): void;
};

export type JobFn = (ctx: JobContext) => Promise<void>;

/** Thrown where a job stops because it was asked to (a cancel, a shutdown). */
export class Canceled extends Error {}

/** Throws when the job was asked to stop: jobs call it between pages and batches. */
export function stopIfCanceled(signal: AbortSignal): void {
  if (signal.aborted) throw new Canceled();
}
