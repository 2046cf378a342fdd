// Jobs and their per-order / per-box results, and the leases that keep scheduled work on one server instance.
import type { Knex } from 'knex';
import type { Db } from '../db/knex.ts';
import { insertMany } from '../db/bulk.ts';
import { PRESENCE_LOCK_CLASS } from '../db/pg-channel.ts';
import type { JobState, JobType, JobView } from '../../shared/api/jobs.schema.ts';
import { readStoredText, storedText, storedTextWithin, type Text } from '../../shared/i18n.ts';

export type { JobState, JobType };

/** The stored job: what the API shows (JobView) and how it was started and ran. */
// A job's error and a result's message are Texts (shared/i18n.ts): a Message is stored as its JSON and read back as
// a Message, which the HTTP edge renders in the reader's language; older rows hold plain Korean text and read as
// they are.
export type JobRow = Omit<JobView, 'error'> & {
  error: Text | null;
  trigger: 'manual' | 'schedule' | 'auto';
  params: Record<string, unknown>;
  created_by: string | null;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at?: string | null;
  /** The server instance running the job (null for jobs stored before instances were recorded). */
  runner_id?: string | null;
};

export type JobResult = {
  ref_type: 'order' | 'line' | 'box';
  ref_id: string | null;
  mall_ref: string | null;
  result: 'ok' | 'failed' | 'skipped';
  code: string | null;
  message: Text | null;
  /** What an operator recognises: the mall's order number and the product (a box: its first product and how many more). */
  mall_order_id?: string | null;
  item_name?: Text | null;
};

const toJob = (r: Record<string, unknown>): JobRow => ({
  ...(r as JobRow),
  error: readStoredText(r.error as string | null),
  params: r.params ? JSON.parse(r.params as string) : {},
});

export async function insertJob(db: Db, job: Omit<JobRow, 'total' | 'ok' | 'failed' | 'skipped' | 'error' | 'started_at' | 'finished_at'>) {
  await db('jobs').insert({ ...job, params: JSON.stringify(job.params) });
}

export async function updateJob(db: Db, id: string, patch: Partial<Omit<JobRow, 'id'>>) {
  const { params, error, ...rest } = patch;
  await db('jobs')
    .where({ id })
    .update({
      ...rest,
      ...(params ? { params: JSON.stringify(params) } : {}),
      ...(error !== undefined ? { error: storedText(error) } : {}),
      heartbeat_at: new Date().toISOString(),
    });
}

export async function findJob(db: Db, id: string) {
  const r = await db('jobs').where({ id }).first();
  return r ? toJob(r) : undefined;
}

/** A job of this type still queued or running for the account: a second one would do the same work twice. */
export async function findActiveJob(db: Db, accountId: string, type: JobType) {
  const r = await db('jobs').where({ mall_account_id: accountId, type }).whereIn('state', ['queued', 'running']).first();
  return r ? toJob(r) : undefined;
}

export async function listJobs(db: Db, f: { accountId?: string; type?: string; before?: string; limit: number }) {
  const q = db('jobs')
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.accountId) q.where('mall_account_id', f.accountId);
  if (f.type) q.where('type', f.type);
  if (f.before) q.where('id', '<', f.before);
  const rows = (await q).map(toJob);
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}

export async function insertResults(db: Db | Knex.Transaction, jobId: string, results: JobResult[]) {
  const at = new Date().toISOString();
  await insertMany(
    db,
    'job_results',
    // Every field written out (no spread): a collect records one result per order, 10,000s of them.
    results.map((r) => ({
      job_id: jobId,
      ref_type: r.ref_type,
      ref_id: r.ref_id,
      mall_ref: r.mall_ref,
      result: r.result,
      code: r.code,
      message: storedText(r.message),
      mall_order_id: r.mall_order_id ?? null,
      // item_name is a string(200) column: a Message's stored JSON must fit it, not only its parameters.
      item_name: r.item_name ? storedTextWithin(r.item_name, 200) : null,
      at,
    })),
  );
}

export async function listResults(db: Db, jobId: string, f: { result?: string; after?: number; limit: number }) {
  const q = db('job_results')
    .where({ job_id: jobId })
    .orderBy('id')
    .limit(f.limit + 1);
  if (f.result) q.where('result', f.result);
  if (f.after) q.where('id', '>', f.after);
  const rows = ((await q) as Record<string, unknown>[]).map((r) => ({
    ...r,
    id: r.id as number,
    message: readStoredText(r.message as string | null),
    item_name: readStoredText(r.item_name as string | null),
  }));
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  return { rows: page, next: more ? (page[page.length - 1]!.id as number) : null };
}

const ACTIVE = ['queued', 'running'];

/** Whether a job of this type is queued or running for any account. */
export async function anyActiveJob(db: Db | Knex.Transaction, type: JobType): Promise<boolean> {
  return !!(await db('jobs').where({ type }).whereIn('state', ACTIVE).first('id'));
}

/** Every queued or running job: the runner looks for those whose instance is gone. */
export async function listActiveJobs(db: Db) {
  return (
    (await db('jobs')
      .whereIn('state', ACTIVE)
      .select(
        'id',
        'type',
        'mall_account_id',
        'state',
        'total',
        'ok',
        'failed',
        'skipped',
        'error',
        'created_at',
        'heartbeat_at',
        'runner_id',
        'finished_at',
      )) as Record<string, unknown>[]
  ).map((r) => ({ ...(r as JobRow), error: readStoredText(r.error as string | null) }));
}

/** Ends a job only if it is still active (another instance may have closed it meanwhile); true when this call did. */
export async function closeActiveJob(db: Db, id: string, end: { state: JobState; error: Text; finished_at: string }): Promise<boolean> {
  return (
    (await db('jobs')
      .where({ id })
      .whereIn('state', ACTIVE)
      .update({ ...end, error: storedText(end.error) })) > 0
  );
}

/**
 * Marks the job alive. Counts only while the job is still active and still this runner's: 0 means another
 * instance closed it (it took this one for dead), and the runner stops it.
 */
export async function beat(db: Db, id: string, runnerId: string): Promise<boolean> {
  return (await db('jobs').where({ id, runner_id: runnerId }).whereIn('state', ACTIVE).update({ heartbeat_at: new Date().toISOString() })) > 0;
}

/**
 * PostgreSQL: whether the instance still holds its presence lock (pg-channel.ts). Trying the same key for the
 * length of a transaction fails exactly while that instance's connection is open.
 */
export async function runnerAlive(db: Db, runnerId: string): Promise<boolean> {
  return db.transaction(async (trx) => {
    const { rows } = (await trx.raw('select pg_try_advisory_xact_lock(?, hashtext(?)) as free', [PRESENCE_LOCK_CLASS, runnerId])) as {
      rows: { free: boolean }[];
    };
    return !rows[0]!.free;
  });
}

/** When each account last started a job of this type: the schedule counts from there. */
export async function lastStarted(db: Db, type: JobType): Promise<Map<string, string>> {
  const rows = (await db('jobs').where({ type }).groupBy('mall_account_id').select('mall_account_id').max({ at: 'created_at' })) as {
    mall_account_id: string;
    at: string;
  }[];
  return new Map(rows.map((r) => [r.mall_account_id, r.at]));
}

/** Where the last scheduled-style sync ended for an account (manual periods do not count): the next one starts there. */
export async function lastSyncEnd(db: Db, accountId: string): Promise<string | undefined> {
  const rows = await db('jobs')
    .where({ mall_account_id: accountId, type: 'sync' })
    .whereIn('state', ['succeeded', 'partial'])
    .orderBy('id', 'desc')
    .limit(20)
    .select('params');
  for (const row of rows as { params: string }[]) {
    const params = JSON.parse(row.params) as { to?: string; manual?: boolean };
    if (!params.manual && params.to) return params.to;
  }
  return undefined;
}

/**
 * Takes or renews a named lease until `until`. Returns true when this holder has it. One conditional UPDATE (or an
 * INSERT for a lease never taken) decides, so two instances racing cannot both win.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: string, until: string): Promise<boolean> {
  const updated = await db('leases')
    .where({ name })
    .andWhere((q) => q.where('holder', holder).orWhere('expires_at', '<', now))
    .update({ holder, expires_at: until });
  if (updated > 0) return true;
  try {
    await db('leases').insert({ name, holder, expires_at: until });
    return true;
  } catch {
    return false; // another instance holds it (the row exists and is not expired)
  }
}
