// The 할당 tab's work: 미리보기 computes a plan on the server and writes it into the 할당 sheet, 할당 적용 carries out
// that very preview (its batch), 마지막 할당 취소 undoes the newest applied batch. Refusals (409: what moved since the
// preview, or why an undo cannot run) come back in the server's words and are shown as they are.
import { useState } from 'react';
import type { AllocationPolicy, AllocationPreview, OrderRule } from '../../../../shared/api/allocation.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { kstDateTime } from '../../../../shared/time.ts';
import { applyAllocation, listAllocationBatches, previewAllocation, undoAllocation } from '../../api/allocation.ts';
import type { Api } from '../../api/client.ts';
import { said, saidJoined, saidText, useWork, type Said } from '../work.tsx';
import { allocateMessages as am } from './allocate-messages.ts';
import { writeAllocationSheet } from './allocate-sheet.ts';

export type Counts = AllocationPreview['counts'];

export function useAllocate(api: Api, lang: Lang) {
  const t = (key: keyof typeof am, params = {}) => format(am[key], params, lang);
  const work = useWork(lang);
  /** The preview 할당 적용 would carry out: kept until it is applied or replaced. */
  const [pending, setPending] = useState<{ batchId: string; counts: Counts } | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  // Lines in stock whose order waits for the rest (완배송, 일괄배송, or a Coupang shipment kept whole) are the lines
  // counted under none of the other outcomes.
  // Gifts left short are said apart: they do not wait for their order, which got its stock.
  // Kept as words and numbers for the notices (a switch of language words them again).
  const summaryWords = (c: Counts): Said => {
    const gifts = c.gifts_short;
    const text = said(am.summary, { ...c, lines_waiting: c.lines - c.lines_allocated - c.lines_split - c.lines_short - gifts });
    return gifts ? saidJoined([text, said(am.summary_gifts, { count: gifts })], '') : text;
  };
  const summaryOf = (c: Counts) => saidText(summaryWords(c), lang);

  const preview = (policy: AllocationPolicy, rule: OrderRule) =>
    work.run(async (step) => {
      step(t('previewing'));
      const answer = await previewAllocation(api, { policy, order_rule: rule });
      await writeAllocationSheet(answer, lang, (done, total) => step(t('writing', { done, total }), total ? done / total : undefined, false));
      setPending({ batchId: answer.batch_id, counts: answer.counts });
      setSummary(summaryOf(answer.counts));
      if (!answer.counts.lines) return { intent: 'info', text: said(am.nothing) };
      return said(am.previewed, { summary: summaryWords(answer.counts) });
    });

  const apply = () =>
    work.run(async () => {
      if (!pending) return { intent: 'warning', text: said(am.no_preview) };
      const answer = await applyAllocation(api, pending.batchId);
      setPending(null);
      setSummary(summaryOf(answer.counts));
      const splits = answer.splits.length ? said(am.applied_splits, { count: answer.splits.length }) : '';
      return saidJoined([said(am.applied, { summary: summaryWords(answer.counts) }), splits], '');
    });

  const undoLast = () =>
    work.run(async () => {
      const batches = await listAllocationBatches(api);
      const last = batches.items.find((b) => b.state === 'applied');
      if (!last) return { intent: 'info', text: said(am.no_applied) };
      const answer = await undoAllocation(api, last.id);
      setSummary(null);
      // Named by when it was applied: the batch id means nothing to an operator.
      const when = last.applied_at ?? last.created_at;
      const at = { ko: kstDateTime(when, 'ko'), en: kstDateTime(when, 'en') };
      return said(am.undone, { at, lines: answer.lines, units: answer.units });
    });

  return { work, pending, summary, preview, apply, undoLast };
}
