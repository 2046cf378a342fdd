// The mall accounts, read once per sign-in and again after a change: every pane offers them as choices and the
// accounts tab lists them.
import { useCallback, useEffect, useState } from 'react';
import type { MallAccountListItem } from '../../../../shared/api/mall-accounts.schema.ts';
import type { Api } from '../../api/client.ts';
import { listMallAccounts } from '../../api/mall-accounts.ts';

/** A mall account as GET /api/mall-accounts lists it. */
export type Account = MallAccountListItem;

export type AccountsState = { accounts: Account[] | null; error: string | null; reload: () => Promise<void> };

export function useAccounts(api: Api): AccountsState {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () =>
      listMallAccounts(api)
        .then((r) => {
          setAccounts(r.items);
          setError(null);
        })
        .catch((e: Error) => setError(e.message)),
    [api],
  );
  useEffect(() => void reload(), [reload]);
  return { accounts, error, reload };
}
