// Pull orders into the order sheet, push the operator's changes, re-pull the rows the server refused.
import { Button, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { ACTION_RULES } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { AutomationLine } from '../accounts/AutomationSettings.tsx';
import type { Account } from '../accounts/useAccounts.ts';
import { EXPORT_REASON_LABELS } from '../../../../shared/export-reasons.ts';
import { ReasonFields } from '../reason/ReasonFields.tsx';
import { reasonMessages as rm } from '../reason/reason-messages.ts';
import { WorkStatus } from '../work.tsx';
import { EMPTY_LINE_FILTER, type LineFilter } from './line-filter.ts';
import { LineFilterFields } from './LineFilterFields.tsx';
import { SELECTION_ACTIONS, type SelectionAction } from './sheet-actions.ts';
import { useOrders } from './useOrders.ts';

export function OrdersPane({ api, feed, lang, accounts }: { api: Api; feed: JobFeed; lang: Lang; accounts: Account[] }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const { work, pull, push, repull, act, reason, forgetReason, reasonPrompt } = useOrders(api, feed, lang);
  const [filter, setFilter] = useState<LineFilter>(EMPTY_LINE_FILTER);
  const [action, setAction] = useState<SelectionAction>('confirm');
  const actionLabel = (a: SelectionAction) => ACTION_RULES[a].label[lang];

  return (
    <section className={ui.stack} aria-label={t('tab_orders')}>
      <LineFilterFields lang={lang} accounts={accounts} filter={filter} onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))} />
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy} onClick={() => pull({ ...filter, status: filter.status.join(','), q: filter.q.trim() })}>
          {t('pull')}
        </Button>
        <Button disabled={work.busy} onClick={push}>
          {t('push')}
        </Button>
        <Button disabled={work.busy} onClick={repull}>
          {t('repull_refused')}
        </Button>
      </div>
      {reasonPrompt && (
        <div className={ui.stack} role="group" aria-label={format(rm.reason, {}, lang)}>
          <Text>{format(rm.pull_reason_ask, {}, lang)}</Text>
          <ReasonFields choice={reasonPrompt.choice} onChange={reasonPrompt.change} problem={reasonPrompt.problem} lang={lang} />
          <div className={ui.row}>
            <Button appearance="primary" onClick={reasonPrompt.confirm}>
              {format(rm.pull_reason_confirm, {}, lang)}
            </Button>
            <Button onClick={reasonPrompt.cancel}>{t('cancel')}</Button>
          </div>
        </div>
      )}
      {reason && !reasonPrompt && (
        <div className={ui.spread}>
          <Text size={200}>
            {format(
              rm.pull_reason_now,
              {
                reason: reason.reason_text
                  ? `${EXPORT_REASON_LABELS[reason.reason][lang]} — ${reason.reason_text}`
                  : EXPORT_REASON_LABELS[reason.reason][lang],
              },
              lang,
            )}
          </Text>
          <Button size="small" appearance="subtle" disabled={work.busy} onClick={forgetReason}>
            {format(rm.reason_change, {}, lang)}
          </Button>
        </div>
      )}
      <div className={ui.rowEnd}>
        <Field label={t('selection_action')} className={ui.grow}>
          <Dropdown
            aria-label={t('selection_action')}
            value={actionLabel(action)}
            selectedOptions={[action]}
            onOptionSelect={(_, d) => setAction((d.optionValue as SelectionAction) ?? action)}
          >
            {SELECTION_ACTIONS.map((a) => (
              <Option key={a} value={a}>
                {actionLabel(a)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button disabled={work.busy} onClick={() => act(action)}>
          {t('apply_action')}
        </Button>
      </div>
      <AutomationLine accounts={accounts} lang={lang} />
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
