// Which orders a selection on the 주문 sheet stands for (the order detail beside it): read from at most 2,000 selected
// rows, so a bigger selection says its count is a lower bound ("N개 넘게"), never a wrong exact count.
import assert from 'node:assert/strict';
import { beforeAll, describe, it } from 'vitest';
import { ORDER_COLUMNS } from '../../../shared/sheet/order-columns.ts';
import { writeTable } from '../../../addin/src/excel/sheets.ts';
import { rowCells } from '../../../addin/src/sheet/cells.ts';
import { selectedOrderIds } from '../../../addin/src/features/orders/order-detail.ts';
import { ORDER_SHEET } from '../../../addin/src/features/orders/order-sheet.ts';
import { installFakeExcel } from '../../helpers/fake-excel.ts';
import { lineRow } from '../../helpers/sheet-lines.ts';

describe('the orders of a selection', () => {
  let excel: ReturnType<typeof installFakeExcel>;
  beforeAll(async () => {
    excel = installFakeExcel();
    // Two lines an order: 5,000 rows, 2,500 orders.
    const rows = Array.from({ length: 5000 }, (_, i) => rowCells(lineRow(i), 'ko'));
    await writeTable({ name: ORDER_SHEET, header: ORDER_COLUMNS.map((c) => c.header.ko), rows });
  }, 60_000);

  it('names one order exactly, and a selection past 2,000 rows as a lower bound', async () => {
    excel.select(ORDER_SHEET, [{ row: 3, col: 0, rows: 2, cols: 16384 }]);
    const one = await selectedOrderIds();
    assert.deepEqual([...one], ['ord_000001']);
    assert.equal(one.partial, undefined);
    excel.select(ORDER_SHEET, [{ row: 1, col: 0, rows: 5000, cols: 16384 }]);
    const many = await selectedOrderIds();
    assert.equal(many.length, 1000, 'the first 2,000 rows hold 1,000 orders');
    assert.equal(many.partial, true);
  });
});
