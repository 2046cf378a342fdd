// 클레임 처리 전송 from the 주문 tab, at 320 px: a buyer's cancel from the mall completed here (취소완료 처리) starts the
// account's claim-decisions job. The pane follows it to its end and says what it sent, and the order detail beside
// the sheet moves from 전송 대기 to 전송 완료 though the job writes no row. With the account's 주문동기화 off the job
// cannot start: the pane says so, naming the switch, instead of leaving rows that promise the mall will be told.
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { mallLinesOf, naverMall, runJob, type MallFixture } from '../helpers/malls.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { skipWith } from '../helpers/skip.ts';
import { pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();
const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

describe('claim decisions from the 주문 tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  let mall: MallFixture<{ close(): Promise<void> }> | undefined;
  afterAll(async () => {
    await mall?.sandbox.close();
  });

  it('follows the job to its end and refreshes the detail; with 주문동기화 off, says why nothing was sent', async () => {
    const s = e2e.server;
    mall = await naverMall(s, { initialOrders: 0 });
    await mall.admin.createOrders({ count: 2, status: 'confirmed' });
    assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
    const collected = await mallLinesOf(s, mall.accountId);
    const orders = [...new Set(collected.map((l) => l.mall_order_id))];
    assert.equal(orders.length, 2);
    // One line of each order: the buyer cancels it at the mall, and the sync brings the request in.
    const [a, b] = orders.map((o) => collected.find((l) => l.mall_order_id === o)!);
    for (const line of [a!, b!]) await mall.admin.event(line.mall_order_id, 'buyer_cancel', { productOrderId: line.mall_line_id });
    assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pullOrdersSheet(page, true);
    const tab = pane.getByRole('region', { name: '주문', exact: true });
    const detail = pane.getByRole('region', { name: '주문 상세' });
    const claims = detail.getByRole('group', { name: '클레임 (1)' });
    const completeCancel = async (lineId: string) => {
      await select(page, lineId);
      await detail.getByText(`주문번호 ${collected.find((l) => l.line_id === lineId)!.mall_order_id}`, { exact: false }).waitFor();
      await tab.getByRole('combobox', { name: '선택한 행 처리' }).click();
      await page.getByRole('option', { name: '취소완료 처리', exact: true }).click();
      await tab.getByRole('button', { name: '적용' }).click();
    };

    // The mall takes its time over the approval: the detail reads 전송 대기 meanwhile, as the job has not ended.
    await mall.admin.addFaults([{ kind: 'delay', ms: 4000, path: '/claim/', count: 1 }]);
    await completeCancel(a!.line_id);
    await claims.getByText('쇼핑몰에 승인 전송 대기', { exact: false }).waitFor();
    const notice = tab.getByTestId('notice');
    await notice
      .filter({ hasText: /취소완료 처리: 반영 1, 거부 0/ })
      .filter({ hasText: '쇼핑몰에 클레임 처리 전송 성공 1, 실패 0.' })
      .waitFor();
    // The job ended: the detail shows it without another click.
    await claims.getByText('쇼핑몰에 승인 전송 완료', { exact: false }).waitFor();
    // Its history names the claim's own states in Korean (요청 → 완료), not the raw codes.
    await detail.getByText('요청 → 완료', { exact: false }).first().waitFor();
    assert.equal(await detail.getByText('requested → completed', { exact: false }).count(), 0);
    assert.equal((await s.deps.db('claims').where({ line_id: a!.line_id }).first()).mall_decision_status, 'sent');
    await assertPaneFits(page, 'the 주문 tab after 클레임 처리 전송');

    // 주문동기화 off: the decision cannot go; the pane says so in the server's words, naming the switch to turn on.
    assert.equal((await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, { sync_enabled: false })).status, 200);
    await completeCancel(b!.line_id);
    const off = notice
      .filter({ hasText: /취소완료 처리: 반영 1, 거부 0/ })
      .filter({ hasText: '스마트스토어: 클레임 처리 결과는' })
      .filter({ hasText: '주문동기화가 꺼져 있습니다' });
    await off.waitFor();
    assert.match((await off.textContent()) ?? '', /계정 탭의 연동 기능에서 주문동기화를 켜세요/);
    await claims.getByText('쇼핑몰에 승인 전송 대기', { exact: false }).waitFor();
    assert.equal((await s.deps.db('claims').where({ line_id: b!.line_id }).first()).mall_decision_status, 'pending');
    await assertPaneFits(page, 'the 주문 tab with a claim job not started');
    await page.close();
  });
});

/** The row of a line, selected whole as the operator's hands select it. */
async function select(page: Page, lineId: string): Promise<void> {
  const row = (await sheetRows(page, '주문')).findIndex((r) => r[col('line_id')] === lineId) + 1;
  assert.ok(row > 0, `${lineId} is on the sheet`);
  await page.evaluate((row) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row, col: 0, rows: 1, cols: 16384 }]), row);
}
