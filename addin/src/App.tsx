// The pane's shell: sign in (the token is kept with the workbook), a one-time password replaced first, then work.
import { Button, Tab, TabList, Text, Title3 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { format, type Lang } from '../../shared/i18n.ts';
import { createApi } from './api/client.ts';
import { workbookSettings } from './excel/office.ts';
import { Accounts, useAccounts } from './features/accounts/Accounts.tsx';
import { ChangePassword, SignIn, type Session } from './features/connect/SignIn.tsx';
import { DirectPane } from './features/direct/DirectPane.tsx';
import { InvoicesPane } from './features/invoices/InvoicesPane.tsx';
import { JobsPane } from './features/jobs/JobsPane.tsx';
import { OrdersPane } from './features/orders/OrdersPane.tsx';
import type { Api } from './api/client.ts';
import { paneMessages as m } from './messages.ts';
import './pane.css';

function savedSession(): Session | null {
  const raw = workbookSettings.get('session');
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function App() {
  const [lang, setLang] = useState<Lang>((workbookSettings.get('lang') as Lang | null) ?? 'ko');
  const [session, setSession] = useState<Session | null>(savedSession);
  const api = useMemo(() => createApi(session?.token ?? null, lang), [session, lang]);

  const keep = async (next: Session | null) => {
    setSession(next);
    await workbookSettings.set('session', next ? JSON.stringify(next) : null);
  };
  const switchLang = async () => {
    const next: Lang = lang === 'ko' ? 'en' : 'ko';
    setLang(next);
    await workbookSettings.set('lang', next);
  };

  return (
    <main lang={lang} className="ss-pane" style={{ padding: 16, display: 'grid', gap: 16 }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Title3>{format(m.title, {}, lang)}</Title3>
        <Button size="small" appearance="subtle" onClick={switchLang}>
          {format(m.language, {}, lang)}
        </Button>
      </header>
      {!session && <SignIn lang={lang} onSignedIn={(s) => void keep(s)} />}
      {session?.mustChangePassword && <ChangePassword lang={lang} session={session} onChanged={() => void keep({ ...session, mustChangePassword: false })} />}
      {session && !session.mustChangePassword && (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Text>{format(m.signed_in_as, { name: session.username, role: session.role }, lang)}</Text>
            <Button
              size="small"
              onClick={async () => {
                await api.call('POST', '/api/auth/logout').catch(() => undefined);
                await keep(null);
              }}
            >
              {format(m.sign_out, {}, lang)}
            </Button>
          </div>
          <Work api={api} lang={lang} />
        </>
      )}
    </main>
  );
}

const TABS = ['orders', 'invoices', 'jobs', 'direct', 'accounts'] as const;
type TabId = (typeof TABS)[number];

/** The work panes, one tab each; every pane keeps its state while another is shown. */
function Work({ api, lang }: { api: Api; lang: Lang }) {
  const [tab, setTab] = useState<TabId>('orders');
  const { accounts } = useAccounts(api);
  const list = accounts ?? [];
  return (
    <>
      <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        {TABS.map((id) => (
          <Tab key={id} value={id}>
            {format(m[`tab_${id}`], {}, lang)}
          </Tab>
        ))}
      </TabList>
      <div hidden={tab !== 'orders'}>
        <OrdersPane api={api} lang={lang} accounts={list} />
      </div>
      <div hidden={tab !== 'invoices'}>
        <InvoicesPane api={api} lang={lang} accounts={list} />
      </div>
      <div hidden={tab !== 'jobs'}>{accounts && <JobsPane api={api} lang={lang} accounts={list} />}</div>
      <div hidden={tab !== 'direct'}>
        <DirectPane api={api} lang={lang} />
      </div>
      <div hidden={tab !== 'accounts'}>
        <Accounts api={api} lang={lang} />
      </div>
    </>
  );
}
