// Spreadsheet templates as data: which header holds which field, and values fixed for the whole file. Built-ins ship
// with the product; the server stores copies users edit (same shape, builtIn false). Field names follow the order
// sheet and the direct-order API (shared/sheet/order-columns.ts, direct-columns.ts) so rows need no second mapping.
import type { CourierCode } from '../couriers.ts';
import type { MessageText } from '../i18n.ts';
import { NOTE_MAX } from '../api/orders.schema.ts';
import { COLUMN_SIZES } from './column-sizes.ts';
import type { CellKind } from './normalise.ts';

/** Every field a template can fill, with the kind its cells are normalised as. */
export const FIELD_KINDS = {
  // Invoice import: how a row finds its box, and the number to enter.
  box_key: 'text',
  mall_order_id: 'digits',
  mall_line_id: 'digits',
  courier: 'courier',
  tracking_number: 'digits',
  // Order upload (wholesale / direct trade, malls without a connector).
  channel_name: 'text',
  channel_kind: 'text',
  order_date: 'date',
  orderer_name: 'text',
  orderer_phone: 'phone',
  recipient_name: 'text',
  recipient_mobile: 'phone',
  recipient_phone: 'phone',
  recipient_zip: 'zip',
  recipient_address1: 'text',
  recipient_address2: 'text',
  delivery_memo: 'text',
  product_code: 'code',
  product_name: 'text',
  option_text: 'text',
  quantity: 'quantity',
  unit_price: 'money',
  amount: 'money',
  shipping_fee: 'money',
  memo: 'text',
  // Stock counts (issue 11): the SKU is product_code; the count may be 0, so it is read as text and checked as a
  // whole number ≥ 0 by the stock service (which names the column); an empty warehouse is the default one.
  warehouse_code: 'text',
  count_quantity: 'text',
  reason: 'text',
  // SKU import (the catalogue, issue 11): besides product_code, product_name, option_text and memo above.
  barcodes: 'code',
  cost: 'money',
  price: 'money',
  sku_status: 'text',
  status_date: 'date',
  limit_quantity: 'quantity',
} as const satisfies Record<string, CellKind>;

export type FieldName = keyof typeof FIELD_KINDS;

const { orders, order_lines: lines, skus, stock_history: history } = COLUMN_SIZES;

/**
 * The most characters a field's cell may hold: the size of the column it is saved in, so a longer cell is refused on
 * its row at the preview (PostgreSQL refused it with a 500 at the apply, and intake cut some texts short without a
 * word). A field saved by more than one kind of file (a product code is an order line's mall product code and a
 * SKU's code) takes the smallest. Fields only looked up or parsed (box keys, quantities, statuses) have none; a
 * barcode list and a SKU's memo are checked per SKU (server/modules/catalogue/sku-rules.ts).
 */
export const FIELD_MAX_LENGTH: Partial<Record<FieldName, number>> = {
  mall_order_id: orders.mall_order_id,
  channel_name: orders.channel_name,
  orderer_name: orders.orderer_name,
  orderer_phone: orders.orderer_phone,
  recipient_name: orders.recipient_name,
  recipient_mobile: orders.recipient_mobile,
  recipient_phone: orders.recipient_phone,
  recipient_zip: orders.recipient_zip,
  recipient_address1: orders.recipient_address1,
  recipient_address2: orders.recipient_address2,
  delivery_memo: orders.delivery_memo,
  product_code: Math.min(lines.mall_product_id, skus.code),
  product_name: Math.min(lines.product_name, skus.name),
  option_text: Math.min(lines.option_text, skus.option_text),
  reason: history.reason,
  // An order's memo becomes a note: as long as a typed one may be.
  memo: NOTE_MAX,
};

/** Where an invoice-import row's box is looked up (PRODUCT.md §2 step 6: our box key is the exact one). */
export type InvoiceReference = 'box_key' | 'mall_order_id' | 'mall_line_id';

export type TemplateColumn = {
  field: FieldName;
  /** Headers this column goes by; the first is how our sample file spells it. Compared leniently (header.ts). */
  headers: readonly string[];
  required?: boolean;
};

type TemplateBase = {
  id: string;
  name: MessageText;
  builtIn: boolean;
  /** 1-based sheet row of the header when known; the header is still searched when that row does not match. */
  headerRow?: number;
  columns: readonly TemplateColumn[];
  /** Values for the whole file, used where the file has no such column or the cell is empty (e.g. the channel). */
  fixed?: Partial<Record<FieldName, string>>;
  /** Headers that rest on a guess rather than a courier's published format (korean-oms.md §3.4). */
  guessed?: boolean;
};

export type OrderUploadTemplate = TemplateBase & { type: 'order_upload' };

export type InvoiceImportTemplate = TemplateBase & {
  type: 'invoice_import';
  reference: InvoiceReference;
  /** The courier of every row when the file has no courier column (a courier's own result file). */
  courier?: CourierCode;
};

/** A stock count (실사) file: SKU code, warehouse, the counted quantity, and optionally a reason per row. */
export type StockCountTemplate = TemplateBase & { type: 'stock_count' };

/** SKUs for the catalogue: each row a new SKU or an edit of the SKU with its code (server/modules/catalogue). */
export type SkuImportTemplate = TemplateBase & { type: 'sku_import' };

export type Template = OrderUploadTemplate | InvoiceImportTemplate | StockCountTemplate | SkuImportTemplate;

// Header spellings. Result files echo the booking file's shipper-reference column, which carries our box key
// (issue 10 §5): CJ calls it 고객주문번호 / CUST_USE_NO (korean-oms.md §3.4); the others' names are guesses from
// common sheet wording, hence `guessed` on those templates.
const TRACKING = ['운송장번호', '송장번호', '운송장', '송장', '등기번호', 'INVC_NO', 'tracking_number', 'Tracking number'];
const REFERENCE = ['고객주문번호', '주문번호', '고객사용번호', '고객관리번호', '참조번호', 'CUST_USE_NO', 'box_key', 'Box key'];

function courierResult(
  id: string,
  courier: CourierCode,
  name: MessageText,
  extra: { tracking?: string[]; reference?: string[] },
): InvoiceImportTemplate {
  return {
    id,
    type: 'invoice_import',
    name,
    builtIn: true,
    guessed: true,
    reference: 'box_key',
    courier,
    columns: [
      { field: 'box_key', headers: [...(extra.reference ?? []), ...REFERENCE], required: true },
      { field: 'tracking_number', headers: [...(extra.tracking ?? []), ...TRACKING], required: true },
    ],
  };
}

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  courierResult(
    'invoice_cj',
    'CJ',
    { ko: 'CJ대한통운 운송장 결과', en: 'CJ Logistics tracking result' },
    { reference: ['고객주문번호'], tracking: ['운송장번호'] },
  ),
  courierResult(
    'invoice_lotte',
    'LOTTE',
    { ko: '롯데택배 운송장 결과', en: 'Lotte tracking result' },
    { reference: ['주문번호'], tracking: ['운송장번호'] },
  ),
  courierResult(
    'invoice_hanjin',
    'HANJIN',
    { ko: '한진택배 운송장 결과', en: 'Hanjin tracking result' },
    { reference: ['고객주문번호'], tracking: ['운송장번호'] },
  ),
  courierResult(
    'invoice_logen',
    'LOGEN',
    { ko: '로젠택배 운송장 결과', en: 'Logen tracking result' },
    { reference: ['주문번호'], tracking: ['송장번호'] },
  ),
  courierResult(
    'invoice_epost',
    'EPOST',
    { ko: '우체국택배 등기번호 결과', en: 'Korea Post tracking result' },
    { reference: ['주문번호'], tracking: ['등기번호'] },
  ),
  {
    // Any file with a reference, a courier and a number; the operator picks the reference and may fix the courier.
    id: 'invoice_generic',
    type: 'invoice_import',
    name: { ko: '운송장 일괄 등록 (일반)', en: 'Tracking numbers (generic)' },
    builtIn: true,
    reference: 'box_key',
    columns: [
      { field: 'box_key', headers: ['박스키', '고객주문번호', 'box_key', 'Box key', 'CUST_USE_NO'], required: true },
      { field: 'courier', headers: ['택배사', '택배사명', '배송사', 'courier', 'Courier'], required: true },
      { field: 'tracking_number', headers: TRACKING, required: true },
    ],
  },
  {
    id: 'order_wholesale',
    type: 'order_upload',
    name: { ko: '도매·직거래 주문서 (일반)', en: 'Wholesale / direct-trade orders (generic)' },
    builtIn: true,
    fixed: { channel_kind: 'direct' },
    columns: [
      { field: 'mall_order_id', headers: ['주문번호', '발주번호', 'order_number', 'Order number'] },
      { field: 'order_date', headers: ['주문일', '주문일자', '발주일', '결제일', 'order_date', 'Order date'] },
      { field: 'channel_name', headers: ['거래처', '판매처', '거래처명', '판매처명', 'channel', 'Channel'] },
      { field: 'orderer_name', headers: ['주문자', '주문자명', '구매자', '구매자명', 'orderer', 'Orderer'] },
      { field: 'orderer_phone', headers: ['주문자연락처', '주문자전화번호', '구매자연락처', 'orderer_phone', 'Orderer phone'] },
      {
        field: 'recipient_name',
        headers: ['수취인', '수취인명', '수령인', '수령자', '받는분', '받는사람', 'recipient', 'Recipient'],
        required: true,
      },
      {
        field: 'recipient_mobile',
        headers: ['수취인휴대폰', '휴대폰', '휴대전화', '수취인연락처', '수령인연락처', '받는분연락처', 'mobile', 'Mobile'],
        required: true,
      },
      { field: 'recipient_phone', headers: ['수취인전화', '전화번호', '수취인전화번호', '연락처2', 'phone', 'Phone'] },
      { field: 'recipient_zip', headers: ['우편번호', '수취인우편번호', 'zip', 'Zip'] },
      { field: 'recipient_address1', headers: ['주소', '수취인주소', '받는분주소', '배송지', '배송지주소', 'address', 'Address'], required: true },
      { field: 'recipient_address2', headers: ['상세주소', '주소2', 'address2', 'Address detail'] },
      { field: 'delivery_memo', headers: ['배송메모', '배송메세지', '배송메시지', '배송요청사항', 'delivery_memo', 'Delivery memo'] },
      { field: 'product_code', headers: ['상품코드', '품목코드', '자체상품코드', 'SKU', 'product_code'] },
      { field: 'product_name', headers: ['상품명', '품명', '품목명', '제품명', 'product', 'Product'], required: true },
      { field: 'option_text', headers: ['옵션', '옵션명', '규격', 'option', 'Option'] },
      { field: 'quantity', headers: ['수량', '주문수량', 'qty', 'Quantity'], required: true },
      { field: 'unit_price', headers: ['단가', '판매가', '공급가', 'unit_price', 'Unit price'] },
      { field: 'amount', headers: ['금액', '합계금액', '주문금액', '결제금액', 'amount', 'Amount'] },
      { field: 'shipping_fee', headers: ['배송비', '택배비', 'shipping_fee', 'Shipping fee'] },
      { field: 'memo', headers: ['메모', '비고', 'memo', 'Memo'] },
    ],
  },
  {
    id: 'stock_count',
    type: 'stock_count',
    name: { ko: '재고 실사 (상품코드·창고·수량)', en: 'Stock count (SKU code, warehouse, quantity)' },
    builtIn: true,
    columns: [
      { field: 'product_code', headers: ['상품코드', '품목코드', '자체상품코드', 'SKU', 'sku_code', 'SKU code'], required: true },
      { field: 'warehouse_code', headers: ['창고', '창고코드', 'warehouse', 'Warehouse'] },
      { field: 'count_quantity', headers: ['수량', '실사수량', '재고수량', '재고', 'quantity', 'Quantity'], required: true },
      { field: 'reason', headers: ['사유', '비고', 'reason', 'Reason'] },
    ],
  },
  {
    // The 상품 sheet's own headers (shared/sheet/sku-columns.ts) and common other spellings.
    id: 'sku_default',
    type: 'sku_import',
    name: { ko: '상품 목록 (기본)', en: 'Products (default)' },
    builtIn: true,
    columns: [
      { field: 'product_code', headers: ['상품코드', '자체상품코드', '품목코드', 'SKU', 'Code', 'product_code'], required: true },
      { field: 'product_name', headers: ['상품명', '품명', '품목명', '제품명', 'Name', 'product_name'], required: true },
      { field: 'option_text', headers: ['옵션', '옵션명', '규격', 'Option'] },
      { field: 'barcodes', headers: ['바코드', '바코드번호', 'Barcodes', 'Barcode'] },
      { field: 'cost', headers: ['원가', '매입가', '공급가', 'Cost'] },
      { field: 'price', headers: ['판매가', '가격', '소비자가', 'Price'] },
      { field: 'sku_status', headers: ['상태', '판매상태', 'Status'] },
      { field: 'status_date', headers: ['상태일자', '단종일', '재입고일', 'Status date'] },
      { field: 'limit_quantity', headers: ['한정수량', 'Cap', 'Limit'] },
      { field: 'memo', headers: ['메모', '비고', 'Memo'] },
    ],
  },
];

/** Fields whose negative values mean something (none yet: refunds are not uploaded); the rest refuse a minus. */
export const NEGATIVE_ALLOWED: ReadonlySet<FieldName> = new Set();

export function findBuiltInTemplate(id: string): Template | undefined {
  return BUILT_IN_TEMPLATES.find((template) => template.id === id);
}
