// The invoices pane's work: a courier on the selected rows, push, ship the invoiced rows, send tracking numbers to
// the malls (jobs followed on the feed) — each step's result lands beside its rows. The notices are kept as words and
// numbers, said in the pane's language when shown (a switch of language words them again).
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { JobFeed } from '../../api/job-feed.ts';
import { paneMessages as m } from '../../messages.ts';
import { courierLabel, courierWords } from '../../sheet/cells.ts';
import type { Account } from '../accounts/useAccounts.ts';
import type { SheetState } from '../orders/order-sheet.ts';
import { sendToMalls, setCourierOnSelection, shipInvoiced, stockShortText, unfinishedSendsText } from '../orders/sheet-actions.ts';
import { followAutoJobs, pushWork } from '../orders/push-work.ts';
import { said, useWork } from '../work.tsx';
import { useUnpushedGuard } from '../orders/useUnpushedGuard.ts';
import { useLastChange } from '../orders/useLastChange.ts';
import { bandMessages as bm } from './band-messages.ts';
import { numberSelection, printSelection } from './band-numbers.ts';

export function useInvoices(api: Api, feed: JobFeed, lang: Lang, accounts: readonly Account[]) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  // Ship and send go without edits not pushed (a number typed but not pushed is not shipped): warn first.
  const unpushed = useUnpushedGuard(api, feed, lang, work);
  const last = useLastChange(api, lang, work);
  const setCourier = (courier: string) =>
    work.run(async () => {
      const label = courierLabel(courier, lang);
      const count = await setCourierOnSelection(label, lang);
      return count ? said(m.courier_applied, { count, courier: courierWords(courier) }) : { intent: 'warning', text: said(m.no_selection) };
    });
  const push = () => {
    last.forget();
    return work.run(pushWork(api, lang, feed));
  };
  const ship = () => void unpushed.guard('what_ship', (state) => shipWith(state));
  const shipWith = (state?: SheetState) =>
    work.run(async (step, signal) => {
      const out = await shipInvoiced(api, lang, state);
      if (!out) return { intent: 'info', text: said(m.nothing_to_ship) };
      last.offer(out, 'ship');
      const sent = out.autoJobs.length ? await followAutoJobs(api, feed, out.autoJobs, lang, step, signal) : null;
      const short = stockShortText(out.stockShort);
      const text = [said(m.shipped, { applied: out.applied, unchanged: out.unchanged, refused: out.refused }), sent?.text ?? '', short];
      return { intent: out.refused || sent?.warn || short ? 'warning' : 'success', text };
    });
  /** 자동 채번: the selected rows numbered from the courier's band; `done` reads the bands again (what is left). */
  // The numbered rows are read again: edits not pushed on them would be lost, so it warns first, as ship does.
  const numberFromBand = (courier: string, done: () => Promise<void>) => void unpushed.guard('what_number', () => numberNow(courier, done));
  const numberNow = (courier: string, done: () => Promise<void>) =>
    work.run(async (step, signal) => {
      step(format(bm.band_issuing, {}, lang));
      // What is left is read again whatever the answer (used up, or registered meanwhile on another desk).
      const out = await numberSelection(api, courier, lang, (n, total) =>
        step(format(bm.band_issuing_count, { done: n, total }, lang), total ? n / total : undefined),
      ).finally(() => void done());
      if (!out) return { intent: 'warning', text: said(m.no_selection) };
      // The numbered rows moved on: the last change's 되돌리기 is no longer theirs.
      const sent = out.autoJobs.length ? await followAutoJobs(api, feed, out.autoJobs, lang, step, signal) : null;
      const { autoJobs: _jobs, ...counts } = out;
      const given = out.issued ? said(bm.band_issued, counts) : said(bm.band_issued_none, { refused: out.refused });
      const text = [given, sent?.text ?? ''];
      return { intent: out.refused || !out.issued || sent?.warn ? 'warning' : 'success', text };
    });
  /** 송장 출력: the selected rows' numbered boxes as labels, one file. */
  const printLabels = () =>
    work.run(async (step) => {
      step(format(bm.band_printing, {}, lang));
      const out = await printSelection(api, lang);
      if (!out) return { intent: 'warning', text: said(m.no_selection) };
      return said(bm.band_printed, { file: out.fileNames.join(', ') });
    });
  const send = () => void unpushed.guard('what_send', () => sendNow());
  const sendNow = () =>
    work.run(async (step, signal) => {
      // Sent numbers are the malls': the ship before is no longer undone from here.
      last.forget();
      const ids = accounts.filter((a) => a.send_invoice_enabled !== false).map((a) => a.id);
      if (!ids.length) return { intent: 'warning', text: said(m.no_send_accounts) };
      const out = await sendToMalls(
        api,
        feed,
        ids,
        lang,
        (done, total) => step(t('sending', { done, total }), total ? done / total : undefined, false),
        signal,
      );
      const unfinished = await unfinishedSendsText(api, out.unfinished);
      const text = [said(m.sent, { ok: out.ok, failed: out.failed }), unfinished, ...out.notStarted];
      const warn = out.failed || out.notStarted.length || out.unfinished.length;
      return { intent: warn ? 'warning' : 'success', text };
    });
  return {
    work,
    setCourier,
    numberFromBand,
    printLabels,
    push,
    ship,
    send,
    unpushedPrompt: unpushed.prompt,
    lastChange: last.lastChange,
    undoLast: last.undoLast,
  };
}
