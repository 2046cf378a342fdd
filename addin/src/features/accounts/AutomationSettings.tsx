// One account's automatic steps (issue 13 §6), each off until the seller switches it on: confirm on collect,
// release on confirm, a default courier, ship once numbered, send once shipped.
import { Caption1, Field, Option, Switch } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import type { UpdateMallAccountBody } from '../../../../shared/api/mall-accounts.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { courierLabel } from '../../sheet/cells.ts';
import { courierOptions } from '../courier-options.tsx';
import { useLayout } from '../../styles.ts';
import { automationMessages as m } from './automation-messages.ts';
import type { Account } from './useAccounts.ts';

export const AUTO_SWITCHES = ['auto_confirm', 'auto_release', 'auto_ship', 'auto_send'] as const;

export function AutomationSettings(props: { account: Account; lang: Lang; disabled: boolean; onChange: (patch: UpdateMallAccountBody) => void }) {
  const { account, lang, disabled, onChange } = props;
  const ui = useLayout();
  const t = (key: keyof typeof m) => format(m[key], {}, lang);
  const none = '';
  const courier = account.default_courier ?? none;
  return (
    <div className={ui.stack} role="group" aria-label={`${account.display_name} ${t('auto_title')}`}>
      <Caption1>{t('auto_title')}</Caption1>
      {AUTO_SWITCHES.map((key) => (
        <Switch key={key} label={t(key)} checked={account[key]} disabled={disabled} onChange={(_, d) => onChange({ [key]: d.checked })} />
      ))}
      <Field label={t('default_courier')}>
        <Dropdown
          lang={lang}
          aria-label={`${account.display_name} ${t('default_courier')}`}
          disabled={disabled}
          value={courier ? courierLabel(courier, lang) : t('no_courier')}
          selectedOptions={[courier]}
          onOptionSelect={(_, d) => onChange({ default_courier: d.optionValue ? d.optionValue : null })}
        >
          <Option value={none}>{t('no_courier')}</Option>
          {courierOptions(lang)}
        </Dropdown>
      </Field>
    </div>
  );
}

/** The automatic steps that are on, per account, in one short line for the orders and invoices tabs. */
export function AutomationLine({ accounts, lang }: { accounts: readonly Account[]; lang: Lang }) {
  const parts = accounts.flatMap((a) => {
    const on = AUTO_SWITCHES.filter((k) => a[k]).map((k) => format(m[k], {}, lang));
    if (a.default_courier) on.push(`${format(m.default_courier, {}, lang)} ${courierLabel(a.default_courier, lang)}`);
    return on.length ? [`${a.display_name}: ${on.join(', ')}`] : [];
  });
  return (
    <Caption1 data-automation-line>{parts.length ? format(m.line_some, { list: parts.join(' · ') }, lang) : format(m.line_none, {}, lang)}</Caption1>
  );
}
