// 현황: the counts an operator acts on, each one click from pulling exactly those lines into the order sheet (the
// 주문 tab's own pull, with the session's reason; the pane then shows the 주문 tab, where the rows are worked), the mall
// mismatches of each account, and 지금 수집, so a desk's day starts here: collect, click a count, work the rows.
import { Button, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { BOARD_LABELS } from '../../../../shared/api/board.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { useLayout } from '../../styles.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { UnpushedWarning } from '../orders/UnpushedWarning.tsx';
import { useOrders } from '../orders/useOrders.ts';
import { ReasonPrompt } from '../reason/ReasonPrompt.tsx';
import { said, useWork, WorkStatus, type Notice } from '../work.tsx';
import { startJobs } from '../../api/jobs.ts';
import { boardMessages as m } from './board-messages.ts';
import { useBoard } from './useBoard.ts';
import { kstDateTime } from '../../../../shared/time.ts';

const time = (iso: string | Date, lang: Lang) => kstDateTime(iso, lang, 'monthDay');

export function BoardPane({
  api,
  feed,
  lang,
  accounts,
  active,
  onPulled,
}: {
  api: Api;
  feed: JobFeed;
  lang: Lang;
  accounts: Account[];
  active: boolean;
  /** After a pull from a count: the rows are in the sheet, the 주문 tab is where they are worked (with this notice). */
  onPulled: (notice: Notice) => void;
}) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const { state, error, load } = useBoard(api, feed, accounts, active);
  const { work, pull, reasonPrompt, unpushedPrompt } = useOrders(api, feed, lang, { onPulled });
  const collecting = useWork(lang);
  const board = state?.board;
  // A pull from here changes "new since your last pull": read the counts again once it is done.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !work.busy) void load();
    wasBusy.current = work.busy;
  }, [work.busy, load]);
  const collect = () =>
    collecting.run(async (step, signal) => {
      const ids = accounts.filter((a) => a.active && a.collect_enabled).map((a) => a.id);
      if (!ids.length) return { intent: 'warning', text: said(m.no_collect_accounts) };
      const out = await startJobs(api, { type: 'collect', mall_account_ids: ids });
      const started = out.items.flatMap((i) => (i.started ? [i.job] : []));
      const refused = out.items.flatMap((i) => (i.started ? [] : [i.message]));
      step(t('collecting'));
      const jobs = await feed.follow(started, (done, total) => step(t('collecting'), total ? done / total : undefined), signal);
      await load();
      const ok = jobs.reduce((n, j) => n + j.ok, 0);
      const failed = jobs.reduce((n, j) => n + j.failed, 0);
      // A job that failed as a whole (the mall down, keys refused) failed no single order: it is named, with why,
      // not counted into "실패 0건" under a green tick.
      const down = jobs.filter((j) => j.state === 'failed' || j.state === 'canceled');
      const name = (id: string | null) => accounts.find((a) => a.id === id)?.display_name ?? '';
      // Kept as words and their numbers, not a sentence: switching 한국어/English words the notice again.
      const accountsDone = jobs.length - down.length;
      const text = [
        ...(down.length < jobs.length
          ? [ok || failed ? said(m.collected, { ok, failed, accounts: accountsDone }) : said(m.collected_none, { accounts: accountsDone })]
          : []),
        ...down.map((j) => said(m.collect_failed, { account: name(j.mall_account_id), error: j.error ?? '' })),
        ...refused,
      ];
      const intent = jobs.length && down.length === jobs.length ? 'error' : failed || down.length || refused.length ? 'warning' : 'success';
      return { intent, text };
    });

  return (
    <section className={ui.stack} aria-label={t('title')}>
      <Button appearance="primary" disabled={collecting.busy} onClick={collect}>
        {t('collect_now')}
      </Button>
      <WorkStatus work={collecting} lang={lang} />
      <div className={ui.spread}>
        <Text size={200}>{board && (board.last_pull_at ? t('last_pull', { time: time(board.last_pull_at, lang) }) : t('never_pulled'))}</Text>
        <Button size="small" onClick={() => void load()}>
          {t('refresh')}
        </Button>
      </div>
      {error && <Text role="alert">{error}</Text>}
      <Text size={200}>{t('pull_hint')}</Text>
      {board && (
        <ul className="ss-board" aria-label={t('title')} data-updated={state.at.toISOString()}>
          {board.counts.map((c) => (
            <li key={c.id}>
              <Button
                appearance={c.count ? 'secondary' : 'subtle'}
                data-count={c.id}
                disabled={work.busy}
                onClick={() => pull(c.filter)}
                aria-label={t('count', { label: BOARD_LABELS[c.id][lang], count: c.count })}
              >
                <span className="ss-board-label">{BOARD_LABELS[c.id][lang]}</span>
                <strong className="ss-board-count">{c.count.toLocaleString()}</strong>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {state?.mismatches
        .filter((a) => a.count || a.pending)
        .map((a) => (
          <Text key={a.id} size={200} data-mismatch-account={a.id}>
            {t('mismatch_account', { account: a.name, count: a.count, pending: a.pending })}
          </Text>
        ))}
      {/* A pull from a count replaces the sheet: edits not pushed are named first, as on the 주문 tab. */}
      <UnpushedWarning prompt={unpushedPrompt} lang={lang} />
      <ReasonPrompt prompt={reasonPrompt} lang={lang} />
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
