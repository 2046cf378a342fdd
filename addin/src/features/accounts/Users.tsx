// The shop's users (admins only): who may sign in and with what role. A new user, and a reset, get a temporary
// password made here from the browser's random source, shown once to the admin; the user must replace it at the
// first sign-in (the server enforces that), so the admin never knows the password in use.
import { Badge, Button, Card, CardHeader, Field, Input, Option, Text } from '@fluentui/react-components';
import { Dropdown } from '../dropdown.tsx';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { publicUserView } from '../../../../shared/api/auth.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { ROLES, type Role } from '../../../../shared/roles.ts';
import type { Api } from '../../api/client.ts';
import { createUser, listUsers, updateUser } from '../../api/users.ts';
import { useLayout } from '../../styles.ts';
import { useWork, WorkStatus } from '../work.tsx';
import { ROLE_LABELS, userMessages as um } from './user-messages.ts';

type User = z.output<typeof publicUserView>;

/** No 0/O, 1/l/I: read aloud or copied by hand without doubt. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 16 random characters in four groups (about 93 bits): far past the server's strength check. */
export function temporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export function Users({ api, lang }: { api: Api; lang: Lang }) {
  const t = (key: keyof typeof um, params = {}) => format(um[key], params, lang);
  const ui = useLayout();
  const work = useWork(lang);
  const [users, setUsers] = useState<User[]>([]);
  const [form, setForm] = useState<{ username: string; display_name: string; role: Role } | null>(null);
  const reload = useCallback(() => listUsers(api).then((r) => setUsers(r.items)), [api]);
  useEffect(() => void reload().catch(() => undefined), [reload]);

  const create = () =>
    work.run(async () => {
      if (!form?.username.trim()) return { intent: 'warning', text: t('need_username') };
      const password = temporaryPassword();
      const made = await createUser(api, {
        username: form.username.trim(),
        password,
        role: form.role,
        must_change_password: true,
        ...(form.display_name.trim() ? { display_name: form.display_name.trim() } : {}),
      });
      setForm(null);
      await reload();
      return { intent: 'info', text: t('created', { username: made.username, password }) };
    });
  const change = (u: User, patch: { role?: Role; active?: boolean }) =>
    work.run(async () => {
      await updateUser(api, u.id, patch);
      await reload();
      return t('changed', { username: u.username });
    });
  const reset = (u: User) =>
    work.run(async () => {
      const password = temporaryPassword();
      await updateUser(api, u.id, { password });
      await reload();
      return { intent: 'info', text: t('reset_done', { username: u.username, password }) };
    });

  return (
    <section aria-label={t('users')} className={ui.cards}>
      <div className={ui.spread}>
        <Text weight="semibold">{t('users')}</Text>
        {!form && (
          <Button size="small" onClick={() => setForm({ username: '', display_name: '', role: 'operator' })}>
            {t('add')}
          </Button>
        )}
      </div>
      {form && (
        <div className={ui.form} role="group" aria-label={t('add')}>
          <Field label={t('username')} required>
            <Input value={form.username} onChange={(_, d) => setForm({ ...form, username: d.value })} />
          </Field>
          <Field label={t('display_name')}>
            <Input value={form.display_name} onChange={(_, d) => setForm({ ...form, display_name: d.value })} />
          </Field>
          <RoleField value={form.role} onChange={(role) => setForm({ ...form, role })} lang={lang} />
          <div className={ui.row}>
            <Button appearance="primary" disabled={work.busy} onClick={create}>
              {t('create')}
            </Button>
            <Button onClick={() => setForm(null)}>{t('cancel')}</Button>
          </div>
        </div>
      )}
      {users.map((u) => (
        <Card key={u.id} size="small" data-user={u.username}>
          <CardHeader
            header={<Text weight="semibold">{u.display_name ? `${u.display_name} (${u.username})` : u.username}</Text>}
            action={
              <Badge shape="rounded" className={ui.noWrap} color={u.active ? 'informative' : 'subtle'}>
                {u.active ? ROLE_LABELS[u.role][lang] : t('inactive')}
              </Badge>
            }
          />
          <div className={ui.rowEnd}>
            <RoleField value={u.role} onChange={(role) => change(u, { role })} lang={lang} />
            <Button size="small" disabled={work.busy} onClick={() => change(u, { active: !u.active })}>
              {u.active ? t('deactivate') : t('activate')}
            </Button>
            <Button size="small" disabled={work.busy} onClick={() => reset(u)}>
              {t('reset')}
            </Button>
          </div>
        </Card>
      ))}
      <WorkStatus work={work} lang={lang} />
    </section>
  );
}

function RoleField({ value, onChange, lang }: { value: Role; onChange: (role: Role) => void; lang: Lang }) {
  const label = format(um.role, {}, lang);
  return (
    <Field label={label}>
      <Dropdown
        lang={lang}
        aria-label={label}
        value={ROLE_LABELS[value][lang]}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue as Role)}
      >
        {ROLES.map((r) => (
          <Option key={r} value={r}>
            {ROLE_LABELS[r][lang]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
