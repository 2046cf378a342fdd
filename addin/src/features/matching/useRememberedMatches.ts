// The remembered matches (기억된 매칭) as the 매칭 tab lists them: search, more pages, and removing a wrong one — its
// waiting lines go back to unmatched, lines already packed or shipped keep what they went out with.
import { useState } from 'react';
import type { MatchView } from '../../../../shared/api/matching.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { listMatches, removeMatch } from '../../api/matching.ts';
import { useWork } from '../work.tsx';
import { rememberedMessages as m } from './remembered-messages.ts';

export function useRememberedMatches(api: Api, lang: Lang) {
  const work = useWork(lang);
  const [items, setItems] = useState<MatchView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [removed, setRemoved] = useState<ReadonlyMap<string, number>>(new Map());

  const read = (q: string, after?: string) =>
    work.run(async () => {
      const page = await listMatches(api, { ...(q.trim() ? { q: q.trim() } : {}), ...(after ? { cursor: after } : {}), limit: 50 });
      setItems((now) => (after ? [...(now ?? []), ...page.items] : page.items));
      setCursor(page.next_cursor);
      if (!after) setRemoved(new Map());
      return { intent: 'info', text: format(m.rm_found, { count: page.items.length }, lang) };
    });

  const remove = (match: MatchView) =>
    work.run(async () => {
      const r = await removeMatch(api, match.id);
      setRemoved((now) => new Map(now).set(match.id, r.lines_unmatched));
      return format(m.rm_removed, { product: match.product_name, count: r.lines_unmatched }, lang);
    });

  return { work, items, cursor, query, setQuery, removed, search: () => read(query), more: () => cursor && read(query, cursor), remove };
}
