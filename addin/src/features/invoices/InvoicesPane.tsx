// Invoices from the sheet: a courier for the selected rows, tracking numbers typed or pasted into the sheet and
// pushed, then ship and send to the malls — each step's result lands beside its rows.
import { Button, Caption1, Dropdown, Field, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { COURIERS } from '../../../../shared/couriers.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { courierLabel } from '../../sheet/cells.ts';
import { paneMessages as m } from '../../messages.ts';
import type { Account } from '../accounts/Accounts.tsx';
import { sendToMalls, setCourierOnSelection, shipInvoiced } from '../orders/order-sheet.ts';
import { pushWork } from '../orders/OrdersPane.tsx';
import { WorkStatus, useWork } from '../work.tsx';

export function InvoicesPane({ api, lang, accounts }: { api: Api; lang: Lang; accounts: Account[] }) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const [courier, setCourier] = useState<string>(COURIERS[0]!.code);
  const label = (code: string) => courierLabel(code, lang);

  const apply = () =>
    work.run(async () => {
      const count = await setCourierOnSelection(label(courier), lang);
      return count ? t('courier_applied', { count, courier: label(courier) }) : { intent: 'warning', text: t('no_selection') };
    });
  const push = () => work.run(pushWork(api, lang));
  const ship = () =>
    work.run(async () => {
      const out = await shipInvoiced(api, lang);
      if (!out) return { intent: 'info', text: t('nothing_to_ship') };
      return { intent: out.refused ? 'warning' : 'success', text: t('shipped', out) };
    });
  const send = () =>
    work.run(async (step, signal) => {
      const ids = accounts.filter((a) => a.send_invoice_enabled !== false).map((a) => a.id);
      if (!ids.length) return { intent: 'warning', text: t('no_send_accounts') };
      const out = await sendToMalls(api, ids, lang, (done, total) => step(t('sending', { done, total }), total ? done / total : undefined, false), signal);
      const text = [t('sent', out), ...out.notStarted].join(' ');
      return { intent: out.failed || out.notStarted.length ? 'warning' : 'success', text };
    });

  return (
    <section style={{ display: 'grid', gap: 10 }} aria-label={t('tab_invoices')}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
        <Field label={t('courier')} style={{ flex: 1 }}>
          <Dropdown aria-label={t('courier')} value={label(courier)} selectedOptions={[courier]} onOptionSelect={(_, d) => setCourier(d.optionValue ?? courier)}>
            {COURIERS.map((c) => (
              <Option key={c.code} value={c.code}>
                {label(c.code)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button disabled={work.busy} onClick={apply}>
          {t('apply_courier')}
        </Button>
      </div>
      <Caption1>{t('invoices_help')}</Caption1>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
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
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
