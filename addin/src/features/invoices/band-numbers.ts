// Numbering the selected order rows from the courier's band (자동 채번): the server gives one number per box (or per
// order for rows not yet in one) through the rules a typed number meets; each row gets its result beside it, and
// the rows that moved are read again, so their numbers and 운송장출력 show.
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import type { StartedJob } from '../../api/jobs.ts';
import { exportLabels } from '../../api/exports.ts';
import { issueNumbers } from '../../api/tracking-bands.ts';
import { saveFile } from '../files/save-file.ts';
import { applyItemResults } from '../orders/order-sheet.ts';
import { selection } from '../orders/sheet-actions.ts';

export type Numbered = {
  applied: number;
  refused: number;
  issued: number;
  first: string | null;
  last: string | null;
  remaining: number;
  autoJobs: StartedJob[];
};

/** Null when no order row is selected. */
export async function numberSelection(api: Api, courier: string, lang: Lang): Promise<Numbered | null> {
  const { state, rows } = await selection(lang);
  const items = rows.map(({ id }) => ({ id, version: state.snapshot.get(id)?.line_version ?? 0 })).filter((i) => i.version > 0);
  if (!items.length) return null;
  const out = await issueNumbers(api, { courier, items });
  // Rows numbered meanwhile (another operator) or changed since the pull are read again too: they show what the
  // server holds now, beside their refusal.
  const moved = out.results.filter((r) => r.code === 'already_numbered' || r.code === 'stale_version').map((r) => r.id);
  await applyItemResults(api, state, out.results, lang, moved);
  return {
    applied: out.applied,
    refused: out.refused,
    issued: out.numbers.issued,
    first: out.numbers.first,
    last: out.numbers.last,
    remaining: out.remaining,
    autoJobs: out.auto_jobs ?? [],
  };
}

/**
 * 송장 출력: the labels of the selected rows' numbered boxes as one HTML file, saved for the operator to open and
 * print (the reason is shipping: labels are for nothing else). Null when no order row is selected.
 */
export async function printSelection(api: Api, lang: Lang): Promise<{ fileName: string } | null> {
  const { rows } = await selection(lang);
  if (!rows.length) return null;
  const file = await exportLabels(api, { line_ids: rows.map((r) => r.id), reason: 'shipping' });
  saveFile(file);
  return { fileName: file.fileName };
}
