// The 상품 sheet's push over real HTTP, on SQLite and PostgreSQL: new rows and edits in one push, one result per
// row in order; a bad row (a duplicate code, a stale version, a missing date) is refused alone, leaves nothing
// behind, and never keeps the good rows from applying.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { xlsxSourceWith } from '../helpers/xlsx.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const row = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `상품 ${code}`,
  barcodes: [],
  price: 1000,
  status: 'active',
  ...over,
});

type ImportResult = { row: number; result: string; code: string; field?: string; message?: string };

/** A file through the default SKU template, in Korean: its results, each as [row, result, code, field, message]. */
async function importFile(source: unknown) {
  const res = await s.call('POST', '/api/catalogue/skus/import', { source }, { lang: 'ko' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return (res.body.results as ImportResult[]).map((r) => [r.row, r.result, r.code, r.field ?? null, r.message ?? null] as const);
}

describe('POST /api/catalogue/skus/sheet', () => {
  it('applies good rows, refuses bad ones alone, and a refused row writes nothing', async () => {
    const first = await s.call('POST', '/api/catalogue/skus/sheet', {
      rows: [
        row('SH-1', { barcodes: ['880100'] }),
        row('SH-2'),
        row('SH-1'),
        row('SH-3', { barcodes: ['880100'] }),
        row('SH-4', { status: 'discontinued' }),
      ],
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(
      first.body.results.map((r: { index: number; result: string; code: string; field?: string }) => [r.index, r.result, r.code, r.field ?? null]),
      [
        [0, 'applied', 'created', null],
        [1, 'applied', 'created', null],
        [2, 'refused', 'duplicate_code', 'code'],
        [3, 'refused', 'duplicate_barcode', 'barcodes'],
        [4, 'refused', 'validation_failed', 'status_date'],
      ],
    );
    assert.equal(first.body.applied, 2);
    assert.equal(first.body.refused, 3);
    // Nothing of the refused rows was written: no SKU SH-3 (its barcode clashed after its row was inserted).
    assert.equal((await s.deps.db('skus').where({ code: 'SH-3' })).length, 0);
    const one = first.body.results[0].sku;
    const two = first.body.results[1].sku;

    const second = await s.call('POST', '/api/catalogue/skus/sheet', {
      rows: [
        { ...row('SH-1', { barcodes: ['880100', '880101'] }), id: one.id, version: one.version, price: 1500 },
        { ...row('SH-2'), id: two.id, version: two.version },
        { ...row('SH-2', { name: '다른 이름' }), id: two.id, version: 99 },
        row('SH-4', { status: 'limited', limit_quantity: 10 }),
      ],
    });
    assert.deepEqual(
      second.body.results.map((r: { result: string; code: string }) => `${r.result}:${r.code}`),
      ['applied:updated', 'applied:unchanged', 'refused:stale_version', 'applied:created'],
    );
    assert.equal(second.body.results[0].sku.version, 2);
    assert.deepEqual(second.body.results[0].sku.barcodes, ['880100', '880101']);
    assert.equal(second.body.results[3].sku.limit_quantity, 10);
    assert.match(second.body.results[2].message, /now version 1/);
  });

  it('parallel pushes of the same new code: one row applied, the others refused as duplicates, never a 500', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => s.call('POST', '/api/catalogue/skus/sheet', { rows: [row('SH-RACE'), row(`SH-OWN-${i}`)] })),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      [200, 200, 200, 200, 200, 200],
      JSON.stringify(results.map((r) => r.body)),
    );
    const first = results.map((r) => r.body.results[0]);
    assert.equal(first.filter((r: { result: string }) => r.result === 'applied').length, 1);
    assert.ok(first.filter((r: { result: string }) => r.result === 'refused').every((r: { code: string }) => r.code === 'duplicate_code'));
    // Each push's own row applied whatever happened to the contested one.
    assert.ok(results.every((r) => r.body.results[1].result === 'applied'));
  });

  it('a price, cost or cap beyond what POST /api/catalogue/skus takes is refused on its row, naming it and the limit (it was a 500 on PostgreSQL)', async () => {
    const res = await s.call(
      'POST',
      '/api/catalogue/skus/sheet',
      {
        rows: [
          row('BIG-1', { price: 1e15 }),
          row('BIG-2', { cost: 3e9 }),
          row('BIG-3', { status: 'limited', limit_quantity: 1e12 }),
          row('BIG-4', { price: 2_000_000_000, status: 'limited', limit_quantity: 1_000_000_000 }),
        ],
      },
      { lang: 'ko' },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((r: { result: string; code: string; field?: string; message?: string }) => [
        r.result,
        r.code,
        r.field ?? null,
        r.message ?? null,
      ]),
      [
        ['refused', 'validation_failed', 'price', '판매가: 최대 2,000,000,000원까지입니다: 1,000,000,000,000,000'],
        ['refused', 'validation_failed', 'cost', '원가: 최대 2,000,000,000원까지입니다: 3,000,000,000'],
        ['refused', 'validation_failed', 'limit_quantity', '한정수량: 최대 1,000,000,000까지입니다: 1,000,000,000,000'],
        ['applied', 'created', null, null],
      ],
    );
    assert.deepEqual(
      (await s.deps.db('skus').whereLike('code', 'BIG-%')).map((r) => r.code),
      ['BIG-4'],
    );
  });

  it('a malformed body is refused whole, naming the field', async () => {
    const bad = await s.call('POST', '/api/catalogue/skus/sheet', { rows: [{ code: 'X', name: 'Y', status: 'gone' }] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.details[0].field, /rows\.0\.status/);
  });
});

describe('POST /api/catalogue/skus/import', () => {
  it('loads SKUs from sheet rows through the default template: new codes added, known codes edited, bad rows refused alone', async () => {
    const known = await s.call('POST', '/api/catalogue/skus', { code: 'IMP-1', name: '기존 상품', price: 5000, barcodes: ['77001'], memo: '유지' });
    assert.equal(known.status, 201);
    const rows = [
      ['상품 목록'],
      ['상품코드', '상품명', '바코드', '판매가', '상태', '상태일자', '한정수량'],
      ['IMP-1', '기존 상품 (개정)', '77001, 77002', '5,500', '강제품절', '', ''],
      ['IMP-2', '새 상품', '77003', 12000, '단종', '2026.12.31', ''],
      ['IMP-3', '날짜 없는 단종', '', '', '단종', '', ''],
      ['IMP-4', '상태 오타', '', '', '품절임박', '', ''],
      ['IMP-5', '가격 오류', '', '비쌈', '', '', ''],
      ['IMP-6', '바코드 중복', '77003', '', '', '', ''],
    ];
    const out = await s.call('POST', '/api/catalogue/skus/import', { source: { kind: 'sheet', name: '상품목록', rows } });
    assert.equal(out.status, 200, JSON.stringify(out.body));
    assert.equal(out.body.header_row, 2);
    assert.deepEqual(
      out.body.results.map((r: { row: number; result: string; code: string; field?: string }) => [r.row, r.result, r.code, r.field ?? null]),
      [
        [3, 'applied', 'updated', null],
        [4, 'applied', 'created', null],
        [5, 'refused', 'validation_failed', 'status_date'],
        [6, 'refused', 'cell_invalid', 'status'],
        [7, 'refused', 'cell_invalid', 'price'],
        [8, 'refused', 'duplicate_barcode', 'barcodes'],
      ],
    );
    const edited = (await s.call('GET', `/api/catalogue/skus/${known.body.id}`)).body;
    assert.equal(edited.name, '기존 상품 (개정)');
    assert.equal(edited.status, 'sold_out');
    assert.equal(edited.price, 5500);
    assert.deepEqual(edited.barcodes, ['77001', '77002']);
    assert.equal(edited.memo, '유지', 'a column the file does not have is left as it was');
    const added = (await s.call('GET', '/api/catalogue/skus?q=IMP-2')).body.items[0];
    assert.equal(added.status_date, '2026-12-31');
    assert.equal((await s.call('GET', '/api/catalogue/skus?q=IMP-')).body.items.length, 2);
  });

  it('an uploaded XLSX with a price or cost beyond the limit: that row is refused naming 판매가 / 원가, the others are saved (it was a 500 on PostgreSQL)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('상품').addRows([
      ['상품코드', '상품명', '판매가', '원가', '상태', '한정수량'],
      ['XBIG-1', '바코드를 가격에', 8801234567890, 0, '판매중', null],
      ['XBIG-2', '원가 과다', 1000, 3e9, '판매중', null],
      ['XBIG-3', '보통 상품', 12000, 8000, '한정', 50],
    ]);
    const source = { kind: 'file', filename: '상품.xlsx', content_base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
    assert.deepEqual(await importFile(source), [
      [2, 'refused', 'validation_failed', 'price', '판매가: 최대 2,000,000,000원까지입니다: 8,801,234,567,890'],
      [3, 'refused', 'validation_failed', 'cost', '원가: 최대 2,000,000,000원까지입니다: 3,000,000,000'],
      [4, 'applied', 'created', null, null],
    ]);
    const saved = (await s.call('GET', '/api/catalogue/skus?q=XBIG-')).body.items;
    assert.deepEqual(
      saved.map((k: { code: string; limit_quantity: number }) => [k.code, k.limit_quantity]),
      [['XBIG-3', 50]],
    );
  });

  it('a CSV whose barcode or code Excel saved in scientific notation: that row is refused as order uploads refuse it, the others are saved', async () => {
    const csv = '상품코드,상품명,바코드\r\nSCI-1,지수 바코드,8.80123E+12\r\n8.80124E+12,지수 코드,\r\nSCI-3,정상,"8809876543210, 880900"\r\n';
    const source = { kind: 'file', filename: '상품.csv', content_base64: Buffer.from(csv, 'utf8').toString('base64') };
    const [barcode, code, good] = await importFile(source);
    assert.deepEqual(barcode!.slice(0, 4), [2, 'refused', 'cell_invalid', 'barcodes']);
    assert.match(barcode![4]!, /^바코드: Excel이 번호를 지수 형식\(8\.80123E\+12\)으로 바꿔 뒷자리가 사라졌습니다/);
    assert.deepEqual(code!.slice(0, 4), [3, 'refused', 'cell_invalid', 'product_code']);
    assert.match(code![4]!, /^상품코드: Excel이 번호를 지수 형식\(8\.80124E\+12\)으로 바꿔/);
    assert.deepEqual(good, [4, 'applied', 'created', null, null]);
    const saved = (await s.call('GET', '/api/catalogue/skus?q=SCI-')).body.items;
    assert.deepEqual(
      saved.map((k: { code: string; barcodes: string[] }) => [k.code, [...k.barcodes].sort()]),
      [['SCI-3', ['880900', '8809876543210']]],
    );
  });

  it('an uploaded XLSX holding a NUL (_x0000_) or half a surrogate pair (_xD800_, &#xD800;) in a cell: that row is refused naming the column, not stored cleaned', async () => {
    const rows = [
      ['상품코드', '상품명', '옵션'],
      ['NULAA-1', '널 코드', null],
      ['SUR-2', '정BB우', null],
      ['SUR-3', '옵션 깨짐', 'CC옵션'],
      ['SUR-4', '정상', null],
    ];
    const source = await xlsxSourceWith(rows, (xml) =>
      xml.replace('NULAA-1', 'NUL_x0000_-1').replace('정BB우', '정_xD800_우').replace('CC옵션', '옵&#xDC00;션'),
    );
    const results = await importFile(source);
    assert.deepEqual(
      results.map(([row, result, , field]) => [row, result, field]),
      [
        [2, 'refused', 'product_code'],
        [3, 'refused', 'product_name'],
        [4, 'refused', 'option_text'],
        [5, 'applied', null],
      ],
    );
    assert.match(results[0]![4]!, /^상품코드: 제어 문자\(NUL 등\)/);
    assert.match(results[1]![4]!, /^상품명: 깨진 문자\(짝 없는 UTF-16 서로게이트\)/);
    assert.match(results[2]![4]!, /^옵션: 깨진 문자/);
    assert.deepEqual(
      (await s.deps.db('skus').whereIn('code', ['NUL-1', 'SUR-2', 'SUR-3', 'SUR-4'])).map((k) => k.code),
      ['SUR-4'],
    );
  });

  it('refuses a template that is not for SKUs, and a file without the required columns', async () => {
    const source = { kind: 'sheet', name: 'x', rows: [['상품명'], ['가방']] };
    const wrong = await s.call('POST', '/api/catalogue/skus/import', { source, template_id: 'order_wholesale' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.details[0].field, 'template_id');
    const missing = await s.call('POST', '/api/catalogue/skus/import', { source });
    assert.equal(missing.status, 400);
    assert.ok(['missing_columns', 'header_not_found'].includes(missing.body.error.code), missing.body.error.code);
  });
});
