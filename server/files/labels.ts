// 송장 출력: waybill labels for numbered boxes, printed by the shop itself from its courier band (송장 대역) — one
// HTML file, one 100 × 150 mm label per page, opened in a browser and printed on a label printer (or A4). Each label
// has the courier, the tracking number as digits and as a Code 128 barcode, the recipient as the courier needs them
// to deliver (full address; the name and phones masked, also where the memo repeats them, as the personal-data
// regulator asks of waybills: korean-oms.md §4), the sender, the items and the mall order numbers. Every text is escaped and the file forbids
// scripts and loads (its own Content-Security-Policy): a buyer's name or memo is shown, never run.
import { findCourier } from '../../shared/couriers.ts';
import { boxRows, type BookingLine, type Sender } from '../../shared/files/booking-rows.ts';
import { maskPersonalText } from '../../shared/mask-text.ts';
import { maskName, maskPhone } from '../../shared/phone.ts';
import { nextTurn } from '../db/turns.ts';

/** Labels drawn between two turns given back to the event loop: a barcode takes a millisecond or more to draw. */
const LABELS_PER_TURN = 50;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** 640000000006 → 6400-0000-0006: how couriers print a number for people to read. */
export function groupedNumber(number: string): string {
  return /^\d{10,14}$/.test(number) ? number.replace(/(\d{4})(?=\d)/g, '$1-') : number;
}

export type LabelOptions = {
  sender?: Sender | undefined;
  /** An SVG of the number as a Code 128 barcode. */
  barcode: (number: string) => string;
  /** When the file was made (KST text), shown in small type on every label. */
  printedAt: string;
};

/** The boxes of `lines` that have a number, as labels; boxes without one have no label (it would be unusable). */
export function labelBoxes(lines: readonly BookingLine[]) {
  const courierOf = new Map(lines.map((l) => [l.box_id, l.courier ?? null]));
  return boxRows(lines)
    .filter((b) => b.tracking_number !== '')
    .map((b) => ({ ...b, courier: courierOf.get(b.box_key) ?? null }));
}

function label(box: ReturnType<typeof labelBoxes>[number], o: LabelOptions): string {
  const courier = box.courier ? (findCourier(box.courier)?.nameKo ?? box.courier) : '';
  const phones = [...new Set([box.recipient_mobile, box.recipient_phone].filter(Boolean).map(maskPhone))].join(' / ');
  const sender = o.sender;
  const senderLine = sender
    ? [sender.name, sender.phone, [sender.zip, sender.address1, sender.address2].filter(Boolean).join(' ')].filter(Boolean).join(' · ')
    : '';
  const row = (name: string, value: string, cls = '') =>
    value ? `<div class="row ${cls}"><span class="k">${name}</span><span class="v">${escape(value)}</span></div>` : '';
  return `<section class="label">
<div class="top"><span class="courier">${escape(courier)}</span><span class="number">${escape(groupedNumber(box.tracking_number))}</span></div>
<div class="barcode">${o.barcode(box.tracking_number)}</div>
${row('받는 분', `${maskName(box.recipient_name)}  ${phones}`, 'to')}
${row('주소', `(${box.recipient_zip}) ${[box.recipient_address1, box.recipient_address2].filter(Boolean).join(' ')}`, 'address')}
${row('배송메모', maskPersonalText(box.delivery_memo, [box.recipient_name]))}
${row('상품', `${box.item_summary} · ${box.quantity}개`)}
${row('주문번호', box.mall_order_ids.join(', '))}
${row('보내는 분', senderLine)}
<div class="foot">${escape(box.box_key)} · ${escape(o.printedAt)}</div>
</section>`;
}

const STYLE = `@page { size: 100mm 150mm; margin: 0 }
body { margin: 0; font-family: 'Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans KR', sans-serif; color: #000 }
.label { box-sizing: border-box; width: 100mm; height: 150mm; padding: 5mm; page-break-after: always; break-after: page; overflow: hidden; display: flex; flex-direction: column; gap: 2mm }
.top { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.4mm solid #000; padding-bottom: 1mm }
.courier { font-size: 12pt; font-weight: 700 }
.number { font-size: 15pt; font-weight: 700; letter-spacing: 0.3mm }
.barcode svg { width: 100%; height: 22mm }
.row { display: flex; gap: 2mm; font-size: 9.5pt; line-height: 1.35 }
.row .k { flex: 0 0 15mm; font-weight: 700 }
.row .v { flex: 1; word-break: keep-all; overflow-wrap: anywhere }
.to .v, .address .v { font-size: 11pt; font-weight: 700 }
.foot { margin-top: auto; font-size: 7pt; color: #333 }
.hint { font: 10pt sans-serif; padding: 4mm; background: #f3f3f3 }
@media print { .hint { display: none } }`;

/** The whole file: a label per numbered box of `lines` (the caller checked there is one, and not too many). */
export async function labelsHtml(lines: readonly BookingLine[], o: LabelOptions): Promise<{ html: string; labels: number }> {
  const boxes = labelBoxes(lines);
  const drawn: string[] = [];
  for (const [i, box] of boxes.entries()) {
    if (i > 0 && i % LABELS_PER_TURN === 0) await nextTurn();
    drawn.push(label(box, o));
  }
  const html = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>송장 출력 ${boxes.length}장</title>
<style>${STYLE}</style></head>
<body>
<p class="hint">송장 ${boxes.length}장 · 100×150mm 라벨 용지로 인쇄하세요 (Ctrl+P, 여백 없음). 이 안내는 인쇄되지 않습니다.</p>
${drawn.join('\n')}
</body></html>
`;
  return { html, labels: boxes.length };
}
