// One way to find a sheet's columns and to answer beside its rows, for the order sheet, the direct-order sheet and
// every sheet to come: headers in either language, the operator's own columns ignored, deleted columns skipped.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'vitest';
import { DIRECT_COLUMNS } from '../../../shared/sheet/direct-columns.ts';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { readColumns, writeCells, writeTable, type CellPatches } from '../../../addin/src/excel/sheets.ts';
import { findColumns, putBeside } from '../../../addin/src/sheet/columns.ts';
import type { FakeWorkbookState } from '../../../addin/src/workbench/fake-excel.ts';
import { installFakeExcel } from '../../helpers/fake-excel.ts';

let state: FakeWorkbookState;
beforeEach(() => (state = installFakeExcel()));

describe('sheet columns', () => {
  it('finds columns by Korean or English header (English in any case), skipping the operator’s own columns', () => {
    const at = findColumns(DIRECT_COLUMNS, ['내 메모', ' 주문자* ', 'TOTAL AMOUNT*', 'Result message', '처리결과', '주문자*']);
    assert.deepEqual(Object.fromEntries(at), { orderer_name: 1, total_amount: 2, message: 3, result: 4 }, 'the first of two equal headers wins');
    const orders = findColumns(ORDER_COLUMNS, ['택배사', 'line key']);
    assert.equal(orders.get('courier'), 0);
    assert.equal(orders.get('line_id'), 1);
  });

  it('puts results beside a row in the columns the sheet still has, merged with what the row already gets', () => {
    const at = new Map([
      ['result', 5],
      ['message', 2],
    ]);
    const patches: CellPatches = new Map([[3, new Map([[0, 'kept']])]]);
    putBeside(at, patches, 3, { result: '생성', message: '', order_id: 'ord_1' });
    assert.deepEqual(
      [...patches.get(3)!],
      [
        [0, 'kept'],
        [5, '생성'],
        [2, ''],
      ],
      'order_id has no column: skipped',
    );
  });

  it('reads a sheet with its columns found, and writes results beside its rows', async () => {
    assert.equal(await readColumns('직접주문', DIRECT_COLUMNS), null);
    await writeTable({ name: '직접주문', header: ['내 열', '주문자*', '처리결과'], rows: [['x', '홍길동', '']] });
    const sheet = (await readColumns('직접주문', DIRECT_COLUMNS))!;
    assert.deepEqual(sheet.header, ['내 열', '주문자*', '처리결과']);
    assert.deepEqual(sheet.rows, [['x', '홍길동', '']]);
    const patches: CellPatches = new Map();
    putBeside(sheet.at, patches, 1, { result: '오류', message: 'no column' });
    await writeCells('직접주문', patches);
    assert.equal(state.find('직접주문')!.get(1, 2)?.value, '오류');
    assert.equal(state.find('직접주문')!.get(1, 0)?.value, 'x', 'the operator’s own column is untouched');
  });
});
