// The 파일 tab's export: an order list (the orders pane's filters) or a courier booking file, XLSX or CSV, an
// optional open password, and the reason. Renders useExport's state.
import { Button, Field, Input, Option, Radio, RadioGroup, Subtitle2, Text } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { BOOKING_TEMPLATES } from '../../../../shared/files/booking-templates.ts';
import type { CsvEncoding } from '../../../../shared/files/cells.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { ReasonFields } from '../reason/ReasonFields.tsx';
import { LineFilterFields } from '../orders/LineFilterFields.tsx';
import { WorkStatus } from '../work.tsx';
import { exportMessages } from './export-messages.ts';
import { SenderLine } from './SenderLine.tsx';
import type { ExportFormat, ExportWhat } from './export-request.ts';
import { useExport } from './useExport.ts';
import { useSender } from './useSender.ts';

const ENCODINGS: { id: CsvEncoding; label: keyof typeof exportMessages }[] = [
  { id: 'utf8-bom', label: 'encoding_utf8_bom' },
  { id: 'utf8', label: 'encoding_utf8' },
  { id: 'cp949', label: 'encoding_cp949' },
];

type Props = { api: Api; lang: Lang; accounts: Account[]; role: string };

export function ExportSection({ api, lang, accounts, role }: Props) {
  const ui = useLayout();
  const m = { ...paneMessages, ...exportMessages };
  const t = (key: keyof typeof m) => format(m[key], {}, lang);
  const { work, choice, update, pickTemplate, reason, pickReason, problem, download } = useExport(api, lang);
  // Booking files are the operators' (a masked one cannot be delivered): viewers are told so, nothing is read.
  const canBook = role !== 'viewer';
  const booking = choice.what === 'booking';
  const sender = useSender(api, lang, booking && canBook);
  const f = choice.filter;
  const setFilter = (next: Partial<typeof f>) => update({ filter: { ...f, ...next } });
  const reasonProblem = problem === 'dates_reversed' ? null : problem;

  return (
    <section className={ui.stack} aria-label={t('export_title')}>
      <Subtitle2>{t('export_title')}</Subtitle2>
      <Field label={t('export_what')}>
        <RadioGroup layout="horizontal" value={choice.what} onChange={(_, d) => update({ what: d.value as ExportWhat })}>
          <Radio value="orders" label={t('export_orders')} />
          <Radio value="booking" label={t('export_booking')} />
        </RadioGroup>
      </Field>
      {choice.what === 'booking' ? (
        <>
          <Field label={t('export_template')}>
            <Dropdown
              lang={lang}
              aria-label={t('export_template')}
              value={BOOKING_TEMPLATES.find((x) => x.id === choice.template)?.name[lang] ?? ''}
              selectedOptions={[choice.template]}
              onOptionSelect={(_, d) => d.optionValue && pickTemplate(d.optionValue)}
            >
              {BOOKING_TEMPLATES.map((x) => (
                <Option key={x.id} value={x.id}>
                  {x.name[lang]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Text size={200}>{t('export_booking_help')}</Text>
          {canBook ? <SenderLine lang={lang} canEdit={role === 'admin'} state={sender} /> : <Text size={200}>{t('export_booking_viewer')}</Text>}
        </>
      ) : (
        <>
          <LineFilterFields lang={lang} accounts={accounts} filter={f} onChange={setFilter} />
        </>
      )}
      <Field label={t('export_format')}>
        <RadioGroup layout="horizontal" value={choice.format} onChange={(_, d) => update({ format: d.value as ExportFormat })}>
          <Radio value="xlsx" label="XLSX" />
          <Radio value="csv" label="CSV" />
        </RadioGroup>
      </Field>
      {choice.format === 'csv' ? (
        <Field label={t('export_encoding')}>
          <Dropdown
            lang={lang}
            aria-label={t('export_encoding')}
            value={t(ENCODINGS.find((e) => e.id === choice.encoding)!.label)}
            selectedOptions={[choice.encoding]}
            onOptionSelect={(_, d) => d.optionValue && update({ encoding: d.optionValue as CsvEncoding })}
          >
            {ENCODINGS.map((e) => (
              <Option key={e.id} value={e.id}>
                {t(e.label)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : (
        <Field label={t('export_password')} hint={t('export_password_help')}>
          <Input type="password" autoComplete="new-password" value={choice.password} onChange={(_, d) => update({ password: d.value })} />
        </Field>
      )}
      <ReasonFields choice={reason} onChange={pickReason} problem={reasonProblem} lang={lang} />
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy || (booking && !canBook)} onClick={download}>
          {t('export_run')}
        </Button>
      </div>
      <Text size={200}>{t('export_download_note')}</Text>
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
