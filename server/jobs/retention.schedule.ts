// The daily retention run (server/modules/retention): a minute after start, then once a day. With several instances
// on one PostgreSQL database a lease lets one of them run it; a run erases only orders not yet erased, so a run
// that overlaps another's leftovers does no harm.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { eraseClosedOrders, type RetentionResult } from '../modules/retention/retention.service.ts';
import { acquireLease } from './jobs.repo.ts';

export type RetentionSchedule = { tick(): Promise<RetentionResult | null>; stop(): void };

const DAY_MS = 86400_000;

export function startRetentionSchedule(
  deps: { db: Db; log: Logger },
  options: { days: number; firstRunMs?: number; everyMs?: number; enabled?: boolean },
): RetentionSchedule {
  const holder = `retention-${randomUUID()}`;
  const everyMs = options.everyMs ?? DAY_MS;

  /** One run, if this instance holds the lease (kept for most of a day, so the others skip theirs). */
  async function tick(): Promise<RetentionResult | null> {
    const now = new Date();
    const until = new Date(now.getTime() + everyMs - 60_000).toISOString();
    if (!(await acquireLease(deps.db, 'retention-schedule', holder, now.toISOString(), until))) return null;
    const result = await eraseClosedOrders(deps.db, { type: 'system', id: null }, {}, options.days, now);
    // Counts only: never personal data in the log.
    deps.log.info('retention run', { orders: result.orders, days: result.days });
    return result;
  }

  const run = () => void tick().catch((error) => deps.log.error('retention run failed', { error }));
  let interval: NodeJS.Timeout | undefined;
  const first =
    options.enabled === false
      ? undefined
      : setTimeout(() => {
          run();
          interval = setInterval(run, everyMs);
          interval.unref();
        }, options.firstRunMs ?? 60_000);
  first?.unref();
  return {
    tick,
    stop: () => {
      if (first) clearTimeout(first);
      if (interval) clearInterval(interval);
    },
  };
}
