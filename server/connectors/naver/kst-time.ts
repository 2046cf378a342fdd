// Naver speaks KST with an explicit offset and milliseconds (`2022-04-11T15:21:44.000+09:00`, mall-apis.md §2.2);
// we keep UTC instants (connectors/types.ts). Conversions and the 24 h window split live here.
const KST_OFFSET_MS = 9 * 3600_000;

/** Longest span one last-changed-statuses call may cover (mall-apis.md §2.2; 104139 beyond it, §2.8). */
export const MAX_SPAN_MS = 24 * 3600_000;

export function toKstIso(ms: number): string {
  return new Date(ms + KST_OFFSET_MS).toISOString().replace('Z', '+09:00');
}

/** A Naver date-time (any offset) → UTC ISO instant; null when absent or unreadable. */
export function toUtcIso(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export type Span = { fromMs: number; toMs: number };

/**
 * Splits [from, to] into consecutive pieces of at most `maxMs`. Naver treats both ends as inclusive, so a change
 * stamped exactly on a boundary can come back twice; callers de-duplicate by productOrderId.
 */
export function splitWindow(from: string, to: string, maxMs = MAX_SPAN_MS): Span[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError(`unreadable window ${from} – ${to}`);
  const spans: Span[] = [];
  for (let at = start; at <= end; at += maxMs) {
    spans.push({ fromMs: at, toMs: Math.min(at + maxMs, end) });
    if (at + maxMs >= end) break;
  }
  return spans;
}
