// Coupang's list APIs take KST calendar days or KST wall-clock times, each with its own maximum span
// (mall-apis.md §1.2, §1.6): ordersheets and returnRequests ≤ 31 days in day mode, exchangeRequests and
// returnWithdrawRequests ≤ 7 days. These helpers cut a TimeWindow (UTC instants) into such pieces.
import { kstDate } from '../../../shared/time.ts';
import type { TimeWindow } from '../types.ts';

const DAY_MS = 86400_000;
const KST_OFFSET_MS = 9 * 3600_000;

function instant(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`invalid instant in window: ${text}`);
  return ms;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export type DayPiece = { from: string; to: string };

/** The KST days the window touches, in runs of at most `maxDays` days, both ends inclusive (`yyyy-MM-dd`). */
export function dayPieces(window: TimeWindow, maxDays: number): DayPiece[] {
  const first = kstDate(new Date(instant(window.from)));
  const last = kstDate(new Date(instant(window.to)));
  const pieces: DayPiece[] = [];
  for (let from = first; from <= last;) {
    const end = addDays(from, maxDays - 1);
    const to = end < last ? end : last;
    pieces.push({ from, to });
    from = addDays(to, 1);
  }
  return pieces;
}

/** KST wall-clock text `yyyy-MM-ddTHH:mm:ss` of an instant. */
export function kstClock(ms: number): string {
  return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 19);
}

/** The window in pieces spanning at most `maxMs`, as KST wall-clock text, consecutive pieces one second apart. */
export function timePieces(window: TimeWindow, maxMs: number): DayPiece[] {
  const start = Math.floor(instant(window.from) / 1000) * 1000;
  const end = Math.floor(instant(window.to) / 1000) * 1000;
  const pieces: DayPiece[] = [];
  for (let from = start; from <= end;) {
    const to = Math.min(from + maxMs, end);
    pieces.push({ from: kstClock(from), to: kstClock(to) });
    from = to + 1000;
  }
  return pieces;
}

const KST_TEXT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Coupang timestamps are KST wall-clock text, `T`- or space-separated, sometimes with an offset (§1.3, v5) →
 * an ISO instant in UTC, or null when absent or unreadable.
 */
export function kstToIso(text: string | null | undefined): string | null {
  if (!text) return null;
  const m = KST_TEXT.exec(text.trim());
  if (!m) return null;
  const [, day, hm, sec = ':00', frac = '', zone] = m;
  const offset = zone === undefined ? '+09:00' : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const ms = Date.parse(`${day}T${hm}${sec}${frac}${offset}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
