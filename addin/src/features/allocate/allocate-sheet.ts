// The 할당 sheet: one row per order line × SKU as the preview answers it, with the order's and the line's outcome
// in words. The ids are kept in hidden columns so a row can be traced back to its line.
import type { AllocationPreview, AllocationRow } from '../../../../shared/api/allocation.schema.ts';
import { format, type Lang, type MessageText } from '../../../../shared/i18n.ts';
import { writeTable, type Progress } from '../../excel/sheets.ts';
import type { CellValue } from '../../sheet/cells.ts';
import { allocateMessages as am } from './allocate-messages.ts';

export const ALLOCATE_SHEET = '할당';

type Column = { header: MessageText; width: number; text?: boolean; hidden?: boolean; cell: (r: AllocationRow, lang: Lang) => CellValue };

const say = (key: keyof typeof am, lang: Lang) => format(am[key], {}, lang);

export const ALLOCATE_COLUMNS: readonly Column[] = [
  { header: { ko: '주문번호', en: 'Order no.' }, width: 18, text: true, cell: (r) => r.mall_order_id ?? r.order_id },
  { header: { ko: '판매처', en: 'Channel' }, width: 10, cell: (r) => r.channel_name },
  { header: { ko: '상품명', en: 'Product' }, width: 28, cell: (r) => [r.product_name, r.option_text].filter(Boolean).join(' / ') },
  { header: { ko: '상품코드', en: 'SKU code' }, width: 14, text: true, cell: (r) => r.sku_code },
  { header: { ko: '필요수량', en: 'Need' }, width: 8, cell: (r) => r.need },
  { header: { ko: '창고', en: 'Warehouse' }, width: 10, text: true, cell: (r) => r.warehouse },
  { header: { ko: '할당수량', en: 'Allocated' }, width: 8, cell: (r) => r.allocated },
  { header: { ko: '주문결과', en: 'Order outcome' }, width: 10, cell: (r, lang) => say(`outcome_${r.outcome}`, lang) },
  { header: { ko: '상품결과', en: 'Line outcome' }, width: 16, cell: (r, lang) => say(`line_${r.line_outcome}`, lang) },
  { header: { ko: '주문ID', en: 'Order id' }, width: 14, text: true, hidden: true, cell: (r) => r.order_id },
  { header: { ko: '상품ID', en: 'Line id' }, width: 14, text: true, hidden: true, cell: (r) => r.line_id },
];

/** Rows of the sheet for a preview, in the preview's order. Pure. */
export const allocationCells = (preview: Pick<AllocationPreview, 'rows'>, lang: Lang): CellValue[][] =>
  preview.rows.map((r) => ALLOCATE_COLUMNS.map((c) => c.cell(r, lang)));

/** Writes the preview into the 할당 sheet (replacing it); returns the rows written. */
export async function writeAllocationSheet(preview: AllocationPreview, lang: Lang, progress?: Progress): Promise<number> {
  const pick = (test: (c: Column) => boolean | undefined) => ALLOCATE_COLUMNS.flatMap((c, i) => (test(c) ? [i] : []));
  await writeTable(
    {
      name: ALLOCATE_SHEET,
      header: ALLOCATE_COLUMNS.map((c) => format(c.header, {}, lang)),
      rows: allocationCells(preview, lang),
      textColumns: pick((c) => c.text),
      hiddenColumns: pick((c) => c.hidden),
      widths: ALLOCATE_COLUMNS.map((c) => c.width),
      headerTools: true,
      activate: true,
    },
    progress,
  );
  return preview.rows.length;
}
