// The warehouses and stores in a short list (the default marked, "기본으로" on the others), and a one-line form to
// add one. Narrow enough for a 320 px pane: every row wraps.
import { Badge, Button, Field, Input, Option, Text } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { useLayout } from '../../styles.ts';
import { WorkStatus } from '../work.tsx';
import { catalogueMessages as cm, type CatalogueMessage } from './catalogue-messages.ts';
import type { useWarehouses } from './useWarehouses.ts';

export function WarehouseSection({ lang, state }: { lang: Lang; state: ReturnType<typeof useWarehouses> }) {
  const ui = useLayout();
  const t = (key: CatalogueMessage) => format(cm[key], {}, lang);
  const { items, form, setForm, add, makeDefault, work } = state;
  const kindLabel = (kind: string) => t(kind === 'store' ? 'kind_store' : 'kind_warehouse');
  return (
    <section className={ui.stack} aria-label={t('warehouses')}>
      <Text weight="semibold">{t('warehouses')}</Text>
      <ul className={ui.list} style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {items.map((w) => (
          <li key={w.id} className={ui.spread} data-testid="warehouse">
            <Text size={200} className={ui.grow}>
              {`${w.name} (${w.code}) · ${kindLabel(w.kind)}`}
              {!w.active && ` · ${t('inactive')}`}
            </Text>
            {w.is_default ? (
              <Badge appearance="tint">{t('default_mark')}</Badge>
            ) : (
              <Button size="small" disabled={work.busy || !w.active} onClick={() => void makeDefault(w)}>
                {t('make_default')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className={ui.row}>
        <Field label={t('warehouse_code')} className={ui.grow}>
          <Input size="small" value={form.code} onChange={(_, d) => setForm({ code: d.value })} />
        </Field>
        <Field label={t('warehouse_name')} className={ui.grow}>
          <Input size="small" value={form.name} onChange={(_, d) => setForm({ name: d.value })} />
        </Field>
      </div>
      <div className={ui.rowEnd}>
        <Field label={t('warehouse_kind')} className={ui.grow}>
          <Dropdown
            lang={lang}
            size="small"
            aria-label={t('warehouse_kind')}
            value={kindLabel(form.kind)}
            selectedOptions={[form.kind]}
            onOptionSelect={(_, d) => setForm({ kind: d.optionValue === 'store' ? 'store' : 'warehouse' })}
          >
            <Option value="warehouse">{t('kind_warehouse')}</Option>
            <Option value="store">{t('kind_store')}</Option>
          </Dropdown>
        </Field>
        <Button disabled={work.busy || !form.code.trim() || !form.name.trim()} onClick={() => void add()}>
          {t('add_warehouse')}
        </Button>
      </div>
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}
