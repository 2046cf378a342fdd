// The 작업실패 sheet: a job's failures as an operator knows them — the mall's order number, the product, the mall's
// line or waybill number — with the reason. Our internal ids (box_…, lin_…) mean nothing to the operator and stay out.
import type { Lang } from '../../../../shared/i18n.ts';
import type { Api } from '../../api/client.ts';
import { allJobResults, RESULTS_PAGE_MAX, type JobResult } from '../../api/jobs.ts';
import { writeTable } from '../../excel/sheets.ts';

/** What the sheet and the pane's list show of a failed result (the API's job result view). */
export type JobFailure = Pick<JobResult, 'mall_ref' | 'mall_order_id' | 'item_name' | 'code' | 'message'>;

export const FAILURES_SHEET = '작업실패';

const HEADERS = {
  ko: ['작업', '계정', '주문번호', '상품', '상품주문번호/운송장', '코드', '사유'],
  en: ['Job', 'Account', 'Order number', 'Product', 'Mall line / waybill', 'Code', 'Reason'],
} satisfies Record<Lang, string[]>;

/** The sheet's layout: order and line numbers are long digits, kept as text. */
export const FAILURE_SHEET_LAYOUT = { textColumns: [2, 4], widths: [12, 16, 20, 32, 24, 20, 60] };

export function failureTable(
  jobLabel: string,
  accountName: string,
  items: readonly JobFailure[],
  lang: Lang,
): { header: string[]; rows: string[][] } {
  return {
    header: HEADERS[lang],
    rows: items.map((f) => [jobLabel, accountName, f.mall_order_id ?? '', f.item_name ?? '', f.mall_ref ?? '', f.code ?? '', f.message ?? '']),
  };
}

/** One line of the pane's failure list: what the operator looks for first. */
export function failureLine(f: JobFailure): string {
  const what = [f.mall_order_id, f.item_name].filter(Boolean).join(' · ') || f.mall_ref || '';
  return `${what}: ${f.message ?? f.code ?? ''}`;
}

/** Every failure of a job, however many pages they take (a 50,000-line send can fail on more than one page). */
export const readFailures = (api: Api, jobId: string, pageSize = RESULTS_PAGE_MAX) => allJobResults(api, jobId, { result: 'failed' }, pageSize);

/** Writes failures into the 작업실패 sheet (replacing it); returns how many rows. */
export async function writeFailureSheet(jobLabel: string, accountName: string, items: readonly JobFailure[], lang: Lang): Promise<number> {
  const { header, rows } = failureTable(jobLabel, accountName, items, lang);
  await writeTable({ name: FAILURES_SHEET, header, rows, ...FAILURE_SHEET_LAYOUT, headerTools: true, activate: true });
  return rows.length;
}
