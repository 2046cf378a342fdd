// The period a collect or sync job covers, from the two dates the operator picks: whole Korean days, from the
// start of the first to the end of the last, never past now (the malls refuse a window that ends in the future).
import { kstDayStart } from '../../../../shared/time.ts';

const DAY_MS = 86_400_000;

/** Both dates or nothing (blank: the server takes the period since the last run). */
export function jobPeriod(from: string, to: string, now = Date.now()): { from?: string; to?: string } {
  if (!from || !to) return {};
  // The last second of the `to` day in KST, so the window reads as whole days at the mall too.
  const end = Math.min(now, Date.parse(kstDayStart(to)) + DAY_MS - 1000);
  return { from: kstDayStart(from), to: new Date(end).toISOString() };
}
