// A sample file per booking template: its header row and one example box, written by the same writers and row
// builder as a real export, so the sample shows exactly what an export of that template looks like.
import type { Writable } from 'node:stream';
import type { CsvEncoding } from '../../shared/files/cells.ts';
import { bookingColumns, bookingRows, type BookingLine, type Sender } from '../../shared/files/booking-rows.ts';
import type { BookingTemplate } from '../../shared/files/booking-templates.ts';
import { writeExport, type ExportResult } from './export.ts';

/** The box and recipient both sample orders share: what makes them one merged box (one booking row). */
const SAMPLE_BOX = {
  box_id: 'box_SAMPLE0001',
  orderer_name: '홍길동',
  recipient_name: '홍길동',
  recipient_phone: '02-123-4567',
  recipient_mobile: '010-1234-5678',
  recipient_zip: '06236',
  recipient_address1: '서울특별시 강남구 테헤란로 152',
  recipient_address2: '12층',
  delivery_memo: '문 앞에 놓아주세요',
} satisfies Partial<BookingLine>;

/** A made-up merged box (two orders, one recipient) and seller: no real person's data. */
export const SAMPLE_LINES: readonly BookingLine[] = [
  {
    ...SAMPLE_BOX,
    mall_order_id: '2026112500001',
    product_name: '무선 이어폰',
    option_text: '화이트',
    quantity: 1,
  },
  {
    ...SAMPLE_BOX,
    mall_order_id: '2026112500002',
    product_name: '충전 케이블',
    option_text: null,
    quantity: 2,
  },
];

export const SAMPLE_SENDER: Sender = {
  name: '쉽시트상점',
  phone: '031-123-4567',
  zip: '13487',
  address1: '경기도 성남시 분당구 판교역로 235',
  address2: '1층',
};

export function writeBookingSample(out: Writable, template: BookingTemplate, format: 'xlsx' | 'csv', encoding?: CsvEncoding): Promise<ExportResult> {
  return writeExport(out, {
    format,
    encoding: encoding ?? template.csvEncoding,
    name: `${template.id}-sample`,
    columns: bookingColumns(template),
    rows: bookingRows(SAMPLE_LINES, template, { sender: SAMPLE_SENDER }),
  });
}
