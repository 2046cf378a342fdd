// Korean sellers count days in Korea Standard Time (UTC+9, no daylight saving). Timestamps are stored in UTC;
// calendar days (period filters, sales per day) are KST.
import type { Lang } from './i18n.ts';

const KST_OFFSET_MS = 9 * 3600_000;

/** The KST calendar day (YYYY-MM-DD) of an instant. */
export function kstDate(instant: string | Date = new Date()): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which a KST day starts. */
export function kstDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - KST_OFFSET_MS).toISOString();
}

export function isValidDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  // Invalid dates (month 13) are NaN; rolled-over ones (Feb 30 → Mar 2) read back differently.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** Whole days from `from` to `to` inclusive (1 for the same day). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000) + 1;
}

/** An instant as a Korean minute, `2026-11-27 15:47` (KST): for the server's messages, alike in both languages. */
export function kstMinute(instant: string | Date): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + KST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * An instant as the desk reads it: in Korea's time whatever the PC's zone (the malls, the courier cut-offs, the
 * sheets and the period filters all count in KST; a seller's PC abroad showed its own zone's hours). `short`: date
 * and time; `monthDay`: without the year, for today's board.
 */
export function kstDateTime(instant: string | Date, lang: Lang, style: 'short' | 'monthDay' = 'short'): string {
  const shape: Intl.DateTimeFormatOptions =
    // The year in full: "26. 11. 27." reads as a day of the 26th to a Korean eye.
    style === 'short'
      ? { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  return new Date(instant).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', { ...shape, timeZone: 'Asia/Seoul' });
}
