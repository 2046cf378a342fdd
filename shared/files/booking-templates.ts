// Courier booking (예약 / 일괄접수) files: the column order and headers each courier's bulk upload expects, as
// data, so a correction is a one-line change and a user's edited copy has the same shape. One row per box
// (shared/files/booking-rows.ts fills them).
//
// The shipper reference: every template carries our box key in the column the courier keeps with the booking and
// echoes back in its result file (the file with the assigned tracking numbers), so that file is matched to boxes
// by key, never by name or address. `referenceHeader` names that column for the invoice-import templates.
//
// Sources: korean-oms.md §3.4. CJ's booking interface is documented there only by its API field names (CUST_USE_NO
// = the shipper's own reference, MPCK_KEY/MPCK_SEQ for merge-packs, FRT_DV_CD freight type); the Korea Post
// template's 11 columns are documented. The Excel headers of CJ (CNPLUS), 롯데, 한진 and 로젠 bulk uploads were not
// found in any source: those are GUESSED from common practice and marked `headersGuessed` — an operator whose
// courier program wants other headers edits a copy of the template.
import type { CourierCode } from '../couriers.ts';
import type { MessageText } from '../i18n.ts';
import type { CsvEncoding } from './cells.ts';

/** What a booking column holds; `fixed` writes the column's `value` on every row (or leaves it empty). */
export type BookingField =
  | 'box_key'
  | 'recipient_name'
  | 'recipient_phone'
  | 'recipient_mobile'
  | 'recipient_zip'
  /** Address and detail in one cell, separated by a space. */
  | 'recipient_address'
  | 'recipient_address1'
  | 'recipient_address2'
  | 'delivery_memo'
  /** "상품명 옵션 외 N건": the box's first line and how many more. */
  | 'item_summary'
  /** Pieces in the box: the sum of its lines' quantities. */
  | 'quantity'
  /** Boxes on the booking row: always 1 (one row per box). */
  | 'box_count'
  /** The mall order numbers in the box, comma-separated (a merged box has several). */
  | 'mall_order_ids'
  /** The box's tracking number once it has one (numbered from a band, 송장 대역: the labels are printed from it). */
  | 'tracking_number'
  | 'orderer_name'
  | 'sender_name'
  | 'sender_phone'
  | 'sender_mobile'
  | 'sender_zip'
  | 'sender_address'
  | 'fixed';

export const BOOKING_FIELDS: readonly BookingField[] = [
  'box_key',
  'recipient_name',
  'recipient_phone',
  'recipient_mobile',
  'recipient_zip',
  'recipient_address',
  'recipient_address1',
  'recipient_address2',
  'delivery_memo',
  'item_summary',
  'quantity',
  'box_count',
  'mall_order_ids',
  'tracking_number',
  'orderer_name',
  'sender_name',
  'sender_phone',
  'sender_mobile',
  'sender_zip',
  'sender_address',
  'fixed',
];

/** Fields whose cells are digit strings (kept as text in XLSX) and those written as numbers. */
export const TEXT_FIELDS: ReadonlySet<BookingField> = new Set([
  'box_key',
  'recipient_phone',
  'recipient_mobile',
  'recipient_zip',
  'mall_order_ids',
  'tracking_number',
  'sender_phone',
  'sender_mobile',
  'sender_zip',
]);
export const NUMBER_FIELDS: ReadonlySet<BookingField> = new Set(['quantity', 'box_count']);

export type BookingColumn = { header: string; field: BookingField; value?: string; width?: number };

export type BookingTemplate = {
  id: string;
  /** The courier the file is for; null for the generic template. */
  courier: CourierCode | null;
  name: MessageText;
  /** Header of the column holding our box key, which the courier's result file echoes back. */
  referenceHeader: string;
  /** True when the headers are not from a documented source (see the top of this file). */
  headersGuessed: boolean;
  /** What the courier's program reads best; the operator may still choose the other. */
  format: 'xlsx' | 'csv';
  csvEncoding: CsvEncoding;
  columns: readonly BookingColumn[];
};

const col = (header: string, field: BookingField, width?: number): BookingColumn => ({ header, field, ...(width ? { width } : {}) });

export const BOOKING_TEMPLATES: readonly BookingTemplate[] = [
  {
    // CUST_USE_NO (고객사용번호) is the documented shipper reference of CJ's booking interface; "고객주문번호" is
    // the header we guess its Excel upload shows for it. MPCK (merge-pack) needs no column: a merged box is one row.
    id: 'cj',
    courier: 'CJ',
    name: { ko: 'CJ대한통운 (CNPLUS 일괄등록)', en: 'CJ Logistics (CNPLUS bulk)' },
    referenceHeader: '고객주문번호',
    headersGuessed: true,
    format: 'xlsx',
    csvEncoding: 'cp949',
    columns: [
      col('받는분성명', 'recipient_name', 12),
      col('받는분전화번호', 'recipient_phone', 15),
      col('받는분기타연락처', 'recipient_mobile', 15),
      col('받는분우편번호', 'recipient_zip', 8),
      col('받는분주소(전체, 분할)', 'recipient_address', 44),
      col('품목명', 'item_summary', 32),
      col('내품수량', 'quantity', 8),
      col('박스수량', 'box_count', 8),
      col('배송메세지1', 'delivery_memo', 24),
      col('고객주문번호', 'box_key', 24),
      col('보내는분성명', 'sender_name', 12),
      col('보내는분전화번호', 'sender_phone', 15),
      col('보내는분주소(전체, 분할)', 'sender_address', 40),
    ],
  },
  {
    id: 'lotte',
    courier: 'LOTTE',
    name: { ko: '롯데택배 (일괄접수)', en: 'Lotte (bulk booking)' },
    referenceHeader: '주문번호',
    headersGuessed: true,
    format: 'xlsx',
    csvEncoding: 'cp949',
    columns: [
      col('받는분', 'recipient_name', 12),
      col('받는분전화', 'recipient_phone', 15),
      col('받는분핸드폰', 'recipient_mobile', 15),
      col('우편번호', 'recipient_zip', 8),
      col('주소', 'recipient_address', 44),
      col('상품명', 'item_summary', 32),
      col('수량', 'quantity', 6),
      col('배송메시지', 'delivery_memo', 24),
      col('주문번호', 'box_key', 24),
      col('보내는분', 'sender_name', 12),
      col('보내는분전화', 'sender_phone', 15),
      col('보내는분주소', 'sender_address', 40),
    ],
  },
  {
    id: 'hanjin',
    courier: 'HANJIN',
    name: { ko: '한진택배 (일괄접수)', en: 'Hanjin (bulk booking)' },
    referenceHeader: '고객주문번호',
    headersGuessed: true,
    format: 'xlsx',
    csvEncoding: 'cp949',
    columns: [
      col('받으시는분', 'recipient_name', 12),
      col('전화번호', 'recipient_phone', 15),
      col('휴대폰번호', 'recipient_mobile', 15),
      col('우편번호', 'recipient_zip', 8),
      col('주소', 'recipient_address1', 36),
      col('상세주소', 'recipient_address2', 24),
      col('상품명', 'item_summary', 32),
      col('수량', 'quantity', 6),
      col('배송메세지', 'delivery_memo', 24),
      col('고객주문번호', 'box_key', 24),
    ],
  },
  {
    id: 'logen',
    courier: 'LOGEN',
    name: { ko: '로젠택배 (일괄접수)', en: 'Logen (bulk booking)' },
    referenceHeader: '주문번호',
    headersGuessed: true,
    format: 'xlsx',
    csvEncoding: 'cp949',
    columns: [
      col('수하인명', 'recipient_name', 12),
      col('수하인주소', 'recipient_address', 44),
      col('수하인전화', 'recipient_phone', 15),
      col('수하인핸드폰', 'recipient_mobile', 15),
      col('우편번호', 'recipient_zip', 8),
      col('택배수량', 'box_count', 8),
      col('물품명', 'item_summary', 32),
      col('배송메세지', 'delivery_memo', 24),
      col('주문번호', 'box_key', 24),
    ],
  },
  {
    // The 11 documented columns in their fixed order (§3.4); 박스단위 / 부피단위 take codes not documented there,
    // so they are left for the operator. The documented template has no shipper-reference column: 주문번호 is
    // appended after the fixed ones (GUESSED that the post's program keeps it; if it does not, its result file is
    // matched by recipient and phone on the reading side).
    id: 'epost',
    courier: 'EPOST',
    name: { ko: '우체국택배 (파일 접수)', en: 'Korea Post (file booking)' },
    referenceHeader: '주문번호',
    headersGuessed: false,
    format: 'xlsx',
    csvEncoding: 'cp949',
    columns: [
      col('수취인명', 'recipient_name', 12),
      col('우편번호', 'recipient_zip', 8),
      col('주소', 'recipient_address', 44),
      col('이동통신', 'recipient_mobile', 15),
      col('전화번호', 'recipient_phone', 15),
      col('상품명', 'item_summary', 32),
      col('박스단위', 'fixed', 8),
      col('부피단위', 'fixed', 8),
      col('배송메시지', 'delivery_memo', 24),
      col('주문자명', 'orderer_name', 12),
      col('수량', 'quantity', 6),
      col('주문번호', 'box_key', 24),
    ],
  },
  {
    // Ours, for couriers without a template and for people: every field, the box key first.
    id: 'generic',
    courier: null,
    name: { ko: '일반 (모든 항목)', en: 'Generic (all fields)' },
    referenceHeader: '박스키',
    headersGuessed: false,
    format: 'xlsx',
    csvEncoding: 'utf8-bom',
    columns: [
      col('박스키', 'box_key', 24),
      col('운송장번호', 'tracking_number', 16),
      col('주문번호', 'mall_order_ids', 22),
      col('주문자', 'orderer_name', 10),
      col('수취인', 'recipient_name', 10),
      col('전화번호', 'recipient_phone', 15),
      col('휴대폰', 'recipient_mobile', 15),
      col('우편번호', 'recipient_zip', 8),
      col('주소', 'recipient_address1', 36),
      col('상세주소', 'recipient_address2', 24),
      col('배송메모', 'delivery_memo', 24),
      col('상품', 'item_summary', 32),
      col('수량', 'quantity', 6),
      col('보내는분', 'sender_name', 12),
      col('보내는분전화', 'sender_phone', 15),
      col('보내는분휴대폰', 'sender_mobile', 15),
      col('보내는분우편번호', 'sender_zip', 8),
      col('보내는분주소', 'sender_address', 40),
    ],
  },
];

/** Whether the template's file carries the sender (보내는 분): such a file is useless to the courier without one. */
export function needsSender(template: Pick<BookingTemplate, 'columns'>): boolean {
  return template.columns.some((c) => c.field.startsWith('sender_'));
}

export function findBookingTemplate(id: string): BookingTemplate | undefined {
  return BOOKING_TEMPLATES.find((t) => t.id === id);
}
