// The 합포 sheet: one row per line of the preview — its merge group (M1 …) or review group (R1 … and why), the
// order, recipient (masked for viewers, as the server sends it), product and the box it is in now.
import type { MergePreviewLine } from '../../../../shared/api/merge.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { writeTable } from '../../excel/sheets.ts';
import { mergeMessages as m } from './merge-messages.ts';

export const MERGE_SHEET = '합포';

const HEADERS = {
  ko: ['합포그룹', '검토필요', '주문번호', '판매처', '수령인', '주소', '상품', '옵션', '수량', '현재 박스'],
  en: ['Merge group', 'Needs review', 'Order number', 'Channel', 'Recipient', 'Address', 'Product', 'Option', 'Qty', 'Current box'],
} satisfies Record<Lang, string[]>;

export const reasonText = (reason: string, lang: Lang) => format(m[`reason_${reason}` as keyof typeof m], {}, lang);

export function mergeRows(lines: readonly MergePreviewLine[], lang: Lang): (string | number)[][] {
  return lines.map((l) => [
    l.group ?? '',
    l.review ? `${l.review} ${reasonText(l.review_reason ?? '', lang)}` : '',
    l.mall_order_id ?? l.order_id,
    l.channel_name,
    l.recipient_name ?? '',
    l.recipient_address ?? '',
    l.product_name,
    l.option_text ?? '',
    l.quantity,
    l.box_id ?? '',
  ]);
}

/** Writes the preview's lines; after an apply or its undo, the same lines again with the boxes they are in now. */
export async function writeMergeSheet(lines: readonly MergePreviewLine[], lang: Lang): Promise<number> {
  const rows = mergeRows(lines, lang);
  await writeTable({
    name: MERGE_SHEET,
    header: HEADERS[lang],
    rows,
    textColumns: [2],
    widths: [10, 24, 20, 12, 10, 36, 30, 16, 6, 20],
    headerTools: true,
    activate: true,
  });
  return rows.length;
}
