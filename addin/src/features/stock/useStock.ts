// The 재고 tab's work: pull the stock into the sheet, push the counted rows, and transfer between warehouses.
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { transferStock } from '../../api/stock.ts';
import type { FileSourceInput } from '../../api/files.ts';
import { useWork } from '../work.tsx';
import { importActiveSheet, importFile, importResultText } from './count-import.ts';
import { pullStock, pushStock, type StockFilter } from './stock-sheet.ts';
import { stockMessages as sm } from './stock-messages.ts';

export type TransferForm = { sku: string; from: string; to: string; quantity: string; reason: string };

export function useStock(api: Api, lang: Lang) {
  const t = (key: keyof typeof sm, params = {}) => format(sm[key], params, lang);
  const work = useWork(lang);
  const pull = (filter: StockFilter) =>
    work.run(async (step) => {
      const count = await pullStock(api, filter, lang, (phase, done, total) =>
        phase === 'fetch' ? step(t('fetching', { done })) : step(t('writing', { done, total }), total ? done / total : undefined, false),
      );
      return t('pulled', { count });
    });
  const push = (defaultReason: string) =>
    work.run(async (step) => {
      const s = await pushStock(api, defaultReason, lang, (done, total) =>
        step(t('pushing', { done, total }), total ? done / total : undefined, false),
      );
      if (!s.sent) return { intent: s.check ? 'warning' : 'info', text: t('nothing', s) };
      return { intent: s.refused || s.check ? 'warning' : 'success', text: t('pushed', s) };
    });
  const transfer = (form: TransferForm) =>
    work.run(async () => {
      const out = await transferStock(api, {
        sku_code: form.sku.trim(),
        from_warehouse: form.from.trim(),
        to_warehouse: form.to.trim(),
        quantity: Number(form.quantity),
        reason: form.reason.trim(),
      });
      return t('transferred', {
        sku: out.from.sku_code,
        quantity: form.quantity,
        from: out.from.warehouse_code,
        from_on_hand: out.from.on_hand,
        to: out.to.warehouse_code,
        to_on_hand: out.to.on_hand,
      });
    });
  const REFUSALS_NAMED = 10;
  const counted = (answer: Awaited<ReturnType<typeof importFile>>) => {
    // A file's refusals are not written anywhere else: each is named here by its row (the first 10; it named one).
    const refused = answer.results.filter((r) => r.result === 'refused');
    const lines = refused.slice(0, REFUSALS_NAMED).map((r) => `\n${t('refused_row', { row: r.row, reason: importResultText(r, lang) })}`);
    if (refused.length > REFUSALS_NAMED) lines.push(`\n${t('refused_more', { count: refused.length - REFUSALS_NAMED })}`);
    const text = t('imported', { rows: answer.results.length, applied: answer.applied, refused: answer.refused, first: lines.join('') });
    return { intent: answer.refused ? ('warning' as const) : ('success' as const), text };
  };
  const importSheet = (reason: string) => work.run(async () => counted(await importActiveSheet(api, reason, lang)));
  const importChosen = (source: FileSourceInput | null, reason: string) =>
    work.run(async () => {
      if (!source) throw new Error(t('no_file'));
      return counted(await importFile(api, source, reason));
    });
  return { work, pull, push, transfer, importSheet, importChosen };
}
