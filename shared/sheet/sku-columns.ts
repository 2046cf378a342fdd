// The 상품 sheet's columns, for the pane's two-way sheet and for SKU files (the same headers are the built-in
// template's). One row per SKU; hidden id and version columns tie a row to its SKU, so a push finds it whatever the
// operator sorted or inserted. Status is typed in Korean (판매중/단종/재입고예정/강제품절/한정), barcodes are one
// cell separated by commas.
import type { MessageText } from '../i18n.ts';

export type SkuColumnKind = 'key' | 'version' | 'result' | 'text' | 'digits' | 'won' | 'int' | 'status' | 'date' | 'list';

export type SkuColumn = { id: string; header: MessageText; kind: SkuColumnKind; hidden?: boolean; width: number };

export const SKU_COLUMNS = [
  { id: 'id', header: { ko: '상품키', en: 'SKU key' }, kind: 'key', hidden: true, width: 22 },
  { id: 'version', header: { ko: '상품버전', en: 'SKU version' }, kind: 'version', hidden: true, width: 8 },
  { id: 'push_result', header: { ko: '처리결과', en: 'Result' }, kind: 'result', width: 10 },
  { id: 'push_message', header: { ko: '결과메시지', en: 'Result message' }, kind: 'result', width: 36 },
  { id: 'code', header: { ko: '상품코드', en: 'Code' }, kind: 'digits', width: 14 },
  { id: 'name', header: { ko: '상품명', en: 'Name' }, kind: 'text', width: 28 },
  { id: 'option_text', header: { ko: '옵션', en: 'Option' }, kind: 'text', width: 16 },
  { id: 'barcodes', header: { ko: '바코드', en: 'Barcodes' }, kind: 'list', width: 22 },
  { id: 'cost', header: { ko: '원가', en: 'Cost' }, kind: 'won', width: 9 },
  { id: 'price', header: { ko: '판매가', en: 'Price' }, kind: 'won', width: 9 },
  { id: 'status', header: { ko: '상태', en: 'Status' }, kind: 'status', width: 10 },
  { id: 'status_date', header: { ko: '상태일자', en: 'Status date' }, kind: 'date', width: 11 },
  { id: 'limit_quantity', header: { ko: '한정수량', en: 'Cap' }, kind: 'int', width: 8 },
  { id: 'memo', header: { ko: '메모', en: 'Memo' }, kind: 'text', width: 24 },
] as const satisfies readonly SkuColumn[];

export type SkuColumnId = (typeof SKU_COLUMNS)[number]['id'];

/** Columns a row's content is read from (not the key, version or results). */
export const SKU_DATA_COLUMNS: readonly SkuColumn[] = SKU_COLUMNS.filter((c) => c.kind !== 'key' && c.kind !== 'version' && c.kind !== 'result');
/** Columns Excel must keep as text: codes and barcodes of digits, dates typed as text, the hidden key. */
export const SKU_TEXT_COLUMNS: readonly string[] = ['id', 'code', 'barcodes', 'status_date'];
