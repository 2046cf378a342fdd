// What the API asks of jobs: start them per mall account, list and read them, ask one to stop. The rules of a
// request to start (which periods are allowed, which accounts a confirm of chosen lines goes to) live here, not in
// the route, so any caller of the service keeps them.
import type { Knex } from 'knex';
import type { z } from 'zod';
import type { jobResultsQuery, listJobsQuery, startJobsBody } from '../../shared/api/jobs.schema.ts';
import { AppError } from '../../shared/errors.ts';
import { message } from '../../shared/i18n.ts';
import type { Db } from '../db/knex.ts';
import type { Actor } from '../domain/actor.ts';
import { fieldError } from '../domain/validation.ts';
import type { JobRunner } from './job-runner.ts';
import { jobsMessages } from './jobs.messages.ts';
import * as jobs from './jobs.repo.ts';
import { linesByAccount } from '../modules/orders/mall-lines.service.ts';
import { MAX_WINDOW_DAYS } from './windows.ts';
import { fieldLabel } from '../../shared/api/field-labels.ts';

export type JobsDeps = { db: Db; runner: JobRunner };
export type StartJobs = z.infer<typeof startJobsBody>;

/** A chosen period: only for collect and sync, both ends, in order, at most MAX_WINDOW_DAYS, not in the future. */
function checkPeriod(request: StartJobs): void {
  const { from, to } = request;
  if (!from && !to) return;
  const field = from ? 'to' : 'from';
  if (request.type !== 'collect' && request.type !== 'sync')
    throw fieldError(field, jobsMessages.period_not_for_type, { field: fieldLabel(from ? 'from' : 'to') });
  if (!from || !to) throw fieldError(field, jobsMessages.period_pair);
  const days = (Date.parse(to) - Date.parse(from)) / 86400_000;
  if (days < 0) throw fieldError('from', jobsMessages.period_order);
  if (days > MAX_WINDOW_DAYS) throw fieldError('to', jobsMessages.period_too_long, { max: MAX_WINDOW_DAYS });
  if (Date.parse(to) > Date.now() + 60_000) throw fieldError('to', jobsMessages.period_future);
}

/** The accounts to start a job for, each with the lines it is limited to (if any). */
async function targetAccounts(db: Db, request: StartJobs): Promise<{ id: string; lineIds: string[] | undefined }[]> {
  if (request.mall_account_ids) return request.mall_account_ids.map((id) => ({ id, lineIds: request.line_ids }));
  // A confirm of chosen lines (the order sheet's 발주확인) goes to the accounts those lines came from.
  if (request.type !== 'confirm' || !request.line_ids) throw fieldError('mall_account_ids', jobsMessages.accounts_required);
  return [...(await linesByAccount(db, request.line_ids))].map(([id, lineIds]) => ({ id, lineIds }));
}

/** One job per account; an account that cannot start says why without stopping the others. */
export async function startJobs(deps: JobsDeps, actor: Actor, request: StartJobs) {
  checkPeriod(request);
  const accounts = await targetAccounts(deps.db, request);
  const params: Record<string, unknown> = {};
  // A chosen period is marked manual: the schedule does not continue from it.
  if (request.from && request.to)
    Object.assign(params, { from: new Date(request.from).toISOString(), to: new Date(request.to).toISOString(), manual: true });
  if (request.box_ids) params.box_ids = request.box_ids;
  const items = [];
  for (const { id: accountId, lineIds } of accounts) {
    try {
      const job = await deps.runner.start({
        type: request.type,
        accountId,
        params: lineIds ? { ...params, line_ids: lineIds } : params,
        actor,
        trigger: 'manual',
      });
      items.push({ mall_account_id: accountId, started: true, job });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      items.push({ mall_account_id: accountId, started: false, code: error.code, message: error.text });
    }
  }
  return { items, next_cursor: null };
}

/** Whether tracking numbers are being sent to a mall now (a send job queued or running, for any account). */
export const sendsRunning = (db: Db | Knex.Transaction): Promise<boolean> => jobs.anyActiveJob(db, 'send_invoices');

export async function listJobs(db: Db, query: z.infer<typeof listJobsQuery>) {
  const { rows, next } = await jobs.listJobs(db, {
    limit: query.limit,
    ...(query.mall_account_id ? { accountId: query.mall_account_id } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.cursor ? { before: query.cursor } : {}),
  });
  return { items: rows, next_cursor: next };
}

/** One job, or 404. */
export async function getJob(db: Db, id: string) {
  const job = await jobs.findJob(db, id);
  if (!job) throw new AppError('not_found', 'job_not_found', message(jobsMessages.job_not_found, { id }));
  return job;
}

export async function jobResults(db: Db, id: string, query: z.infer<typeof jobResultsQuery>) {
  await getJob(db, id);
  const { rows, next } = await jobs.listResults(db, id, {
    limit: query.limit,
    ...(query.result ? { result: query.result } : {}),
    ...(query.cursor ? { after: query.cursor } : {}),
  });
  return { items: rows, next_cursor: next };
}

/** Asks whichever instance runs the job to stop it (or closes a job no server runs any more). */
export async function cancelJob(deps: JobsDeps, id: string) {
  const job = await getJob(deps.db, id);
  return { id: job.id, canceling: await deps.runner.requestCancel(job.id) };
}
