// Date parameters of the list APIs and their limits (mall-apis.md §1.2, §1.6), read from the query as sent.
// Day mode `yyyy-MM-dd` (KST days, ≤ 31 → "range should less than 32 day"), minute mode `yyyy-MM-ddTHH:mm`
// (searchType=timeFrame, ≤ 24 h), and the exchange list's `yyyy-MM-ddTHH:mm:ss` (≤ 7 days).
import { daysInclusive, isValidDay, kstDayStart } from '../../../shared/time.ts';

export type Range = { ok: true; from: number; to: number; paged: boolean } | { ok: false; message: string };

const DAY_MS = 86400_000;

/** KST wall-clock text (minutes or seconds) → epoch ms, or NaN. */
export function kstClockMs(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return NaN;
  return Date.parse(`${text.length === 16 ? `${text}:00` : text}+09:00`);
}

/** createdAtFrom/To in day mode or timeFrame mode; `to` is exclusive. */
export function createdRange(q: URLSearchParams, maxDays = 31): Range {
  const from = q.get('createdAtFrom') ?? '';
  const to = q.get('createdAtTo') ?? '';
  if (!from || !to) return { ok: false, message: 'createdAtFrom and createdAtTo are required' };
  if (q.get('searchType') === 'timeFrame') {
    const a = kstClockMs(from);
    const b = kstClockMs(to);
    if (Number.isNaN(a) || Number.isNaN(b) || from.length !== 16 || to.length !== 16)
      return { ok: false, message: 'timeFrame dates must be yyyy-MM-ddTHH:mm' };
    if (b < a) return { ok: false, message: 'createdAtFrom is after createdAtTo' };
    if (b - a > DAY_MS) return { ok: false, message: 'timeFrame range should be within 24 hours' };
    return { ok: true, from: a, to: b + 60_000, paged: false };
  }
  return dayRange(from, to, maxDays);
}

export function dayRange(from: string, to: string, maxDays: number): Range {
  if (!isValidDay(from) || !isValidDay(to)) return { ok: false, message: 'dates must be yyyy-MM-dd' };
  if (to < from) return { ok: false, message: 'createdAtFrom is after createdAtTo' };
  if (daysInclusive(from, to) > maxDays) return { ok: false, message: `range should less than ${maxDays + 1} day` };
  return { ok: true, from: Date.parse(kstDayStart(from)), to: Date.parse(kstDayStart(to)) + DAY_MS, paged: true };
}

/** exchangeRequests: `yyyy-MM-ddTHH:mm:ss` (or minutes), at most 7 days apart, both ends inclusive. */
export function clockRange(q: URLSearchParams, maxMs: number): Range {
  const a = kstClockMs(q.get('createdAtFrom') ?? '');
  const b = kstClockMs(q.get('createdAtTo') ?? '');
  if (Number.isNaN(a) || Number.isNaN(b)) return { ok: false, message: 'createdAtFrom and createdAtTo must be yyyy-MM-ddTHH:mm:ss' };
  if (b < a) return { ok: false, message: 'createdAtFrom is after createdAtTo' };
  if (b - a > maxMs) return { ok: false, message: 'range should be within 7 days' };
  return { ok: true, from: a, to: b + 1000, paged: true };
}

/** maxPerPage: default 50, at most 50; null when invalid. */
export function pageSize(q: URLSearchParams, max = 50, fallback = 50): number | null {
  const raw = q.get('maxPerPage') ?? q.get('sizePerPage');
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

/** One page of items sorted by id, after the `nextToken` id; the next token is the last id, "" at the end. */
export function pageAfter<T>(
  items: T[],
  idOf: (item: T) => string,
  token: string,
  size: number,
  compare: (a: string, b: string) => number,
): { page: T[]; nextToken: string } {
  const sorted = [...items].sort((a, b) => compare(idOf(a), idOf(b)));
  const rest = token ? sorted.filter((item) => compare(idOf(item), token) > 0) : sorted;
  const page = rest.slice(0, size);
  return { page, nextToken: rest.length > size ? idOf(page[page.length - 1]!) : '' };
}
