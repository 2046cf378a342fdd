// A sample file for an import template: its header row (each column under the template's own first spelling) and
// one made-up row, written by the export writers, so an operator sees what a file for this template looks like.
import type { Writable } from 'node:stream';
import { FIELD_KINDS, type FieldName, type Template } from '../../../shared/files/templates.ts';
import { writeExport, type ExportResult } from '../../files/export.ts';

/** Made-up values: no real person's data. */
const EXAMPLE: Partial<Record<FieldName, string | number>> = {
  box_key: 'box_SAMPLE0001',
  mall_order_id: '2026112500001',
  mall_line_id: '2026112500001001',
  courier: 'CJ대한통운',
  tracking_number: '123456789016',
  channel_name: '도매거래처',
  order_date: '2026-11-25',
  orderer_name: '홍길동',
  orderer_phone: '010-1234-5678',
  recipient_name: '홍길동',
  recipient_mobile: '010-1234-5678',
  recipient_phone: '02-123-4567',
  recipient_zip: '06236',
  recipient_address1: '서울특별시 강남구 테헤란로 152',
  recipient_address2: '12층',
  delivery_memo: '문 앞에 놓아주세요',
  product_code: 'SKU-001',
  product_name: '무선 이어폰',
  option_text: '화이트',
  quantity: 1,
  unit_price: 12900,
  amount: 12900,
  shipping_fee: 3000,
  memo: '',
};

/**
 * Numbers, phones, zips and codes (a product code or barcode is often all digits) are text-formatted columns, so
 * the buyer who fills the sample in Excel keeps their zeros and digits: the kinds the file reader takes as text.
 */
const TEXT_KINDS: ReadonlySet<string> = new Set(['digits', 'phone', 'zip', 'code']);
const isText = (field: FieldName) => TEXT_KINDS.has(FIELD_KINDS[field]);

/** `name`: the file's name (the template's own, in the caller's language). */
export function writeTemplateSample(out: Writable, template: Template, name: string): Promise<ExportResult> {
  return writeExport(out, {
    format: 'xlsx',
    name,
    columns: template.columns.map((c) => ({ header: c.headers[0] ?? c.field, width: 18, text: isText(c.field) })),
    rows: [template.columns.map((c) => EXAMPLE[c.field] ?? null)],
  });
}
