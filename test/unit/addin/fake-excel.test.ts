// The preview workbench's Excel must fail where real Excel fails, or the add-in could pass its tests and break in
// Excel: reading before load/sync, requests over 5 MB, digits written into non-text cells.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { PAYLOAD_LIMIT_BYTES, addressOf, fakeExcel, parseAddress, storedValue } from '../../../addin/src/workbench/fake-excel.ts';

describe('fake Excel: proxy objects', () => {
  it('a property is readable only after load and sync', async () => {
    const excel = fakeExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['a', 'b']];
      assert.throws(() => range.values, /PropertyNotLoaded|not available/);
      range.load('values');
      assert.throws(() => range.values, /not available/, 'load alone is not enough');
      await context.sync();
      assert.deepEqual(range.values, [['a', 'b']]);
    });
  });

  it('writes are queued until sync, and the workbook outlives Excel.run', async () => {
    const excel = fakeExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.add('주문');
      context.workbook.worksheets.getItem('주문').getRange('A1').values = [['x']];
      assert.equal(excel.state.find('주문'), undefined, 'nothing happens before sync');
      await context.sync();
    });
    const read = await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('주문').getUsedRange().load('values, address');
      await context.sync();
      return [r.values, r.address];
    });
    assert.deepEqual(read, [[['x']], '주문!A1']);
  });

  it('a mismatched array, a missing sheet and a duplicate sheet fail like Excel', async () => {
    const excel = fakeExcel();
    await assert.rejects(
      excel.run(async (c) => {
        c.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['only one row']];
        await c.sync();
      }),
      /doesn't match the size/,
    );
    await assert.rejects(
      excel.run(async (c) => {
        c.workbook.worksheets.getItem('없음').getRange('A1').values = [[1]];
        await c.sync();
      }),
      /doesn't exist/,
    );
    await assert.rejects(
      excel.run(async (c) => {
        c.workbook.worksheets.add('Sheet1');
        await c.sync();
      }),
      /already exists/,
    );
  });

  it('getItemOrNullObject tells a missing sheet after sync', async () => {
    const missing = await fakeExcel().run(async (c) => {
      const s = c.workbook.worksheets.getItemOrNullObject('nope').load('name');
      await c.sync();
      return s.isNullObject;
    });
    assert.equal(missing, true);
  });
});

describe('fake Excel: limits', () => {
  it('refuses one request over 5 MB and counts syncs and request sizes', async () => {
    const excel = fakeExcel();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${'가'.repeat(40)}`, String(i)]);
    await assert.rejects(
      excel.run(async (c) => {
        c.workbook.worksheets.getItem('Sheet1').getRange(`A1:B${big.length}`).values = big;
        await c.sync();
      }),
      /RequestPayloadSizeLimitExceeded|payload size has exceeded/,
    );
    assert.ok(excel.state.stats.largestRequestBytes > PAYLOAD_LIMIT_BYTES);
    const half = big.slice(0, 20_000);
    await excel.run(async (c) => {
      c.workbook.worksheets.getItem('Sheet1').getRange(`A1:B${half.length}`).values = half;
      await c.sync();
    });
    assert.equal(excel.state.stats.syncs, 2);
  });
});

describe('fake Excel: clearing', () => {
  it('a sheet cleared whole loses its bold rows with its values, as Range.clear() takes formats too', async () => {
    const excel = fakeExcel();
    await excel.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      const header = sheet.getRange('A8:C8');
      header.values = [['판매처', '금액', '비중']];
      header.format.font.bold = true;
      await c.sync();
      sheet.getRange().clear();
      sheet.getRange('A8').values = [['쿠팡']];
      await c.sync();
    });
    assert.equal(excel.state.find('Sheet1')!.boldRows.has(7), false);
  });
});

describe('fake Excel: numbers and text', () => {
  it('digits become numbers with 15 significant digits unless the cell is text', () => {
    assert.equal(storedValue('448531493000000012', 'General'), 448531493000000000);
    assert.equal(storedValue('01012345678', 'General'), 1012345678);
    assert.equal(storedValue('01012345678', '@'), '01012345678');
    assert.equal(storedValue('448531493000000012', '@'), '448531493000000012');
    assert.equal(storedValue('010-1234-5678', 'General'), '010-1234-5678');
    assert.equal(storedValue('', 'General'), '');
  });

  it('text starting with = + - or @ becomes a formula unless the cell is text (the fake shows #NAME?, as Excel does for an unknown name)', () => {
    assert.equal(storedValue('=HYPERLINK("http://evil","클릭")', 'General'), '#NAME?');
    assert.equal(storedValue('+82 부재시 경비실', 'General'), '#NAME?');
    assert.equal(storedValue('-감', 'General'), '#NAME?');
    assert.equal(storedValue('@SUM(1+1)', 'General'), '#NAME?');
    assert.equal(storedValue('-5', 'General'), -5, 'a signed number is a number');
    assert.equal(storedValue('-', 'General'), '-', 'a dash alone is text');
    assert.equal(storedValue('=HYPERLINK("http://evil","클릭")', '@'), '=HYPERLINK("http://evil","클릭")');
  });

  it('a text format set before the values keeps an 18-digit id whole', async () => {
    const excel = fakeExcel();
    const values = await excel.run(async (c) => {
      const sheet = c.workbook.worksheets.getItem('Sheet1');
      const text = sheet.getRange('A1:A1');
      text.numberFormat = [['@']];
      text.values = [['448531493000000012']];
      const general = sheet.getRange('B1');
      general.values = [['448531493000000012']];
      const r = sheet.getRange('A1:B1').load('values');
      await c.sync();
      return r.values;
    });
    assert.deepEqual(values, [['448531493000000012', 448531493000000000]]);
  });

  it('addresses convert both ways', () => {
    assert.deepEqual(parseAddress('B2:D10'), { row: 1, col: 1, rows: 9, cols: 3 });
    assert.equal(addressOf({ row: 0, col: 26, rows: 1, cols: 1 }), 'AA1');
    assert.equal(addressOf(parseAddress('$A$1:$C$3')), 'A1:C3');
  });
});
