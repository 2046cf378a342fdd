// The mall accounts this ShipSheet is connected to, with their status: what an operator checks first. Admins
// connect accounts and replace their keys here, switch an account and its mall services on or off, and switch on
// each account's automatic steps (issue 13 §6); anyone
// who works orders can test a connection.
import { Badge, Button, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { hasRole, type Role } from '../../../../shared/roles.ts';
import type { Api } from '../../api/client.ts';
import { testMallAccount, updateMallAccount } from '../../api/mall-accounts.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';
import { useWork, WorkStatus } from '../work.tsx';
import { accountMessages as am } from './account-messages.ts';
import { automationMessages as aum } from './automation-messages.ts';
import { AutomationSettings } from './AutomationSettings.tsx';
import { ServiceSettings } from './ServiceSettings.tsx';
import { ConnectAccount, testResult } from './ConnectAccount.tsx';
import { CredentialFields, credentialsOf, missingCredential, type Credentials } from './CredentialFields.tsx';
import type { Account, AccountsState } from './useAccounts.ts';
import { Users } from './Users.tsx';
import { kstDateTime } from '../../../../shared/time.ts';

export function Accounts({ api, accounts: state, lang, role }: { api: Api; accounts: AccountsState; lang: Lang; role: string }) {
  const t = (key: keyof typeof am, params = {}) => format(am[key], params, lang);
  const ui = useLayout();
  const work = useWork(lang);
  const admin = role === 'admin';
  const operator = hasRole(role as Role, 'operator');
  /** The account whose keys are being replaced, with what is typed so far. */
  const [editing, setEditing] = useState<{ id: string; keys: Credentials } | null>(null);
  const { accounts, error, update } = state;
  const [saving, setSaving] = useState<string | null>(null);
  const [said, setSaid] = useState<{ id: string; text: string; alert: boolean } | null>(null);
  const change = (id: string, name: string) => (patch: Parameters<typeof update>[1]) => {
    setSaving(id);
    update(id, patch)
      .then(() => setSaid({ id, text: format(aum.saved, { name }, lang), alert: false }))
      .catch((e: Error) => setSaid({ id, text: e.message, alert: true }))
      .finally(() => setSaving(null));
  };
  if (error) return <Text role="alert">{error}</Text>;
  if (!accounts) return null;

  const test = (a: Account) =>
    work.run(async (step) => {
      step(t('testing'));
      const answer = await testMallAccount(api, a.id);
      await state.reload();
      return answer.ok
        ? t('test_ok', { name: a.display_name, message: answer.message })
        : { intent: 'error', text: t('test_failed', { name: a.display_name, message: answer.message }) };
    });
  const saveKeys = (a: Account, keys: Credentials) =>
    work.run(async (step) => {
      const missing = missingCredential(a.mall_type, keys, lang);
      if (missing) return { intent: 'warning', text: missing };
      step(t('testing'));
      await updateMallAccount(api, a.id, { credentials: credentialsOf(a.mall_type, keys) });
      const answer = await testMallAccount(api, a.id);
      setEditing(null);
      await state.reload();
      return { intent: answer.ok ? 'success' : 'warning', text: t('keys_saved', { name: a.display_name, result: testResult(answer, lang) }) };
    });

  return (
    <section aria-label={format(m.accounts, {}, lang)} className={ui.cards}>
      <div className={ui.spread}>
        <Text weight="semibold">{format(m.accounts, {}, lang)}</Text>
        {admin && <ConnectAccount api={api} lang={lang} work={work} onDone={state.reload} />}
      </div>
      {!admin && <Caption1>{t('admin_only')}</Caption1>}
      {accounts.length === 0 && <Caption1>{format(m.no_accounts, {}, lang)}</Caption1>}
      {accounts.map((a) => (
        <Card key={a.id} size="small" data-account={a.id}>
          <CardHeader
            header={<Text weight="semibold">{a.display_name}</Text>}
            description={
              <Caption1>
                {a.last_collected_at
                  ? format(m.last_collected, { at: kstDateTime(a.last_collected_at, lang) }, lang)
                  : format(m.never_collected, {}, lang)}
                {a.pending_changes ? <> · {format(m.pending_changes, { count: a.pending_changes }, lang)}</> : null}
              </Caption1>
            }
            action={
              <Badge
                shape="rounded"
                className={ui.noWrap}
                color={!a.active ? 'subtle' : a.status === 'normal' ? 'success' : 'danger'}
                title={a.last_error ?? undefined}
              >
                {format(!a.active ? aum.badge_inactive : a.status === 'normal' ? m.status_normal : m.status_error, {}, lang)}
              </Badge>
            }
          />
          {a.status === 'error' && a.last_error && <Caption1>{a.last_error}</Caption1>}
          {a.credentials_hint && <Caption1>{t('hint', { hint: a.credentials_hint })}</Caption1>}
          {editing?.id === a.id ? (
            <div className={ui.form} role="group" aria-label={t('keys_of', { name: a.display_name })}>
              <CredentialFields mall={a.mall_type} values={editing.keys} onChange={(keys) => setEditing({ id: a.id, keys })} lang={lang} />
              <div className={ui.row}>
                <Button appearance="primary" size="small" disabled={work.busy} onClick={() => saveKeys(a, editing.keys)}>
                  {t('save_keys')}
                </Button>
                <Button size="small" onClick={() => setEditing(null)}>
                  {t('cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className={ui.row}>
              {operator && (
                <Button size="small" disabled={work.busy} onClick={() => test(a)}>
                  {t('test')}
                </Button>
              )}
              {admin && (
                <Button size="small" onClick={() => setEditing({ id: a.id, keys: {} })}>
                  {t('change_keys')}
                </Button>
              )}
            </div>
          )}
          <ServiceSettings account={a} lang={lang} disabled={!admin || saving === a.id} onChange={change(a.id, a.display_name)} />
          <AutomationSettings account={a} lang={lang} disabled={!admin || saving === a.id} onChange={change(a.id, a.display_name)} />
          {!admin && <Caption1>{format(aum.admin_only, {}, lang)}</Caption1>}
          {said?.id === a.id && <Caption1 role={said.alert ? 'alert' : 'status'}>{said.text}</Caption1>}
        </Card>
      ))}
      <WorkStatus work={work} lang={lang} />
      {admin && <Users api={api} lang={lang} />}
    </section>
  );
}
