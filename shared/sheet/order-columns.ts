// The order sheet's columns, defined once for both sides: the add-in writes and reads the sheet by them, the
// server knows which of them a push may change. One row per order line, filled from the lines view
// (GET /api/order-lines). Column ids are the lines view's field names, so a row is built without a mapping table;
// only the result columns, which the add-in writes after a push, are not from the server.
import type { MessageText } from '../i18n.ts';

export type ColumnKind =
  /** Hidden identity of the row: never shown, never edited, how a push finds the row whatever the operator did. */
  | 'key'
  /** Hidden version the row was pulled at: a push sends it, the server refuses the row if it moved. */
  | 'version'
  | 'text'
  /** Digits that must stay text: mall ids, tracking numbers, phones, zips (Excel keeps 15 digits of a number). */
  | 'digits'
  | 'int'
  /** Whole won. */
  | 'won'
  | 'datetime'
  | 'date'
  | 'status'
  | 'courier'
  | 'bool'
  /** Whether the box's tracking number reached the mall: not_sent / sent / failed. */
  | 'send_status'
  /** Written by the add-in after a push: applied / refused, and why. Not from the server. */
  | 'result';

/** What an edit of the column changes: the line, its order, or the box the line ships in. */
export type EditScope = 'line' | 'order' | 'box';

export type SheetColumn = {
  id: string;
  header: MessageText;
  kind: ColumnKind;
  /** Set when the operator may change it and a push sends the change. */
  edit?: EditScope;
  hidden?: boolean;
  /** Width in Excel character units. */
  width: number;
};

// `as const`: the column ids and kinds stay literal types, from which shared/api types the lines view.
const COLUMNS = [
  { id: 'line_id', header: { ko: '상품주문키', en: 'Line key' }, kind: 'key', hidden: true, width: 24 },
  { id: 'line_version', header: { ko: '상품주문버전', en: 'Line version' }, kind: 'version', hidden: true, width: 8 },
  { id: 'order_id', header: { ko: '주문키', en: 'Order key' }, kind: 'key', hidden: true, width: 24 },
  { id: 'order_version', header: { ko: '주문버전', en: 'Order version' }, kind: 'version', hidden: true, width: 8 },
  { id: 'push_result', header: { ko: '처리결과', en: 'Result' }, kind: 'result', width: 10 },
  { id: 'push_message', header: { ko: '결과메시지', en: 'Result message' }, kind: 'result', width: 40 },
  { id: 'status', header: { ko: '상태', en: 'Status' }, kind: 'status', width: 10 },
  { id: 'channel_name', header: { ko: '판매처', en: 'Channel' }, kind: 'text', width: 16 },
  { id: 'mall_order_id', header: { ko: '주문번호', en: 'Order number' }, kind: 'digits', width: 20 },
  { id: 'mall_line_id', header: { ko: '상품주문번호', en: 'Line number' }, kind: 'digits', width: 22 },
  { id: 'order_date', header: { ko: '결제일', en: 'Paid on' }, kind: 'date', width: 11 },
  // Recipient cells are editable: corrections stay ours (waybills, records) and are never sent to the mall.
  { id: 'recipient_name', header: { ko: '수취인', en: 'Recipient' }, kind: 'text', edit: 'order', width: 10 },
  { id: 'recipient_mobile', header: { ko: '휴대폰', en: 'Mobile' }, kind: 'digits', edit: 'order', width: 15 },
  { id: 'recipient_phone', header: { ko: '전화번호', en: 'Phone' }, kind: 'digits', edit: 'order', width: 15 },
  { id: 'recipient_zip', header: { ko: '우편번호', en: 'Zip' }, kind: 'digits', edit: 'order', width: 8 },
  { id: 'recipient_address1', header: { ko: '주소', en: 'Address' }, kind: 'text', edit: 'order', width: 36 },
  { id: 'recipient_address2', header: { ko: '상세주소', en: 'Address detail' }, kind: 'text', edit: 'order', width: 24 },
  { id: 'delivery_memo', header: { ko: '배송메모', en: 'Delivery memo' }, kind: 'text', edit: 'order', width: 24 },
  { id: 'product_name', header: { ko: '상품명', en: 'Product' }, kind: 'text', width: 32 },
  { id: 'option_text', header: { ko: '옵션', en: 'Option' }, kind: 'text', width: 20 },
  // The seller's own SKU(s) the line is matched to (A100, or A100×2+B200 for a set): written by the catalogue's
  // matching, read-only here like the two flags after the amount.
  { id: 'sku_code', header: { ko: '상품코드', en: 'SKU code' }, kind: 'text', width: 16 },
  { id: 'quantity', header: { ko: '수량', en: 'Qty' }, kind: 'int', width: 6 },
  { id: 'amount', header: { ko: '금액', en: 'Amount' }, kind: 'won', width: 10 },
  { id: 'sold_out', header: { ko: '품절', en: 'Sold out' }, kind: 'bool', width: 6 },
  { id: 'unmatched', header: { ko: '비매칭', en: 'Unmatched' }, kind: 'bool', width: 8 },
  // 합포: the box's first mall order number and how many orders more share it ("2026112500001+2"), read-only —
  // the rows of one merged box carry the same value, and one tracking number typed on any of them numbers the box.
  { id: 'box_group', header: { ko: '합포', en: 'Merged box' }, kind: 'text', width: 18 },
  { id: 'courier', header: { ko: '택배사', en: 'Courier' }, kind: 'courier', edit: 'box', width: 12 },
  { id: 'tracking_number', header: { ko: '운송장번호', en: 'Tracking number' }, kind: 'digits', edit: 'box', width: 18 },
  { id: 'hold', header: { ko: '출고보류', en: 'Hold' }, kind: 'bool', edit: 'order', width: 8 },
  { id: 'hold_reason', header: { ko: '보류사유', en: 'Hold reason' }, kind: 'text', edit: 'order', width: 20 },
  { id: 'memo', header: { ko: '메모', en: 'Memo' }, kind: 'text', edit: 'order', width: 24 },
  { id: 'send_status', header: { ko: '송장전송', en: 'Sent to mall' }, kind: 'send_status', width: 10 },
  { id: 'send_error', header: { ko: '전송오류', en: 'Send error' }, kind: 'text', width: 30 },
] as const satisfies readonly SheetColumn[];

export const ORDER_COLUMNS: readonly SheetColumn[] = COLUMNS;
/** Each column with its literal id and kind: rows typed by the columns (the lines view in shared/api) use these. */
export type OrderColumn = (typeof COLUMNS)[number];

/** Columns whose values Excel must keep as text: the add-in sets the `@` number format on them before writing. */
export const TEXT_COLUMNS: readonly string[] = ORDER_COLUMNS.filter((c) => c.kind === 'digits' || c.kind === 'key').map((c) => c.id);

export const EDITABLE_COLUMNS: readonly SheetColumn[] = ORDER_COLUMNS.filter((c) => c.edit);
