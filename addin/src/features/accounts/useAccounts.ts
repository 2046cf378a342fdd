// The mall accounts, read once per sign-in: every pane offers them as choices and the accounts tab lists them.
import { useEffect, useState } from 'react';
import type { MallAccountListItem } from '../../../../shared/api/mall-accounts.schema.ts';
import type { Api } from '../../api/client.ts';
import { listMallAccounts } from '../../api/mall-accounts.ts';

/** A mall account as GET /api/mall-accounts lists it. */
export type Account = MallAccountListItem;

export type AccountsState = { accounts: Account[] | null; error: string | null };

export function useAccounts(api: Api): AccountsState {
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listMallAccounts(api)
      .then((r) => setAccounts(r.items))
      .catch((e: Error) => setError(e.message));
  }, [api]);
  return { accounts, error };
}
