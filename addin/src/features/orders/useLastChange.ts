// The last bulk change made from a pane that can be undone as a unit (되돌리기, PRODUCT §6.9): offered until it is
// undone, tried once, or the sheet's rows are read or pushed again (the rows are then no longer the change's).
// One for the whole pane, as there is one order sheet: the 주문 and 송장 tabs offer the same change, and a pull,
// push or send on either tab takes it away on both (each tab kept its own, so a send on one left the other's).
import { useSyncExternalStore } from 'react';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { said, type useWork } from '../work.tsx';
import { actionWords, type SelectionAction } from './action-menu.ts';
import { undoChange } from './sheet-actions.ts';

export type LastChange = { batchId: string; action: SelectionAction; applied: number };

// Kept with the session it was made in: after a sign-out (another user, an expired session) nothing is offered.
let current: { token: string | null; change: LastChange } | null = null;
const listeners = new Set<() => void>();
function setLastChange(token: string | null, change: LastChange | null): void {
  current = change ? { token, change } : null;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLastChange(api: Api, lang: Lang, work: ReturnType<typeof useWork>) {
  const token = api.token;
  const lastChange = useSyncExternalStore(subscribe, () => (current && current.token === token ? current.change : null));
  /** What a bulk call answered: offered when the server kept it whole for undo and it changed anything. */
  const offer = (out: { batchId: string; undoable: boolean; applied: number }, action: SelectionAction) =>
    setLastChange(token, out.undoable && out.applied ? { batchId: out.batchId, action, applied: out.applied } : null);
  const forget = () => setLastChange(token, null);
  // One try: done or refused (the refusal says why, naming the orders), the offer goes.
  const undoLast = () => {
    const change = lastChange;
    if (!change) return;
    setLastChange(token, null);
    void work.run(async () => {
      const lines = await undoChange(api, change.batchId, lang);
      return said(m.change_undone, { action: actionWords(change.action), lines });
    });
  };
  return { lastChange, offer, forget, undoLast };
}
