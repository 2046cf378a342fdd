// The direct-order pane's work: write the template sheet, create an order for every new row.
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import { said, useWork } from '../work.tsx';
import { DIRECT_SHEET, createDirectOrders, writeDirectTemplate } from './direct-sheet.ts';

export function useDirect(api: Api, lang: Lang) {
  const work = useWork(lang);
  const template = () =>
    work.run(async () => {
      await writeDirectTemplate(lang);
      return said(m.direct_template_ready, { sheet: DIRECT_SHEET });
    });
  const create = () =>
    work.run(async (step) => {
      const c = await createDirectOrders(api, lang, (done, total) => step(`${done}/${total}`, done / total, false));
      return { intent: c.failed ? 'warning' : 'success', text: said(m.direct_done, c) };
    });
  return { work, template, create };
}
