// The matching pane's work: pull the unmatched products onto the 매칭 sheet, push the SKU codes typed there.
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { useWork } from '../work.tsx';
import { MATCHING_SHEET, matchingSheetMessages, pullMatchingSheet, pushMatchingSheet } from './matching-sheet.ts';

export function useMatching(api: Api, lang: Lang) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const pull = () =>
    work.run(async () => {
      const r = await pullMatchingSheet(api, lang);
      if (!r.catalogueInUse) return { intent: 'info', text: t('matching_no_catalogue') };
      const text = t('matching_pulled', { sheet: MATCHING_SHEET, groups: r.groups });
      return r.truncated ? { intent: 'warning', text: `${text} ${t('matching_truncated')}` } : text;
    });
  const push = () =>
    work.run(async () => {
      const c = await pushMatchingSheet(api, lang);
      const unchanged = c.unchanged ? `, ${format(matchingSheetMessages.unchanged_rows, { count: c.unchanged }, lang)}` : '';
      const text = t('matching_pushed', c) + unchanged + (c.lines ? ` ${t('matching_repull', {})}` : '');
      return { intent: c.refused ? 'warning' : 'success', text };
    });
  return { work, pull, push };
}
