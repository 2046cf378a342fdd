// The automatic schedule: every N minutes, collect for each account with collection on. With several server
// instances on one PostgreSQL database, a lease row decides which instance runs it; the others stand by and take
// over when the holder stops renewing.
//
// Timing: an account is due N minutes after its last collect *started* (not after the window it collected, which
// lags the start), and the schedule looks often — a twelfth of the interval, at most every 5 s — accepting an
// account up to half a look early. So collects start every N minutes ± a few seconds; a coarse look (once a
// minute) against a 1-minute schedule would find each account a moment short of due and collect every 2 minutes.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { listMallAccounts } from '../modules/mall-accounts/mall-accounts.repo.ts';
import type { JobRunner } from './job-runner.ts';
import { acquireLease, lastStarted } from './jobs.repo.ts';

export type Scheduler = { tick(): Promise<string[]>; stop(): void; readonly holder: string };

/** How often the schedule looks for due accounts when not configured. */
export function defaultTickMs(everyMs: number): number {
  return Math.min(5000, Math.max(100, Math.round(everyMs / 12)));
}

export function startScheduler(
  deps: { db: Db; log: Logger; runner: JobRunner },
  options: { everyMinutes: number; tickMs?: number | undefined },
): Scheduler {
  const holder = `instance-${randomUUID()}`;
  const everyMs = options.everyMinutes * 60_000;
  const tickMs = options.tickMs ?? defaultTickMs(everyMs);
  // The lease outlives a few looks, but a stopped holder is replaced within seconds.
  const leaseMs = Math.max(tickMs * 3, 15_000);

  /** One round: take the lease, then start collect jobs that are due. Returns the jobs started. */
  async function tick(): Promise<string[]> {
    const now = new Date();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    if (!(await acquireLease(deps.db, 'collect-schedule', holder, now.toISOString(), until))) return [];
    const started: string[] = [];
    const last = await lastStarted(deps.db, 'collect');
    for (const account of await listMallAccounts(deps.db)) {
      if (!account.active || !account.collect_enabled || account.status === 'error') continue;
      const at = last.get(account.id);
      if (at && now.getTime() - Date.parse(at) < everyMs - tickMs / 2) continue;
      try {
        const job = await deps.runner.start({ type: 'collect', accountId: account.id, actor: { type: 'system', id: null }, trigger: 'schedule' });
        started.push(job.id);
      } catch (error) {
        // Already running, or switched off meanwhile: the next round looks again.
        deps.log.debug('scheduled collect not started', { mall_account_id: account.id, error });
      }
    }
    return started;
  }

  const timer = everyMs > 0 ? setInterval(() => void tick().catch((error) => deps.log.error('schedule round failed', { error })), tickMs) : null;
  timer?.unref();
  return { tick, stop: () => timer && clearInterval(timer), holder };
}
