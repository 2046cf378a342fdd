// The lines filter as the operator sets it — statuses, mall account, paid-on period, marks, search — for the orders tab's
// pull and the 파일 tab's order-list export alike (GET /api/order-lines takes the same fields).
import { Field, Input, Option } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { FLAG_LABELS, STATUSES, STATUS_LABELS, type Status } from '../../../../shared/lifecycle.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import type { Account } from '../accounts/useAccounts.ts';
import { onEnter } from '../on-enter.ts';
import { LINE_MARKS, type LineFilter, type LineMark } from './line-filter.ts';

type Props = {
  lang: Lang;
  accounts: Account[];
  filter: LineFilter;
  onChange: (patch: Partial<LineFilter>) => void;
  /** Enter in the search field: what the tab's main button does with the filter (the orders tab pulls). */
  onSubmit?: () => void;
};

export function LineFilterFields({ lang, accounts, filter: f, onChange, onSubmit }: Props) {
  const t = (key: keyof typeof m) => format(m[key], {}, lang);
  const ui = useLayout();
  const markLabel = (mark: LineMark) => (mark === 'has_memo' ? t('filter_has_memo') : FLAG_LABELS[mark][lang]);
  return (
    <>
      <Field label={t('filter_status')}>
        <Dropdown
          lang={lang}
          multiselect
          aria-label={t('filter_status')}
          value={f.status.map((s) => STATUS_LABELS[s][lang]).join(', ') || t('filter_all')}
          selectedOptions={f.status}
          onOptionSelect={(_, d) => onChange({ status: d.selectedOptions as Status[] })}
        >
          {STATUSES.map((s) => (
            <Option key={s} value={s}>
              {STATUS_LABELS[s][lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('filter_account')}>
        <Dropdown
          lang={lang}
          aria-label={t('filter_account')}
          value={accounts.find((a) => a.id === f.mall_account_id)?.display_name ?? t('filter_all')}
          selectedOptions={[f.mall_account_id]}
          onOptionSelect={(_, d) => onChange({ mall_account_id: d.optionValue ?? '' })}
        >
          <Option value="">{t('filter_all')}</Option>
          {accounts.map((a) => (
            <Option key={a.id} value={a.id}>
              {a.display_name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={ui.row}>
        <Field label={t('filter_from')} className={ui.grow}>
          <Input type="date" value={f.from} onChange={(_, d) => onChange({ from: d.value })} />
        </Field>
        <Field label={t('filter_to')} className={ui.grow}>
          <Input type="date" value={f.to} onChange={(_, d) => onChange({ to: d.value })} />
        </Field>
      </div>
      <Field label={t('filter_marks')}>
        <Dropdown
          lang={lang}
          multiselect
          aria-label={t('filter_marks')}
          value={f.marks.map(markLabel).join(', ') || t('filter_all')}
          selectedOptions={f.marks}
          onOptionSelect={(_, d) => onChange({ marks: d.selectedOptions as LineMark[] })}
        >
          {LINE_MARKS.map((mark) => (
            <Option key={mark} value={mark}>
              {markLabel(mark)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('filter_search')}>
        <Input value={f.q} onChange={(_, d) => onChange({ q: d.value })} onKeyDown={onSubmit && onEnter(onSubmit)} />
      </Field>
    </>
  );
}
