// The push, as the orders and invoices panes both offer it: progress while reading, a summary at the end.
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { paneMessages as m } from '../../messages.ts';
import type { Notice, Step } from '../work.tsx';
import { pushOrders } from './order-sheet.ts';

export const pushWork =
  (api: Api, lang: Lang) =>
  async (step: Step): Promise<Notice> => {
    const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
    const s = await pushOrders(api, lang, (done, total) => step(t('reading', { done, total }), total ? done / total : undefined));
    if (s.fatal) return { intent: 'error', text: s.fatal };
    const missing = s.missing.length ? ` ${t('missing_columns', { columns: s.missing.join(', ') })}` : '';
    if (!s.sent) return { intent: s.check || missing ? 'warning' : 'info', text: t('nothing_to_push', { check: s.check }) + missing };
    return { intent: s.refused || s.check || missing ? 'warning' : 'success', text: t('pushed', s) + missing };
  };
