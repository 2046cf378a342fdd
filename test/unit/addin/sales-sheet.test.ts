// The 매출 sheet's model (every day of the period, channels largest first, shares) and its writing into the
// workbench workbook: two native charts over the right cells, refreshed in place (no second chart, the operator's
// placement kept), removed when the period has no sales; and the fake's chart API keeping Office.js's rules.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'vitest';
import { writeReport } from '../../../addin/src/excel/report-sheet.ts';
import { SALES_CHARTS, SALES_SHEET, daysOf, salesReport, type SalesRow } from '../../../addin/src/features/sales/sales-sheet.ts';
import { periodProblem } from '../../../addin/src/features/sales/useSales.ts';
import { chartData } from '../../../addin/src/preview/ChartView.tsx';
import { fakeExcel, type FakeWorkbookState } from '../../../addin/src/workbench/fake-excel.ts';

let state: FakeWorkbookState;
let excel: ReturnType<typeof fakeExcel>;
beforeEach(() => {
  excel = fakeExcel();
  state = excel.state;
  Object.assign(globalThis, { Excel: excel });
});

const row = (day: string, channel_name: string, amount: number, orders = 1): SalesRow => ({
  day,
  channel_kind: 'mall',
  channel_name,
  orders,
  lines: orders * 2,
  quantity: orders * 3,
  amount,
});
const PERIOD = { from: '2026-11-20', to: '2026-11-23' };
const ROWS = [row('2026-11-20', '네이버', 10000), row('2026-11-20', '쿠팡', 30000, 2), row('2026-11-22', '쿠팡', 20000)];

describe('매출 sheet model', () => {
  it('has every day of the period, channels largest first, zeros on days without sales, and shares of the total', () => {
    assert.deepEqual(daysOf('2026-11-30', '2026-12-02'), ['2026-11-30', '2026-12-01', '2026-12-02']);
    const spec = salesReport(ROWS, PERIOD, 'ko');
    const [detail, matrix, share] = spec.blocks;
    assert.equal(detail!.rows.length, 3);
    assert.deepEqual(matrix!.header, ['일자', '쿠팡', '네이버']);
    assert.deepEqual(matrix!.rows, [
      ['2026-11-20', 30000, 10000],
      ['2026-11-21', 0, 0],
      ['2026-11-22', 20000, 0],
      ['2026-11-23', 0, 0],
    ]);
    assert.deepEqual(share!.rows, [
      ['쿠팡', 50000, 0.833, 3, 6, 9],
      ['네이버', 10000, 0.167, 1, 2, 3],
    ]);
    assert.match(spec.title, /합계 60,000원/);
    assert.deepEqual(
      spec.charts.map((c) => [c.name, c.type, c.source]),
      [
        [SALES_CHARTS.daily, 'ColumnStacked', { row: matrix!.row, col: matrix!.col, rows: 5, cols: 3 }],
        [SALES_CHARTS.share, 'Pie', { row: share!.row, col: share!.col, rows: 3, cols: 2 }],
      ],
    );
    assert.equal(salesReport(ROWS, PERIOD, 'en').blocks[1]!.header[0], 'Day');
  });

  it('names a wrong period before asking the server', () => {
    assert.equal(periodProblem('2026-11-20', '2026-11-19'), 'from_after_to');
    assert.equal(periodProblem('2026-13-01', '2026-11-19'), 'bad_date');
    assert.equal(periodProblem('2025-01-01', '2026-11-19'), 'too_long');
    assert.equal(periodProblem('2026-11-01', '2026-11-19'), null);
  });
});

describe('매출 sheet in the workbook', () => {
  it('writes the tables with days as text and two charts over the day × channel and share tables', async () => {
    await writeReport(salesReport(ROWS, PERIOD, 'ko'));
    const sheet = state.find(SALES_SHEET)!;
    assert.equal(state.active, SALES_SHEET);
    assert.equal(sheet.get(3, 7)?.value, '2026-11-20', 'a day stays text, not a date serial');
    assert.equal(sheet.get(3, 7)?.format, '@');
    assert.deepEqual(
      sheet.charts.map((c) => [c.name, c.chartType, c.seriesBy, c.title]),
      [
        [SALES_CHARTS.daily, 'ColumnStacked', 'Columns', '일별 판매처별 매출 (원)'],
        [SALES_CHARTS.share, 'Pie', 'Columns', '판매처별 매출 비중'],
      ],
    );
    const daily = chartData(sheet, sheet.charts[0]!);
    assert.deepEqual(daily.categories, ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    assert.deepEqual(daily.series, [
      { name: '쿠팡', values: [30000, 0, 20000, 0] },
      { name: '네이버', values: [10000, 0, 0, 0] },
    ]);
    assert.deepEqual(chartData(sheet, sheet.charts[1]!).series, [{ name: '금액', values: [50000, 10000] }]);
  });

  it('refreshes in place: the same two charts over the new cells, where the operator moved them; none when there is nothing', async () => {
    await writeReport(salesReport(ROWS, PERIOD, 'ko'));
    const sheet = state.find(SALES_SHEET)!;
    const moved = { from: { row: 40, col: 0, rows: 1, cols: 1 }, to: { row: 55, col: 6, rows: 1, cols: 1 } };
    sheet.charts[0]!.position = moved;
    await writeReport(salesReport([...ROWS, row('2026-11-21', '11번가', 5000)], PERIOD, 'ko'));
    assert.equal(sheet.charts.length, 2, 'no second set of charts');
    assert.deepEqual(sheet.charts[0]!.position, moved);
    assert.deepEqual(
      chartData(sheet, sheet.charts[0]!).series.map((s) => s.name),
      ['쿠팡', '네이버', '11번가'],
    );
    await writeReport(salesReport([], PERIOD, 'ko'));
    assert.equal(sheet.charts.length, 0);
    assert.match(String(sheet.get(0, 0)?.value), /매출이 없습니다/);
    assert.equal(sheet.get(3, 7)?.value, '2026-11-20', 'the days are still listed, at 0');
  });

  it("keeps Office.js's rules: a chart's name is read only after load and sync; an unknown type is refused at the sync", async () => {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1:B3').values = [
        ['d', 'x'],
        ['a', 1],
        ['b', 2],
      ];
      const chart = ws.charts.add('ColumnStacked', ws.getRange('A1:B3'), 'Columns');
      assert.throws(() => chart.name, /PropertyNotLoaded|not available/);
      chart.load('name');
      await context.sync();
      assert.equal(chart.name, 'Chart 1');
      const missing = ws.charts.getItemOrNullObject('nope');
      await context.sync();
      assert.equal(missing.isNullObject, true);
      ws.charts.add('Sunburst3D', ws.getRange('A1:B3'));
      await assert.rejects(context.sync(), /InvalidArgument|invalid/);
    });
  });
});
