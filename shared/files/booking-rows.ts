// Boxes → booking-file rows through a template (shared/files/booking-templates.ts). Pure.
//
// Input is one record per order line with its box and its order's recipient (what a join of order_lines and
// orders by box_id gives). Lines are grouped by box: a merged box (합포장, lines of several orders) is ONE
// booking row — one waybill — whose item summary, quantity, order numbers and memos cover all its lines.
import { maskPersonalRecord } from '../mask-record.ts';
import { normalizePhone } from '../phone.ts';
import type { Cell, FileColumn } from './cells.ts';
import { NUMBER_FIELDS, TEXT_FIELDS, type BookingField, type BookingTemplate } from './booking-templates.ts';

export type BookingLine = {
  box_id: string;
  /** The box's number and courier, when it has them. */
  tracking_number?: string | null;
  courier?: string | null;
  mall_order_id: string | null;
  orderer_name: string | null;
  recipient_name: string | null;
  recipient_phone: string | null;
  recipient_mobile: string | null;
  recipient_zip: string | null;
  recipient_address1: string | null;
  recipient_address2: string | null;
  delivery_memo: string | null;
  product_name: string;
  option_text: string | null;
  quantity: number;
};

/** The seller's shipping origin, from the seller's settings (보내는분). */
export type Sender = { name: string; phone: string; mobile?: string | null; zip: string; address1: string; address2?: string | null };

/** One box, ready for any template. */
export type BoxRow = {
  box_key: string;
  tracking_number: string;
  mall_order_ids: string[];
  orderer_name: string;
  recipient_name: string;
  recipient_phone: string;
  recipient_mobile: string;
  recipient_zip: string;
  recipient_address1: string;
  recipient_address2: string;
  delivery_memo: string;
  item_summary: string;
  quantity: number;
};

const text = (v: string | null | undefined): string => (v ?? '').trim();

/** Hyphenated when it is a valid Korean number (CJ refuses unhyphenated phones, korean-oms.md §2.2). */
function phoneText(v: string | null | undefined): string {
  const raw = text(v);
  if (raw === '') return '';
  const phone = normalizePhone(raw);
  return phone.kind === 'invalid' ? raw : phone.formatted;
}

/** "무선 이어폰 화이트 외 2건": the first line (with its option) and how many lines besides it. */
export function itemSummary(lines: readonly Pick<BookingLine, 'product_name' | 'option_text'>[]): string {
  const first = lines[0];
  if (!first) return '';
  const name = [text(first.product_name), text(first.option_text)].filter(Boolean).join(' ');
  return lines.length > 1 ? `${name} 외 ${lines.length - 1}건` : name;
}

const distinct = (values: string[]): string[] => [...new Set(values.filter((v) => v !== ''))];

/** Groups lines into boxes, in the order each box first appears. */
export function boxRows(lines: Iterable<BookingLine>): BoxRow[] {
  const byBox = new Map<string, BookingLine[]>();
  for (const line of lines) {
    const group = byBox.get(line.box_id);
    if (group) group.push(line);
    else byBox.set(line.box_id, [line]);
  }
  return [...byBox].map(([boxId, group]) => {
    const first = group[0]!;
    const phone = phoneText(first.recipient_phone);
    const mobile = phoneText(first.recipient_mobile);
    return {
      box_key: boxId,
      tracking_number: text(first.tracking_number),
      mall_order_ids: distinct(group.map((l) => text(l.mall_order_id))),
      orderer_name: text(first.orderer_name),
      recipient_name: text(first.recipient_name),
      // Couriers want a number in both contact columns; a recipient with only one gets it in both.
      recipient_phone: phone || mobile,
      recipient_mobile: mobile || phone,
      recipient_zip: text(first.recipient_zip),
      recipient_address1: text(first.recipient_address1),
      recipient_address2: text(first.recipient_address2),
      // Orders merged into one box may each carry a memo; the courier gets all of them.
      delivery_memo: distinct(group.map((l) => text(l.delivery_memo))).join(' / '),
      item_summary: itemSummary(group),
      quantity: group.reduce((sum, l) => sum + (Number.isFinite(l.quantity) ? l.quantity : 0), 0),
    };
  });
}

/** The box as someone without the right to see recipients gets it: the same policy as the API's reads
 *  (shared/mask-record.ts — 홍*동, 010-****-5678, address to its region, memo and detail hidden). */
export function maskBoxRow(row: BoxRow): BoxRow {
  return maskPersonalRecord(row);
}

function senderValue(field: BookingField, sender: Sender | undefined): string {
  if (!sender) return '';
  switch (field) {
    case 'sender_name':
      return text(sender.name);
    case 'sender_phone':
      return phoneText(sender.phone) || phoneText(sender.mobile);
    case 'sender_mobile':
      return phoneText(sender.mobile) || phoneText(sender.phone);
    case 'sender_zip':
      return text(sender.zip);
    default:
      return [text(sender.address1), text(sender.address2)].filter(Boolean).join(' ');
  }
}

function cellOf(field: BookingField, row: BoxRow, sender: Sender | undefined, fixed: string | undefined): Cell {
  switch (field) {
    case 'fixed':
      return fixed ?? null;
    case 'box_count':
      return 1;
    case 'quantity':
      return row.quantity;
    case 'mall_order_ids':
      return row.mall_order_ids.join(', ');
    case 'recipient_address':
      return [row.recipient_address1, row.recipient_address2].filter(Boolean).join(' ');
    case 'sender_name':
    case 'sender_phone':
    case 'sender_mobile':
    case 'sender_zip':
    case 'sender_address':
      return senderValue(field, sender);
    default:
      return row[field];
  }
}

/** The file columns of a template: digit fields as text columns. */
export function bookingColumns(template: BookingTemplate): FileColumn[] {
  return template.columns.map((c) => ({ header: c.header, text: TEXT_FIELDS.has(c.field), ...(c.width ? { width: c.width } : {}) }));
}

export type BookingOptions = { sender?: Sender; masked?: boolean };

/** One row of cells per box, in the template's column order. Numbers only in number fields. */
export function bookingRows(lines: Iterable<BookingLine>, template: BookingTemplate, options: BookingOptions = {}): Cell[][] {
  return boxRows(lines).map((box) => {
    const row = options.masked ? maskBoxRow(box) : box;
    return template.columns.map((c) => {
      const value = cellOf(c.field, row, options.sender, c.value);
      return NUMBER_FIELDS.has(c.field) || value === null ? value : String(value);
    });
  });
}
