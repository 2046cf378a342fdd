import { z } from 'zod';
import {
  cancelJobResponse,
  jobResultsPage,
  jobResultsQuery,
  jobRow,
  jobsPage,
  listJobsQuery,
  startJobsBody,
  startJobsResponse,
} from '../../../shared/api/jobs.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { format } from '../../../shared/i18n.ts';
import type { AppDeps } from '../../deps.ts';
import { jobsMessages } from '../../jobs/jobs.messages.ts';
import * as jobs from '../../jobs/jobs.repo.ts';
import { linesByAccount } from '../../jobs/mall-orders.repo.ts';
import { MAX_WINDOW_DAYS } from '../../jobs/windows.ts';
import { describeError } from '../../log.ts';
import { isTokenLive } from '../../modules/auth/auth.service.ts';
import { sessionChanges } from '../../modules/auth/session-changes.ts';
import { route } from '../route.ts';

const idParam = z.object({ id: z.string().min(1).max(40) });
/** How often an open event stream re-checks that its session still stands. */
const STREAM_RECHECK_MS = 5_000;

export function jobRoutes(deps: AppDeps) {
  return [
    route({
      method: 'post',
      path: '/jobs',
      tag: 'jobs',
      summary: 'Start a collect, confirm, send-invoices or sync job for each chosen mall account',
      access: 'operator',
      response: startJobsResponse,
      status: 202,
      body: startJobsBody,
      handler: async ({ actor, body, info }) => {
        if (body.from || body.to) {
          const invalid = (field: string, message: string) => new AppError('invalid_data', 'validation_failed', message, { details: [{ field, message }] });
          const field = body.from ? 'to' : 'from';
          if (body.type !== 'collect' && body.type !== 'sync') throw invalid(field, format(jobsMessages.period_not_for_type, { field: body.from ? 'from' : 'to' }, info.lang));
          if (!body.from || !body.to) throw invalid(field, format(jobsMessages.period_pair, { field }, info.lang));
          const days = (Date.parse(body.to) - Date.parse(body.from)) / 86400_000;
          if (days < 0) throw invalid('from', format(jobsMessages.period_order, {}, info.lang));
          if (days > MAX_WINDOW_DAYS) throw invalid('to', format(jobsMessages.period_too_long, { field: 'to', max: MAX_WINDOW_DAYS }, info.lang));
          if (Date.parse(body.to) > Date.now() + 60_000) throw invalid('to', format(jobsMessages.period_future, {}, info.lang));
        }
        // A confirm of chosen lines (the order sheet's 발주확인) goes to the accounts those lines came from.
        let accounts = body.mall_account_ids?.map((id) => ({ id, lineIds: body.line_ids })) ?? null;
        if (!accounts) {
          if (body.type !== 'confirm' || !body.line_ids) {
            const message = format(jobsMessages.accounts_required, {}, info.lang);
            throw new AppError('invalid_data', 'validation_failed', message, { details: [{ field: 'mall_account_ids', message }] });
          }
          accounts = [...(await linesByAccount(deps.db, body.line_ids))].map(([id, lineIds]) => ({ id, lineIds }));
        }
        const params: Record<string, unknown> = {};
        // A chosen period is marked manual: the schedule does not continue from it.
        if (body.from && body.to) Object.assign(params, { from: new Date(body.from).toISOString(), to: new Date(body.to).toISOString(), manual: true });
        if (body.box_ids) params.box_ids = body.box_ids;
        // One job per account; an account that cannot start says why without stopping the others.
        const items = [];
        for (const { id: accountId, lineIds } of accounts) {
          try {
            const job = await deps.runner.start(
              { type: body.type, accountId, params: lineIds ? { ...params, line_ids: lineIds } : params, actor, trigger: 'manual' },
              info.lang,
            );
            items.push({ mall_account_id: accountId, started: true, job });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            items.push({ mall_account_id: accountId, started: false, code: error.code, message: error.message });
          }
        }
        return { items, next_cursor: null };
      },
    }),
    route({
      method: 'get',
      path: '/jobs',
      tag: 'jobs',
      summary: 'Jobs, newest first',
      access: 'viewer',
      response: jobsPage,
      query: listJobsQuery,
      handler: async ({ query }) => {
        const { rows, next } = await jobs.listJobs(deps.db, {
          limit: query.limit,
          ...(query.mall_account_id ? { accountId: query.mall_account_id } : {}),
          ...(query.type ? { type: query.type } : {}),
          ...(query.cursor ? { before: query.cursor } : {}),
        });
        return { items: rows, next_cursor: next };
      },
    }),
    route({
      method: 'get',
      path: '/jobs/events',
      tag: 'jobs',
      summary:
        'Server-sent events: one `job` event per progress step and at the end of every job. Open with a ticket from ' +
        'POST /api/auth/stream-ticket (?ticket=…) or an Authorization header; the stream ends (an `end` event) when its session does',
      access: 'viewer',
      response: 'event-stream',
      ticketInQuery: true,
      query: z.object({ ticket: z.string().max(100).optional() }),
      handler: async ({ actor, req, res }) => {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        // The client may have gone while its token was checked: then there is nothing to hold open.
        if (req.destroyed || res.closed) return;
        const tokenId = actor.type === 'user' ? actor.tokenId : '';
        const send = (event: { job: unknown }) => res.write(`event: job\ndata: ${JSON.stringify(event.job)}\n\n`);
        deps.events.on('job', send);
        // Proxies drop quiet connections; a comment line every 20 s keeps it open.
        const ping = setInterval(() => res.write(': ping\n\n'), 20_000);
        // A stream must not outlive its session: re-checked every few seconds (a sign-out on another instance, an
        // expiry) and at once when this server ends a session.
        let checking = false;
        const check = async () => {
          if (checking || res.writableEnded) return;
          checking = true;
          try {
            if (!(await isTokenLive(deps.db, tokenId))) {
              res.write('event: end\ndata: {"reason":"session_ended"}\n\n');
              res.end();
            }
          } catch (error) {
            deps.log.warn('event stream session check failed', { error: describeError(error as Error) });
          } finally {
            checking = false;
          }
        };
        const recheck = setInterval(check, STREAM_RECHECK_MS);
        const changes = sessionChanges(deps.db);
        changes.on('changed', check);
        await new Promise<void>((resolve) =>
          res.on('close', () => {
            deps.events.off('job', send);
            changes.off('changed', check);
            clearInterval(ping);
            clearInterval(recheck);
            resolve();
          }),
        );
      },
    }),
    route({
      method: 'get',
      path: '/jobs/:id',
      tag: 'jobs',
      summary: 'One job with its counts',
      access: 'viewer',
      response: jobRow,
      params: idParam,
      handler: async ({ params, info }) => {
        const job = await jobs.findJob(deps.db, params.id);
        if (!job) throw new AppError('not_found', 'job_not_found', format(jobsMessages.job_not_found, { id: params.id }, info.lang));
        return job;
      },
    }),
    route({
      method: 'get',
      path: '/jobs/:id/results',
      tag: 'jobs',
      summary: 'The per-order / per-box results of a job (filter result=failed for what needs attention)',
      access: 'viewer',
      response: jobResultsPage,
      params: idParam,
      query: jobResultsQuery,
      handler: async ({ params, query, info }) => {
        if (!(await jobs.findJob(deps.db, params.id))) throw new AppError('not_found', 'job_not_found', format(jobsMessages.job_not_found, { id: params.id }, info.lang));
        const { rows, next } = await jobs.listResults(deps.db, params.id, {
          limit: query.limit,
          ...(query.result ? { result: query.result } : {}),
          ...(query.cursor ? { after: query.cursor } : {}),
        });
        return { items: rows, next_cursor: next };
      },
    }),
    route({
      method: 'post',
      path: '/jobs/:id/cancel',
      tag: 'jobs',
      summary: 'Ask a running job to stop, on whichever server instance runs it; a job no server runs any more is closed as canceled. What it finished stays done',
      access: 'operator',
      response: cancelJobResponse,
      params: idParam,
      handler: async ({ params, info }) => {
        const job = await jobs.findJob(deps.db, params.id);
        if (!job) throw new AppError('not_found', 'job_not_found', format(jobsMessages.job_not_found, { id: params.id }, info.lang));
        return { id: job.id, canceling: await deps.runner.requestCancel(job.id) };
      },
    }),
  ];
}
