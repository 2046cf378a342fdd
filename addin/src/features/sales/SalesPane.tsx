// The 매출 tab: a period (quick picks or two dates) and one button that builds or refreshes the 매출 sheet and its charts.
import { Button, Caption1, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { kstDate } from '../../../../shared/time.ts';
import type { Api } from '../../api/client.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { salesPaneMessages as sm } from './sales-messages.ts';
import { useSales } from './useSales.ts';

const dayBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86400_000).toISOString().slice(0, 10);

export function SalesPane({ api, lang }: { api: Api; lang: Lang }) {
  const t = (key: keyof typeof sm, params = {}) => format(sm[key], params, lang);
  const ui = useLayout();
  const today = kstDate();
  const [from, setFrom] = useState(dayBefore(today, 13));
  const [to, setTo] = useState(today);
  const { work, refresh } = useSales(api, lang);
  const pick = (f: string) => {
    setFrom(f);
    setTo(today);
  };
  return (
    <section className={ui.stack} aria-label={t('refresh')}>
      <div className={ui.row}>
        <Button size="small" onClick={() => pick(dayBefore(today, 6))}>
          {t('last_7')}
        </Button>
        <Button size="small" onClick={() => pick(dayBefore(today, 29))}>
          {t('last_30')}
        </Button>
        <Button size="small" onClick={() => pick(`${today.slice(0, 8)}01`)}>
          {t('this_month')}
        </Button>
      </div>
      <div className={ui.row}>
        <Field label={t('from')} className={ui.grow}>
          <Input type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('to')} className={ui.grow}>
          <Input type="date" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
      </div>
      <Button appearance="primary" disabled={work.busy} onClick={() => refresh(from, to)}>
        {t('refresh')}
      </Button>
      <Caption1>{t('help')}</Caption1>
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
