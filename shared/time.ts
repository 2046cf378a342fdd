// Korean sellers count days in Korea Standard Time (UTC+9, no daylight saving). Timestamps are stored in UTC;
// calendar days (period filters, sales per day) are KST.
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
