// The orders pane's work: pull lines into the order sheet, push the operator's changes, re-pull refused rows, and
// apply a status action to the selected rows (발주확인 of mall lines goes to the malls as jobs, followed on the feed).
// A pull hands recipients out into a sheet, so it says why: the first pull of a session asks for the reason (the
// pull waits for it), later ones send the remembered one.
import { useRef } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import type { Reason } from '../reason/session-reason.ts';
import { useReasonAsk } from '../reason/useReasonAsk.ts';
import { useSessionReason } from '../reason/useSessionReason.ts';
import { said, useWork, type Notice } from '../work.tsx';
import { actionWords, paramsFor, type ActionParams, type SelectionAction } from './action-menu.ts';
import { layoutMessages as dm } from './layout-messages.ts';
import { pullOrders, repullRefused, type PullFilter, type PullOptions, type SheetState } from './order-sheet.ts';
import { useUnpushedGuard } from './useUnpushedGuard.ts';
import { actOnSelection, stockShortText } from './sheet-actions.ts';
import { useLastChange } from './useLastChange.ts';
import { followAutoJobs, pushWork } from './push-work.ts';

/**
 * `onPulled`: called once a pull has written the sheet, with what the pull tells the operator (현황 then shows the
 * 주문 tab, where the rows are worked, with that notice).
 */
export function useOrders(api: Api, feed: JobFeed, lang: Lang, hooks: { onPulled?: (notice: Notice) => void } = {}) {
  const onPulled = useRef(hooks.onPulled);
  onPulled.current = hooks.onPulled;
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const session = useSessionReason(api);
  // The first pull of a session offers 배송 처리 (why a shipping desk pulls recipients nearly always), confirmed once.
  const ask = useReasonAsk(api);
  const unpushed = useUnpushedGuard(api, feed, lang, work);
  const last = useLastChange(api, lang, work);
  const pullWith = (filter: PullFilter, why: Reason, options: PullOptions) =>
    work.run(async (step) => {
      // The sheet's rows are read afresh: the last change's 되돌리기 is no longer the sheet's.
      last.forget();
      const count = await pullOrders(
        api,
        filter,
        why,
        lang,
        (phase, done, total) =>
          phase === 'fetch' ? step(t('fetching', { done })) : step(t('writing', { done, total }), total ? done / total : undefined, false),
        options,
      );
      // Words and their count, put into the pane's language when shown (a switch of language re-words the notice).
      const text = options.resetLayout ? said(dm.layout_reset_done, { count }) : said(m.pulled, { count });
      onPulled.current?.({ intent: 'success', text });
      return text;
    });
  const startPull = (filter: PullFilter, options: PullOptions) => {
    ask.withReason((why) => void pullWith(filter, why, options));
  };
  /** A pull (or a reset of the layout, which pulls again) warns first about edits it would drop. */
  const read = (state?: SheetState) => (state ? { header: state.header, rows: state.rows } : undefined);
  const pull = (filter: PullFilter) => void unpushed.guard('what_pull', (state) => startPull(filter, { read: read(state) }));
  const resetLayout = (filter: PullFilter) => void unpushed.guard('what_reset', () => startPull(filter, { resetLayout: true }));
  const reasonPrompt = ask.prompt;
  const push = () => {
    last.forget();
    return work.run(pushWork(api, lang, feed));
  };
  const repull = () => {
    last.forget();
    return work.run(async () => said(m.repulled, { count: await repullRefused(api, lang) }));
  };
  const act = (action: SelectionAction, given: ActionParams) =>
    work.run(async (step, signal) => {
      // What the action still needs (a reason, a confirmed warning) is asked for before anything is sent.
      const ready = paramsFor(action, given);
      if ('problem' in ready) return { intent: 'warning', text: said(ready.problem) };
      const out = await actOnSelection(
        api,
        feed,
        action,
        lang,
        (done, total) => step(t('confirming_at_mall', { done, total }), total ? done / total : undefined, false),
        ready.params,
      );
      if (!out) return { intent: 'warning', text: said(m.no_selection) };
      last.offer(out, action);
      // Rows already where the action takes them (발주확인 of a confirmed line) are counted apart, not as refused.
      const done = out.unchanged ? m.action_done_unchanged : m.action_done;
      // 클레임 처리 전송 after a mall's claim decided here (송장 전송 after a ship): followed to their end, and those
      // that could not start say why (주문동기화 off, one already running) — each row said the mall would be told.
      const auto = out.autoJobs.length ? await followAutoJobs(api, feed, out.autoJobs, lang, step, signal) : null;
      const short = stockShortText(out.stockShort);
      const counts = { applied: out.applied, unchanged: out.unchanged, refused: out.refused };
      const text = [said(done, { action: actionWords(action), ...counts }), auto?.text ?? '', short];
      return { intent: out.refused || auto?.warn || short ? 'warning' : 'success', text };
    });

  return {
    work,
    lastChange: last.lastChange,
    undoLast: last.undoLast,
    pull,
    resetLayout,
    unpushedPrompt: unpushed.prompt,
    push,
    repull,
    act,
    reason: session.reason,
    forgetReason: session.forget,
    reasonPrompt,
  };
}
