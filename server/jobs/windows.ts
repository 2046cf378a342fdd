// The time windows jobs ask the malls about. Manual runs choose theirs (at most 30 days, PRODUCT.md §2.1); scheduled
// runs continue from where the last one ended, overlapping a little so an order the mall indexed late is not missed
// (re-collecting it is harmless: collection is idempotent).
import type { TimeWindow } from '../connectors/types.ts';

export const MAX_WINDOW_DAYS = 30;
const OVERLAP_MS = 10 * 60 * 1000;
const DAY_MS = 86400_000;

function continueFrom(last: string | null | undefined, firstRunDays: number, now: Date): TimeWindow {
  const to = now.toISOString();
  const floor = now.getTime() - MAX_WINDOW_DAYS * DAY_MS;
  const start = last ? Date.parse(last) - OVERLAP_MS : now.getTime() - firstRunDays * DAY_MS;
  return { from: new Date(Math.max(start, floor)).toISOString(), to };
}

export function collectWindow(params: Record<string, unknown>, lastCollectedAt: string | null, now = new Date()): TimeWindow {
  if (typeof params.from === 'string' && typeof params.to === 'string') return { from: params.from, to: params.to };
  return continueFrom(lastCollectedAt, 3, now);
}

export function syncWindow(params: Record<string, unknown>, lastSyncEnd: string | undefined, now = new Date()): TimeWindow {
  if (typeof params.from === 'string' && typeof params.to === 'string') return { from: params.from, to: params.to };
  return continueFrom(lastSyncEnd, 7, now);
}

/**
 * The end a sync stores when its window must be read again (the mall failed to answer part of it): the next one then
 * starts where this one began. Stored as is, this one's start would lose the overlap again at every run and the
 * window would grow by it each time the mall keeps failing.
 */
export function readAgainFrom(window: TimeWindow): string {
  return new Date(Math.min(Date.parse(window.from) + OVERLAP_MS, Date.parse(window.to))).toISOString();
}
