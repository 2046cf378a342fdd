// The mall accounts this ShipSheet is connected to, with their status: what an operator checks first.
import { Badge, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MallAccountListItem } from '../../../../shared/api/mall-accounts.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { type Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';

/** A mall account as GET /api/mall-accounts lists it. */
export type Account = MallAccountListItem;

/** The mall accounts, read once per sign-in (every pane offers them as choices). */
export function useAccounts(api: Api): { accounts: Account[] | null; error: string | null } {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .call<{ items: Account[] }>('GET', '/api/mall-accounts')
      .then((r) => setAccounts(r.items))
      .catch((e: Error) => setError(e.message));
  }, [api]);
  return { accounts, error };
}

export function Accounts({ api, lang }: { api: Api; lang: Lang }) {
  const { accounts, error } = useAccounts(api);

  if (error) return <Text role="alert">{error}</Text>;
  if (!accounts) return null;
  return (
    <section aria-label={format(m.accounts, {}, lang)} style={{ display: 'grid', gap: 8 }}>
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
              <Badge shape="rounded" style={{ whiteSpace: 'nowrap' }} color={a.status === 'normal' ? 'success' : 'danger'} title={a.last_error ?? undefined}>
                {format(a.status === 'normal' ? m.status_normal : m.status_error, {}, lang)}
              </Badge>
            }
          />
        </Card>
      ))}
    </section>
  );
}
