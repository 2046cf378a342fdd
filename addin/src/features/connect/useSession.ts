// The signed-in session, kept with the workbook (each workbook remembers its server and token): sign in, replace a
// one-time password, sign out. The API client follows the session and the pane's language.
import { useMemo, useRef, useState } from 'react';
import type { Lang } from '../../../../shared/i18n.ts';
import { changePassword as sendNewPassword, signIn as login, signOut as logout } from '../../api/auth.ts';
import { createApi } from '../../api/client.ts';
import { workbookSettings } from '../../excel/office.ts';

export type Session = { token: string; username: string; role: string; mustChangePassword: boolean };

function savedSession(): Session | null {
  const raw = workbookSettings.get('session');
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function useSession(lang: Lang) {
  const [session, setSession] = useState<Session | null>(savedSession);
  // Whose session the server ended (expired, signed out elsewhere, deactivated): the sign-in form says so and offers
  // the name again, rather than appearing out of nowhere.
  const [endedFor, setEndedFor] = useState<string | null>(null);
  // Signing out: the requests and the job stream still open hear 401 as the token ends; that is not "the session
  // ended elsewhere" (the pane said so after every 로그아웃).
  const leaving = useRef(false);
  const keep = async (next: Session | null) => {
    setSession(next);
    if (next) {
      setEndedFor(null);
      leaving.current = false;
    }
    await workbookSettings.set('session', next ? JSON.stringify(next) : null);
  };
  // A token the server no longer takes (expired, ended elsewhere) ends the session here too: back to signing in.
  const api = useMemo(
    () =>
      createApi(session?.token ?? null, lang, {
        onUnauthorized: () => {
          if (leaving.current) return;
          setEndedFor(session?.username ?? null);
          void keep(null);
        },
      }),
    [session, lang],
  );

  /** Throws the server's refusal (an ApiError in the pane's language) for the form to show. */
  const signIn = async (username: string, password: string) => {
    const res = await login(createApi(null, lang), { username, password });
    await keep({ token: res.token, username: res.user.username, role: res.user.role, mustChangePassword: res.password_change_required });
  };
  const changePassword = async (current: string, next: string) => {
    if (!session) return;
    await sendNewPassword(api, { current_password: current, new_password: next });
    await keep({ ...session, mustChangePassword: false });
  };
  const signOut = async () => {
    leaving.current = true;
    await logout(api).catch(() => undefined);
    setEndedFor(null);
    await keep(null);
  };
  return { session, api, signIn, changePassword, signOut, endedFor };
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
