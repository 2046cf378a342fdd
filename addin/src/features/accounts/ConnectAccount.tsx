// Connecting a mall account from the pane (admins): the mall, a name, the mall's own credential fields and, for a
// sandbox or a proxy, another API address. The server checks the fields and stores the keys sealed; right after,
// one test call says whether the mall accepts them.
import { Button, Field, Input, Option, Text, mergeClasses } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { MALL_NAMES, MALL_TYPES, type MallType } from '../../../../shared/malls.ts';
import type { Api } from '../../api/client.ts';
import { createMallAccount, testMallAccount } from '../../api/mall-accounts.ts';
import { useLayout } from '../../styles.ts';
import type { useWork } from '../work.tsx';
import { accountMessages as am } from './account-messages.ts';
import { CredentialFields, credentialsOf, missingCredential, type Credentials } from './CredentialFields.tsx';

export function testResult(answer: { ok: boolean; message: string }, lang: Lang): string {
  return answer.ok ? format(am.result_ok, {}, lang) : format(am.result_failed, { message: answer.message }, lang);
}

export function ConnectAccount({ api, lang, work, onDone }: { api: Api; lang: Lang; work: ReturnType<typeof useWork>; onDone: () => Promise<void> }) {
  const t = (key: keyof typeof am, params = {}) => format(am[key], params, lang);
  const ui = useLayout();
  const [open, setOpen] = useState(false);
  const [mall, setMall] = useState<MallType>('coupang');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [keys, setKeys] = useState<Credentials>({});

  const connect = () =>
    work.run(async (step) => {
      const missing = !name.trim() ? t('required', { field: t('display_name') }) : missingCredential(mall, keys, lang);
      if (missing) return { intent: 'warning', text: missing };
      step(t('testing'));
      const account = await createMallAccount(api, {
        mall_type: mall,
        display_name: name.trim(),
        credentials: credentialsOf(mall, keys),
        ...(baseUrl.trim() ? { base_url: baseUrl.trim() } : {}),
      });
      // Connected: the form closes and the list shows it before the mall is asked, so a test that cannot reach the
      // mall never leaves the form open to connect the same account twice.
      setOpen(false);
      setKeys({});
      setName('');
      setBaseUrl('');
      await onDone();
      const answer = await testMallAccount(api, account.id);
      await onDone();
      return { intent: answer.ok ? 'success' : 'warning', text: t('connected', { name: account.display_name, result: testResult(answer, lang) }) };
    });

  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {t('connect_open')}
      </Button>
    );
  return (
    // Opened in the title's row (쇼핑몰 계정 · + 계정 연결): the form takes the row's whole width under the title.
    <div className={mergeClasses(ui.form, ui.ownLine)} role="group" aria-label={t('connect')}>
      <Text weight="semibold">{t('connect')}</Text>
      <Field label={t('mall')}>
        <Dropdown
          lang={lang}
          aria-label={t('mall')}
          value={MALL_NAMES[mall][lang]}
          selectedOptions={[mall]}
          onOptionSelect={(_, d) => {
            setMall((d.optionValue as MallType) ?? mall);
            setKeys({});
          }}
        >
          {MALL_TYPES.map((m) => (
            <Option key={m} value={m}>
              {MALL_NAMES[m][lang]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('display_name')} required>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <CredentialFields mall={mall} values={keys} onChange={setKeys} lang={lang} />
      <Field label={t('base_url')}>
        <Input value={baseUrl} onChange={(_, d) => setBaseUrl(d.value)} placeholder="https://" />
      </Field>
      <div className={ui.row}>
        <Button appearance="primary" disabled={work.busy} onClick={connect}>
          {t('save')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('cancel')}</Button>
      </div>
    </div>
  );
}
