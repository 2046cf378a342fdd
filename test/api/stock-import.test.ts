// Stock counts through the file pipeline: the active sheet's rows or an uploaded file, mapped by the built-in
// stock_count template (상품코드, 창고, 수량, 사유), counted like 재고 sheet rows with a result per sheet row.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeSku, makeWarehouse } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let operator: string;
beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
});
afterAll(() => s.close());

const onHand = async (skuId: string, warehouseId = 'wh_default') =>
  (await s.deps.db('stock').where({ sku_id: skuId, warehouse_id: warehouseId }).first())?.on_hand ?? 0;

describe('stock counts from a file or the active sheet', () => {
  it('the active sheet: good rows are counted, bad rows are refused naming their column, results by sheet row', async () => {
    const a = await makeSku(s.deps.db);
    const b = await makeSku(s.deps.db);
    const store = await makeWarehouse(s.deps.db, { kind: 'store' });
    const rows = [
      ['11월 정기 실사'],
      [],
      ['상품코드', '창고', '수량', '사유'],
      [a.code, 'MAIN', 12, ''],
      [b.code, store.code, '1,500', '매장 실사'],
      [a.code, store.code, -3, '실사'],
      ['NO-SUCH', '', 4, ''],
      [b.code, '', '열두', ''],
    ];
    const res = await s.call(
      'POST',
      '/api/stock/count-imports',
      { source: { kind: 'sheet', name: '실사', rows }, reason: '11월 정기 실사' },
      { token: operator },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.template_id, 'stock_count');
    assert.equal(res.body.header_row, 3);
    const pick = (r: { row: number; result: string; code?: string; field?: string }) => [r.row, r.result, r.code, r.field];
    assert.deepEqual(res.body.results.map(pick), [
      [4, 'applied', undefined, undefined],
      [5, 'applied', undefined, undefined],
      [6, 'refused', 'negative_count', 'count_quantity'],
      [7, 'refused', 'unknown_sku', 'sku_code'],
      [8, 'refused', 'not_a_count', 'count_quantity'],
    ]);
    assert.match(res.body.results[2].message, /^수량: /, 'names the file column');
    assert.equal(res.body.results[1].stock.on_hand, 1500);
    assert.equal(await onHand(a.id), 12);
    assert.equal(await onHand(b.id, store.id), 1500);
    const history = await s.deps.db('stock_history').where({ sku_id: a.id });
    assert.deepEqual(
      history.map((h) => [h.kind, h.on_hand_before, h.on_hand_after, h.reason]),
      [['import', 0, 12, '11월 정기 실사']],
    );
  });

  it("a refused row names the sheet's own columns in either language, and says all its problems at once", async () => {
    const sku = await makeSku(s.deps.db);
    const rows = [
      ['상품코드', '창고', '수량', '사유'],
      ['NOPE-9', '', 3, ''],
      [sku.code, 'XX', 4, ''],
      ['NOPE-9', 'XX', '열두', ''],
      [sku.code, 'MAIN', 5, ''],
    ];
    // The pane's reason left empty: no row has one, and each says so beside what else is wrong with it.
    const send = (lang: string) =>
      s.call('POST', '/api/stock/count-imports', { source: { kind: 'sheet', name: '실사', rows } }, { token: operator, lang });
    const en = await send('en');
    assert.equal(en.status, 200, JSON.stringify(en.body));
    assert.deepEqual(
      en.body.results.map((r: { code?: string; field?: string; message?: string }) => [r.code, r.field, r.message]),
      [
        ['unknown_sku', 'sku_code', '상품코드: no SKU with code NOPE-9 / 사유: say why the stock changes'],
        ['unknown_warehouse', 'warehouse_code', '창고: no warehouse with code XX / 사유: say why the stock changes'],
        [
          'unknown_sku',
          'sku_code',
          '상품코드: no SKU with code NOPE-9 / 창고: no warehouse with code XX / 수량: enter a whole number, 0 or more (열두) / 사유: say why the stock changes',
        ],
        ['reason_required', 'reason', '사유: say why the stock changes'],
      ],
    );
    const ko = await send('ko');
    assert.deepEqual(
      ko.body.results.map((r: { message?: string }) => r.message),
      [
        '상품코드: 등록되지 않은 상품코드입니다 (NOPE-9) / 사유: 재고를 바꾸는 사유를 적으세요',
        '창고: 등록되지 않은 창고입니다 (XX) / 사유: 재고를 바꾸는 사유를 적으세요',
        '상품코드: 등록되지 않은 상품코드입니다 (NOPE-9) / 창고: 등록되지 않은 창고입니다 (XX) / 수량: 0 이상의 정수를 넣으세요 (열두) / 사유: 재고를 바꾸는 사유를 적으세요',
        '사유: 재고를 바꾸는 사유를 적으세요',
      ],
    );
    assert.equal(await onHand(sku.id), 0, 'nothing counted');
  });

  it('an uploaded CSV file; a row without a reason (none for the file either) is refused', async () => {
    const sku = await makeSku(s.deps.db);
    const csv = `\uFEFF상품코드,수량,사유\r\n${sku.code},7,입고 확인\r\n${sku.code},9,\r\n`;
    const source = { kind: 'file', filename: '실사.csv', content_base64: Buffer.from(csv, 'utf8').toString('base64') };
    const res = await s.call('POST', '/api/stock/count-imports', { source }, { token: operator });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((r: { result: string; code?: string }) => [r.result, r.code]),
      [
        ['applied', undefined],
        ['refused', 'reason_required'],
      ],
    );
    assert.equal(await onHand(sku.id), 7);
  });

  it('an uploaded XLSX: a 사유 longer than the history keeps is refused on its row, naming it and the limit; the other row counts (it was a 500 on PostgreSQL)', async () => {
    const sku = await makeSku(s.deps.db);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('실사').addRows([
      ['상품코드', '창고', '수량', '사유'],
      [sku.code, 'MAIN', 5, '사'.repeat(600)],
      [sku.code, 'MAIN', 8, '정기 실사'],
    ]);
    const source = { kind: 'file', filename: '실사.xlsx', content_base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
    const res = await s.call('POST', '/api/stock/count-imports', { source }, { token: operator, lang: 'ko' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((r: { row: number; result: string; code?: string; field?: string }) => [r.row, r.result, r.code, r.field]),
      [
        [2, 'refused', 'too_long', 'reason'],
        [3, 'applied', undefined, undefined],
      ],
    );
    assert.equal(res.body.results[0].message, '사유: 너무 깁니다 (600자, 최대 500자)');
    assert.equal(await onHand(sku.id), 8);
  });

  it('a file without the needed columns, or a template of another kind, is refused as a whole', async () => {
    const missing = await s.call('POST', '/api/stock/count-imports', {
      source: {
        kind: 'sheet',
        rows: [
          ['상품코드', '메모'],
          ['A', 'x'],
        ],
      },
    });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.code, 'missing_columns');
    const wrong = await s.call('POST', '/api/stock/count-imports', {
      source: { kind: 'sheet', rows: [['상품코드', '수량']] },
      template_id: 'invoice_cj',
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.details[0].field, 'template_id');
    assert.equal((await s.call('GET', '/api/file-templates?type=stock_count')).body.items.map((t: { id: string }) => t.id).join(), 'stock_count');
  });
});
