import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import iconv from 'iconv-lite';
import { SAMPLE_LINES, SAMPLE_SENDER, writeBookingSample } from '../../../../server/files/samples.ts';
import { bookingColumns, bookingRows, boxRows, itemSummary, maskBoxRow, type BookingLine } from '../../../../shared/files/booking-rows.ts';
import { BOOKING_TEMPLATES, findBookingTemplate } from '../../../../shared/files/booking-templates.ts';
import { orderListColumns, orderListRow } from '../../../../shared/files/order-list.ts';
import { collector, readXlsx } from './helpers.ts';

const line = (over: Partial<BookingLine>): BookingLine => ({
  box_id: 'box_A',
  mall_order_id: '2026112500001',
  orderer_name: '김민준',
  recipient_name: '이서연',
  recipient_phone: '0212345678',
  recipient_mobile: '01098765432',
  recipient_zip: '06236',
  recipient_address1: '서울특별시 강남구 테헤란로 152',
  recipient_address2: '12층 1201호',
  delivery_memo: '문 앞에 놓아주세요',
  product_name: '무선 이어폰',
  option_text: '화이트',
  quantity: 1,
  ...over,
});

// box_A is a merged box: two orders of the same recipient, three lines. box_B is a plain one-line box.
const LINES: BookingLine[] = [
  line({}),
  line({ product_name: '충전 케이블', option_text: null, quantity: 2 }),
  line({
    box_id: 'box_B',
    tracking_number: '640000000006',
    mall_order_id: '2026112500009',
    recipient_name: '박지훈',
    recipient_phone: null,
    recipient_mobile: '010-5555-6666',
    delivery_memo: null,
  }),
  line({ mall_order_id: '2026112500002', product_name: '케이스', option_text: '블랙', quantity: 3, delivery_memo: '경비실에 맡겨주세요' }),
];

describe('booking rows', () => {
  it('a merged box is one row: item summary, summed quantity, all its order numbers and memos', () => {
    const boxes = boxRows(LINES);
    assert.equal(boxes.length, 2);
    assert.deepEqual(boxes[0], {
      box_key: 'box_A',
      tracking_number: '',
      mall_order_ids: ['2026112500001', '2026112500002'],
      orderer_name: '김민준',
      recipient_name: '이서연',
      recipient_phone: '02-1234-5678',
      recipient_mobile: '010-9876-5432',
      recipient_zip: '06236',
      recipient_address1: '서울특별시 강남구 테헤란로 152',
      recipient_address2: '12층 1201호',
      delivery_memo: '문 앞에 놓아주세요 / 경비실에 맡겨주세요',
      item_summary: '무선 이어폰 화이트 외 2건',
      quantity: 6,
    });
    // A box numbered already (from a band: 송장 대역) carries its number for the label program.
    assert.equal(boxes[1]!.tracking_number, '640000000006');
    const generic = bookingRows(LINES, findBookingTemplate('generic')!, {});
    const number = findBookingTemplate('generic')!.columns.findIndex((c) => c.field === 'tracking_number');
    assert.deepEqual(
      generic.map((r) => r[number]),
      ['', '640000000006'],
    );
    // Only a mobile: it fills both contact columns.
    assert.equal(boxes[1]!.recipient_phone, '010-5555-6666');
    assert.equal(boxes[1]!.item_summary, '무선 이어폰 화이트');
    assert.equal(itemSummary([]), '');
  });

  it('CJ: the box key sits in the column the courier echoes back; digits are text, quantities numbers', () => {
    const cj = findBookingTemplate('cj')!;
    const rows = bookingRows(LINES, cj, { sender: SAMPLE_SENDER });
    assert.equal(rows.length, 2);
    const at = (header: string) => cj.columns.findIndex((c) => c.header === header);
    assert.equal(rows[0]![at(cj.referenceHeader)], 'box_A');
    assert.equal(rows[1]![at(cj.referenceHeader)], 'box_B');
    assert.equal(rows[0]![at('받는분주소(전체, 분할)')], '서울특별시 강남구 테헤란로 152 12층 1201호');
    assert.equal(rows[0]![at('내품수량')], 6);
    assert.equal(rows[0]![at('박스수량')], 1);
    assert.equal(rows[0]![at('받는분우편번호')], '06236');
    assert.equal(rows[0]![at('보내는분전화번호')], '031-123-4567');
    assert.equal(rows[0]![at('보내는분주소(전체, 분할)')], '경기도 성남시 분당구 판교역로 235 1층');
    const columns = bookingColumns(cj);
    assert.equal(columns[at('받는분전화번호')]!.text, true);
    assert.equal(columns[at('내품수량')]!.text, false);
  });

  it('every template has each column once, a box-key column named as its reference, and sender fields only when given', () => {
    assert.deepEqual(
      BOOKING_TEMPLATES.map((t) => t.id),
      ['cj', 'lotte', 'hanjin', 'logen', 'epost', 'generic'],
    );
    for (const t of BOOKING_TEMPLATES) {
      const headers = t.columns.map((c) => c.header);
      assert.equal(new Set(headers).size, headers.length, `${t.id} repeats a header`);
      assert.deepEqual(
        t.columns.filter((c) => c.field === 'box_key').map((c) => c.header),
        [t.referenceHeader],
        t.id,
      );
      const [row] = bookingRows(LINES.slice(0, 1), t);
      t.columns.forEach((c, i) => {
        if (c.field.startsWith('sender_')) assert.equal(row![i], '', `${t.id} ${c.header} without a sender`);
      });
    }
  });

  it('masked for someone without the right: names and phones masked, address to its region, memo hidden; the key kept', () => {
    const [box] = boxRows(LINES);
    const masked = maskBoxRow(box!);
    assert.equal(masked.recipient_name, '이*연');
    assert.equal(masked.orderer_name, '김*준');
    assert.equal(masked.recipient_phone, '02-****-5678');
    assert.equal(masked.recipient_mobile, '010-****-5432');
    assert.equal(masked.recipient_address1, '서울특별시 강남구 ***');
    assert.equal(masked.recipient_address2, '***');
    assert.equal(masked.delivery_memo, '***');
    assert.equal(masked.box_key, 'box_A');
    assert.equal(masked.item_summary, box!.item_summary);
    const generic = findBookingTemplate('generic')!;
    const [row] = bookingRows(LINES, generic, { masked: true });
    const text = JSON.stringify(row);
    for (const secret of ['이서연', '김민준', '9876', '1234-5678', '테헤란로', '1201호']) assert.ok(!text.includes(secret), `${secret} in ${text}`);
  });

  it('a sample file per template: its headers and one example row, as XLSX and as the CSV the courier reads', async () => {
    for (const t of BOOKING_TEMPLATES) {
      const xlsx = collector();
      await writeBookingSample(xlsx.stream, t, 'xlsx');
      const { rows } = await readXlsx(xlsx.bytes());
      assert.equal(rows.length, 2, t.id);
      assert.deepEqual(
        rows[0],
        t.columns.map((c) => c.header),
      );
      assert.equal(rows[1]![t.columns.findIndex((c) => c.field === 'box_key')], SAMPLE_LINES[0]!.box_id);
      const csv = collector();
      const result = await writeBookingSample(csv.stream, t, 'csv');
      assert.equal(result.rows, 1);
      const text =
        t.csvEncoding === 'cp949'
          ? iconv.decode(csv.bytes(), 'cp949')
          : csv
              .bytes()
              .toString('utf8')
              .replace(/^\ufeff/, '');
      const lines = text.split('\r\n');
      assert.equal(lines.length, 3, t.id);
      assert.ok(lines[1]!.includes('box_SAMPLE0001') && lines[1]!.includes('외 1건'), lines[1]);
    }
  });
});

describe('order-list export rows', () => {
  const row = {
    status: 'READY',
    channel_name: '쿠팡',
    mall_order_id: '0030000000000001',
    mall_line_id: '40000000000001',
    order_date: '2026-11-25',
    recipient_name: '이서연',
    recipient_mobile: '010-9876-5432',
    recipient_phone: null,
    recipient_zip: '06236',
    recipient_address1: '서울특별시 강남구 테헤란로 152',
    recipient_address2: '12층',
    delivery_memo: '=cmd|/c calc',
    product_name: '무선 이어폰',
    option_text: null,
    quantity: 2,
    amount: -5000,
    courier: 'CJ',
    tracking_number: '012345678901',
    hold: false,
    hold_reason: null,
    memo: '이서연 010-9876-5432로 연락',
    send_status: 'not_sent',
    send_error: null,
  };

  it("has the sheet's visible columns; digits are text, amounts numbers, empty cells empty", () => {
    const headers = orderListColumns('ko').map((c) => c.header);
    assert.ok(!headers.includes('상품주문키') && !headers.includes('처리결과'));
    const cells = orderListRow(row, 'ko');
    const at = (header: string) => cells[headers.indexOf(header)];
    assert.equal(at('주문번호'), '0030000000000001');
    assert.equal(at('운송장번호'), '012345678901');
    assert.equal(at('상태'), '출고대기');
    assert.equal(at('택배사'), 'CJ대한통운');
    assert.equal(at('수량'), 2);
    assert.equal(at('금액'), -5000);
    assert.equal(at('전화번호'), null);
    assert.equal(orderListColumns('ko')[headers.indexOf('운송장번호')]!.text, true);
    const masked = orderListRow(row, 'ko', { masked: true });
    const maskedAt = (header: string) => masked[headers.indexOf(header)];
    assert.equal(maskedAt('수취인'), '이*연');
    assert.equal(maskedAt('휴대폰'), '010-****-5432');
    assert.equal(maskedAt('메모'), '이*연 010-****-5432로 연락');
    assert.equal(maskedAt('운송장번호'), '012345678901');
  });
});
