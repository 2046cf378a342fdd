// The orders pane's work: pull lines into the order sheet, push the operator's changes, re-pull refused rows, and
// apply a status action to the selected rows (발주확인 of mall lines goes to the malls as jobs, followed on the feed).
import { format, type Lang } from '../../../../shared/i18n.ts';
import { ACTION_RULES } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import { useWork } from '../work.tsx';
import { actOnSelection, pullOrders, repullRefused, type PullFilter, type SelectionAction } from './order-sheet.ts';
import { pushWork } from './push-work.ts';

export function useOrders(api: Api, feed: JobFeed, lang: Lang) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const pull = (filter: PullFilter) =>
    work.run(async (step) => {
      const count = await pullOrders(api, filter, lang, (phase, done, total) =>
        phase === 'fetch' ? step(t('fetching', { done })) : step(t('writing', { done, total }), total ? done / total : undefined, false),
      );
      return t('pulled', { count });
    });
  const push = () => work.run(pushWork(api, lang));
  const repull = () => work.run(async () => t('repulled', { count: await repullRefused(api, lang) }));
  const act = (action: SelectionAction) =>
    work.run(async (step) => {
      const out = await actOnSelection(api, feed, action, lang, (done, total) =>
        step(t('confirming_at_mall', { done, total }), total ? done / total : undefined, false),
      );
      if (!out) return { intent: 'warning', text: t('no_selection') };
      return { intent: out.refused ? 'warning' : 'success', text: t('action_done', { action: ACTION_RULES[action].label[lang], ...out }) };
    });
  return { work, pull, push, repull, act };
}
