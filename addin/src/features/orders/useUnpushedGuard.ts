// Re-pull, ship and send go through this guard: when the order sheet has edits not pushed, the pane names them and
// lets the operator push first, go on anyway, or cancel. Without edits (or without a sheet) the work just goes on,
// handed the sheet as read, so it need not read it again.
import { useState } from 'react';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import type { useWork } from '../work.tsx';
import { layoutMessages as dm } from './layout-messages.ts';
import type { SheetState } from './order-sheet.ts';
import { pushWork } from './push-work.ts';
import { findUnpushedEdits, unpushedText } from './unpushed.ts';

export type GuardedWhat = 'what_pull' | 'what_reset' | 'what_ship' | 'what_send' | 'what_number';
/** The guarded work; `state` is the sheet as the check read it, when it went on without pushing. */
export type Guarded = (state?: SheetState) => void | Promise<void>;

/**
 * What going on anyway loses: a re-pull, every edit not pushed; ship, send and numbering, those on the rows they
 * move (read again from the server, over the operator's cells).
 */
export type UnpushedPrompt = { text: string; lost: 'all' | 'moved'; pushFirst: () => void; goAnyway: () => void; cancel: () => void };

export function useUnpushedGuard(api: Api, feed: JobFeed, lang: Lang, work: ReturnType<typeof useWork>) {
  const [pending, setPending] = useState<{ text: string; what: GuardedWhat; state: SheetState; go: Guarded } | null>(null);
  const guard = async (what: GuardedWhat, go: Guarded) => {
    setPending(null);
    const edits = await findUnpushedEdits(lang);
    if (!edits?.count) return go(edits?.state);
    setPending({ text: unpushedText(edits, format(dm[what], {}, lang), lang), what, state: edits.state, go });
  };
  const prompt: UnpushedPrompt | null = pending && {
    text: pending.text,
    lost: pending.what === 'what_pull' || pending.what === 'what_reset' ? 'all' : 'moved',
    pushFirst: () => {
      setPending(null);
      void work.run(pushWork(api, lang, feed)).then(() => pending.go());
    },
    goAnyway: () => {
      setPending(null);
      void pending.go(pending.state);
    },
    cancel: () => setPending(null),
  };
  return { guard, prompt };
}
