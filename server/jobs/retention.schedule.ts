// The daily retention run (server/modules/retention): a minute after start, then once a day, on one instance at a
// time; a run erases only orders not yet erased, so a run that overlaps another's leftovers does no harm.
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { eraseClosedOrders, type RetentionResult } from '../modules/retention/retention.service.ts';
import { startLeasedSchedule, type LeasedSchedule, type ScheduleOptions } from './leased-schedule.ts';

export type RetentionSchedule = LeasedSchedule<RetentionResult>;

export function startRetentionSchedule(deps: { db: Db; log: Logger }, options: ScheduleOptions & { days: number }): RetentionSchedule {
  const spec = { lease: 'retention-schedule', everyMs: 86400_000, firstRunMs: 60_000, failed: 'retention run failed' };
  return startLeasedSchedule(deps, spec, options, async (now) => {
    const result = await eraseClosedOrders(deps.db, { type: 'system', id: null }, {}, options.days, now);
    // Counts only: never personal data in the log.
    deps.log.info('retention run', { orders: result.orders, days: result.days });
    return result;
  });
}
