// The push, as the orders and invoices panes both offer it: progress while reading, a summary at the end. When the
// push shipped boxes of accounts that send once shipped, the send jobs the server started are followed here and
// the rows' send cells refreshed (issue 13 §6); followAutoJobs follows any call's automatic jobs (an action's
// 클레임 처리 전송 too).
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import { automationMessages as am } from '../accounts/automation-messages.ts';
import { said, type Notice, type Said, type Step } from '../work.tsx';
import { pushOrders } from './order-sheet.ts';
import { followClaimDecisions, followSends, unfinishedSendsText } from './sheet-actions.ts';
import type { StartedJob } from '../../api/jobs.ts';

export const pushWork =
  (api: Api, lang: Lang, feed: JobFeed) =>
  async (step: Step, signal?: AbortSignal): Promise<Notice> => {
    const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
    const s = await pushOrders(api, lang, (done, total) => step(t('reading', { done, total }), total ? done / total : undefined));
    if (s.fatal) return { intent: 'error', text: s.fatal };
    // Kept as words and numbers: a switch of language words the notice again (the fatal one is Excel's or the server's).
    const missing = s.missing.length ? said(m.missing_columns, { columns: s.missing.join(', ') }) : '';
    if (!s.sent) return { intent: s.check || missing ? 'warning' : 'info', text: [said(m.nothing_to_push, { check: s.check }), missing] };
    const sent = s.autoJobs ? await followAutoJobs(api, feed, s.autoJobs, lang, step, signal) : null;
    const warned = s.warned ? said(m.pushed_warned, { warned: s.warned }) : '';
    const warn = s.refused || s.check || missing || warned || sent?.warn;
    return {
      intent: warn ? 'warning' : 'success',
      text: [
        said(m.pushed, { sent: s.sent, applied: s.applied, unchanged: s.unchanged, refused: s.refused, check: s.check }),
        warned,
        missing,
        sent ? sent.text : '',
      ],
    };
  };

/**
 * Follows the jobs a call started on its own — send jobs after a push, ship or numbering (accounts that send once
 * shipped), claim-decisions jobs after a mall's claim was decided (클레임 처리 전송) — to their end; what they did in
 * one sentence each, and why each that could not start did not (the server's words, in the reader's language).
 */
export async function followAutoJobs(api: Api, feed: JobFeed, jobs: readonly StartedJob[], lang: Lang, step: Step, signal?: AbortSignal) {
  const isClaims = (j: StartedJob) => j.started && j.job.type === 'claim_decisions';
  const sends = jobs.filter((j) => j.started && !isClaims(j));
  const claims = jobs.filter(isClaims);
  const notStarted = jobs.flatMap((j) => (j.started ? [] : [j.message]));
  const told: Said[] = [];
  let warn = notStarted.length > 0;
  if (sends.length) {
    const out = await followSends(
      api,
      feed,
      sends,
      lang,
      (done, total) => step(format(am.auto_sending, { done, total }, lang), total ? done / total : undefined, false),
      signal,
      // The push's (or ship's) results beside the rows were just written: the refresh keeps them.
      { keepResults: true },
    );
    told.push(said(am.auto_sent, { ok: out.ok, failed: out.failed }));
    const unfinished = await unfinishedSendsText(api, out.unfinished);
    if (unfinished) told.push(unfinished);
    warn ||= out.failed > 0 || out.unfinished.length > 0;
  }
  if (claims.length) {
    const out = await followClaimDecisions(
      feed,
      claims,
      (done, total) => step(format(am.auto_deciding, { done, total }, lang), total ? done / total : undefined, false),
      signal,
    );
    told.push(said(out.allSucceeded ? am.auto_decided : am.auto_decided_failed, out));
    warn ||= out.failed > 0 || !out.allSucceeded;
  }
  return { text: [...told, ...notStarted] as Said, warn };
}
