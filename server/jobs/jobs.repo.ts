// Jobs and their per-order / per-box results, and the leases that keep scheduled work on one server instance.
import type { Db } from '../db/knex.ts';
import { insertMany } from '../db/bulk.ts';
import type { JobState, JobType, JobView } from '../../shared/api/jobs.schema.ts';

export type { JobState, JobType };

/** The stored job: what the API shows (JobView) and how it was started and ran. */
export type JobRow = JobView & {
  trigger: 'manual' | 'schedule' | 'auto';
  params: Record<string, unknown>;
  created_by: string | null;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at?: string | null;
};

export type JobResult = {
  ref_type: 'order' | 'line' | 'box';
  ref_id: string | null;
  mall_ref: string | null;
  result: 'ok' | 'failed' | 'skipped';
  code: string | null;
  message: string | null;
  /** What an operator recognises: the mall's order number and the product (a box: its first product and how many more). */
  mall_order_id?: string | null;
  item_name?: string | null;
};

const toJob = (r: Record<string, unknown>): JobRow => ({ ...(r as JobRow), params: r.params ? JSON.parse(r.params as string) : {} });

export async function insertJob(db: Db, job: Omit<JobRow, 'total' | 'ok' | 'failed' | 'skipped' | 'error' | 'started_at' | 'finished_at'>) {
  await db('jobs').insert({ ...job, params: JSON.stringify(job.params) });
}

export async function updateJob(db: Db, id: string, patch: Partial<Omit<JobRow, 'id'>>) {
  const { params, ...rest } = patch;
  await db('jobs')
    .where({ id })
    .update({ ...rest, ...(params ? { params: JSON.stringify(params) } : {}), heartbeat_at: new Date().toISOString() });
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
  const q = db('jobs').orderBy('id', 'desc').limit(f.limit + 1);
  if (f.accountId) q.where('mall_account_id', f.accountId);
  if (f.type) q.where('type', f.type);
  if (f.before) q.where('id', '<', f.before);
  const rows = (await q).map(toJob);
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}

export async function insertResults(db: Db, jobId: string, results: JobResult[]) {
  const at = new Date().toISOString();
  await insertMany(
    db,
    'job_results',
    results.map((r) => ({ job_id: jobId, ...r, mall_order_id: r.mall_order_id ?? null, item_name: r.item_name?.slice(0, 200) ?? null, at })),
  );
}

export async function listResults(db: Db, jobId: string, f: { result?: string; after?: number; limit: number }) {
  const q = db('job_results').where({ job_id: jobId }).orderBy('id').limit(f.limit + 1);
  if (f.result) q.where('result', f.result);
  if (f.after) q.where('id', '>', f.after);
  const rows = await q;
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  return { rows: page, next: more ? (page[page.length - 1]!.id as number) : null };
}

/**
 * Jobs whose server stopped: no heartbeat for `staleMs`, so nobody will finish them; they are closed as failed.
 * (A job of another live instance keeps beating and is left alone.)
 */
export async function failAbandonedJobs(db: Db, message: string, staleMs: number) {
  const before = new Date(Date.now() - staleMs).toISOString();
  return db('jobs')
    .whereIn('state', ['queued', 'running'])
    .where((q) => q.where('heartbeat_at', '<', before).orWhere((w) => w.whereNull('heartbeat_at').where('created_at', '<', before)))
    .update({ state: 'failed', error: message, finished_at: new Date().toISOString() });
}

export async function beat(db: Db, id: string) {
  await db('jobs').where({ id }).update({ heartbeat_at: new Date().toISOString() });
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
