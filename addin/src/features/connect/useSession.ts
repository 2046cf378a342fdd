// The signed-in session, kept with the workbook (each workbook remembers its server and token): sign in, replace a
// one-time password, sign out. The API client follows the session and the pane's language.
import { useMemo, useState } from 'react';
import type { Lang } from '../../../../shared/i18n.ts';
import { createApi } from '../../api/client.ts';
import { workbookSettings } from '../../excel/office.ts';

export type Session = { token: string; username: string; role: string; mustChangePassword: boolean };

function savedSession(): Session | null {
  const raw = workbookSettings.get('session');
  return raw ? (JSON.parse(raw) as Session) : null;
}

type LoginAnswer = { token: string; user: { username: string; role: string }; password_change_required: boolean };

export function useSession(lang: Lang) {
  const [session, setSession] = useState<Session | null>(savedSession);
  const api = useMemo(() => createApi(session?.token ?? null, lang), [session, lang]);

  const keep = async (next: Session | null) => {
    setSession(next);
    await workbookSettings.set('session', next ? JSON.stringify(next) : null);
  };
  /** Throws the server's refusal (an ApiError in the pane's language) for the form to show. */
  const signIn = async (username: string, password: string) => {
    const res = await createApi(null, lang).call<LoginAnswer>('POST', '/api/auth/login', { username, password });
    await keep({ token: res.token, username: res.user.username, role: res.user.role, mustChangePassword: res.password_change_required });
  };
  const changePassword = async (current: string, next: string) => {
    if (!session) return;
    await api.call('POST', '/api/auth/password', { current_password: current, new_password: next });
    await keep({ ...session, mustChangePassword: false });
  };
  const signOut = async () => {
    await api.call('POST', '/api/auth/logout').catch(() => undefined);
    await keep(null);
  };
  return { session, api, signIn, changePassword, signOut };
}

/** The pane's language, kept with the workbook; Korean first. */
export function usePaneLang(): [Lang, () => Promise<void>] {
  const [lang, setLang] = useState<Lang>((workbookSettings.get('lang') as Lang | null) ?? 'ko');
  const switchLang = async () => {
    const next: Lang = lang === 'ko' ? 'en' : 'ko';
    setLang(next);
    await workbookSettings.set('lang', next);
  };
  return [lang, switchLang];
}
