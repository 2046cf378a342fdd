// Shapes of the audit API: admins reviewing who read personal data (access records) and who did what (the audit log).
import { z } from 'zod';
import { EXPORT_REASONS } from '../export-reasons.ts';
import { isValidDay } from '../time.ts';
import { DB_INT_MAX, idPage, instant } from './common.schema.ts';

/**
 * Days become timestamps compared in the database: PostgreSQL has no timestamp in year 0 (and 9999-12-31's next day
 * has five digits), so the years are bounded to what a record can have.
 */
const day = z
  .string()
  .refine(isValidDay, { message: 'expected a date as YYYY-MM-DD' })
  .refine((d) => d >= '1970-01-01' && d <= '9998-12-31', { message: 'expected a date from 1970-01-01 to 9998-12-31' });

/** Record ids are 32-bit integers in PostgreSQL: a larger cursor is a client mistake, not a database error. */
const MAX_ID = DB_INT_MAX;

export const ACCESS_RECORDS_PAGE_MAX = 1000;

export const accessRecordsQuery = z.object({
  /** Only this user's reads. */
  user_id: z.string().min(1).max(40).optional(),
  /** KST days, both inclusive, like the orders filters. */
  from: day.optional(),
  to: day.optional(),
  cursor: z.coerce.number().int().min(1).max(MAX_ID).optional(),
  limit: z.coerce.number().int().min(1).max(ACCESS_RECORDS_PAGE_MAX).default(100),
});
export type AccessRecordsQuery = z.infer<typeof accessRecordsQuery>;

/** One read or export of personal data: who, when, from where, which endpoint with which filter, how many rows, masked or
 *  not, and for exports (and pulls that give one) the reason. */
export const accessRecordView = z.object({
  id: z.number().int(),
  at: instant,
  actor_type: z.enum(['user', 'job', 'system']),
  user_id: z.string().nullable(),
  ip: z.string().nullable(),
  request_id: z.string().nullable(),
  endpoint: z.string(),
  filter: z.record(z.string(), z.unknown()).nullable(),
  rows: z.number().int(),
  masked: z.boolean(),
  /** 'read': an API answer (a pull into a sheet among them); 'export': a file handed out. */
  kind: z.enum(['read', 'export']),
  /** xlsx | csv for an export. */
  format: z.string().nullable(),
  /** Why (a code of shared/export-reasons.ts) and the words given with it. */
  reason: z.enum(EXPORT_REASONS).nullable(),
  reason_text: z.string().nullable(),
});
export const accessRecordsPage = idPage(accessRecordView);

export const auditLogQuery = z.object({
  /** Only what this user (or API token's user) did. */
  actor_id: z.string().min(1).max(40).optional(),
  /** One action, e.g. invoice_import_applied, order_upload_registered, retention.erase, login_failed. */
  action: z.string().min(1).max(64).optional(),
  /** One record: entity and its id, e.g. invoice_import imp_…. */
  entity: z.string().min(1).max(32).optional(),
  entity_id: z.string().min(1).max(40).optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.coerce.number().int().min(1).max(MAX_ID).optional(),
  limit: z.coerce.number().int().min(1).max(ACCESS_RECORDS_PAGE_MAX).default(100),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

/** Who did what to which record, when and from where; `detail` holds ids and counts, never personal data. */
export const auditEntryView = z.object({
  id: z.number().int(),
  at: instant,
  actor_type: z.enum(['user', 'job', 'system']),
  actor_id: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entity_id: z.string().nullable(),
  request_id: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditLogPage = idPage(auditEntryView);
