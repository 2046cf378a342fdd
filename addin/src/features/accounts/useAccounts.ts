// The mall accounts, read once per sign-in and again after a change, after any job ends (a collect that failed
// turns an account's status to 오류) and whenever the accounts tab is shown: every pane offers them as choices and
// the accounts tab lists them (and changes their automatic steps, which the orders and invoices tabs then show).
import { useCallback, useEffect, useState } from 'react';
import type { MallAccountListItem, UpdateMallAccountBody } from '../../../../shared/api/mall-accounts.schema.ts';
import { FINISHED_JOB_STATES } from '../../../../shared/api/jobs.schema.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { listMallAccounts, updateMallAccount } from '../../api/mall-accounts.ts';

/** A mall account as GET /api/mall-accounts lists it. */
export type Account = MallAccountListItem;

export type AccountsState = {
  accounts: Account[] | null;
  error: string | null;
  /** Reads the list again (after an account is connected or its keys change). */
  reload: () => Promise<void>;
  /** Changes one account; the list shows the answer. Throws what the server said. */
  update: (id: string, patch: UpdateMallAccountBody) => Promise<void>;
};

/** `shown`: the accounts tab is in view (its status and last times are read fresh). */
export function useAccounts(api: Api, feed: JobFeed, shown: boolean): AccountsState {
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
  useEffect(() => {
    if (shown) void reload();
  }, [shown, reload]);
  useEffect(
    () =>
      feed.subscribe((job) => {
        if (FINISHED_JOB_STATES.has(job.state)) void reload();
      }),
    [feed, reload],
  );
  const update = useCallback(
    async (id: string, patch: UpdateMallAccountBody) => {
      const changed = await updateMallAccount(api, id, patch);
      setAccounts((list) => list?.map((a) => (a.id === id ? { ...a, ...changed } : a)) ?? list);
    },
    [api],
  );
  return { accounts, error, reload, update };
}
