// Pull orders into the order sheet, push the operator's changes, re-pull the rows the server refused.
import { Button, Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { STATUSES, STATUS_LABELS } from '../../../../shared/lifecycle.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import type { Account } from '../accounts/Accounts.tsx';
import { WorkStatus, useWork, type Notice, type Step } from '../work.tsx';
import { ACTION_RULES } from '../../../../shared/lifecycle.ts';
import { SELECTION_ACTIONS, actOnSelection, pullOrders, pushOrders, repullRefused, type SelectionAction } from './order-sheet.ts';

/** The push, as the orders and invoices panes both offer it: progress while reading, a summary at the end. */
export const pushWork =
  (api: Api, lang: Lang) =>
  async (step: Step): Promise<Notice> => {
    const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
    const s = await pushOrders(api, lang, (done, total) => step(t('reading', { done, total }), total ? done / total : undefined));
    if (s.fatal) return { intent: 'error', text: s.fatal };
    const missing = s.missing.length ? ` ${t('missing_columns', { columns: s.missing.join(', ') })}` : '';
    if (!s.sent) return { intent: s.check || missing ? 'warning' : 'info', text: t('nothing_to_push', { check: s.check }) + missing };
    return { intent: s.refused || s.check || missing ? 'warning' : 'success', text: t('pushed', s) + missing };
  };

export function OrdersPane({ api, lang, accounts }: { api: Api; lang: Lang; accounts: Account[] }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const [statuses, setStatuses] = useState<string[]>([]);
  const [account, setAccount] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [q, setQ] = useState('');

  const pull = () =>
    work.run(async (step) => {
      const filter = { status: statuses.join(','), mall_account_id: account, from, to, q: q.trim() };
      const count = await pullOrders(api, filter, lang, (phase, done, total) =>
        phase === 'fetch' ? step(t('fetching', { done })) : step(t('writing', { done, total }), total ? done / total : undefined, false),
      );
      return t('pulled', { count });
    });
  const push = () => work.run(pushWork(api, lang));
  const repull = () => work.run(async () => t('repulled', { count: await repullRefused(api, lang) }));
  const [action, setAction] = useState<SelectionAction>('confirm');
  const actionLabel = (a: SelectionAction) => ACTION_RULES[a].label[lang];
  const act = () =>
    work.run(async (step) => {
      const out = await actOnSelection(api, action, lang, (done, total) => step(t('confirming_at_mall', { done, total }), total ? done / total : undefined, false));
      if (!out) return { intent: 'warning', text: t('no_selection') };
      return { intent: out.refused ? 'warning' : 'success', text: t('action_done', { action: actionLabel(action), ...out }) };
    });

  return (
    <section style={{ display: 'grid', gap: 10 }} aria-label={t('tab_orders')}>
      <Field label={t('filter_status')}>
        <Dropdown
          multiselect
          aria-label={t('filter_status')}
          value={statuses.map((s) => STATUS_LABELS[s as keyof typeof STATUS_LABELS][lang]).join(', ') || t('filter_all')}
          selectedOptions={statuses}
          onOptionSelect={(_, d) => setStatuses(d.selectedOptions)}
        >
          {STATUSES.map((s) => (
            <Option key={s} value={s}>
              {STATUS_LABELS[s][lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('filter_account')}>
        <Dropdown
          aria-label={t('filter_account')}
          value={accounts.find((a) => a.id === account)?.display_name ?? t('filter_all')}
          selectedOptions={[account]}
          onOptionSelect={(_, d) => setAccount(d.optionValue ?? '')}
        >
          <Option value="">{t('filter_all')}</Option>
          {accounts.map((a) => (
            <Option key={a.id} value={a.id}>
              {a.display_name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div style={{ display: 'flex', gap: 8 }}>
        <Field label={t('filter_from')} style={{ flex: 1 }}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('filter_to')} style={{ flex: 1 }}>
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
      </div>
      <Field label={t('filter_search')}>
        <Input value={q} onChange={(_, d) => setQ(d.value)} />
      </Field>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" disabled={work.busy} onClick={pull}>
          {t('pull')}
        </Button>
        <Button disabled={work.busy} onClick={push}>
          {t('push')}
        </Button>
        <Button disabled={work.busy} onClick={repull}>
          {t('repull_refused')}
        </Button>
      </div>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
        <Field label={t('selection_action')} style={{ flex: 1 }}>
          <Dropdown aria-label={t('selection_action')} value={actionLabel(action)} selectedOptions={[action]} onOptionSelect={(_, d) => setAction((d.optionValue as SelectionAction) ?? action)}>
            {SELECTION_ACTIONS.map((a) => (
              <Option key={a} value={a}>
                {actionLabel(a)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button disabled={work.busy} onClick={act}>
          {t('apply_action')}
        </Button>
      </div>
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
