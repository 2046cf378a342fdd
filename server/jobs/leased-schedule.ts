// Work every instance runs on a timer (retention, the delayed-return check): first a while after start, then every
// `everyMs`. With several instances on one database a lease, kept for most of the period, lets one of them run each
// tick; the others skip it. The work itself must stand an overlap (each does).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { acquireLease } from './jobs.repo.ts';

export type LeasedSchedule<T> = { tick(): Promise<T | null>; stop(): void };

export type ScheduleOptions = { firstRunMs?: number; everyMs?: number; enabled?: boolean };

export function startLeasedSchedule<T>(
  deps: { db: Db; log: Logger },
  spec: { lease: string; everyMs: number; firstRunMs: number; failed: string },
  options: ScheduleOptions,
  work: (now: Date) => Promise<T>,
): LeasedSchedule<T> {
  const holder = `${spec.lease}-${randomUUID()}`;
  const everyMs = options.everyMs ?? spec.everyMs;

  /** One run, if this instance holds the lease. */
  async function tick(): Promise<T | null> {
    const now = new Date();
    const until = new Date(now.getTime() + everyMs - 60_000).toISOString();
    if (!(await acquireLease(deps.db, spec.lease, holder, now.toISOString(), until))) return null;
    return work(now);
  }

  const run = () => void tick().catch((error) => deps.log.error(spec.failed, { error }));
  let interval: NodeJS.Timeout | undefined;
  const first =
    options.enabled === false
      ? undefined
      : setTimeout(() => {
          run();
          interval = setInterval(run, everyMs);
          interval.unref();
        }, options.firstRunMs ?? spec.firstRunMs);
  first?.unref();
  return {
    tick,
    stop: () => {
      if (first) clearTimeout(first);
      if (interval) clearInterval(interval);
    },
  };
}
