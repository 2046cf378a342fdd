// Invoices from the sheet: a courier for the selected rows, tracking numbers typed or pasted into the sheet and
// pushed, then ship and send to the malls — each step's result lands beside its rows.
import { Button, Caption1, Field } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useState } from 'react';
import { COURIERS } from '../../../../shared/couriers.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import { courierLabel } from '../../sheet/cells.ts';
import { courierOptions } from '../courier-options.tsx';
import { useLayout } from '../../styles.ts';
import { AutomationLine } from '../accounts/AutomationSettings.tsx';
import type { Account } from '../accounts/useAccounts.ts';
import { WorkStatus } from '../work.tsx';
import { UnpushedWarning } from '../orders/UnpushedWarning.tsx';
import { LastChangeOffer } from '../orders/LastChangeOffer.tsx';
import { useInvoices } from './useInvoices.ts';
import { BandLine } from './BandLine.tsx';
import { useBands } from './useBands.ts';

type Props = { api: Api; feed: JobFeed; lang: Lang; accounts: Account[]; role: string; active: boolean };

export function InvoicesPane({ api, feed, lang, accounts, role, active }: Props) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const ui = useLayout();
  const {
    work,
    setCourier: applyCourier,
    numberFromBand,
    printLabels,
    push,
    ship,
    send,
    unpushedPrompt,
    lastChange,
    undoLast,
  } = useInvoices(api, feed, lang, accounts);
  const [courier, setCourier] = useState<string>(COURIERS[0]!.code);
  const bands = useBands(api, lang, courier, active, work.busy);
  const label = (code: string) => courierLabel(code, lang);

  return (
    <section className={ui.stack} aria-label={t('tab_invoices')}>
      <div className={ui.rowEnd}>
        <Field label={t('courier')} className={ui.grow}>
          <Dropdown
            lang={lang}
            aria-label={t('courier')}
            value={label(courier)}
            selectedOptions={[courier]}
            onOptionSelect={(_, d) => setCourier(d.optionValue ?? courier)}
          >
            {courierOptions(lang)}
          </Dropdown>
        </Field>
        <Button disabled={work.busy} onClick={() => applyCourier(courier)}>
          {t('apply_courier')}
        </Button>
      </div>
      <BandLine
        lang={lang}
        courier={courier}
        canEdit={role === 'admin'}
        canUse={role !== 'viewer'}
        busy={work.busy}
        state={bands}
        onIssue={() => void numberFromBand(courier, bands.reload)}
        onPrint={() => void printLabels()}
      />
      <Caption1>{t('invoices_help')}</Caption1>
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy} onClick={push}>
          {t('push')}
        </Button>
        <Button disabled={work.busy} onClick={ship}>
          {t('ship')}
        </Button>
        <Button disabled={work.busy} onClick={send}>
          {t('send')}
        </Button>
      </div>
      <UnpushedWarning prompt={unpushedPrompt} lang={lang} />
      <LastChangeOffer change={lastChange} busy={work.busy} onUndo={undoLast} lang={lang} />
      <AutomationLine accounts={accounts} lang={lang} />
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
