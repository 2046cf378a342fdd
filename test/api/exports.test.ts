// Exports of personal data (issue 10): an order list and a courier booking file, each with a reason, recorded in the
// access records, masked for viewers, formulas neutralised, optionally encrypted. The files are read back as a user
// would open them: exceljs for XLSX, iconv-lite for CP949 CSV, officecrypto-tool to open an encrypted one.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import officeCrypto from 'officecrypto-tool';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { sheetRows } from '../helpers/xlsx.ts';

let s: TestServer;
let operator: string;
let viewer: string;
const users: Record<string, string> = {};
const CHANNEL = '내보내기몰';
const FORMULA = '=HYPERLINK("http://evil.example","클릭")';

/** POSTs and answers the raw bytes (or the JSON error). */
const download = (path: string, body: unknown, token: string) => s.download('POST', path, body, { token, lang: 'ko' });

const newest = async () => (await s.call('GET', '/api/audit/access-records?limit=1')).body.items[0];

beforeAll(async () => {
  s = await startTestServer();
  await makeOrder(s.deps.db, {
    channel: CHANNEL,
    recipient: '홍길동',
    recipientMobile: '010-1234-5678',
    products: [FORMULA, '스텐 텀블러'],
    lines: 2,
  });
  await makeOrder(s.deps.db, { channel: CHANNEL, recipient: '김철수', recipientMobile: '010-2222-3333' });
  operator = await s.tokenFor('operator');
  viewer = await s.tokenFor('viewer');
  users.operator = (await s.call('GET', '/api/auth/me', undefined, { token: operator })).body.id;
  users.viewer = (await s.call('GET', '/api/auth/me', undefined, { token: viewer })).body.id;
  // Booking files with sender columns need the shop's sender (test/api/exports-sender.test.ts has the refusal).
  const sender = { name: '쉽시트상회', phone: '02-1234-5678', zip: '06236', address1: '서울특별시 강남구 테헤란로 123' };
  assert.equal((await s.call('PUT', '/api/settings/sender', sender)).status, 200);
});
afterAll(() => s.close());

/** The courier's result file for one booked order key, imported: one new number. */
async function importCourierResult(key: string, number: string) {
  const source = {
    kind: 'sheet',
    name: 'CJ 결과',
    rows: [
      ['고객주문번호', '운송장번호'],
      [key, number],
    ],
  };
  const applied = await s.call('POST', '/api/invoice-imports', { source, template_id: 'invoice_cj' }, { token: operator });
  assert.equal(applied.status, 200, JSON.stringify(applied.body));
  assert.deepEqual(
    applied.body.results.map((r: { outcome: string }) => r.outcome),
    ['new'],
  );
}

describe('order list export', () => {
  it('needs a reason (기타 with words) and is refused without one, leaving no record', async () => {
    const before = (await newest())?.id ?? 0;
    const none = await download('/api/exports/order-lines', { channel: CHANNEL, format: 'xlsx' }, operator);
    assert.equal(none.status, 400);
    assert.equal(none.json.error.details[0].field, 'reason');
    const bare = await download('/api/exports/order-lines', { channel: CHANNEL, format: 'xlsx', reason: 'other' }, operator);
    assert.equal(bare.status, 400);
    assert.equal(bare.json.error.details[0].field, 'reason_text');
    const csvPassword = await download('/api/exports/order-lines', { format: 'csv', reason: 'settlement', password: 'pw' }, operator);
    assert.equal(csvPassword.status, 400);
    assert.equal(csvPassword.json.error.details[0].field, 'password');
    assert.equal((await newest())?.id ?? 0, before);
  });

  it('streams the file with a Korean name and records who, what, rows and reason', async () => {
    const res = await download(
      '/api/exports/order-lines',
      { channel: CHANNEL, format: 'xlsx', reason: 'other', reason_text: '택배사 분실 조회' },
      operator,
    );
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /spreadsheetml/);
    const disposition = res.headers.get('content-disposition')!;
    assert.match(disposition, /^attachment; filename="_+_\d{8}-\d{4}\.xlsx"; filename\*=UTF-8''/);
    assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1]!).startsWith('주문목록_'), true);
    const rows = await sheetRows(res.bytes);
    assert.equal(rows.length, 4, 'header + 3 lines');
    assert.ok(rows[0]!.includes('수취인'));
    assert.ok(rows.some((r) => r.includes('홍길동') && r.includes('010-1234-5678')));
    const r = await newest();
    assert.deepEqual(
      [r.kind, r.endpoint, r.user_id, r.rows, r.format, r.reason, r.reason_text, r.masked, r.filter],
      ['export', 'POST /api/exports/order-lines', users.operator, 3, 'xlsx', 'other', '택배사 분실 조회', false, { channel: CHANNEL }],
    );
  });

  it('neutralises a formula in a cell, in XLSX and in CP949 CSV', async () => {
    const xlsx = await download('/api/exports/order-lines', { channel: CHANNEL, format: 'xlsx', reason: 'shipping' }, operator);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const cell = cells.find((c) => String(c.value).includes('HYPERLINK'))!;
    // A string cell (never run) in the text format (an edit keeps it text): the memo prints as written.
    assert.deepEqual([cell.type, cell.value, cell.numFmt], [ExcelJS.ValueType.String, FORMULA, '@']);
    assert.ok(!cells.some((c) => c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.Hyperlink));

    const csv = await download('/api/exports/order-lines', { channel: CHANNEL, format: 'csv', encoding: 'cp949', reason: 'shipping' }, operator);
    assert.match(csv.headers.get('content-type')!, /charset=cp949/);
    const text = iconv.decode(csv.bytes, 'cp949');
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""클릭"")"`), text);
    assert.ok(!/(^|,)=HYPERLINK/m.test(text));
    assert.ok(text.includes('홍길동'));
  });

  it('a CP949 file says what it could not hold (written as ?): how many characters and on which rows; UTF-8 needs none', async () => {
    const channel = 'CP949 확인';
    await makeOrder(s.deps.db, { channel, recipient: '박🎁수', recipientMobile: '010-4444-5555', products: ['𠮷빌딩 선물세트'] });
    await makeOrder(s.deps.db, { channel, recipient: '이영희', recipientMobile: '010-6666-7777' });
    const csv = await download('/api/exports/order-lines', { channel, format: 'csv', encoding: 'cp949', reason: 'shipping' }, operator);
    assert.equal(csv.status, 200);
    const text = iconv.decode(csv.bytes, 'cp949');
    assert.ok(text.includes('박?수') && text.includes('?빌딩'), text);
    assert.equal(csv.headers.get('x-replaced-characters'), '2');
    assert.equal(csv.headers.get('x-replaced-rows'), '1');
    const utf8 = await download('/api/exports/order-lines', { channel, format: 'csv', encoding: 'utf8', reason: 'shipping' }, operator);
    assert.ok(utf8.bytes.toString('utf8').includes('박🎁수'));
    assert.equal(utf8.headers.get('x-replaced-characters'), null);
  });

  it('an encrypted file opens with its password and not without', async () => {
    const res = await download(
      '/api/exports/order-lines',
      { channel: CHANNEL, format: 'xlsx', reason: 'settlement', password: '정산-2026!' },
      operator,
    );
    assert.equal(res.status, 200);
    assert.equal(officeCrypto.isEncrypted(res.bytes), true);
    await assert.rejects(sheetRows(res.bytes));
    await assert.rejects(officeCrypto.decrypt(res.bytes, { password: 'wrong-password' }));
    const rows = await sheetRows(await officeCrypto.decrypt(res.bytes, { password: '정산-2026!' }));
    assert.equal(rows.length, 4);
    assert.equal((await newest()).rows, 3);
  });
});

describe('masking by role', () => {
  it('viewers get names and phones masked in exports and pulls alike; the record says masked', async () => {
    const res = await download('/api/exports/order-lines', { channel: CHANNEL, format: 'csv', reason: 'customer_inquiry' }, viewer);
    assert.equal(res.status, 200);
    const text = res.bytes.toString('utf8');
    assert.ok(text.startsWith('\ufeff'), 'UTF-8 with a BOM by default');
    assert.ok(text.includes('홍*동') && text.includes('010-****-5678'), text);
    assert.ok(!text.includes('홍길동') && !text.includes('010-1234-5678') && !text.includes('테헤란로'));
    const r = await newest();
    assert.deepEqual([r.user_id, r.masked, r.kind, r.format], [users.viewer, true, 'export', 'csv']);

    const pull = await s.call('GET', `/api/order-lines?channel=${encodeURIComponent(CHANNEL)}`, undefined, { token: viewer });
    const names = pull.body.items.map((i: { recipient_name: string }) => i.recipient_name);
    assert.ok(names.includes('홍*동') && !names.includes('홍길동'));
    assert.ok(pull.body.items.every((i: { recipient_mobile: string }) => /\*{4}/.test(i.recipient_mobile)));
  });

  it('viewers may not export a booking file (a masked booking cannot be delivered)', async () => {
    const res = await download('/api/exports/booking', { template: 'cj', format: 'xlsx', reason: 'shipping' }, viewer);
    assert.equal(res.status, 403);
  });
});

describe('a pull with a reason', () => {
  it('records the reason apart from the filter; other without words is refused', async () => {
    const q = `channel=${encodeURIComponent(CHANNEL)}&reason=customer_inquiry&reason_text=${encodeURIComponent('배송지 확인')}`;
    const res = await s.call('GET', `/api/order-lines/columns?${q}&fields=recipient_name`, undefined, { token: operator });
    assert.equal(res.status, 200);
    const r = await newest();
    assert.deepEqual(
      [r.kind, r.endpoint, r.reason, r.reason_text, r.filter, r.rows],
      ['read', 'GET /api/order-lines/columns', 'customer_inquiry', '배송지 확인', { channel: CHANNEL, limit: 1000 }, 3],
    );
    const bad = await s.call('GET', '/api/order-lines?reason=other', undefined, { token: operator });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'reason_text');
  });

  it('a pull of recipients into a sheet without a reason is refused naming `reason`, and leaves no record', async () => {
    const before = (await newest())?.id ?? 0;
    for (const fields of ['', '&fields=line_id,recipient_name', '&fields=line_id,recipient_address1']) {
      const res = await s.call('GET', `/api/order-lines/columns?channel=${encodeURIComponent(CHANNEL)}${fields}`, undefined, { token: operator });
      assert.equal(res.status, 400, fields);
      assert.deepEqual(
        res.body.error.details.map((d: { field: string }) => d.field),
        ['reason'],
      );
    }
    assert.equal((await newest())?.id ?? 0, before);
    // Fields that name no one need no reason (still a read of the order lines, recorded as such).
    const plain = await s.call('GET', `/api/order-lines/columns?channel=${encodeURIComponent(CHANNEL)}&fields=line_id,status`, undefined, {
      token: operator,
    });
    assert.equal(plain.status, 200);
  });
});

describe('booking file', () => {
  it('a merged box is one row carrying the box key in the reference column', async () => {
    const a = await makeOrder(s.deps.db, {
      channel: '합포몰',
      recipient: '박민수',
      recipientMobile: '010-5555-6666',
      products: ['무선 이어폰'],
      quantity: 2,
    });
    const b = await makeOrder(s.deps.db, {
      channel: '합포몰',
      recipient: '박민수',
      recipientMobile: '010-5555-6666',
      products: ['충전 케이블'],
      lines: 2,
    });
    const c = await makeOrder(s.deps.db, { channel: '합포몰', recipient: '최지우', products: ['보조배터리'] });
    const merged = await putInBox(s.deps.db, [...a.lineIds, ...b.lineIds], { status: 'READY' });
    const single = await putInBox(s.deps.db, c.lineIds, { status: 'READY' });

    const res = await download('/api/exports/booking', { template: 'cj', box_ids: [merged, single], format: 'xlsx', reason: 'shipping' }, operator);
    assert.equal(res.status, 200);
    assert.ok(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!).startsWith('CJ대한통운_택배예약_'));
    const [header, ...rows] = await sheetRows(res.bytes);
    assert.equal(rows.length, 2, 'one row per box');
    const key = header!.indexOf('고객주문번호');
    const row = rows.find((r) => r[key] === merged)!;
    assert.ok(row, 'the merged box is found by its key');
    assert.equal(row[header!.indexOf('내품수량')], 4);
    assert.equal(row[header!.indexOf('품목명')], '무선 이어폰 색상: 화이트 외 2건');
    assert.equal(row[header!.indexOf('받는분성명')], '박민수');
    assert.equal(row[header!.indexOf('보내는분성명')], '쉽시트상회', 'the sender of the shop settings');
    assert.equal(row[header!.indexOf('보내는분전화번호')], '02-1234-5678');
    assert.equal(rows.find((r) => r[key] === single)![header!.indexOf('받는분성명')], '최지우');
    const r = await newest();
    assert.deepEqual(
      [r.kind, r.endpoint, r.rows, r.reason, r.filter],
      ['export', 'POST /api/exports/booking', 2, 'shipping', { template: 'cj', box_ids: 2 }],
    );

    // The courier's program reads CP949 CSV: the template's encoding when none is asked.
    const csv = await download('/api/exports/booking', { template: 'cj', box_ids: [merged], format: 'csv', reason: 'shipping' }, operator);
    const lines = iconv.decode(csv.bytes, 'cp949').trim().split('\r\n');
    assert.equal(lines.length, 2);
    assert.ok(lines[1]!.includes(merged) && lines[1]!.includes('박민수'));
  });

  it("a READY order without a box yet is booked under its order key, and the courier's result file numbers it", async () => {
    // How the day runs: released orders have no box until a number is set, so the booking file keys them by order,
    // the courier echoes that key, and the invoice import numbers the order's lines (making their box).
    const o = await makeOrder(s.deps.db, { channel: '예약몰', recipient: '한예약', products: ['텀블러'], lines: 2, status: 'READY' });
    const res = await download('/api/exports/booking', { template: 'cj', format: 'xlsx', reason: 'shipping' }, operator);
    assert.equal(res.status, 200);
    const [header, ...rows] = await sheetRows(res.bytes);
    const key = header!.indexOf('고객주문번호');
    const row = rows.find((r) => r[key] === o.id);
    assert.ok(row, `the order's key is in the file: ${rows.map((r) => r[key])}`);
    assert.equal(row[header!.indexOf('받는분성명')], '한예약');
    assert.equal(row[header!.indexOf('내품수량')], 2, 'both lines in one row');

    const number = trackingNumber(88_001);
    await importCourierResult(o.id, number);
    const lines = await s.deps.db('order_lines').where({ order_id: o.id });
    assert.ok(
      lines.every((l: { status: string; box_id: string | null }) => l.status === 'INVOICED' && l.box_id),
      JSON.stringify(lines.map((l: { status: string; box_id: string | null }) => [l.status, l.box_id])),
    );
    assert.equal((await s.deps.db('boxes').where({ id: lines[0].box_id }).first()).tracking_number, number);

    // The courier corrects its file (the same key, another number): with overwrite it renumbers that box; without, it
    // says the order has a number already; the same number again is unchanged.
    const corrected = trackingNumber(88_011);
    const again = async (n: string, overwrite: boolean) => {
      const source = {
        kind: 'sheet',
        name: 'CJ 결과',
        rows: [
          ['고객주문번호', '운송장번호'],
          [o.id, n],
        ],
      };
      const res = await s.call('POST', '/api/invoice-imports', { source, template_id: 'invoice_cj', overwrite }, { token: operator, lang: 'ko' });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.results[0];
    };
    const off = await again(corrected, false);
    assert.deepEqual([off.outcome, off.code], ['refused', 'overwrite_off'], JSON.stringify(off));
    assert.equal((await again(number, false)).outcome, 'unchanged');
    const on = await again(corrected, true);
    assert.equal(on.outcome, 'overwrite', JSON.stringify(on));
    assert.equal((await s.deps.db('boxes').where({ id: lines[0].box_id }).first()).tracking_number, corrected);
  });

  it('a sold-out line waiting for its number is left out of the booking (송장 출력 제외), and the result numbers the rest', async () => {
    const o = await makeOrder(s.deps.db, { channel: '예약몰', recipient: '품절예약', products: ['컵', '받침'], lines: 2, status: 'READY' });
    const [kept, soldOut] = o.lineIds;
    await s.deps.db('order_lines').where({ id: soldOut }).update({ sold_out: true });
    const res = await download('/api/exports/booking', { template: 'cj', format: 'xlsx', reason: 'shipping' }, operator);
    const [header, ...rows] = await sheetRows(res.bytes);
    const row = rows.find((r) => r[header!.indexOf('고객주문번호')] === o.id);
    assert.ok(row);
    assert.equal(row[header!.indexOf('내품수량')], 1, 'the sold-out line is not in the box');

    const number = trackingNumber(88_002);
    await importCourierResult(o.id, number);
    const status = async (id: string) => (await s.deps.db('order_lines').where({ id }).first()).status;
    assert.deepEqual([await status(kept!), await status(soldOut!)], ['INVOICED', 'READY']);
  });

  it('a held order is left out of the booking, and so is a merged box holding one (its label could not ship)', async () => {
    const held = await makeOrder(s.deps.db, { channel: '보류몰', recipient: '보류고객', products: ['컵'], status: 'READY' });
    const inBox = await makeOrder(s.deps.db, { channel: '보류몰', recipient: '합포보류', products: ['컵'], status: 'READY' });
    const partner = await makeOrder(s.deps.db, { channel: '보류몰', recipient: '합포보류', products: ['받침'], status: 'READY' });
    const box = await putInBox(s.deps.db, [...inBox.lineIds, ...partner.lineIds], { status: 'READY' });
    const free = await makeOrder(s.deps.db, { channel: '보류몰', recipient: '정상고객', products: ['컵'], status: 'READY' });
    await s.deps.db('orders').whereIn('id', [held.id, inBox.id]).update({ hold: true });
    const res = await download('/api/exports/booking', { template: 'cj', format: 'xlsx', reason: 'shipping' }, operator);
    const [header, ...rows] = await sheetRows(res.bytes);
    const keys = rows.map((r) => r[header!.indexOf('고객주문번호')]);
    assert.ok(keys.includes(free.id), 'the order not held is booked');
    assert.ok(!keys.includes(held.id), 'the held order is not');
    assert.ok(!keys.includes(box) && !keys.includes(partner.id), 'nor is the merged box holding a held order');
    // Released from hold, both are booked again.
    await s.deps.db('orders').whereIn('id', [held.id, inBox.id]).update({ hold: false });
    const again = await download('/api/exports/booking', { template: 'cj', format: 'xlsx', reason: 'shipping' }, operator);
    const [h2, ...rows2] = await sheetRows(again.bytes);
    const keys2 = rows2.map((r) => r[h2!.indexOf('고객주문번호')]);
    assert.ok(keys2.includes(held.id) && keys2.includes(box));
  });

  it('a merged box holding a sold-out line waiting for its number is left out whole (its number would be refused for all of it)', async () => {
    const a = await makeOrder(s.deps.db, { channel: '품절합포', recipient: '품절합포', products: ['컵'], status: 'READY' });
    const b = await makeOrder(s.deps.db, { channel: '품절합포', recipient: '품절합포', products: ['받침'], status: 'READY' });
    const box = await putInBox(s.deps.db, [...a.lineIds, ...b.lineIds], { status: 'READY' });
    await s.deps.db('order_lines').where({ id: b.lineIds[0] }).update({ sold_out: true });
    const keysNow = async () => {
      const res = await download('/api/exports/booking', { template: 'cj', format: 'xlsx', reason: 'shipping' }, operator);
      const [header, ...rows] = await sheetRows(res.bytes);
      return rows.map((r) => r[header!.indexOf('고객주문번호')]);
    };
    assert.ok(!(await keysNow()).includes(box));
    await s.deps.db('order_lines').where({ id: b.lineIds[0] }).update({ sold_out: false });
    assert.ok((await keysNow()).includes(box));
  });

  it('by default takes the READY boxes', async () => {
    const res = await download('/api/exports/booking', { template: 'hanjin', format: 'xlsx', reason: 'shipping' }, operator);
    const [header, ...rows] = await sheetRows(res.bytes);
    assert.ok(rows.length >= 2);
    assert.deepEqual(header!.slice(0, 2), ['받으시는분', '전화번호']);
    assert.deepEqual((await newest()).filter, { template: 'hanjin', status: ['READY'] });
  });

  it("is named in the caller's language, its columns staying the courier's", async () => {
    const res = await s.download(
      'POST',
      '/api/exports/booking',
      { template: 'cj', format: 'xlsx', reason: 'shipping' },
      { token: operator, lang: 'en' },
    );
    assert.equal(res.status, 200);
    assert.match(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!), /^CJ-Logistics_booking_\d/);
    const [header] = await sheetRows(res.bytes);
    assert.ok(header!.includes('받는분성명'));
  });

  it('with nothing to book is refused, and leaves no record', async () => {
    const before = (await newest())?.id ?? 0;
    const res = await download('/api/exports/booking', { template: 'cj', box_ids: ['box_none'], format: 'xlsx', reason: 'shipping' }, operator);
    assert.equal(res.status, 409);
    const body = JSON.parse(res.bytes.toString('utf8'));
    assert.equal(body.error.code, 'nothing_to_book');
    assert.match(body.error.message, /택배 예약 파일에 넣을 박스가 없습니다/);
    assert.equal((await newest())?.id ?? 0, before);
  });
});
