import { z } from 'zod';
import { idPage, instant, page } from './common.schema.ts';

export const JOB_TYPE_NAMES = ['collect', 'confirm', 'send_invoices', 'sync', 'claim_decisions'] as const;
export type JobType = (typeof JOB_TYPE_NAMES)[number];
/** What operators call each job: messages name a job by these, never by its code. */
export const JOB_TYPE_LABELS: Record<JobType, { ko: string; en: string }> = {
  collect: { ko: '주문 수집', en: 'Collect orders' },
  confirm: { ko: '발주 확인', en: 'Confirm orders' },
  send_invoices: { ko: '송장 전송', en: 'Send tracking numbers' },
  sync: { ko: '클레임·상태 동기화', en: 'Sync claims and statuses' },
  claim_decisions: { ko: '클레임 처리 전송', en: 'Send claim decisions' },
};

export const JOB_STATES = ['queued', 'running', 'succeeded', 'partial', 'failed', 'canceled'] as const;
export type JobState = (typeof JOB_STATES)[number];
/** States a job does not leave: the pane stops watching it and tells the operator how it ended. */
export const FINISHED_JOB_STATES: ReadonlySet<string> = new Set<JobState>(['succeeded', 'partial', 'failed', 'canceled']);

/** A job as the API shows it (the fields the pane reads). */
export const jobView = z.object({
  id: z.string(),
  type: z.enum(JOB_TYPE_NAMES),
  mall_account_id: z.string().nullable(),
  state: z.enum(JOB_STATES),
  total: z.number().int(),
  ok: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable(),
  created_at: instant,
});
export type JobView = z.infer<typeof jobView>;

/** A job with how it was started and when it ran: what the jobs API answers. */
export const jobRow = jobView.extend({
  trigger: z.enum(['manual', 'schedule', 'auto']),
  /** What the job was asked to do (period, line or box ids). */
  params: z.record(z.string(), z.unknown()),
  created_by: z.string().nullable(),
  started_at: instant.nullable(),
  finished_at: instant.nullable(),
  heartbeat_at: instant.nullable().optional(),
  /** The server instance running the job (null for jobs stored before instances were recorded). */
  runner_id: z.string().nullable().optional(),
});
export type JobRowView = z.infer<typeof jobRow>;

export const startJobsBody = z.object({
  type: z.enum(JOB_TYPE_NAMES),
  /** One job is started per account. A confirm of given line_ids may leave it out: the lines' own accounts are used. */
  mall_account_ids: z.array(z.string().min(1).max(40)).min(1).max(50).optional(),
  /** Period for collect and sync (at most 30 days); default: since the last run. */
  from: instant.optional(),
  to: instant.optional(),
  /** Confirm only these lines / send only these boxes. */
  line_ids: z.array(z.string().max(40)).max(50000).optional(),
  box_ids: z.array(z.string().max(40)).max(50000).optional(),
});

export const listJobsQuery = z.object({
  mall_account_id: z.string().max(40).optional(),
  type: z.enum(JOB_TYPE_NAMES).optional(),
  cursor: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const jobResultsQuery = z.object({
  result: z.enum(['ok', 'failed', 'skipped']).optional(),
  // Result ids are 32-bit integers in PostgreSQL.
  cursor: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

/** One job started per account, or why it could not start (the other accounts still start). */
export const startedJob = z.union([
  z.object({ mall_account_id: z.string(), started: z.literal(true), job: jobRow }),
  z.object({ mall_account_id: z.string(), started: z.literal(false), code: z.string(), message: z.string() }),
]);
export const startJobsResponse = page(startedJob);

export const jobsPage = page(jobRow);

/** One order, line or box a job worked on. */
export const jobResultView = z.object({
  id: z.number().int(),
  job_id: z.string(),
  ref_type: z.enum(['order', 'line', 'box']),
  ref_id: z.string().nullable(),
  mall_ref: z.string().nullable(),
  result: z.enum(['ok', 'failed', 'skipped']),
  code: z.string().nullable(),
  message: z.string().nullable(),
  /** What an operator recognises: the mall's order number and the product. */
  mall_order_id: z.string().nullable(),
  item_name: z.string().nullable(),
  at: instant,
});
export const jobResultsPage = idPage(jobResultView);

export const cancelJobResponse = z.object({ id: z.string(), canceling: z.boolean() });
