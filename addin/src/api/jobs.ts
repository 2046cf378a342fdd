// Mall jobs, as the pane calls them: start, list, read, cancel, and every result of a job. Following running jobs
// goes through the one job feed (job-feed.ts), which reads and cancels through these.
import type { z } from 'zod';
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
import type { Api } from './client.ts';
import { request, type Answer, type Endpoint } from './endpoint.ts';

export const jobEndpoints = {
  start: { method: 'POST', path: '/api/jobs', body: startJobsBody, response: startJobsResponse },
  list: { method: 'GET', path: '/api/jobs', query: listJobsQuery, response: jobsPage },
  events: { method: 'GET', path: '/api/jobs/events', response: 'event-stream' },
  get: { method: 'GET', path: '/api/jobs/:id', response: jobRow },
  results: { method: 'GET', path: '/api/jobs/:id/results', query: jobResultsQuery, response: jobResultsPage },
  cancel: { method: 'POST', path: '/api/jobs/:id/cancel', response: cancelJobResponse },
} as const satisfies Record<string, Endpoint>;

/** One job started per account, or why it could not start. */
export type StartedJob = Answer<typeof jobEndpoints.start>['items'][number];
export type JobResult = Answer<typeof jobEndpoints.results>['items'][number];

/** The most results the route gives in one page. */
export const RESULTS_PAGE_MAX = 5000;

export const startJobs = (api: Api, body: z.input<typeof startJobsBody>) => request(api, jobEndpoints.start, { body });

export const listJobs = (api: Api, query: z.input<typeof listJobsQuery>) => request(api, jobEndpoints.list, { query });

export const getJob = (api: Api, id: string) => request(api, jobEndpoints.get, { params: { id } });

export const cancelJob = (api: Api, id: string) => request(api, jobEndpoints.cancel, { params: { id } });

/** Every result of a job (optionally only ok, failed or skipped ones), following the pages to the last. */
export async function allJobResults(
  api: Api,
  id: string,
  filter: Pick<z.input<typeof jobResultsQuery>, 'result'> = {},
  pageSize = RESULTS_PAGE_MAX,
): Promise<JobResult[]> {
  const out: JobResult[] = [];
  let cursor: number | null = null;
  do {
    const page: Answer<typeof jobEndpoints.results> = await request(api, jobEndpoints.results, {
      params: { id },
      query: { ...filter, limit: pageSize, ...(cursor === null ? {} : { cursor }) },
    });
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return out;
}
