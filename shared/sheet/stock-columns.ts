// The 재고 sheet: one row per SKU × warehouse as GET /api/stock lists them. The operator types a new on-hand (새 수량)
// and a reason (사유) on the rows counted; a push sends those rows with the version and on-hand they were pulled at
// (hidden columns), so a row whose stock moved since is refused instead of overwriting the change.
import type { WorkColumn } from './work-column.ts';

export type StockColumn = WorkColumn;

export const STOCK_COLUMNS: readonly StockColumn[] = [
  { id: 'sku_code', header: { ko: '상품코드', en: 'SKU code' }, width: 14, text: true },
  { id: 'sku_name', header: { ko: '상품명', en: 'Product' }, width: 26 },
  { id: 'option_text', header: { ko: '옵션', en: 'Option' }, width: 14 },
  { id: 'warehouse_code', header: { ko: '창고', en: 'Warehouse' }, width: 10, text: true },
  { id: 'warehouse_name', header: { ko: '창고명', en: 'Warehouse name' }, width: 12 },
  { id: 'on_hand', header: { ko: '현재고', en: 'On hand' }, width: 8 },
  { id: 'allocated', header: { ko: '할당', en: 'Allocated' }, width: 8 },
  { id: 'available', header: { ko: '가용', en: 'Available' }, width: 8 },
  { id: 'new_on_hand', header: { ko: '새 수량', en: 'New quantity' }, width: 9, input: true },
  { id: 'reason', header: { ko: '사유', en: 'Reason' }, width: 20, input: true },
  { id: 'push_result', header: { ko: '처리결과', en: 'Result' }, width: 10, output: true },
  { id: 'push_message', header: { ko: '결과메시지', en: 'Result message' }, width: 40, output: true },
  { id: 'version', header: { ko: '버전', en: 'Version' }, width: 6, hidden: true },
  { id: 'pulled_on_hand', header: { ko: '불러온 현재고', en: 'On hand as pulled' }, width: 6, hidden: true },
];

/** The row a stock row becomes: its cells in STOCK_COLUMNS order (the typed and result columns empty). */
export function stockRowCells(row: Record<string, unknown>): (string | number)[] {
  return STOCK_COLUMNS.map((c) => {
    if (c.id === 'pulled_on_hand') return row.on_hand as number;
    if (c.input || c.output) return '';
    const v = row[c.id];
    return v === null || v === undefined ? '' : (v as string | number);
  });
}
