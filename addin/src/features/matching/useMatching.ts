// The matching pane's work: pull the unmatched products onto the 매칭 sheet, push the SKU codes typed there. The
// notices are kept as words and numbers, said in the pane's language when shown.
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { said, useWork } from '../work.tsx';
import { MATCHING_SHEET, matchingSheetMessages, pullMatchingSheet, pushMatchingSheet } from './matching-sheet.ts';

export function useMatching(api: Api, lang: Lang) {
  const work = useWork(lang);
  const pull = () =>
    work.run(async () => {
      const r = await pullMatchingSheet(api, lang);
      if (!r.catalogueInUse) return { intent: 'info', text: said(m.matching_no_catalogue) };
      const text = said(m.matching_pulled, { sheet: MATCHING_SHEET, groups: r.groups });
      return r.truncated ? { intent: 'warning', text: [text, said(m.matching_truncated)] } : text;
    });
  const push = () =>
    work.run(async () => {
      const c = await pushMatchingSheet(api, lang);
      const text = [
        said(m.matching_pushed, c),
        c.unchanged ? said(matchingSheetMessages.unchanged_rows, { count: c.unchanged }) : '',
        c.lines ? said(m.matching_repull) : '',
      ];
      return { intent: c.refused ? 'warning' : 'success', text };
    });
  return { work, pull, push };
}
