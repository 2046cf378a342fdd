// Pull orders into the order sheet, push the operator's changes, re-pull the rows the server refused.
import { Button, Caption1, Checkbox, Field, Option, OptionGroup, Text } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useEffect, useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { AutomationLine } from '../accounts/AutomationSettings.tsx';
import type { Account } from '../accounts/useAccounts.ts';
import { EXPORT_REASON_LABELS } from '../../../../shared/export-reasons.ts';
import { ReasonPrompt } from '../reason/ReasonPrompt.tsx';
import { reasonMessages as rm } from '../reason/reason-messages.ts';
import { WorkStatus, type Notice } from '../work.tsx';
import { EMPTY_LINE_FILTER, markFields, type LineFilter } from './line-filter.ts';
import { LineFilterFields } from './LineFilterFields.tsx';
import { ACTION_GROUPS, DEFAULT_PARAMS, actionLabel as labelOf, type ActionParams as Params, type SelectionAction } from './action-menu.ts';
import { actionMessages as am } from './action-messages.ts';
import { ActionParams } from './ActionParams.tsx';
import { useOrders } from './useOrders.ts';
import { layoutMessages as dm } from './layout-messages.ts';
import { OrderDetailSection } from './OrderDetail.tsx';
import { UnpushedWarning } from './UnpushedWarning.tsx';
import { LastChangeOffer } from './LastChangeOffer.tsx';

export function OrdersPane({
  api,
  feed,
  lang,
  accounts,
  pulledNotice = null,
}: {
  api: Api;
  feed: JobFeed;
  lang: Lang;
  accounts: Account[];
  /** The notice of work done elsewhere on this tab's sheet (a pull from 현황), shown here. */
  pulledNotice?: Notice | null;
}) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const { work, lastChange, undoLast, pull, resetLayout, unpushedPrompt, push, repull, act, reason, forgetReason, reasonPrompt } = useOrders(
    api,
    feed,
    lang,
  );
  const { setNotice } = work;
  useEffect(() => {
    if (pulledNotice) setNotice(pulledNotice);
  }, [pulledNotice, setNotice]);
  const pullFilter = () => ({
    mall_account_id: filter.mall_account_id,
    from: filter.from,
    to: filter.to,
    ...markFields(filter.marks),
    status: filter.status.join(','),
    q: filter.q.trim(),
    // Deleted orders are left out of every pull; to bring one back (주문삭제 복구) the operator pulls them alone.
    deleted: deletedOnly ? 'true' : undefined,
  });
  const [filter, setFilter] = useState<LineFilter>(EMPTY_LINE_FILTER);
  const [deletedOnly, setDeletedOnly] = useState(false);
  const [action, setAction] = useState<SelectionAction>('confirm');
  const [params, setParams] = useState<Params>(DEFAULT_PARAMS);
  const actionLabel = (a: SelectionAction) => labelOf(a, lang);
  // A new action starts from clean parameters: a reason or a confirmed warning never carries over to another action.
  const choose = (a: SelectionAction) => {
    setAction(a);
    setParams(DEFAULT_PARAMS);
  };

  return (
    <section className={ui.stack} aria-label={t('tab_orders')}>
      <LineFilterFields
        lang={lang}
        accounts={accounts}
        filter={filter}
        onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))}
        onSubmit={() => {
          if (!work.busy) pull(pullFilter());
        }}
      />
      <Checkbox label={t('filter_deleted')} checked={deletedOnly} onChange={(_, d) => setDeletedOnly(!!d.checked)} />
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy} onClick={() => pull(pullFilter())}>
          {t('pull')}
        </Button>
        <Button disabled={work.busy} onClick={push}>
          {t('push')}
        </Button>
        <Button disabled={work.busy} onClick={repull}>
          {t('repull_refused')}
        </Button>
      </div>
      <UnpushedWarning prompt={unpushedPrompt} lang={lang} />
      <ReasonPrompt prompt={reasonPrompt} lang={lang} />
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
            lang={lang}
            aria-label={t('selection_action')}
            value={actionLabel(action)}
            selectedOptions={[action]}
            onOptionSelect={(_, d) => choose((d.optionValue as SelectionAction) ?? action)}
          >
            {ACTION_GROUPS.map((g) => (
              <OptionGroup key={g.label.ko} label={g.label[lang]}>
                {g.actions.map((a) => (
                  <Option key={a} value={a}>
                    {actionLabel(a)}
                  </Option>
                ))}
              </OptionGroup>
            ))}
          </Dropdown>
        </Field>
        <Button
          disabled={work.busy}
          onClick={() => {
            void act(action, params);
            // The restore warning is confirmed for each restore, not once.
            if (action === 'restore') setParams((p) => ({ ...p, restoreConfirmed: false }));
          }}
        >
          {t('apply_action')}
        </Button>
      </div>
      <ActionParams action={action} params={params} onChange={(patch) => setParams((p) => ({ ...p, ...patch }))} lang={lang} />
      <LastChangeOffer change={lastChange} busy={work.busy} onUndo={undoLast} lang={lang} />
      <Caption1>{am.recipient_caption[lang]}</Caption1>
      <div className={ui.spread}>
        <Caption1 className={ui.grow}>{format(dm.layout_help, {}, lang)}</Caption1>
        <Button size="small" disabled={work.busy} onClick={() => resetLayout(pullFilter())}>
          {format(dm.reset_layout, {}, lang)}
        </Button>
      </div>
      <AutomationLine accounts={accounts} lang={lang} />
      <WorkStatus work={work} lang={lang} />
      <OrderDetailSection api={api} lang={lang} />
    </section>
  );
}
