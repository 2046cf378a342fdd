// The pane's shell: sign in (the token is kept with the workbook), a one-time password replaced first, then work.
import { Button, Text, Title3 } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { format, type Lang } from '../../shared/i18n.ts';
import { createApi } from './api/client.ts';
import { workbookSettings } from './excel/office.ts';
import { Accounts } from './features/accounts/Accounts.tsx';
import { ChangePassword, SignIn, type Session } from './features/connect/SignIn.tsx';
import { paneMessages as m } from './messages.ts';

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
    <main lang={lang} style={{ padding: 16, display: 'grid', gap: 16 }}>
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
          <Accounts api={api} lang={lang} />
        </>
      )}
    </main>
  );
}
