// The 재고 tab's work: pull the stock into the sheet, push the counted rows, and transfer between warehouses. The
// notices are kept as words and numbers, said in the pane's language when shown (a switch of language words them again).
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { transferStock } from '../../api/stock.ts';
import type { FileSourceInput } from '../../api/files.ts';
import { said, saidJoined, useWork } from '../work.tsx';
import { importActiveSheet, importFile, importResult } from './count-import.ts';
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
      return said(sm.pulled, { count });
    });
  const push = (defaultReason: string) =>
    work.run(async (step) => {
      const s = await pushStock(api, defaultReason, lang, (done, total) =>
        step(t('pushing', { done, total }), total ? done / total : undefined, false),
      );
      if (!s.sent) return { intent: s.check ? 'warning' : 'info', text: said(sm.nothing, { ...s }) };
      return { intent: s.refused || s.check ? 'warning' : 'success', text: said(sm.pushed, { ...s }) };
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
      return said(sm.transferred, {
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
    const lines = refused.slice(0, REFUSALS_NAMED).map((r) => said(sm.refused_row, { row: r.row, reason: importResult(r) }));
    if (refused.length > REFUSALS_NAMED) lines.push(said(sm.refused_more, { count: refused.length - REFUSALS_NAMED }));
    // Each named refusal on a line of its own, after the counts.
    const first = lines.length ? saidJoined(['', ...lines], '\n') : '';
    const text = said(sm.imported, { rows: answer.results.length, applied: answer.applied, refused: answer.refused, first });
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
