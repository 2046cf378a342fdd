// The delayed-return check (회수지연, server/modules/cs): five minutes after start, then every hour, returns requested
// more than N days ago and not completed get the return_pickup_delayed flag. With several instances on one database
// a lease lets one of them run it; a line already flagged is left alone, so an overlapping run does no harm.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { flagDelayedReturns } from '../modules/cs/cs.service.ts';
import { acquireLease } from './jobs.repo.ts';

export type ReturnPickupSchedule = { tick(): Promise<number | null>; stop(): void };

const HOUR_MS = 3600_000;

export function startReturnPickupSchedule(
  deps: { db: Db; log: Logger },
  options: { days: number; firstRunMs?: number; everyMs?: number; enabled?: boolean },
): ReturnPickupSchedule {
  const holder = `return-pickup-${randomUUID()}`;
  const everyMs = options.everyMs ?? HOUR_MS;

  async function tick(): Promise<number | null> {
    const now = new Date();
    const until = new Date(now.getTime() + everyMs - 60_000).toISOString();
    if (!(await acquireLease(deps.db, 'return-pickup-check', holder, now.toISOString(), until))) return null;
    const flagged = await flagDelayedReturns(deps.db, { type: 'system', id: null }, options.days, now);
    // Counts only: never personal data in the log.
    if (flagged.length) deps.log.info('delayed return pickups flagged', { lines: flagged.length, days: options.days });
    return flagged.length;
  }

  const run = () => void tick().catch((error) => deps.log.error('delayed return check failed', { error }));
  let interval: NodeJS.Timeout | undefined;
  const first =
    options.enabled === false
      ? undefined
      : setTimeout(
          () => {
            run();
            interval = setInterval(run, everyMs);
            interval.unref();
          },
          options.firstRunMs ?? 5 * 60_000,
        );
  first?.unref();
  return {
    tick,
    stop: () => {
      if (first) clearTimeout(first);
      if (interval) clearInterval(interval);
    },
  };
}
