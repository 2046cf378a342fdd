// The 재고 (Stock) tab: pull stock per SKU × warehouse into the 재고 sheet, push the typed new quantities (counts)
// with their reasons, and move stock between warehouses. Every change carries a reason: a row's 사유 cell or the
// pane's reason for the rows that leave it empty; a transfer's own field.
import { Button, Caption1, Checkbox, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { fileSourceOf, readChosenFile, type ChosenFile } from '../files/file-source.ts';
import { WorkStatus } from '../work.tsx';
import type { StockFilter } from './stock-sheet.ts';
import { stockMessages as sm } from './stock-messages.ts';
import { useStock, type TransferForm } from './useStock.ts';
import { onEnter } from '../on-enter.ts';

const EMPTY_TRANSFER: TransferForm = { sku: '', from: 'MAIN', to: '', quantity: '', reason: '' };

/** What is missing or wrong in the transfer form, by field; empty when it can be sent. */
function transferProblems(form: TransferForm): Partial<Record<keyof TransferForm, 'field_required' | 'quantity_invalid'>> {
  const out: Partial<Record<keyof TransferForm, 'field_required' | 'quantity_invalid'>> = {};
  for (const key of ['sku', 'from', 'to', 'quantity', 'reason'] as const) if (!form[key].trim()) out[key] = 'field_required';
  if (form.quantity.trim() && !/^[1-9]\d*$/.test(form.quantity.trim())) out.quantity = 'quantity_invalid';
  return out;
}

export function StockPane({ api, lang }: { api: Api; lang: Lang }) {
  const t = (key: keyof typeof sm, params = {}) => format(sm[key], params, lang);
  const ui = useLayout();
  const { work, pull, push, transfer, importSheet, importChosen } = useStock(api, lang);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [filter, setFilter] = useState<StockFilter>({ warehouse: '', q: '', nonzero: false });
  const [reason, setReason] = useState('');
  const [form, setForm] = useState<TransferForm>(EMPTY_TRANSFER);
  const [checked, setChecked] = useState(false);
  const problems = checked ? transferProblems(form) : {};
  const field = (key: keyof TransferForm, label: keyof typeof sm) => (
    <Field label={t(label)} required validationMessage={problems[key] ? t(problems[key]) : undefined}>
      <Input aria-label={t(label)} value={form[key]} onChange={(_, d) => setForm({ ...form, [key]: d.value })} />
    </Field>
  );
  const submitTransfer = () => {
    setChecked(true);
    if (Object.keys(transferProblems(form)).length) return;
    void transfer(form).then(() => setChecked(false));
  };

  return (
    <section className={ui.stack} aria-label={format(m.tab_stock, {}, lang)}>
      <Caption1>{t('help')}</Caption1>
      <Field label={t('warehouse')}>
        <Input value={filter.warehouse} onChange={(_, d) => setFilter({ ...filter, warehouse: d.value })} />
      </Field>
      <Field label={t('search')}>
        <Input
          value={filter.q}
          onChange={(_, d) => setFilter({ ...filter, q: d.value })}
          onKeyDown={onEnter(() => {
            if (!work.busy) void pull(filter);
          })}
        />
      </Field>
      <Checkbox label={t('nonzero')} checked={filter.nonzero} onChange={(_, d) => setFilter({ ...filter, nonzero: !!d.checked })} />
      <Field label={t('default_reason')}>
        <Input value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy} onClick={() => void pull(filter)}>
          {t('pull')}
        </Button>
        <Button disabled={work.busy} onClick={() => void push(reason)}>
          {t('push')}
        </Button>
      </div>
      <WorkStatus work={work} lang={lang} />
      <div className={ui.stack} role="group" aria-label={t('import_section')}>
        <Subtitle2>{t('import_section')}</Subtitle2>
        <Caption1>{t('import_help')}</Caption1>
        <div className={ui.row}>
          <Button disabled={work.busy} onClick={() => void importSheet(reason)}>
            {t('import_sheet')}
          </Button>
        </div>
        <input
          type="file"
          aria-label={t('file_input')}
          accept=".xlsx,.xlsm,.xls,.html,.htm,.csv,.txt"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            void (chosen ? readChosenFile(chosen).then(setFile) : Promise.resolve(setFile(null)));
          }}
        />
        <div className={ui.row}>
          <Button disabled={work.busy || !file} onClick={() => void importChosen(file && fileSourceOf(file, ''), reason)}>
            {t('import_file')}
          </Button>
        </div>
      </div>
      <div className={ui.stack} role="group" aria-label={t('transfer')}>
        <Subtitle2>{t('transfer')}</Subtitle2>
        {field('sku', 'sku_code')}
        <div className={ui.row}>
          {field('from', 'from')}
          {field('to', 'to')}
        </div>
        {field('quantity', 'quantity')}
        {field('reason', 'reason')}
        <div className={ui.row}>
          <Button disabled={work.busy} onClick={submitTransfer}>
            {t('transfer_go')}
          </Button>
        </div>
      </div>
    </section>
  );
}
