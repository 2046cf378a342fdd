// Send once shipped (issue 13 §6): after a call shipped boxes of accounts that say so, one send job per account,
// started as the operator's, so the numbers reach the malls without another click. A job that cannot start (the
// account is off, a send already runs) is told, not thrown: the ship itself went through.
import { AppError } from '../../shared/errors.ts';
import type { Text } from '../../shared/i18n.ts';
import type { Actor } from '../domain/actor.ts';
import type { JobRunner } from './job-runner.ts';
import type { JobRow } from './jobs.repo.ts';

export type AutoJob =
  { mall_account_id: string; started: true; job: JobRow } | { mall_account_id: string; started: false; code: string; message: Text };

export async function startAutoSends(runner: JobRunner, actor: Actor, accountIds: readonly string[]): Promise<AutoJob[]> {
  const out: AutoJob[] = [];
  for (const accountId of [...new Set(accountIds)].sort()) {
    try {
      out.push({ mall_account_id: accountId, started: true, job: await runner.start({ type: 'send_invoices', accountId, actor, trigger: 'auto' }) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      out.push({ mall_account_id: accountId, started: false, code: error.code, message: error.text });
    }
  }
  return out;
}

/** A call's answer with its send jobs started, in place of the accounts it named (answered only when there are some). */
export async function withAutoSends<T extends { auto_send_accounts: string[] }>(
  runner: JobRunner,
  actor: Actor,
  out: T,
): Promise<Omit<T, 'auto_send_accounts'> & { auto_jobs?: AutoJob[] }> {
  const { auto_send_accounts: accounts, ...rest } = out;
  return accounts.length ? { ...rest, auto_jobs: await startAutoSends(runner, actor, accounts) } : rest;
}
