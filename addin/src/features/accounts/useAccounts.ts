// The mall accounts, read once per sign-in: every pane offers them as choices and the accounts tab lists them.
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client.ts';

export type Account = {
  id: string;
  display_name: string;
  mall_type: string;
  status: string;
  last_error: string | null;
  last_collected_at: string | null;
  send_invoice_enabled?: boolean;
  active?: boolean;
  /** Mall changes syncs could not apply yet (retried by every sync; listed with the account's mismatches). */
  pending_changes?: number;
};

export type AccountsState = { accounts: Account[] | null; error: string | null };

export function useAccounts(api: Api): AccountsState {
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
