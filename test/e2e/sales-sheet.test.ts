// Sales in pictures (issue 13 §5), as an operator gets them: orders paid on different days at both sandbox malls
// (Coupang and Naver over real HTTP on loopback) and a direct order are collected; the 매출 tab at 320 px builds the
// 매출 sheet — its figures equal the server's sales report — with two native charts (won per day stacked by channel,
// a share per channel); a later order and 새로고침 refresh the same sheet and the same two charts in place.
// With SHIPSHEET_SCREENSHOTS=1 the test also writes the README's picture of the chart (docs/images/sales-chart.png).
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SALES_CHARTS, SALES_SHEET } from '../../addin/src/features/sales/sales-sheet.ts';
import { kstDate } from '../../shared/time.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, runJob, type MallFixture } from '../helpers/malls.ts';
import { skipWith } from '../helpers/skip.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';

const e2e = e2eSession();
const DAY = 86400_000;
const daysAgo = (n: number, hour = 3) => new Date(Date.now() - n * DAY - hour * 3600_000).toISOString();

/** The 매출 sheet as the workbook holds it: its cells from row 0 and its charts. */
const salesSheet = (page: Page) =>
  page.evaluate((name) => {
    const s = (globalThis as any).shipsheetWorkbook.find(name);
    const used = s.used();
    const cells = Array.from({ length: used.rows }, (_, r) => Array.from({ length: used.cols }, (_, c) => s.get(r, c)?.value ?? ''));
    return { cells, charts: s.charts.map((c: any) => ({ ...c })) as any[] };
  }, SALES_SHEET);

describe('sales in pictures: the 매출 sheet and its charts from both sandbox malls', skipWith(SKIP_WITHOUT_BROWSER), () => {
  let malls: MallFixture<{ close(): Promise<void> }>[] = [];
  afterAll(async () => {
    for (const m of malls) await m.sandbox.close();
  });

  it('builds the sheet with figures equal to the report and two charts, then refreshes both in place', async () => {
    const server = e2e.server;
    const coupang = await coupangMall(server);
    const naver = await naverMall(server);
    malls = [coupang, naver];
    await coupang.admin.createOrders({ count: 3, paidAt: daysAgo(2) });
    await coupang.admin.createOrders({ count: 2, paidAt: daysAgo(0, 1) });
    await naver.admin.createOrders({ count: 2, paidAt: daysAgo(1) });
    const from = daysAgo(4);
    for (const m of malls) await runJob(server, 'collect', m.accountId, { from, to: new Date().toISOString() });
    const direct = await server.call('POST', '/api/orders/direct', { orderer_name: '(주)한빛유통', total_amount: 250000, channel_kind: 'direct' });
    assert.equal(direct.status, 201);

    const { page, pane } = await openWorkbench(e2e, { viewport: { width: 2100, height: 820 } });
    await narrowPane(page);
    await pane.getByRole('tab', { name: '매출', exact: true }).click();
    await pane.getByRole('button', { name: '최근 7일' }).click();
    await pane.getByRole('button', { name: '매출 시트 만들기 · 새로고침' }).click();
    await pane.getByText(/매출 시트를 새로 고쳤습니다: 7일, 판매처 3곳/).waitFor();

    const today = kstDate();
    const weekAgo = kstDate(new Date(Date.now() - 6 * DAY));
    const report = (await server.call('GET', `/api/reports/sales?from=${weekAgo}&to=${today}`)).body.items as any[];
    assert.equal(new Set(report.map((r) => r.channel_name)).size, 3, 'both malls and the direct channel');
    const { cells, charts } = await salesSheet(page);
    // The rows table (A–F from row 3) is the report, row for row.
    const detail = cells.slice(3, 3 + report.length).map((r) => r.slice(0, 6));
    assert.deepEqual(
      detail,
      report.map((r) => [r.day, r.channel_name, r.orders, r.lines, r.quantity, r.amount]),
    );
    // The day × channel table (from H3): every day of the week, each channel's won that day.
    const header = cells[2]!.slice(7).filter((v) => v !== '');
    assert.equal(header[0], '일자');
    const matrix = cells.slice(3, 10).map((r) => r.slice(7, 7 + header.length));
    assert.deepEqual(
      matrix.map((r) => r[0]),
      Array.from({ length: 7 }, (_, i) => kstDate(new Date(Date.now() - (6 - i) * DAY))),
    );
    for (const r of report) {
      const at = matrix.find((m) => m[0] === r.day)!;
      assert.equal(at[header.indexOf(r.channel_name)], r.amount, `${r.day} ${r.channel_name}`);
    }
    assert.deepEqual(
      charts.map((c) => [c.name, c.chartType, c.seriesBy]),
      [
        [SALES_CHARTS.daily, 'ColumnStacked', 'Columns'],
        [SALES_CHARTS.share, 'Pie', 'Columns'],
      ],
    );
    assert.deepEqual(charts[0].source, { row: 2, col: 7, rows: 8, cols: header.length });
    // The charts are drawn over the sheet in the preview, as Excel shows them.
    await page.locator(`svg[data-chart="${SALES_CHARTS.daily}"]`).waitFor();
    await page.locator(`svg[data-chart="${SALES_CHARTS.share}"]`).waitFor();
    await assertPaneFits(page, 'the 매출 tab');
    if (process.env.SHIPSHEET_SCREENSHOTS === '1') {
      const grid = page.getByTestId('grid');
      await grid.evaluate((el) => (el.scrollLeft = 0));
      await page.screenshot({ path: 'docs/images/sales-chart.png' });
    }

    // A later Naver order, collected, then 새로고침: the same sheet and the same two charts, with today's new won.
    await naver.admin.createOrders({ count: 1, paidAt: new Date().toISOString() });
    await runJob(server, 'collect', naver.accountId, { from, to: new Date().toISOString() });
    await pane.getByRole('button', { name: '매출 시트 만들기 · 새로고침' }).click();
    await pane.getByText(/매출 시트를 새로 고쳤습니다/).waitFor();
    const after = await salesSheet(page);
    assert.equal(after.charts.length, 2, 'refreshed in place: no second pair of charts');
    const fresh = (await server.call('GET', `/api/reports/sales?from=${weekAgo}&to=${today}`)).body.items as any[];
    const naverToday = fresh.find((r) => r.day === today && r.channel_name === '스마트스토어');
    const headerAfter = after.cells[2]!.slice(7).filter((v) => v !== '');
    const todayRow = after.cells.slice(3, 10).find((r) => r[7] === today)!;
    assert.equal(todayRow[7 + headerAfter.indexOf('스마트스토어')], naverToday.amount);
    await page.close();
  });
});
