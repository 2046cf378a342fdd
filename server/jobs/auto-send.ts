// Send once shipped (issue 13 §6): after a call shipped boxes of accounts that say so, one send job per account,
// started as the operator's, so the numbers reach the malls without another click. Likewise a call that decided mall
// claims (complete_claim, withdraw_claim) starts a claim-decisions job per account. A job that cannot start (the
// account is off, the same job already runs) is told, not thrown: the call itself went through.
import { AppError } from '../../shared/errors.ts';
import type { Text } from '../../shared/i18n.ts';
import type { Actor } from '../domain/actor.ts';
import type { JobRunner } from './job-runner.ts';
import type { JobRow, JobType } from './jobs.repo.ts';

export type AutoJob =
  { mall_account_id: string; started: true; job: JobRow } | { mall_account_id: string; started: false; code: string; message: Text };

export async function startAutoSends(runner: JobRunner, actor: Actor, accountIds: readonly string[]): Promise<AutoJob[]> {
  return startAutoJobs(runner, actor, 'send_invoices', accountIds);
}

/** One job of `type` per account, started as the operator's; one that cannot start says why. */
async function startAutoJobs(runner: JobRunner, actor: Actor, type: JobType, accountIds: readonly string[]): Promise<AutoJob[]> {
  const out: AutoJob[] = [];
  for (const accountId of [...new Set(accountIds)].sort()) {
    try {
      out.push({ mall_account_id: accountId, started: true, job: await runner.start({ type, accountId, actor, trigger: 'auto' }) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      out.push({ mall_account_id: accountId, started: false, code: error.code, message: error.text });
    }
  }
  return out;
}

/**
 * A call's answer with its automatic jobs started, in place of the accounts it named (answered only when there are
 * some): send jobs for accounts that send once shipped, and claim-decision jobs (클레임 처리 전송) for accounts whose
 * mall claims the call decided — a buyer's cancel or return approved or refused here is told to the mall at once.
 */
export async function withAutoSends<T extends { auto_send_accounts: string[]; auto_claim_accounts?: string[] }>(
  runner: JobRunner,
  actor: Actor,
  out: T,
): Promise<Omit<T, 'auto_send_accounts' | 'auto_claim_accounts'> & { auto_jobs?: AutoJob[] }> {
  const { auto_send_accounts: accounts, auto_claim_accounts: claimAccounts = [], ...rest } = out;
  const jobs = [
    ...(await startAutoJobs(runner, actor, 'send_invoices', accounts)),
    ...(await startAutoJobs(runner, actor, 'claim_decisions', claimAccounts)),
  ];
  return jobs.length ? { ...rest, auto_jobs: jobs } : rest;
}
