// Template fields in the operator's words (the editor's field choice), Korean first.
import type { FieldName } from '../../../../shared/files/templates.ts';
import type { MessageText } from '../../../../shared/i18n.ts';

export const FIELD_LABELS: Record<FieldName, MessageText> = {
  box_key: { ko: '박스키', en: 'Box key' },
  mall_order_id: { ko: '주문번호', en: 'Mall order number' },
  mall_line_id: { ko: '상품주문번호', en: 'Mall line number' },
  courier: { ko: '택배사', en: 'Courier' },
  tracking_number: { ko: '송장번호', en: 'Tracking number' },
  channel_name: { ko: '거래처', en: 'Channel' },
  channel_kind: { ko: '거래 종류', en: 'Channel kind' },
  order_date: { ko: '주문일', en: 'Order date' },
  orderer_name: { ko: '주문자', en: 'Orderer' },
  orderer_phone: { ko: '주문자 연락처', en: 'Orderer phone' },
  recipient_name: { ko: '수취인', en: 'Recipient' },
  recipient_mobile: { ko: '수취인 휴대폰', en: 'Recipient mobile' },
  recipient_phone: { ko: '수취인 전화', en: 'Recipient phone' },
  recipient_zip: { ko: '우편번호', en: 'Postcode' },
  recipient_address1: { ko: '주소', en: 'Address' },
  recipient_address2: { ko: '상세주소', en: 'Address line 2' },
  delivery_memo: { ko: '배송메모', en: 'Delivery note' },
  product_code: { ko: '상품코드', en: 'Product code' },
  product_name: { ko: '상품명', en: 'Product' },
  option_text: { ko: '옵션', en: 'Option' },
  quantity: { ko: '수량', en: 'Quantity' },
  unit_price: { ko: '단가', en: 'Unit price' },
  amount: { ko: '금액', en: 'Amount' },
  shipping_fee: { ko: '배송비', en: 'Shipping fee' },
  memo: { ko: '메모', en: 'Memo' },
  warehouse_code: { ko: '창고', en: 'Warehouse' },
  count_quantity: { ko: '실사 수량', en: 'Counted quantity' },
  reason: { ko: '사유', en: 'Reason' },
  barcodes: { ko: '바코드', en: 'Barcodes' },
  cost: { ko: '원가', en: 'Cost' },
  price: { ko: '판매가', en: 'Price' },
  sku_status: { ko: '상품 상태', en: 'SKU status' },
  status_date: { ko: '상태일자', en: 'Status date' },
  limit_quantity: { ko: '한정수량', en: 'Cap' },
};

/** The fields a template of the type maps: an invoice row finds a box and gives its number; an order row makes orders; a SKU row a SKU. */
const INVOICE_FIELDS: FieldName[] = ['box_key', 'mall_order_id', 'mall_line_id', 'courier', 'tracking_number'];
const BOX_ONLY: FieldName[] = ['box_key', 'courier', 'tracking_number'];
/** Stock-count fields: only the stock_count template (the 재고 tab) maps them. */
const STOCK_ONLY: FieldName[] = ['warehouse_code', 'count_quantity', 'reason'];
const SKU_FIELDS: FieldName[] = [
  'product_code',
  'product_name',
  'option_text',
  'barcodes',
  'cost',
  'price',
  'sku_status',
  'status_date',
  'limit_quantity',
  'memo',
];
const SKU_ONLY: FieldName[] = ['barcodes', 'cost', 'price', 'sku_status', 'status_date', 'limit_quantity'];
export const fieldsOf = (type: 'invoice_import' | 'order_upload' | 'sku_import'): FieldName[] =>
  type === 'invoice_import'
    ? INVOICE_FIELDS
    : type === 'sku_import'
      ? SKU_FIELDS
      : (Object.keys(FIELD_LABELS) as FieldName[]).filter((f) => !BOX_ONLY.includes(f) && !SKU_ONLY.includes(f) && !STOCK_ONLY.includes(f));
