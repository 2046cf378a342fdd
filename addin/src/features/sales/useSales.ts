// The 매출 tab's work: read the period's sales from the server and write (or refresh in place) the 매출 sheet with
// its charts. The period is checked here first so a wrong date is named before anything is asked.
import { format, type Lang } from '../../../../shared/i18n.ts';
import { daysInclusive, isValidDay } from '../../../../shared/time.ts';
import type { Api } from '../../api/client.ts';
import { salesReport } from '../../api/reports.ts';
import { writeReport } from '../../excel/report-sheet.ts';
import { useWork } from '../work.tsx';
import { salesPaneMessages as sm } from './sales-messages.ts';
import { salesReport as reportOf } from './sales-sheet.ts';

/** A year at most: a longer chart has columns too thin to read. */
export const MAX_DAYS = 366;

export function periodProblem(from: string, to: string): keyof typeof sm | null {
  if (!isValidDay(from) || !isValidDay(to)) return 'bad_date';
  if (from > to) return 'from_after_to';
  if (daysInclusive(from, to) > MAX_DAYS) return 'too_long';
  return null;
}

export function useSales(api: Api, lang: Lang) {
  const t = (key: keyof typeof sm, params = {}) => format(sm[key], params, lang);
  const work = useWork(lang);
  const refresh = (from: string, to: string) =>
    work.run(async (step) => {
      const problem = periodProblem(from, to);
      if (problem) return { intent: 'warning', text: t(problem, { max: MAX_DAYS }) };
      step(t('reading'));
      const { items } = await salesReport(api, { from, to });
      step(t('writing'), undefined, false);
      await writeReport(reportOf(items, { from, to }, lang));
      const channels = new Set(items.map((r) => `${r.channel_kind}:${r.channel_name}`)).size;
      return items.length ? t('done', { days: daysInclusive(from, to), channels }) : { intent: 'info', text: t('empty') };
    });
  return { work, refresh };
}
