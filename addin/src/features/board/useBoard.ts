// The status board's data: the counts (GET /api/board) and, behind the mismatch count, each mall account's
// mismatches and the mall changes syncs could not apply (GET /api/mall-accounts/:id/mismatches). Read when the tab
// is shown — so the operator's own pushes and actions elsewhere in the pane are counted when they come back — when a
// job ends while it is shown (or the job stream reopens), and on the refresh button.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardResponse } from '../../../../shared/api/board.schema.ts';
import { FINISHED_JOB_STATES } from '../../../../shared/api/jobs.schema.ts';
import { getBoard, mallMismatches } from '../../api/board.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import type { Account } from '../accounts/useAccounts.ts';

export type AccountMismatch = { id: string; name: string; count: number; pending: number };
export type BoardState = { board: BoardResponse; mismatches: AccountMismatch[]; at: Date };

export function useBoard(api: Api, feed: JobFeed, accounts: readonly Account[], active: boolean) {
  const [state, setState] = useState<BoardState | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest read wins: an answer to an earlier read that arrives after it is dropped.
  const seq = useRef(0);
  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const [board, mismatches] = await Promise.all([
        getBoard(api),
        Promise.all(
          accounts.map(async (a) => {
            const m = await mallMismatches(api, a.id);
            return { id: a.id, name: a.display_name, count: m.items.length, pending: m.pending_changes.length };
          }),
        ),
      ]);
      if (mine === seq.current) {
        setState({ board, mismatches, at: new Date() });
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, accounts]);

  useEffect(() => {
    if (active) void load();
  }, [active, load]);

  useEffect(() => {
    if (!active) return;
    const unsubscribe = feed.subscribe((job) => {
      if (FINISHED_JOB_STATES.has(job.state)) void load();
    });
    // A job that ended while the stream was not connected sends nothing: the counts are read again when it opens.
    const offConnect = feed.onConnect(() => void load());
    return () => {
      unsubscribe();
      offConnect();
    };
  }, [active, feed, load]);

  return { state, error, load };
}
