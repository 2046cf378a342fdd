import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { xlsxSourceWith } from '../helpers/xlsx.ts';

let s: TestServer;
let operator: string;
beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
});
afterAll(() => s.close());

type Row = (string | number | null)[];
type RowResult = { row: number; result: string; order: number | null; reasons: string[]; notes: string[]; duplicate_of: string | null };

const HEADER = ['주문번호', '거래처', '수취인', '휴대폰', '우편번호', '주소', '상세주소', '상품명', '옵션', '수량', '금액', '배송비', '메모'];

/**
 * A wholesale buyer's order sheet: a title and a blank row above the header (row 3), then rows 4–10. Rows 4 and 5
 * are two products of one order (the phone once as Excel's number that lost its 0); row 6 has no recipient, row 7 a
 * product nobody has catalogued, row 8 a zero quantity, row 9 a negative amount, row 10 reuses row 7's order number
 * for another recipient.
 */
function wholesaleRows(channel: string): Row[] {
  const addr = ['06236', '서울 강남구 테헤란로 1', '101호'];
  return [
    ['2025년 11월 도매 주문서', null, null],
    [],
    HEADER,
    ['W-1001', channel, '홍길동', '010-1234-5678', ...addr, '텀블러 500ml', '블랙', 2, 30000, 3000, '오전 배송'],
    ['W-1001', channel, '홍길동', 1012345678, ...addr, '머그컵', null, 1, '12,900원', 3000, null],
    ['W-1002', channel, '', '010-2222-3333', ...addr, '키링', null, 1, 5000, 0, null],
    ['W-1003', channel, '김철수', '010-3333-4444', '48058', '부산 해운대구 센텀중앙로 1', null, '없는상품 X-999', null, 3, 9000, 0, null],
    ['W-1004', channel, '이영희', '010-4444-5555', ...addr, '텀블러 500ml', null, 0, 10000, 0, null],
    ['W-1005', channel, '박민수', '010-5555-6666', ...addr, '머그컵', null, 1, -5000, 0, null],
    ['W-1003', channel, '최다른', '010-6666-7777', ...addr, '머그컵', null, 1, 4000, 0, null],
  ];
}

const sheetSource = (channel: string, name = '도매주문') => ({ kind: 'sheet', name, rows: wholesaleRows(channel) });

async function xlsxSource(channel: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('발주서');
  for (const row of wholesaleRows(channel)) sheet.addRow(row);
  sheet.mergeCells('A1:E1');
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { kind: 'file', filename: 'wholesale.xlsx', content_base64: bytes.toString('base64') };
}

const byRow = (rows: RowResult[]) => new Map(rows.map((r) => [r.row, r]));

/** The preview every form of the wholesale sheet must give. */
function assertWholesalePreview(body: { header_row: number; counts: Record<string, number>; rows: RowResult[] }) {
  assert.equal(body.header_row, 3);
  assert.deepEqual(body.counts, { rows: 7, ok: 3, invalid: 3, duplicate: 1, orders: 2, lines: 6 });
  const r = byRow(body.rows);
  assert.equal(r.get(4)!.result, 'ok');
  assert.equal(r.get(5)!.result, 'ok');
  assert.equal(r.get(4)!.order, r.get(5)!.order, 'two products of one buyer + recipient + address are one order');
  assert.equal(r.get(6)!.result, 'invalid');
  assert.match(r.get(6)!.reasons.join(' '), /수취인: 값이 비어 있습니다/);
  assert.equal(r.get(7)!.result, 'ok');
  assert.match(r.get(7)!.notes.join(' '), /저장된 매칭이 있으면 그 상품에 연결되고, 없으면 비매칭으로 매칭 탭에서 연결합니다/);
  assert.match(r.get(7)!.notes.join(' '), /없는상품 X-999/);
  assert.equal(r.get(8)!.result, 'invalid');
  assert.match(r.get(8)!.reasons.join(' '), /수량: 수량은 1 이상이어야 합니다/);
  assert.equal(r.get(9)!.result, 'invalid');
  assert.match(r.get(9)!.reasons.join(' '), /금액: 음수 금액은 쓸 수 없습니다/);
  assert.equal(r.get(10)!.result, 'duplicate');
  assert.match(r.get(10)!.reasons.join(' '), /W-1003.*7행/);
}

async function linesOf(channel: string) {
  const res = await s.call('GET', `/api/order-lines?channel=${encodeURIComponent(channel)}&limit=100`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items as { order_id: string; mall_order_id: string; product_name: string; quantity: number; amount: number; status: string }[];
}

/** The orders of the wholesale sheet as the lines view shows them: W-1001 with 3 lines, W-1003 with 3. */
async function assertRegistered(channel: string) {
  const lines = await linesOf(channel);
  const of = (number: string) => lines.filter((l) => l.mall_order_id === number);
  assert.deepEqual(
    of('W-1001')
      .map((l) => [l.product_name, l.quantity, l.amount, l.status])
      .sort(),
    [
      ['머그컵', 1, 12900, 'NEW'],
      ['텀블러 500ml', 1, 15000, 'NEW'],
      ['텀블러 500ml', 1, 15000, 'NEW'],
    ],
  );
  assert.equal(new Set(of('W-1001').map((l) => l.order_id)).size, 1);
  assert.deepEqual(
    of('W-1003').map((l) => [l.product_name, l.quantity, l.amount]),
    [
      ['없는상품 X-999', 1, 3000],
      ['없는상품 X-999', 1, 3000],
      ['없는상품 X-999', 1, 3000],
    ],
  );
  assert.equal(lines.length, 6, 'the invalid rows and the in-file duplicate made nothing');
  return lines;
}

/** As an operator, in Korean (the reasons are checked in the words operators read). */
const api = (method: string, path: string, body?: unknown, token = operator) => s.call(method, path, body, { token, lang: 'ko' });
const upload = (body: unknown) => api('POST', '/api/order-uploads', body);

describe('order upload: preview', () => {
  it('says per row of an active sheet: ok, invalid with the reason, duplicate inside the file, unmatched product', async () => {
    const res = await api('POST', '/api/order-uploads/preview', { source: sheetSource('도매-미리보기'), template: { id: 'order_wholesale' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assertWholesalePreview(res.body);
    assert.equal(res.body.source_name, '도매주문');
    assert.equal((await linesOf('도매-미리보기')).length, 0, 'a preview stores nothing');
  });

  it('reads an uploaded XLSX with a merged title the same way', async () => {
    const res = await api('POST', '/api/order-uploads/preview', { source: await xlsxSource('도매-엑셀'), template: { id: 'order_wholesale' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assertWholesalePreview(res.body);
    assert.equal(res.body.source_name, 'wholesale.xlsx');
  });

  it('reads a seller center download that is an HTML table named .xls (EUC-KR) the same way', async () => {
    const escape = (v: unknown) =>
      String(v ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;');
    const rows = wholesaleRows('도매-HTML').map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`);
    const page = `<html><head><meta charset="euc-kr"></head><body><table border="1">${rows.join('\n')}</table></body></html>`;
    const source = { kind: 'file', filename: '주문목록.xls', content_base64: iconv.encode(page, 'cp949').toString('base64') };
    const res = await api('POST', '/api/order-uploads/preview', { source, template: { id: 'order_wholesale' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assertWholesalePreview(res.body);
  });

  it('takes a template definition (in the store shape) from the request; an unknown or an invoice template is a 400 naming the field', async () => {
    const definition = {
      type: 'order_upload',
      columns: [
        { field: 'recipient_name', headers: ['받을사람'], required: true },
        { field: 'product_name', headers: ['품목'], required: true },
        { field: 'quantity', headers: ['개수'] },
      ],
      fixed: { channel_kind: 'named', channel_name: '정의-거래처' },
    };
    const rows = [
      ['받을사람', '품목', '개수'],
      ['홍길동', '양말', 2],
      ['홍길동', '장갑', '0'],
    ];
    const res = await api('POST', '/api/order-uploads/preview', {
      source: { kind: 'sheet', rows },
      template: { definition, name: '우리 거래처 양식' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.template_id, 'custom');
    assert.deepEqual(
      res.body.rows.map((r: RowResult) => r.result),
      ['invalid', 'invalid'],
      'one order: its bad line keeps the other out too',
    );
    assert.match(res.body.rows[0].reasons.join(' '), /3행이 올바르지 않아/);
    for (const [template, code] of [
      [{ id: 'nope' }, 'template_not_found'],
      [{ id: 'invoice_cj' }, 'validation_failed'],
    ] as const) {
      const bad = await api('POST', '/api/order-uploads/preview', { source: { kind: 'sheet', rows }, template });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, code);
      assert.equal(bad.body.error.details[0].field, 'template.id');
    }
    const invoice = { ...definition, type: 'invoice_import', reference: 'box_key' };
    const wrong = await api('POST', '/api/order-uploads/preview', { source: { kind: 'sheet', rows }, template: { definition: invoice } });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.details[0].field, 'template.definition.type');
  });

  it('uses an order-upload template saved in the template store, by its id', async () => {
    const definition = {
      type: 'order_upload',
      headerRow: 2,
      columns: [
        { field: 'mall_order_id', headers: ['발주번호'] },
        { field: 'recipient_name', headers: ['받을사람'], required: true },
        { field: 'recipient_mobile', headers: ['연락처'] },
        { field: 'recipient_address1', headers: ['배송지'] },
        { field: 'product_name', headers: ['품목'], required: true },
        { field: 'quantity', headers: ['개수'] },
        { field: 'amount', headers: ['합계'] },
      ],
      fixed: { channel_kind: 'named', channel_name: '저장-거래처' },
    };
    const saved = await api('POST', '/api/file-templates', { name: '저장한 거래처 양식', definition });
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    const rows = [
      ['거래처 발주서'],
      ['발주번호', '받을사람', '연락처', '배송지', '품목', '개수', '합계'],
      ['S-1', '홍길동', '010-1234-5678', '서울 중구 세종대로 1', '양말', 2, 8000],
    ];
    const res = await upload({ source: { kind: 'sheet', name: '저장양식', rows }, template: { id: saved.body.id } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.template_id, saved.body.id);
    assert.equal(res.body.upload.template_name, '저장한 거래처 양식');
    assert.deepEqual(res.body.counts, { rows: 1, ok: 1, invalid: 0, duplicate: 0, orders: 1, lines: 2 });
    const lines = await linesOf('저장-거래처');
    assert.deepEqual(
      lines.map((l) => [l.mall_order_id, l.product_name, l.amount]),
      [
        ['S-1', '양말', 4000],
        ['S-1', '양말', 4000],
      ],
    );
  });

  it('a sheet without the header is refused as a whole', async () => {
    const res = await api('POST', '/api/order-uploads/preview', {
      source: {
        kind: 'sheet',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
      template: { id: 'order_wholesale' },
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'header_not_found');
  });

  it('is for operators', async () => {
    const viewer = await s.tokenFor('viewer');
    const res = await api('POST', '/api/order-uploads/preview', { source: sheetSource('x'), template: { id: 'order_wholesale' } }, viewer);
    assert.equal(res.status, 403);
  });
});

describe('order upload: register and batches', () => {
  it('registers the valid orders of a sheet as one batch, with history saying the file', async () => {
    const channel = '도매-시트';
    const res = await upload({ source: sheetSource(channel), template: { id: 'order_wholesale' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assertWholesalePreview(res.body);
    assert.match(res.body.upload.id, /^upl_/);
    assert.equal(res.body.upload.orders_created, 2);
    assert.equal(res.body.upload.lines_created, 6);
    assert.equal(res.body.upload.rows_registered, 3);
    assert.equal(res.body.upload.rows_refused, 4);
    assert.deepEqual(
      res.body.orders.map((o: { rows: number[] }) => o.rows),
      [[4, 5], [7]],
    );
    await assertRegistered(channel);

    const order = (await s.call('GET', `/api/orders/${res.body.orders[0].id}`)).body;
    assert.equal(order.recipient_name, '홍길동');
    assert.equal(order.recipient_mobile, '010-1234-5678');
    assert.equal(order.total_amount, 30000 + 12900 + 3000, 'the lines and the shipping fee once');
    assert.equal(order.shipping_fee, 3000);
    assert.equal(order.notes[0].body, '오전 배송');
    // The file named in the reader's language (the client reads English by default).
    assert.ok(order.history.every((h: { reason: string; batch_id: string; action: string }) => h.reason === 'Order upload 도매주문'));
    assert.ok((await orderHistoryIn(s, order.id, 'ko')).every((h) => h.reason === '주문 업로드 도매주문'));
    assert.ok(order.history.every((h: { batch_id: string }) => h.batch_id === res.body.upload.id));

    const list = await api('GET', '/api/order-uploads', undefined);
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((u: { id: string }) => u.id === res.body.upload.id));
    const detail = await api('GET', `/api/order-uploads/${res.body.upload.id}`, undefined);
    assert.equal(detail.status, 200);
    assert.deepEqual(
      detail.body.orders.map((o: { mall_order_id: string; line_count: number; quantity: number; statuses: string[] }) => [
        o.mall_order_id,
        o.line_count,
        o.quantity,
        o.statuses,
      ]),
      [
        ['W-1001', 3, 3, ['NEW']],
        ['W-1003', 3, 3, ['NEW']],
      ],
    );
  });

  it('registers an uploaded XLSX the same way', async () => {
    const channel = '도매-엑셀등록';
    const res = await upload({ source: await xlsxSource(channel), template: { id: 'order_wholesale' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.upload.source_kind, 'file');
    assert.equal(res.body.upload.source_name, 'wholesale.xlsx');
    await assertRegistered(channel);
  });

  it('never registers a mall order number twice for a channel: the second upload of the file answers duplicates', async () => {
    const channel = '도매-중복';
    const first = await upload({ source: sheetSource(channel), template: { id: 'order_wholesale' } });
    assert.equal(first.status, 200);
    const again = await upload({ source: sheetSource(channel), template: { id: 'order_wholesale' } });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.upload, null);
    assert.equal(again.body.counts.ok, 0);
    assert.equal(again.body.counts.duplicate, 4);
    const r = byRow(again.body.rows);
    assert.equal(r.get(4)!.result, 'duplicate');
    assert.equal(r.get(4)!.duplicate_of, first.body.orders[0].id);
    assert.match(r.get(4)!.reasons.join(' '), /W-1001.*이미 등록된 주문/);
    assert.equal((await linesOf(channel)).length, 6);
    // The same numbers for another channel are other orders.
    const other = await upload({ source: sheetSource(`${channel}-2`), template: { id: 'order_wholesale' } });
    assert.equal(other.body.upload.orders_created, 2);
  });

  it('two uploads of one file at once register its orders once', async () => {
    const channel = '도매-동시';
    const both = await Promise.all([1, 2].map(() => upload({ source: sheetSource(channel), template: { id: 'order_wholesale' } })));
    assert.deepEqual(
      both.map((r) => r.status),
      [200, 200],
      JSON.stringify(both.map((r) => r.body)),
    );
    assert.equal(both.filter((r) => r.body.upload !== null).length, 1);
    assert.equal(both.find((r) => r.body.upload === null)!.body.counts.duplicate, 4);
    await assertRegistered(channel);
  });

  it('all_or_nothing registers nothing when a row is not ok', async () => {
    const channel = '도매-전부';
    const res = await upload({ source: sheetSource(channel), template: { id: 'order_wholesale' }, all_or_nothing: true });
    assert.equal(res.status, 200);
    assert.equal(res.body.upload, null);
    assert.deepEqual(res.body.orders, []);
    assert.equal((await linesOf(channel)).length, 0);
  });

  it('an amount beyond what won columns hold is refused on its row, and an order totalling more on all its rows (it was a 500 on PostgreSQL)', async () => {
    const channel = '도매-큰금액';
    const addr = ['06236', '서울 강남구 테헤란로 1', '101호'];
    const rows = [
      HEADER,
      ['W-9001', channel, '큰금액', '010-1234-5678', ...addr, '금괴', null, 1, 3_000_000_000, 0, null],
      ['W-9002', channel, '합계큰', '010-1234-5679', ...addr, '금괴', null, 1, 1_500_000_000, 3000, null],
      ['W-9002', channel, '합계큰', '010-1234-5679', ...addr, '은괴', null, 1, 1_500_000_000, 3000, null],
      ['W-9003', channel, '보통', '010-1234-5670', ...addr, '텀블러', null, 1, 15_000, 3000, null],
    ];
    const res = await upload({ source: { kind: 'sheet', name: '큰금액', rows }, template: { id: 'order_wholesale' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = byRow(res.body.rows);
    assert.equal(r.get(2)!.result, 'invalid');
    assert.match(r.get(2)!.reasons.join(' '), /^금액: 한 줄의 금액은 2,147,483,647원까지입니다: 3,000,000,000원$/);
    for (const row of [3, 4]) {
      assert.equal(r.get(row)!.result, 'invalid');
      assert.match(r.get(row)!.reasons.join(' '), /이 주문의 합계\(배송비 포함\)가 2,147,483,647원을 넘습니다: 3,000,003,000원/);
    }
    assert.equal(r.get(5)!.result, 'ok');
    assert.equal(res.body.upload.orders_created, 1);
    assert.deepEqual(
      (await linesOf(channel)).map((l) => l.product_name),
      ['텀블러'],
    );
  });

  it('a cell longer than the column it is saved in is refused on its row at the preview, naming the column and the limit; the good row registers (it was a 500 on PostgreSQL, or cut short)', async () => {
    const channel = '도매-긴값';
    const header = [
      '주문번호',
      '거래처',
      '주문자',
      '수취인',
      '휴대폰',
      '주소',
      '상세주소',
      '배송메모',
      '상품코드',
      '상품명',
      '옵션',
      '수량',
      '금액',
      '메모',
    ];
    const good = [
      'L-1',
      channel,
      '주문자',
      '홍길동',
      '010-1234-5678',
      '서울 강남구 테헤란로 1',
      '101호',
      '문 앞',
      'P-1',
      '텀블러',
      '블랙',
      1,
      15000,
      '',
    ];
    const set = (changes: Record<number, string>) => good.map((cell, i) => changes[i] ?? cell);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('발주서').addRows([
      header,
      good,
      set({ 0: 'L'.repeat(65) }),
      set({ 0: 'L-3', 8: 'P'.repeat(100) }),
      set({ 0: 'L-4', 1: '거'.repeat(150) }),
      set({ 0: 'L-5', 2: '주'.repeat(120), 6: '상'.repeat(400), 7: '메'.repeat(600), 9: '품'.repeat(330), 10: '옵'.repeat(400) }),
      set({ 0: 'L-6', 3: '수'.repeat(5000) }),
      // An order's memo is a note: as long as a typed one may be (it had no limit at all).
      set({ 0: 'L-7', 13: '메'.repeat(4001) }),
    ]);
    const source = {
      kind: 'file',
      filename: 'long.xlsx',
      content_base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
    };
    const want: [number, RegExp[]][] = [
      [3, [/^주문번호: 너무 깁니다 \(65자, 최대 64자\)$/]],
      [4, [/^상품코드: 너무 깁니다 \(100자, 최대 64자\)$/]],
      [5, [/^거래처: 너무 깁니다 \(150자, 최대 100자\)$/]],
      [
        6,
        [
          /^주문자: .*최대 100자/,
          /^상세주소: .*\(400자, 최대 300자\)/,
          /^배송메모: .*\(600자, 최대 500자\)/,
          /^상품명: .*최대 300자/,
          /^옵션: .*최대 300자/,
        ],
      ],
      [7, [/^수취인: 너무 깁니다 \(5000자, 최대 100자\)$/]],
      [8, [/^메모: 너무 깁니다 \(4001자, 최대 4000자\)$/]],
    ];
    const preview = await api('POST', '/api/order-uploads/preview', { source, template: { id: 'order_wholesale' } });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    for (const answer of [preview.body, (await upload({ source, template: { id: 'order_wholesale' } })).body]) {
      const r = byRow(answer.rows);
      assert.equal(r.get(2)!.result, 'ok');
      for (const [row, reasons] of want) {
        assert.equal(r.get(row)!.result, 'invalid', `row ${row}`);
        assert.equal(r.get(row)!.reasons.length, reasons.length, r.get(row)!.reasons.join(' | '));
        reasons.forEach((reason, i) => assert.match(r.get(row)!.reasons[i]!, reason));
      }
    }
    const lines = await linesOf(channel);
    assert.deepEqual(
      lines.map((l) => [l.mall_order_id, l.product_name]),
      [['L-1', '텀블러']],
    );
  });

  it('an uploaded XLSX whose cell holds half a surrogate pair (_xD800_ or &#xD800;) or a NUL: that row is refused naming the column, as JSON refuses it; the good row registers', async () => {
    const channel = '도매-깨진글자';
    const addr = ['06236', '서울 강남구 테헤란로 1', '101호'];
    const rows = [
      HEADER,
      ['B-1', channel, '홍길동', '010-1234-5678', ...addr, '텀블러', null, 1, 15000, 0, null],
      ['B-2', channel, '정AA우', '010-1234-5679', ...addr, '텀블러', null, 1, 15000, 0, null],
      ['B-3', channel, '김철수', '010-1234-5670', ...addr, '머그BB컵', null, 1, 15000, 0, null],
      ['B-4', channel, '이영희', '010-1234-5671', ...addr, '키링', 'CC옵션', 1, 15000, 0, null],
    ];
    const source = await xlsxSourceWith(rows, (xml) =>
      xml.replace('정AA우', '정_xD800_우').replace('머그BB컵', '머그&#xD800;컵').replace('CC옵션', 'NUL_x0000_옵션'),
    );
    for (const answer of [
      (await api('POST', '/api/order-uploads/preview', { source, template: { id: 'order_wholesale' } })).body,
      (await upload({ source, template: { id: 'order_wholesale' } })).body,
    ]) {
      const r = byRow(answer.rows);
      assert.equal(r.get(2)!.result, 'ok', JSON.stringify(answer));
      assert.deepEqual(r.get(3)!.reasons, ['수취인: 깨진 문자(짝 없는 UTF-16 서로게이트)가 들어 있어 읽지 않았습니다. 글자를 다시 입력하세요']);
      assert.match(r.get(4)!.reasons.join(' '), /^상품명: 깨진 문자/);
      assert.match(r.get(5)!.reasons.join(' '), /^옵션: 제어 문자\(NUL 등\)/);
      for (const row of [3, 4, 5]) assert.equal(r.get(row)!.result, 'invalid');
    }
    const lines = await linesOf(channel);
    assert.deepEqual(
      lines.map((l) => l.mall_order_id),
      ['B-1'],
    );
    assert.equal((await s.deps.db('orders').whereLike('recipient_name', '%\uFFFD%')).length, 0);
  });

  it('a CSV with a stray NUL in one cell: that row is refused naming the column, the file is read (it was refused whole as unreadable)', async () => {
    const channel = '도매-CSV-NUL';
    const addr = ['06236', '서울 강남구 테헤란로 1', '101호'];
    const csv = [
      HEADER,
      ['N-1', channel, '홍길동', '010-1234-5678', ...addr, '텀블러', '', 1, 15000, 0, ''],
      ['N-2', channel, '이영희', '010-1234-5671', ...addr, '키링', '', 1, 15000, 0, 'a\u0000b'],
    ]
      .map((row) => row.join(','))
      .join('\r\n');
    const source = { kind: 'file', filename: 'wholesale.csv', content_base64: Buffer.from(csv, 'utf8').toString('base64') };
    const preview = await api('POST', '/api/order-uploads/preview', { source, template: { id: 'order_wholesale' } });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    const r = byRow(preview.body.rows);
    assert.equal(r.get(2)!.result, 'ok', JSON.stringify(preview.body));
    assert.equal(r.get(3)!.result, 'invalid');
    assert.match(r.get(3)!.reasons.join(' '), /제어 문자\(NUL 등\)/);
  });

  it('deletes a whole batch with a reason; its numbers can then be uploaded again', async () => {
    const channel = '도매-삭제';
    const first = await upload({ source: sheetSource(channel), template: { id: 'order_wholesale' } });
    const id = first.body.upload.id;
    const noReason = await api('DELETE', `/api/order-uploads/${id}`, {});
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.details[0].field, 'reason');

    const res = await api('DELETE', `/api/order-uploads/${id}`, { reason: '거래처가 주문서를 다시 보냄' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.deleted_at);
    assert.equal(res.body.delete_reason, '거래처가 주문서를 다시 보냄');
    assert.ok(res.body.orders.every((o: { deleted_at: string | null }) => o.deleted_at));
    const order = (await s.call('GET', `/api/orders/${first.body.orders[0].id}`)).body;
    assert.ok(order.deleted_at);
    assert.equal(order.delete_reason, '거래처가 주문서를 다시 보냄');
    assert.equal((await linesOf(channel)).length, 0);
    assert.equal((await api('DELETE', `/api/order-uploads/${id}`, { reason: 'again' })).status, 409);
    const listed = await api('GET', '/api/order-uploads', undefined);
    assert.ok(!listed.body.items.some((u: { id: string }) => u.id === id), 'deleted batches are listed only on request');

    const again = await upload({ source: sheetSource(channel), template: { id: 'order_wholesale' } });
    assert.equal(again.body.upload.orders_created, 2, 'a deleted batch gives its order numbers back');
    await assertRegistered(channel);
  });

  it('refuses to delete a batch once one of its orders moved on, naming it', async () => {
    const channel = '도매-진행';
    const first = await upload({ source: sheetSource(channel), template: { id: 'order_wholesale' } });
    const [moved, untouched] = first.body.orders.map((o: { id: string }) => o.id);
    const released = await s.call('POST', `/api/orders/${moved}/transitions`, { action: 'release', version: 1 });
    assert.equal(released.status, 200, JSON.stringify(released.body));
    const invoiced = await s.call('POST', `/api/orders/${moved}/transitions`, {
      action: 'set_invoice',
      courier: 'CJ',
      tracking_number: '612345678906',
      version: released.body.version,
    });
    assert.equal(invoiced.status, 200, JSON.stringify(invoiced.body));

    const res = await api('DELETE', `/api/order-uploads/${first.body.upload.id}`, { reason: '잘못 올림' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'upload_moved_on');
    assert.match(res.body.error.message, new RegExp(moved));
    assert.doesNotMatch(res.body.error.message, new RegExp(untouched));
    assert.deepEqual(res.body.error.details.orders, [moved]);
    const detail = await api('GET', `/api/order-uploads/${first.body.upload.id}`, undefined);
    assert.equal(detail.body.deleted_at, null);
    assert.ok(
      detail.body.orders.every((o: { deleted_at: string | null }) => o.deleted_at === null),
      'nothing was deleted',
    );
  });
});
