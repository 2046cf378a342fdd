// Request shapes of the audit API (admins reviewing who read personal data).
import { z } from 'zod';
import { isValidDay } from '../time.ts';

const day = z.string().refine(isValidDay, { message: 'expected a date as YYYY-MM-DD' });

export const ACCESS_RECORDS_PAGE_MAX = 1000;

export const accessRecordsQuery = z.object({
  /** Only this user's reads. */
  user_id: z.string().min(1).max(40).optional(),
  /** KST days, both inclusive, like the orders filters. */
  from: day.optional(),
  to: day.optional(),
  cursor: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(ACCESS_RECORDS_PAGE_MAX).default(100),
});
export type AccessRecordsQuery = z.infer<typeof accessRecordsQuery>;
