// The mall accounts this ShipSheet is connected to, with their status: what an operator checks first; and each
// account's automatic steps, which admins switch on here (issue 13 §6).
import { Badge, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { automationMessages as am } from './automation-messages.ts';
import { AutomationSettings } from './AutomationSettings.tsx';
import type { AccountsState } from './useAccounts.ts';

export function Accounts({ accounts: { accounts, error, update }, lang, role }: { accounts: AccountsState; lang: Lang; role: string }) {
  const ui = useLayout();
  const [saving, setSaving] = useState<string | null>(null);
  const [said, setSaid] = useState<{ id: string; text: string; alert: boolean } | null>(null);
  const change = (id: string, name: string) => (patch: Parameters<typeof update>[1]) => {
    setSaving(id);
    update(id, patch)
      .then(() => setSaid({ id, text: format(am.saved, { name }, lang), alert: false }))
      .catch((e: Error) => setSaid({ id, text: e.message, alert: true }))
      .finally(() => setSaving(null));
  };
  if (error) return <Text role="alert">{error}</Text>;
  if (!accounts) return null;
  return (
    <section aria-label={format(m.accounts, {}, lang)} className={ui.cards}>
      <Text weight="semibold">{format(m.accounts, {}, lang)}</Text>
      {accounts.length === 0 && <Caption1>{format(m.no_accounts, {}, lang)}</Caption1>}
      {accounts.map((a) => (
        <Card key={a.id} size="small" data-account={a.id}>
          <CardHeader
            header={<Text weight="semibold">{a.display_name}</Text>}
            description={
              <Caption1>
                {a.last_collected_at
                  ? format(m.last_collected, { at: new Date(a.last_collected_at).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US') }, lang)
                  : format(m.never_collected, {}, lang)}
                {a.pending_changes ? <> · {format(m.pending_changes, { count: a.pending_changes }, lang)}</> : null}
              </Caption1>
            }
            action={
              <Badge shape="rounded" className={ui.noWrap} color={a.status === 'normal' ? 'success' : 'danger'} title={a.last_error ?? undefined}>
                {format(a.status === 'normal' ? m.status_normal : m.status_error, {}, lang)}
              </Badge>
            }
          />
          <AutomationSettings account={a} lang={lang} disabled={role !== 'admin' || saving === a.id} onChange={change(a.id, a.display_name)} />
          {role !== 'admin' && <Caption1>{format(am.admin_only, {}, lang)}</Caption1>}
          {said?.id === a.id && <Caption1 role={said.alert ? 'alert' : 'status'}>{said.text}</Caption1>}
        </Card>
      ))}
    </section>
  );
}
