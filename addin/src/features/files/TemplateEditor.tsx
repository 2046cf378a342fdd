// A small template editor: pick a template of the kind, change its columns (field ↔ header texts), save it as a
// named copy, or save / delete a saved one. Built-ins are only copied (the server refuses changing them).
import { Button, Caption1, Field, Input, Option, Select, Text } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useEffect, useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { FieldName } from '../../../../shared/files/templates.ts';
import type { FileTemplate } from '../../api/files.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { FIELD_LABELS, fieldsOf } from './field-labels.ts';
import { fileMessages as fm, type FileMessage } from './files-messages.ts';
import { editColumnsOf, type EditColumn, type useTemplates } from './useTemplates.ts';

type Props = { lang: Lang; store: ReturnType<typeof useTemplates>; type: 'invoice_import' | 'order_upload'; canWrite: boolean };

export function TemplateEditor({ lang, store, type, canWrite }: Props) {
  const t = (key: FileMessage, params: Record<string, string | number> = {}) => format(fm[key], params, lang);
  const ui = useLayout();
  const [id, setId] = useState('');
  const [columns, setColumns] = useState<EditColumn[]>([]);
  const [name, setName] = useState('');
  const selected: FileTemplate | undefined = store.templates.find((x) => x.id === id);

  // A new pick (or the list read again after a save) shows that template's columns.
  useEffect(() => {
    setColumns(selected ? editColumnsOf(selected) : []);
    setName(selected && !selected.built_in ? selected.name : '');
  }, [selected]);

  const fields = fieldsOf(type);
  const change = (i: number, patch: Partial<EditColumn>) => setColumns((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const unused = fields.find((f) => !columns.some((c) => c.field === f));

  return (
    <section className={ui.stack} aria-label={t('templates_title')}>
      <Text weight="semibold">{t('templates_title')}</Text>
      <Field label={t('editing')}>
        <Dropdown
          lang={lang}
          aria-label={t('editing')}
          value={selected?.name ?? ''}
          selectedOptions={id ? [id] : []}
          onOptionSelect={(_, d) => setId(d.optionValue ?? '')}
        >
          {store.templates.map((x) => (
            <Option key={x.id} value={x.id} text={x.name}>
              {x.built_in ? `${x.name} (${t('built_in')})` : x.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {selected && (
        <>
          {selected.built_in && <Caption1>{t('built_in_readonly')}</Caption1>}
          <Caption1>{`${t('field')} ↔ ${t('headers')}`}</Caption1>
          {columns.map((c, i) => (
            <div key={i} className={ui.pairRow} data-testid="template-column">
              <Select aria-label={`${t('field')} ${i + 1}`} value={c.field} onChange={(_, d) => change(i, { field: d.value as FieldName })}>
                {(fields.includes(c.field) ? fields : [c.field, ...fields]).map((f) => (
                  <option key={f} value={f}>
                    {FIELD_LABELS[f][lang]}
                  </option>
                ))}
              </Select>
              <Input
                aria-label={`${FIELD_LABELS[c.field][lang]} ${t('headers')}`}
                value={c.headers}
                onChange={(_, d) => change(i, { headers: d.value })}
              />
              <Button
                size="small"
                appearance="subtle"
                icon={<span aria-hidden>✕</span>}
                aria-label={`${FIELD_LABELS[c.field][lang]} ${t('remove_column')}`}
                onClick={() => setColumns((cs) => cs.filter((_, j) => j !== i))}
              />
            </div>
          ))}
          <div className={ui.row}>
            <Button size="small" disabled={!unused} onClick={() => unused && setColumns((cs) => [...cs, { field: unused, headers: '' }])}>
              {t('add_column')}
            </Button>
          </div>
          <Field label={t('copy_name')}>
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <div className={ui.row}>
            <Button disabled={store.work.busy || !canWrite} onClick={() => void store.saveCopy(selected, name, columns)}>
              {t('save_copy')}
            </Button>
            <Button disabled={store.work.busy} onClick={() => void store.sample(selected)}>
              {t('sample')}
            </Button>
            {!selected.built_in && (
              <>
                <Button appearance="primary" disabled={store.work.busy || !canWrite} onClick={() => void store.save(selected, name, columns)}>
                  {t('save')}
                </Button>
                <Button disabled={store.work.busy || !canWrite} onClick={() => void store.remove(selected).then(() => setId(''))}>
                  {t('delete')}
                </Button>
              </>
            )}
          </div>
        </>
      )}
      <WorkStatus work={store.work} lang={lang} />
    </section>
  );
}
