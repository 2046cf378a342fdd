// The automatic schedule: every few minutes, collect for each account with collection on. With several server
// instances on one PostgreSQL database, a lease row decides which instance runs it; the others stand by and take
// over when the holder stops renewing.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { listMallAccounts } from '../modules/mall-accounts/mall-accounts.repo.ts';
import type { JobRunner } from './job-runner.ts';
import { acquireLease } from './jobs.repo.ts';

export type Scheduler = { tick(): Promise<string[]>; stop(): void; readonly holder: string };

export function startScheduler(deps: { db: Db; log: Logger; runner: JobRunner }, options: { everyMinutes: number; tickMs?: number }): Scheduler {
  const holder = `instance-${randomUUID()}`;
  const everyMs = options.everyMinutes * 60_000;
  const tickMs = options.tickMs ?? 60_000;

  /** One round: take the lease, then start collect jobs that are due. Returns the jobs started. */
  async function tick(): Promise<string[]> {
    const now = new Date();
    const until = new Date(now.getTime() + tickMs * 3).toISOString();
    if (!(await acquireLease(deps.db, 'collect-schedule', holder, now.toISOString(), until))) return [];
    const started: string[] = [];
    for (const account of await listMallAccounts(deps.db)) {
      if (!account.active || !account.collect_enabled || account.status === 'error') continue;
      const last = account.last_collected_at ? Date.parse(account.last_collected_at) : 0;
      if (now.getTime() - last < everyMs) continue;
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
