// The one Excel.run wrapper: while the operator types in a cell Excel refuses every request; the pane waits and
// tries again instead of failing, and an Office error it cannot get past reaches the operator in their language.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'vitest';
import { ExcelError, excelErrorText, officeErrorCode } from '../../../addin/src/excel/errors.ts';
import { runExcel } from '../../../addin/src/excel/run.ts';
import { readTable, writeCells, writeTable } from '../../../addin/src/excel/sheets.ts';
import { OfficeLikeError, type fakeExcel, type FakeWorkbookState } from '../../../addin/src/workbench/fake-excel.ts';
import { installFakeExcel } from '../../helpers/fake-excel.ts';

let state: FakeWorkbookState;
beforeEach(() => (state = installFakeExcel()));

describe('runExcel', () => {
  it('the fake refuses syncs in cell-edit mode as Excel does, and nothing of the batch is applied', async () => {
    state.cellEditSyncs = 1;
    const excel = (globalThis as unknown as { Excel: ReturnType<typeof fakeExcel> }).Excel;
    const error = await excel
      .run(async (c) => {
        c.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
        await c.sync();
      })
      .catch((e: unknown) => e);
    assert.equal(officeErrorCode(error), 'InvalidOperationInCellEditMode');
    assert.equal(state.find('Sheet1')!.get(0, 0), undefined);
  });

  it('retries a write while Excel is in cell-edit mode, then writes it whole', async () => {
    state.cellEditSyncs = 2;
    const syncsBefore = state.stats.syncs;
    await writeTable({ name: '직접주문', header: ['a', 'b'], rows: [['1', 2]] });
    assert.equal(state.cellEditSyncs, 0, 'both refused syncs were used up');
    assert.ok(state.stats.syncs > syncsBefore, 'synced after the operator left the cell');
    assert.deepEqual((await readTable('직접주문'))!.rows, [
      ['a', 'b'],
      [1, 2],
    ]);
    state.cellEditSyncs = 1;
    await writeCells('직접주문', new Map([[1, new Map([[1, 5]])]]));
    assert.equal(state.find('직접주문')!.get(1, 1)?.value, 5);
  });

  it('gives up after its attempts with an ExcelError the pane renders in Korean or English', async () => {
    state.cellEditSyncs = Infinity;
    let tries = 0;
    const error = await runExcel(
      async (c) => {
        tries++;
        await c.sync();
      },
      { attempts: 3, delayMs: 1 },
    ).catch((e: unknown) => e);
    assert.equal(tries, 3);
    assert.ok(error instanceof ExcelError);
    assert.equal(error.code, 'InvalidOperationInCellEditMode');
    assert.match(excelErrorText(error, 'ko'), /셀을 편집하는 중/);
    assert.match(excelErrorText(error, 'en'), /editing a cell/);
  });

  it('other Office errors are not retried and keep their code; other errors pass through unchanged', async () => {
    let tries = 0;
    const missing = await runExcel(async (c) => {
      tries++;
      c.workbook.worksheets.getItem('없음').getRange('A1').values = [[1]];
      await c.sync();
    }).catch((e: unknown) => e);
    assert.equal(tries, 1);
    assert.ok(missing instanceof ExcelError);
    assert.equal(missing.code, 'ItemNotFound');
    assert.match(excelErrorText(missing, 'ko'), /시트를 찾지 못했습니다/);
    const tooBig = new ExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    assert.match(excelErrorText(tooBig, 'en'), /5 MB.*RequestPayloadSizeLimitExceeded/);
    assert.match(excelErrorText(new ExcelError('GeneralException', 'internal'), 'ko'), /Excel 오류: internal \(GeneralException\)/);
    const plain = new Error('ours');
    assert.equal(await runExcel(async () => Promise.reject(plain)).catch((e: unknown) => e), plain);
    assert.equal(officeErrorCode(new OfficeLikeError('AccessDenied', 'x')), 'AccessDenied');
  });
});
