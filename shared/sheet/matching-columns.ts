// The 매칭 sheet: one row per unmatched product + option (GET /api/matching/unmatched). The operator types SKU codes
// with quantities in one cell — `A100*2, B200` (a set; 1+1 is `A100*2`), or `y` to take the suggestion — and pushes;
// the results are written beside the rows. The keys travel in hidden columns.
import type { WorkColumn } from './work-column.ts';

export type MatchingColumn = WorkColumn;

export const MATCHING_COLUMNS: readonly MatchingColumn[] = [
  { id: 'channel_name', header: { ko: '판매처', en: 'Channel' }, width: 12 },
  { id: 'product_name', header: { ko: '상품명', en: 'Product' }, width: 30 },
  { id: 'option_text', header: { ko: '옵션', en: 'Option' }, width: 16 },
  { id: 'lines', header: { ko: '대기건수', en: 'Waiting lines' }, width: 8 },
  { id: 'suggestion', header: { ko: '추천상품', en: 'Suggestion' }, width: 24 },
  { id: 'sku', header: { ko: '상품코드*수량', en: 'SKU codes*qty' }, width: 18, input: true, text: true },
  { id: 'result', header: { ko: '처리결과', en: 'Result' }, width: 8, output: true },
  { id: 'message', header: { ko: '결과메시지', en: 'Result message' }, width: 36, output: true },
  { id: 'suggested_code', header: { ko: '추천코드', en: 'Suggested code' }, width: 12, hidden: true, text: true },
  { id: 'channel_key', header: { ko: '채널키', en: 'Channel key' }, width: 10, hidden: true, text: true },
  { id: 'product_key', header: { ko: '상품키', en: 'Product key' }, width: 10, hidden: true, text: true },
  { id: 'option_key', header: { ko: '옵션키', en: 'Option key' }, width: 10, hidden: true, text: true },
];

/** What an operator types in the SKU cell to take the row's suggestion as it is (× 1). */
export const TAKE_SUGGESTION = ['y', 'Y', 'ㅇ', '추천', 'ok', 'OK'];
