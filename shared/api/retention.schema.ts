// Answers of the retention API (admins): how many orders a run would erase, or erased.
import { z } from 'zod';
import { instant } from './common.schema.ts';

export const retentionResult = z.object({
  /** SHIPSHEET_RETENTION_DAYS: days an order stays closed before its recipient data is masked for good. */
  days: z.number().int(),
  /** Orders closed before this instant are (or would be) erased. */
  cutoff: instant,
  orders: z.number().int(),
});
