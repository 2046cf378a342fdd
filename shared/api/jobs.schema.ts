import { z } from 'zod';

export const JOB_TYPE_NAMES = ['collect', 'confirm', 'send_invoices', 'sync'] as const;

const instant = z.iso.datetime({ offset: true });

export const startJobsBody = z.object({
  type: z.enum(JOB_TYPE_NAMES),
  /** One job is started per account. */
  mall_account_ids: z.array(z.string().min(1).max(40)).min(1).max(50),
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
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
