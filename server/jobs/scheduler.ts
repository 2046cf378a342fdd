// The automatic schedule: every N minutes, collect new orders for each account with collection on, and sync
// (주문동기화) each account with syncing on — a buyer's cancel, a return or an exchange reaches the desk by itself,
// before the order is numbered and shipped, not when someone thinks of syncing. With several server instances on
// one PostgreSQL database, a lease row decides which instance runs it; the others stand by and take over when the
// holder stops renewing.
//
// Timing: an account is due N minutes after its last job of that type *started* (not after the window it collected, which
// lags the start), and the schedule looks often — a twelfth of the interval, at most every 5 s — accepting an
// account up to half a look early. So collects start every N minutes ± a few seconds; a coarse look (once a
// minute) against a 1-minute schedule would find each account a moment short of due and collect every 2 minutes.
import { randomUUID } from 'node:crypto';
import { CONNECTED_MALLS } from '../connectors/registry.ts';
import type { Db } from '../db/knex.ts';
import type { Logger } from '../log.ts';
import { listMallAccounts, type MallAccountRow } from '../modules/mall-accounts/mall-accounts.repo.ts';
import type { JobRunner } from './job-runner.ts';
import { accountsWithUnsentDecisions } from '../modules/orders/mall-lines.service.ts';
import { acquireLease, lastStarted, type JobType } from './jobs.repo.ts';

export type Scheduler = { tick(): Promise<string[]>; stop(): void; readonly holder: string };

/**
 * The jobs the schedule runs, each for the accounts with its service on. Collect first: a sync needs the lines. Claim
 * decisions go too for accounts holding one not yet sent (decided while that account's run was under way, say), or one
 * the mall could not take for now: the interval is the wait before it is tried again.
 */
const SCHEDULED: readonly [JobType, keyof Pick<MallAccountRow, 'collect_enabled' | 'sync_enabled'>][] = [
  ['collect', 'collect_enabled'],
  ['sync', 'sync_enabled'],
  ['claim_decisions', 'sync_enabled'],
];

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

  /** One round: take the lease, then start the collect and sync jobs that are due. Returns the jobs started. */
  async function tick(): Promise<string[]> {
    const now = new Date();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    if (!(await acquireLease(deps.db, 'collect-schedule', holder, now.toISOString(), until))) return [];
    const started: string[] = [];
    const accounts = await listMallAccounts(deps.db);
    const undecided = await accountsWithUnsentDecisions(deps.db);
    for (const [type, service] of SCHEDULED) {
      const last = await lastStarted(deps.db, type);
      for (const account of accounts) {
        // A mall without a connector (Cafe24, for now) would only fail every round: its account waits, kept.
        if (!account.active || !account[service] || account.status === 'error' || !CONNECTED_MALLS.has(account.mall_type)) continue;
        if (type === 'claim_decisions' && !undecided.has(account.id)) continue;
        const at = last.get(account.id);
        if (at && now.getTime() - Date.parse(at) < everyMs - tickMs / 2) continue;
        try {
          const job = await deps.runner.start({ type, accountId: account.id, actor: { type: 'system', id: null }, trigger: 'schedule' });
          started.push(job.id);
        } catch (error) {
          // Already running, or switched off meanwhile: the next round looks again.
          deps.log.debug('scheduled job not started', { type, mall_account_id: account.id, error });
        }
      }
    }
    return started;
  }

  const timer = everyMs > 0 ? setInterval(() => void tick().catch((error) => deps.log.error('schedule round failed', { error })), tickMs) : null;
  timer?.unref();
  return { tick, stop: () => timer && clearInterval(timer), holder };
}
