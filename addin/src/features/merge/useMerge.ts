// The merge tab's state: the last preview (written to the 합포 sheet), the operator's decision on each review group
// (every group's, shown or not yet), how many review cards are shown, and the last batch, which can be undone.
import { useCallback, useMemo, useState } from 'react';
import type { MergeBatch, MergePreview, MergePreviewLine } from '../../../../shared/api/merge.schema.ts';
import { SHEET_PUSH_MAX_ROWS } from '../../../../shared/api/sheet.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { applyMerge, listMergeBatches, previewMerge, undoMergeBatch } from '../../api/merge.ts';
import { sheetLines } from '../../api/sheet.ts';
import type { Reason } from '../reason/session-reason.ts';
import { useReasonAsk } from '../reason/useReasonAsk.ts';
import { errorText, useWork } from '../work.tsx';
import { mergeMessages as m } from './merge-messages.ts';
import { firstLineByOrder, planApply, REVIEW_PAGE, type Decision } from './merge-review.ts';
import { MERGE_SHEET, writeMergeSheet } from './merge-sheet.ts';

export function useMerge(api: Api, lang: Lang) {
  const t = (key: keyof typeof m, params = {}) => format(m[key], params, lang);
  const work = useWork(lang);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(new Map());
  const [last, setLast] = useState<MergeBatch | null>(null);
  const [shown, setShown] = useState(REVIEW_PAGE);
  /** The lines the 합포 sheet shows since the last apply (until the next preview): the undo rewrites their boxes. */
  const [applied, setApplied] = useState<{ batchId: string; lines: readonly MergePreviewLine[] } | null>(null);

  /** Rewrites the sheet's lines with the box each is in now, as the server has it (the preview's boxes went stale). */
  const rewriteBoxes = async (lines: readonly MergePreviewLine[]) => {
    const boxOf = new Map<string, string | null>();
    for (let i = 0; i < lines.length; i += SHEET_PUSH_MAX_ROWS) {
      const { items } = await sheetLines(api, { line_ids: lines.slice(i, i + SHEET_PUSH_MAX_ROWS).map((l) => l.line_id) });
      for (const item of items) boxOf.set(item.line_id, item.box_id);
    }
    await writeMergeSheet(
      lines.map((l) => ({ ...l, box_id: boxOf.get(l.line_id) ?? null })),
      lang,
    );
  };

  /** The latest batch not undone yet (what 되돌리기 undoes). */
  const loadLast = async () => {
    try {
      const { items } = await listMergeBatches(api);
      setLast(items[0] && !items[0].undone_at ? items[0] : null);
    } catch (error) {
      work.setNotice({ intent: 'error', text: errorText(error, lang) });
    }
  };

  // The preview writes recipients into the 합포 sheet: it says why, as a pull does (the session's reason); a viewer
  // reads them masked, and is not asked.
  const ask = useReasonAsk(api);
  const runPreview = (viewer: boolean) => (viewer ? void previewWith(undefined) : ask.withReason((why) => void previewWith(why)));
  const previewWith = (why: Reason | undefined) =>
    work.run(async (step) => {
      step(t('mg_previewing'));
      const p = await previewMerge(api, why ? { reason: why.reason, ...(why.reason_text ? { reason_text: why.reason_text } : {}) } : {});
      setPreview(p);
      setDecisions(new Map());
      setShown(REVIEW_PAGE);
      setApplied(null);
      step(t('mg_previewing'), undefined, false);
      // Nothing to merge empties the sheet too: an earlier preview's groups left there would read as this one's.
      const lines = await writeMergeSheet(p.lines, lang);
      if (!lines) return { intent: 'info', text: t('mg_nothing') };
      return t('mg_previewed', { sheet: MERGE_SHEET, groups: p.groups.length, reviews: p.reviews.length, lines });
    });

  // Stable, so a decision re-renders its own card alone (the cards are memoized).
  const decide = useCallback((review: string, decision: Decision) => setDecisions((d) => new Map(d).set(review, decision)), []);
  const showMore = useCallback(() => setShown((n) => n + REVIEW_PAGE), []);
  const linesByOrder = useMemo(() => firstLineByOrder(preview?.lines ?? []), [preview]);
  const reviews = useMemo(() => preview?.reviews.slice(0, shown) ?? [], [preview, shown]);
  const plan = useMemo(() => (preview ? planApply(preview, decisions) : null), [preview, decisions]);

  /** The preview's merge groups and the accepted review groups, each one box; rejected review groups remembered. */
  const apply = () =>
    work.run(async (step) => {
      if (!preview || !plan) return { intent: 'warning', text: t('mg_nothing') };
      step(t('mg_applying'), undefined, false);
      const out = await applyMerge(api, plan);
      setPreview(null);
      setDecisions(new Map());
      if (out.batch_id) {
        await rewriteBoxes(preview.lines);
        setApplied({ batchId: out.batch_id, lines: preview.lines });
      }
      await loadLast();
      return t('mg_applied', out);
    });

  const undo = () =>
    work.run(async (step) => {
      if (!last) return { intent: 'warning', text: t('mg_nothing') };
      step(t('mg_undoing'), undefined, false);
      const out = await undoMergeBatch(api, last.id);
      // Another batch (an auto-merge, another operator's) is not what the sheet shows: it is left alone.
      if (applied?.batchId === out.batch_id) {
        await rewriteBoxes(applied.lines);
        setApplied(null);
      }
      await loadLast();
      return t('mg_undone', out);
    });

  return {
    work,
    preview,
    /** The review cards shown (the first pages of the preview's review groups). */
    reviews,
    linesByOrder,
    decisions,
    /** Review groups decided (합포 or 따로), shown or not. */
    decided: decisions.size,
    last,
    groupCount: plan?.groups.length ?? 0,
    loadLast,
    runPreview,
    reasonPrompt: ask.prompt,
    decide,
    showMore,
    apply,
    undo,
  };
}
