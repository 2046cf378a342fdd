// The 할당 (Allocate) tab: choose a policy (each with one line saying what it does) and the order rule, preview into
// the 할당 sheet, apply that preview, or undo the last applied allocation.
import { Button, Caption1, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ALLOCATION_POLICIES, ORDER_RULES, type AllocationPolicy, type OrderRule } from '../../../../shared/api/allocation.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { allocateMessages as am } from './allocate-messages.ts';
import { useAllocate } from './useAllocate.ts';
import { AllocationSettingsForm } from './AllocationSettingsForm.tsx';
import type { Account } from '../accounts/useAccounts.ts';
import { CHANNEL_KIND_NAMES } from '../../../../shared/api/orders.schema.ts';

export function AllocatePane({ api, lang, role, accounts }: { api: Api; lang: Lang; role: string; accounts: readonly Account[] }) {
  const t = (key: keyof typeof am, params = {}) => format(am[key], params, lang);
  const ui = useLayout();
  const { work, pending, summary, preview, apply, undoLast } = useAllocate(api, lang);
  const [policy, setPolicy] = useState<AllocationPolicy>('complete');
  const [rule, setRule] = useState<OrderRule>('date');

  return (
    <section className={ui.stack} aria-label={format(m.tab_allocate, {}, lang)}>
      <Caption1>{t('help')}</Caption1>
      <Field label={t('policy')}>
        <RadioGroup value={policy} onChange={(_, d) => setPolicy(d.value as AllocationPolicy)}>
          {ALLOCATION_POLICIES.map((p) => (
            <Radio key={p} value={p} label={{ children: <PolicyLabel name={t(`policy_${p}`)} help={t(`policy_${p}_help`)} /> }} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t('order_rule')}>
        <RadioGroup value={rule} onChange={(_, d) => setRule(d.value as OrderRule)}>
          {ORDER_RULES.map((r) => (
            <Radio key={r} value={r} label={t(`rule_${r}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy} onClick={() => void preview(policy, rule)}>
          {t('preview')}
        </Button>
        <Button disabled={work.busy || !pending} onClick={() => void apply()}>
          {t('apply')}
        </Button>
        <Button disabled={work.busy} onClick={() => void undoLast()}>
          {t('undo')}
        </Button>
      </div>
      {summary && <Text data-testid="allocate-summary">{summary}</Text>}
      <WorkStatus work={work} lang={lang} />
      <AllocationSettingsForm
        api={api}
        lang={lang}
        admin={role === 'admin'}
        channels={[...accounts.filter((a) => a.active).map((a) => a.display_name), ...Object.values(CHANNEL_KIND_NAMES).map((n) => n.ko)]}
      />
    </section>
  );
}

function PolicyLabel({ name, help }: { name: string; help: string }) {
  const ui = useLayout();
  return (
    <span className={ui.tight}>
      <Text weight="semibold">{name}</Text>
      <Caption1>{help}</Caption1>
    </span>
  );
}
