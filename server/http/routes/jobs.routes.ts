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
import type { AppDeps } from '../../deps.ts';
import * as jobs from '../../jobs/jobs.service.ts';
import type { JobEvent } from '../../jobs/job-events.ts';
import { describeError } from '../../log.ts';
import { isTokenLive } from '../../modules/auth/auth.service.ts';
import { sessionChanges } from '../../modules/auth/session-changes.ts';
import { eventData } from '../render.ts';
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
      handler: async ({ actor, body }) => jobs.startJobs(deps, actor, body),
    }),
    route({
      method: 'get',
      path: '/jobs',
      tag: 'jobs',
      summary: 'Jobs, newest first',
      access: 'viewer',
      response: jobsPage,
      query: listJobsQuery,
      handler: async ({ query }) => jobs.listJobs(deps.db, query),
    }),
    route({
      method: 'get',
      path: '/jobs/events',
      tag: 'jobs',
      summary:
        'Server-sent events: one `job` event per progress step and at the end of every job. Open with a ticket from ' +
        'POST /api/auth/stream-ticket (?ticket=…) or an Authorization header; ?lang=ko|en renders its messages in that language (else ' +
        'Accept-Language); the stream ends (an `end` event) when its session does',
      access: 'viewer',
      response: 'event-stream',
      ticketInQuery: true,
      // An EventSource cannot set Accept-Language: the pane names its language here (?lang=ko|en).
      query: z.object({ ticket: z.string().max(100).optional(), lang: z.enum(['ko', 'en']).optional() }),
      handler: async ({ actor, info, query, req, res }) => {
        const lang = query.lang ?? info.lang;
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        // The client may have gone while its token was checked: then there is nothing to hold open.
        if (req.destroyed || res.closed) return;
        const tokenId = actor.type === 'user' ? actor.tokenId : '';
        const send = (event: JobEvent) => res.write(`event: job\ndata: ${eventData(event.job, lang)}\n\n`);
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
      handler: async ({ params }) => jobs.getJob(deps.db, params.id),
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
      handler: async ({ params, query }) => jobs.jobResults(deps.db, params.id, query),
    }),
    route({
      method: 'post',
      path: '/jobs/:id/cancel',
      tag: 'jobs',
      summary:
        'Ask a running job to stop, on whichever server instance runs it; a job no server runs any more is closed as canceled. What it finished stays done',
      access: 'operator',
      response: cancelJobResponse,
      params: idParam,
      handler: async ({ params }) => jobs.cancelJob(deps, params.id),
    }),
  ];
}
