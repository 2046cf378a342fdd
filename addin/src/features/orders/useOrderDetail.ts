// The order beside the sheet: follows the operator's selection on the 주문 sheet (debounced: Excel raises the event
// for every step of a drag) and shows that order's detail; memos and messages are added here. A later selection wins
// over an answer still on its way. Whatever the pane writes to the sheet's rows (an action, a push, an undo, a send
// job's end, from any tab) reads the order shown again: the row and the detail beside it never disagree.
import { useEffect, useRef, useState } from 'react';
import type { OrderDetail } from '../../../../shared/api/order-views.schema.ts';
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { addOrderNote, getOrderDetail } from '../../api/orders.ts';
import { watchSelection } from '../../excel/selection-events.ts';
import { errorText } from '../work.tsx';
import { selectedOrderIds } from './order-detail.ts';
import { onOrderSheetChange } from './sheet-changes.ts';

/** Wait this long after the last selection change before reading it. */
export const SELECTION_DEBOUNCE_MS = 250;

export type DetailState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'several'; count: number; atLeast: boolean }
  | { kind: 'order'; order: OrderDetail }
  | { kind: 'error'; text: string };

export function useOrderDetail(api: Api, lang: Lang) {
  const [state, setState] = useState<DetailState>({ kind: 'none' });
  const seq = useRef(0);
  const shown = useRef<string | null>(null);

  const show = async (orderId: string, ticket: number) => {
    const order = await getOrderDetail(api, orderId);
    if (ticket === seq.current) setState({ kind: 'order', order });
  };

  const load = async () => {
    const ticket = ++seq.current;
    try {
      const ids = await selectedOrderIds();
      if (ticket !== seq.current) return;
      if (ids.length > 1) return setState({ kind: 'several', count: ids.length, atLeast: !!ids.partial });
      // A selection outside the order rows leaves the order shown.
      if (!ids.length) return;
      if (shown.current !== ids[0]) setState({ kind: 'loading' });
      shown.current = ids[0]!;
      await show(ids[0]!, ticket);
    } catch (error) {
      if (ticket === seq.current) setState({ kind: 'error', text: errorText(error, lang) });
    }
  };
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    let gone = false;
    // One read for a burst: a drag's steps, or the several writes of one action (rows added, rows refreshed).
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void latest.current(), SELECTION_DEBOUNCE_MS);
    };
    void watchSelection(later)
      .then((s) => (gone ? void s() : (stop = s)))
      .catch(() => undefined); // an Excel without selection events: the detail stays empty
    // Only once an order is shown: the operator has not picked one before.
    const unlisten = onOrderSheetChange(() => {
      if (shown.current !== null) later();
    });
    return () => {
      gone = true;
      clearTimeout(timer);
      unlisten();
      void stop?.();
    };
  }, []);

  /** Adds a memo or message to the order shown, then shows it again with the note. */
  const addNote = async (kind: 'memo' | 'message', body: string) => {
    if (state.kind !== 'order') return;
    const id = state.order.id;
    await addOrderNote(api, id, { kind, body });
    await show(id, seq.current);
  };
  return { state, addNote };
}
