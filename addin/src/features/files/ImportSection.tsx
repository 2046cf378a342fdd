// The 파일 tab's import section: where the rows come from, what they are, which template, the switches, and the
// preview / apply / undo buttons; order uploads also list their batches. State and work live in useFileImport.
import { Button, Caption1, Field, Input, Option, Radio, RadioGroup, Switch, Text } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useEffect, useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { FileTemplate } from '../../api/files.ts';
import { courierLabel } from '../../sheet/cells.ts';
import { courierOptions } from '../courier-options.tsx';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { fileMessages as fm, type FileMessage } from './files-messages.ts';
import { useFileImport, type ImportKind } from './useFileImport.ts';
import { kstDateTime } from '../../../../shared/time.ts';

type Props = {
  api: Api;
  lang: Lang;
  kind: ImportKind;
  setKind: (k: ImportKind) => void;
  templates: readonly FileTemplate[];
  /** Operators and admins apply, register and undo; viewers preview (the server refuses them anyway). */
  canWrite: boolean;
};

export function ImportSection({ api, lang, kind, setKind, templates, canWrite }: Props) {
  const t = (key: FileMessage, params: Record<string, string | number> = {}) => format(fm[key], params, lang);
  const ui = useLayout();
  const imp = useFileImport(api, lang, kind, templates);
  const { options: o, switches: s, work } = imp;
  const templateName = (id: string) => (id === 'auto' ? t('template_auto') : (templates.find((x) => x.id === id)?.name ?? id));
  const { refreshBatches } = imp;
  // Read when the operator turns to order uploads (and again after each register or delete).
  useEffect(() => {
    if (kind === 'order') void refreshBatches();
  }, [kind, refreshBatches]);

  return (
    <section className={ui.stack} aria-label={t('import_title')}>
      <Text weight="semibold">{t('import_title')}</Text>
      <Field label={t('source')}>
        <RadioGroup value={o.mode} onChange={(_, d) => o.setMode(d.value as 'sheet' | 'file')}>
          <Radio value="sheet" label={t('source_sheet')} />
          <Radio value="file" label={t('source_file')} />
        </RadioGroup>
      </Field>
      {o.mode === 'file' && (
        <div className={ui.tight}>
          <input
            type="file"
            aria-label={t('file_input')}
            accept=".xlsx,.xlsm,.xls,.html,.htm,.csv,.txt"
            onChange={(e) => void o.chooseFile(e.target.files?.[0])}
          />
          {o.file && <Caption1>{t('file_chosen', { name: o.file.name })}</Caption1>}
          {o.needPassword && (
            <Field label={t('file_password')}>
              <Input type="password" value={o.password} onChange={(_, d) => o.setPassword(d.value)} />
            </Field>
          )}
        </div>
      )}
      <Field label={t('kind')}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as ImportKind)}>
          <Radio value="invoice" label={t('kind_invoice')} />
          <Radio value="order" label={t('kind_order')} />
        </RadioGroup>
      </Field>
      <Field label={t('template')}>
        <Dropdown
          lang={lang}
          aria-label={t('template')}
          value={templateName(o.templateId)}
          selectedOptions={[o.templateId]}
          onOptionSelect={(_, d) => o.setTemplateId(d.optionValue ?? 'auto')}
        >
          <Option value="auto">{t('template_auto')}</Option>
          {templates.map((x) => (
            <Option key={x.id} value={x.id} text={x.name}>
              {x.built_in ? `${x.name} (${t('built_in')})` : x.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {o.templateId === 'auto' && o.recognised && !o.ties.length && <Caption1>{t('guessed', { name: o.recognised.name })}</Caption1>}
      {o.ties.length > 0 && (
        <Field label={t('ties_label')}>
          <RadioGroup value={o.templateId} onChange={(_, d) => o.setTemplateId(d.value)}>
            {o.ties.map((x) => (
              <Radio key={x.id} value={x.id} label={x.name} />
            ))}
          </RadioGroup>
        </Field>
      )}
      {kind === 'invoice' && (
        <Field label={t('courier_file')}>
          <Dropdown
            lang={lang}
            aria-label={t('courier_file')}
            value={s.courier ? courierLabel(s.courier, lang) : t('courier_template')}
            selectedOptions={[s.courier]}
            onOptionSelect={(_, d) => s.setCourier(d.optionValue ?? '')}
          >
            <Option value="">{t('courier_template')}</Option>
            {courierOptions(lang)}
          </Dropdown>
        </Field>
      )}
      {kind === 'order' && <ChannelField lang={lang} channel={s.channel} setChannel={s.setChannel} />}
      <div className={ui.list}>
        {kind === 'invoice' && <Switch label={t('overwrite')} checked={s.overwrite} onChange={(_, d) => s.setOverwrite(d.checked)} />}
        <Switch label={t('all_or_nothing')} checked={s.allOrNothing} onChange={(_, d) => s.setAllOrNothing(d.checked)} />
      </div>
      <div className={ui.row}>
        <Button disabled={work.busy} onClick={() => void imp.preview()}>
          {t('preview')}
        </Button>
        <Button appearance="primary" disabled={work.busy || !canWrite} onClick={() => void imp.apply()}>
          {t(kind === 'invoice' ? 'apply' : 'register')}
        </Button>
        {kind === 'invoice' && (
          <Button disabled={work.busy || !canWrite} onClick={() => void imp.undo()}>
            {t('undo_last')}
          </Button>
        )}
      </div>
      {!canWrite && <Caption1>{t('import_viewer')}</Caption1>}
      <WorkStatus work={work} lang={lang} />
      {kind === 'order' && <Batches lang={lang} imp={imp} canWrite={canWrite} />}
    </section>
  );
}

type Channel = ReturnType<typeof useFileImport>['switches']['channel'];
const CHANNEL_LABELS: Record<Channel['kind'], FileMessage> = {
  '': 'channel_file',
  direct: 'channel_direct',
  store_release: 'channel_store',
  named: 'channel_named',
};

/** Whose orders a file without a 거래처 column holds; a named channel takes its name. */
function ChannelField({ lang, channel, setChannel }: { lang: Lang; channel: Channel; setChannel: (c: Channel) => void }) {
  const t = (key: FileMessage) => format(fm[key], {}, lang);
  const ui = useLayout();
  return (
    <div className={ui.tight}>
      <Field label={t('channel')}>
        <Dropdown
          lang={lang}
          aria-label={t('channel')}
          value={t(CHANNEL_LABELS[channel.kind])}
          selectedOptions={[channel.kind]}
          onOptionSelect={(_, d) => setChannel({ ...channel, kind: (d.optionValue ?? '') as Channel['kind'] })}
        >
          {(Object.keys(CHANNEL_LABELS) as Channel['kind'][]).map((k) => (
            <Option key={k} value={k}>
              {t(CHANNEL_LABELS[k])}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {channel.kind === 'named' && (
        <Field label={t('channel_name')}>
          <Input value={channel.name} onChange={(_, d) => setChannel({ ...channel, name: d.value })} />
        </Field>
      )}
    </div>
  );
}

function Batches({ lang, imp, canWrite }: { lang: Lang; imp: ReturnType<typeof useFileImport>; canWrite: boolean }) {
  const t = (key: FileMessage, params: Record<string, string | number> = {}) => format(fm[key], params, lang);
  const ui = useLayout();
  const [reason, setReason] = useState('');
  const at = (iso: string) => kstDateTime(iso, lang);
  return (
    <section className={ui.stack} aria-label={t('batches')}>
      <div className={ui.spread}>
        <Text weight="semibold">{t('batches')}</Text>
        <Button size="small" disabled={imp.work.busy} onClick={() => void imp.refreshBatches()}>
          {t('refresh')}
        </Button>
      </div>
      <Field label={t('delete_reason')}>
        <Input value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      {imp.batches?.length === 0 && <Caption1>{t('no_batches')}</Caption1>}
      <ul className={ui.tight} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {imp.batches?.map((b) => (
          <li key={b.id} className={ui.spread}>
            <Text size={200}>
              {t('batch_line', { at: at(b.created_at), source: b.source_name, orders: b.orders_created, refused: b.rows_refused })}
              {b.deleted_at ? ` ${t('batch_deleted', { reason: b.delete_reason ?? '' })}` : ''}
            </Text>
            {!b.deleted_at && (
              <Button size="small" disabled={imp.work.busy || !canWrite} onClick={() => void imp.deleteBatch(b.id, reason)}>
                {t('delete_batch')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
