// The sold-out tab's state: the flagged lines a page at a time, the lines ticked for release, and each line's
// result of the last 품절해제 (released, or why not), kept beside the line until the next release.
import { useState } from 'react';
import type { ReleaseResult, SoldOutItem } from '../../../../shared/api/sold-out.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { listSoldOut, releaseSoldOut } from '../../api/sold-out.ts';
import { errorText, said, useWork } from '../work.tsx';
import { soldOutMessages as m } from './sold-out-messages.ts';

const PAGE = 100;

export function useSoldOut(api: Api, lang: Lang) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const [items, setItems] = useState<SoldOutItem[] | null>(null);
  const [count, setCount] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<ReadonlyMap<string, ReleaseResult>>(new Map());

  /** Reads the list again (the tab opened, 새로고침): quietly, a notice only when it fails. */
  const load = async () => {
    try {
      const page = await listSoldOut(api, { limit: PAGE });
      setItems(page.items);
      setCount(page.count);
      setCursor(page.next_cursor);
      setSelected((s) => new Set(page.items.filter((i) => s.has(i.line_id)).map((i) => i.line_id)));
      setResults(new Map());
    } catch (error) {
      work.setNotice({ intent: 'error', text: errorText(error, lang) });
    }
  };

  const more = () =>
    work.run(async () => {
      if (!cursor) return { intent: 'info', text: said(m.so_title, { count }) };
      const page = await listSoldOut(api, { limit: PAGE, cursor });
      setItems((list) => [...(list ?? []), ...page.items]);
      setCount(page.count);
      setCursor(page.next_cursor);
      return { intent: 'info', text: said(m.so_title, { count: page.count }) };
    });

  const toggle = (lineId: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(lineId);
      else next.delete(lineId);
      return next;
    });

  /** Releases the ticked lines, or every flagged line when none is ticked; the list is read again after. */
  const release = (reason: string) =>
    work.run(async (step) => {
      if (!reason.trim()) return { intent: 'warning', text: said(m.so_reason_required) };
      step(t('so_releasing'), undefined, false);
      const ids = [...selected];
      const out = await releaseSoldOut(api, { reason: reason.trim(), ...(ids.length ? { line_ids: ids } : {}) });
      setResults(new Map(out.results.map((r) => [r.line_id, r])));
      const page = await listSoldOut(api, { limit: PAGE });
      // Released lines leave the list; they stay shown with their result until the next read, with the stock their
      // SKUs have after the release (what the lines took no longer shows as available).
      const after = new Map(out.stock.map((k) => [k.sku_id, k.available]));
      const released = (items ?? [])
        .filter((i) => out.results.some((r) => r.line_id === i.line_id && r.result === 'released'))
        .map((i) => ({ ...i, skus: i.skus.map((k) => ({ ...k, available: after.get(k.sku_id) ?? k.available })) }));
      setItems([...released, ...page.items]);
      setCount(page.count);
      setCursor(page.next_cursor);
      setSelected(new Set());
      return { intent: out.refused ? 'warning' : 'success', text: said(m.so_released, { released: out.released, refused: out.refused }) };
    });

  return { work, items, count, cursor, selected, results, load, more, toggle, release };
}
