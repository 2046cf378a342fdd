// The 사은품 sheet: the preview written one row per order (its rules, gift SKUs and quantity), and after the apply
// (and its undo) the result beside each row. Apply sends the preview the pane holds (with the orders' versions), not the sheet.
import type { GiftPreviewResponse } from '../../../../shared/api/gifts.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { writeTable } from '../../excel/sheets.ts';
import type { CellValue } from '../../sheet/cells.ts';
import { giftMessages as m } from './gift-messages.ts';

export const GIFT_SHEET = '사은품';

const COLUMNS = [
  'gf_col_order',
  'gf_col_mall_order',
  'gf_col_channel',
  'gf_col_rule',
  'gf_col_sku',
  'gf_col_name',
  'gf_col_quantity',
  'gf_col_result',
] as const;

type Item = GiftPreviewResponse['items'][number];

/** One order's row: several rules of one order share it, their texts joined. */
export function giftRow(item: Item, result: string): CellValue[] {
  const join = (f: (g: Item['gifts'][number]) => string) => item.gifts.map(f).join(', ');
  return [
    item.order_id,
    item.mall_order_id ?? '',
    item.channel_name,
    join((g) => g.rule_name),
    join((g) => (item.gifts.length > 1 ? `${g.sku_code}×${g.quantity}` : g.sku_code)),
    // With its option: one SKU of a hoodie is one colour and size.
    join((g) => (g.sku_option ? `${g.sku_name} ${g.sku_option}` : g.sku_name)),
    item.gifts.reduce((n, g) => n + g.quantity, 0),
    result,
  ];
}

/** What the sheet says beside the orders of an apply: added, or taken back by its undo. */
export type GiftResult = { orders: ReadonlySet<string>; say: 'gf_result_added' | 'gf_result_undone' };

/** Writes the preview (and, once applied or undone, each order's result) into the 사은품 sheet. */
export async function writeGiftSheet(items: readonly Item[], lang: Lang, result: GiftResult | null = null): Promise<void> {
  await writeTable({
    name: GIFT_SHEET,
    header: COLUMNS.map((c) => format(m[c], {}, lang)),
    rows: items.map((i) => giftRow(i, result?.orders.has(i.order_id) ? format(m[result.say], {}, lang) : '')),
    textColumns: [0, 1, 4],
    widths: [24, 18, 12, 18, 14, 20, 6, 10],
    headerTools: true,
    activate: true,
  });
}
