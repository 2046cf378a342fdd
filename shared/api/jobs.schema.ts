import { z } from 'zod';

export const JOB_TYPE_NAMES = ['collect', 'confirm', 'send_invoices', 'sync'] as const;
export type JobType = (typeof JOB_TYPE_NAMES)[number];
/** What operators call each job: messages name a job by these, never by its code. */
export const JOB_TYPE_LABELS: Record<JobType, { ko: string; en: string }> = {
  collect: { ko: '주문 수집', en: 'Collect orders' },
  confirm: { ko: '발주 확인', en: 'Confirm orders' },
  send_invoices: { ko: '송장 전송', en: 'Send tracking numbers' },
  sync: { ko: '클레임·상태 동기화', en: 'Sync claims and statuses' },
};

export const JOB_STATES = ['queued', 'running', 'succeeded', 'partial', 'failed', 'canceled'] as const;
export type JobState = (typeof JOB_STATES)[number];
/** States a job does not leave: the pane stops watching it and tells the operator how it ended. */
export const FINISHED_JOB_STATES: ReadonlySet<string> = new Set<JobState>(['succeeded', 'partial', 'failed', 'canceled']);

/** A job as the API shows it (the fields the pane reads). */
export type JobView = {
  id: string;
  type: JobType;
  mall_account_id: string | null;
  state: JobState;
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  error: string | null;
  created_at: string;
};

const instant = z.iso.datetime({ offset: true });

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
