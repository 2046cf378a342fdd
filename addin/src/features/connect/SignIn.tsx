// Sign-in with the ShipSheet account; after a one-time password the user chooses their own before anything else.
import { Button, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { ApiError } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { useLayout } from '../../styles.ts';

export function SignIn({
  lang,
  signIn,
  endedFor = null,
}: {
  lang: Lang;
  signIn: (username: string, password: string) => Promise<void>;
  /** The user whose session the server ended: said above the form, their name filled in. */
  endedFor?: string | null;
}) {
  const ui = useLayout();
  const [username, setUsername] = useState(endedFor ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={format(m.sign_in, {}, lang)} className={ui.form}>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!error && endedFor && (
        <MessageBar intent="warning" data-testid="session-ended">
          <MessageBarBody>{format(m.session_ended, {}, lang)}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={format(m.username, {}, lang)}>
        <Input name="username" value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
      </Field>
      <Field label={format(m.password, {}, lang)}>
        <Input name="password" type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy || !username || !password}>
        {format(busy ? m.signing_in : m.sign_in, {}, lang)}
      </Button>
    </form>
  );
}

type ChangeProps = { lang: Lang; changePassword: (current: string, next: string) => Promise<void>; signOut: () => void };

/** The password to replace first (a one-time one): or sign out, for someone who signed in at the wrong desk. */
export function ChangePassword({ lang, changePassword, signOut }: ChangeProps) {
  const ui = useLayout();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await changePassword(current, next);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <form onSubmit={submit} aria-label={format(m.change_password, {}, lang)} className={ui.form}>
      <MessageBar intent="warning">
        <MessageBarBody>{format(m.change_password_first, {}, lang)}</MessageBarBody>
      </MessageBar>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={format(m.current_password, {}, lang)}>
        <Input name="current_password" type="password" value={current} onChange={(_, d) => setCurrent(d.value)} />
      </Field>
      <Field label={format(m.new_password, {}, lang)}>
        <Input name="new_password" type="password" value={next} onChange={(_, d) => setNext(d.value)} />
      </Field>
      <div className={ui.row}>
        <Button type="submit" appearance="primary" disabled={!current || next.length < 10}>
          {format(m.change_password, {}, lang)}
        </Button>
        <Button onClick={signOut}>{format(m.sign_out, {}, lang)}</Button>
      </div>
    </form>
  );
}
