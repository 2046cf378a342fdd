// The delayed-return check (회수지연, server/modules/cs): five minutes after start, then every hour, on one instance at
// a time, returns requested more than N days ago and not completed get the return_pickup_delayed flag; a line
// already flagged is left alone, so an overlapping run does no harm.
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { flagDelayedReturns } from '../modules/cs/cs.service.ts';
import { startLeasedSchedule, type LeasedSchedule, type ScheduleOptions } from './leased-schedule.ts';

export type ReturnPickupSchedule = LeasedSchedule<number>;

export function startReturnPickupSchedule(deps: { db: Db; log: Logger }, options: ScheduleOptions & { days: number }): ReturnPickupSchedule {
  const spec = { lease: 'return-pickup-check', everyMs: 3600_000, firstRunMs: 5 * 60_000, failed: 'delayed return check failed' };
  return startLeasedSchedule(deps, spec, options, async (now) => {
    const flagged = await flagDelayedReturns(deps.db, { type: 'system', id: null }, options.days, now);
    // Counts only: never personal data in the log.
    if (flagged.length) deps.log.info('delayed return pickups flagged', { lines: flagged.length, days: options.days });
    return flagged.length;
  });
}
