// Which of the mall's calls ShipSheet makes for one account — collect, 발주확인, send numbers, sync (cancels,
// returns, exchanges) — and whether the account is used at all. An account switched off keeps its orders, keys and
// history, but nothing runs for it, on the schedule or by hand; a service switched off is skipped alike.
import { Caption1, Switch } from '@fluentui/react-components';
import type { UpdateMallAccountBody } from '../../../../shared/api/mall-accounts.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { useLayout } from '../../styles.ts';
import { automationMessages as m } from './automation-messages.ts';
import type { Account } from './useAccounts.ts';

export const SERVICE_SWITCHES = ['collect_enabled', 'confirm_enabled', 'send_invoice_enabled', 'sync_enabled'] as const;

export function ServiceSettings(props: { account: Account; lang: Lang; disabled: boolean; onChange: (patch: UpdateMallAccountBody) => void }) {
  const { account, lang, disabled, onChange } = props;
  const ui = useLayout();
  const t = (key: keyof typeof m) => format(m[key], {}, lang);
  return (
    <div className={ui.stack} role="group" aria-label={`${account.display_name} ${t('services_title')}`}>
      <Caption1>{t('services_title')}</Caption1>
      <Switch label={t('active')} checked={account.active} disabled={disabled} onChange={(_, d) => onChange({ active: d.checked })} />
      {!account.active && <Caption1>{t('inactive_note')}</Caption1>}
      {SERVICE_SWITCHES.map((key) => (
        <Switch
          key={key}
          label={t(key)}
          checked={account[key]}
          disabled={disabled || !account.active}
          onChange={(_, d) => onChange({ [key]: d.checked })}
        />
      ))}
    </div>
  );
}
