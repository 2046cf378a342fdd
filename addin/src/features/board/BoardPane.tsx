// 현황: the counts an operator acts on, each one click from pulling exactly those lines into the order sheet (the
// 주문 tab's own pull, with the session's reason), and the mall mismatches of each account.
import { Button, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { BOARD_LABELS } from '../../../../shared/api/board.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as pm } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { useOrders } from '../orders/useOrders.ts';
import { ReasonFields } from '../reason/ReasonFields.tsx';
import { reasonMessages as rm } from '../reason/reason-messages.ts';
import { WorkStatus } from '../work.tsx';
import { boardMessages as m } from './board-messages.ts';
import { useBoard } from './useBoard.ts';

const time = (iso: string | Date, lang: Lang) =>
  new Date(iso).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function BoardPane({ api, feed, lang, accounts, active }: { api: Api; feed: JobFeed; lang: Lang; accounts: Account[]; active: boolean }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const { state, error, load } = useBoard(api, feed, accounts, active);
  const { work, pull, reasonPrompt } = useOrders(api, feed, lang);
  const board = state?.board;
  // A pull from here changes "new since your last pull": read the counts again once it is done.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !work.busy) void load();
    wasBusy.current = work.busy;
  }, [work.busy, load]);

  return (
    <section className={ui.stack} aria-label={t('title')}>
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
      {reasonPrompt && (
        <div className={ui.stack} role="group" aria-label={format(rm.reason, {}, lang)}>
          <Text>{format(rm.pull_reason_ask, {}, lang)}</Text>
          <ReasonFields choice={reasonPrompt.choice} onChange={reasonPrompt.change} problem={reasonPrompt.problem} lang={lang} />
          <div className={ui.row}>
            <Button appearance="primary" onClick={reasonPrompt.confirm}>
              {format(rm.pull_reason_confirm, {}, lang)}
            </Button>
            <Button onClick={reasonPrompt.cancel}>{format(pm.cancel, {}, lang)}</Button>
          </div>
        </div>
      )}
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
