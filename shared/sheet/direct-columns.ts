// The direct-trade / wholesale entry sheet (직접주문): one order per row, turned into orders by
// POST /api/orders/direct. Column ids are that body's field names; the last three are written by the add-in.
import type { MessageText } from '../i18n.ts';

export type DirectColumn = {
  id: string;
  header: MessageText;
  required?: boolean;
  /** Digits kept as text (phones, zip, tracking number). */
  text?: boolean;
  /** Written by the add-in: result, message, and the created order's key (a row with a key is not created again). */
  output?: boolean;
  width: number;
};

export const DIRECT_COLUMNS: readonly DirectColumn[] = [
  { id: 'orderer_name', header: { ko: '주문자*', en: 'Orderer*' }, required: true, width: 12 },
  { id: 'total_amount', header: { ko: '총금액*', en: 'Total amount*' }, required: true, width: 12 },
  { id: 'channel_kind', header: { ko: '판매구분', en: 'Channel kind' }, width: 10 },
  { id: 'channel_name', header: { ko: '판매처명', en: 'Channel name' }, width: 14 },
  { id: 'product_name', header: { ko: '상품명', en: 'Product' }, width: 28 },
  { id: 'option_text', header: { ko: '옵션', en: 'Option' }, width: 16 },
  { id: 'quantity', header: { ko: '수량', en: 'Qty' }, width: 6 },
  { id: 'orderer_phone', header: { ko: '주문자연락처', en: 'Orderer phone' }, text: true, width: 15 },
  { id: 'recipient_name', header: { ko: '수취인', en: 'Recipient' }, width: 10 },
  { id: 'recipient_mobile', header: { ko: '수취인휴대폰', en: 'Recipient mobile' }, text: true, width: 15 },
  { id: 'recipient_phone', header: { ko: '수취인전화', en: 'Recipient phone' }, text: true, width: 15 },
  { id: 'recipient_zip', header: { ko: '우편번호', en: 'Zip' }, text: true, width: 8 },
  { id: 'recipient_address1', header: { ko: '주소', en: 'Address' }, width: 32 },
  { id: 'recipient_address2', header: { ko: '상세주소', en: 'Address detail' }, width: 20 },
  { id: 'delivery_memo', header: { ko: '배송메모', en: 'Delivery memo' }, width: 20 },
  { id: 'courier', header: { ko: '택배사', en: 'Courier' }, width: 12 },
  { id: 'tracking_number', header: { ko: '운송장번호', en: 'Tracking number' }, text: true, width: 18 },
  { id: 'memo', header: { ko: '메모', en: 'Memo' }, width: 20 },
  { id: 'result', header: { ko: '처리결과', en: 'Result' }, output: true, width: 10 },
  { id: 'message', header: { ko: '결과메시지', en: 'Result message' }, output: true, width: 40 },
  { id: 'order_id', header: { ko: '주문키', en: 'Order key' }, output: true, text: true, width: 26 },
];

/** What sellers write in the channel-kind column, in either language, → the API's value. */
export const DIRECT_CHANNEL_KINDS: Record<string, 'direct' | 'store_release' | 'named'> = {
  '': 'direct',
  직접: 'direct',
  직거래: 'direct',
  도매: 'direct',
  direct: 'direct',
  매장출고: 'store_release',
  매장: 'store_release',
  store: 'store_release',
  store_release: 'store_release',
  지정: 'named',
  지정판매처: 'named',
  named: 'named',
};
