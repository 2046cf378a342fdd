// The order beside the sheet (issue 13 §2), in /preview with the pane at Excel's 320 px: clicking a row of the 주문
// sheet shows that order's lines, boxes and history (when, who, what in words, from → to, why); two rows of one order
// still show it, rows of two orders say so; a memo added in the pane shows in the detail and on the server.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { STATUS_LABELS } from '../../shared/lifecycle.ts';
import { columnLetters } from '../../addin/src/workbench/fake-excel.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { skipWith } from '../helpers/skip.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();
const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

describe('order detail beside the sheet', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('a clicked row shows its order: lines, history with who/when/from→to/why; several orders are named; a memo is added', async () => {
    const db = e2e.server.deps.db;
    const a = await makeOrder(db, { lines: 2, products: ['텀블러 블랙', '머그컵 화이트'], mallOrderId: '202611290101', recipient: '정하늘' });
    const b = await makeOrder(db, { lines: 1, products: ['에코백'], mallOrderId: '202611290202' });
    await putInBox(db, b.lineIds, { tracking: '640055555555', status: 'INVOICED' });
    // A mall's return approved here that the mall refused to take (클레임 처리 전송 failed).
    const at = new Date().toISOString();
    await db('claims').insert({
      id: 'clm_detail_1',
      order_id: b.id,
      line_id: b.lineIds[0],
      type: 'return',
      state: 'completed',
      quantity: 1,
      reason: '단순 변심',
      source: 'mall',
      mall_claim_id: 'R-1',
      requested_at: at,
      completed_at: at,
      mall_decision: 'approve',
      mall_decision_status: 'failed',
      mall_decision_error: '회수 완료 전에는 승인할 수 없습니다',
      created_at: at,
      updated_at: at,
    });
    const detailA = (await e2e.server.call('GET', `/api/orders/${a.id}`)).body;
    const released = await e2e.server.call('POST', '/api/transitions', {
      action: 'release',
      reason: '오늘 출고분',
      items: detailA.lines.map((l: { id: string; version: number }) => ({ id: l.id, version: l.version })),
    });
    assert.equal(released.body.applied, 2);

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pullOrdersSheet(page, true);
    const rows = await sheetRows(page, '주문');
    const rowsOf = (order: string) => rows.flatMap((r, i) => (r[col('mall_order_id')] === order ? [i + 1] : []));
    const [a1, a2] = rowsOf('202611290101');
    const [b1] = rowsOf('202611290202');
    assert.ok(a1 && a2 && b1);

    // The operator clicks a cell of A's second row in the grid.
    await page.locator(`[data-cell="${columnLetters(col('product_name'))}${a2 + 1}"]`).click();
    const detail = pane.getByRole('region', { name: '주문 상세' });
    await detail.getByText('주문번호 202611290101 · 쿠팡').waitFor();
    const lines = detail.getByRole('group', { name: '상품 (2)' });
    await lines.getByText(/텀블러 블랙/).waitFor();
    await lines.getByText(/머그컵 화이트/).waitFor();
    const history = detail.getByRole('group', { name: /^이력/ });
    const released1 = history.getByText(`admin · 출고지시: ${STATUS_LABELS.NEW.ko} → ${STATUS_LABELS.READY.ko} · 사유: 오늘 출고분`, {
      exact: false,
    });
    assert.equal(await released1.count(), 2, 'one entry per line, who, from → to and why');
    // When: today's date as the pane writes it.
    const entry = (await released1.first().textContent()) ?? '';
    assert.match(entry, new RegExp(`^${new Date().getFullYear()}\\. \\d{1,2}\\. \\d{1,2}\\. `), entry);
    await assertPaneFits(page, '주문 상세');
    // Every entry's action in Korean, not its code: the order came in by a collect (수집), not "collect".
    await history.getByText('시스템 · 수집: — → 신규주문', { exact: false }).first().waitFor();
    assert.doesNotMatch((await history.textContent()) ?? '', /collect/);

    // Rows of two orders: said; two rows of one order: that order.
    await select(page, Math.min(a1, b1), Math.abs(b1 - a1) + 1);
    await detail.getByText('선택한 행에 주문이 2개 있습니다. 한 주문의 행만 선택하세요.').waitFor();
    await select(page, b1, 1);
    await detail.getByText('주문번호 202611290202 · 쿠팡').waitFor();
    // The box's number not yet sent to the mall: 미전송, not not_sent.
    await detail.getByRole('group', { name: '박스 (1)' }).getByText('CJ대한통운 640055555555 · 미전송').waitFor();
    // Whether the mall heard the decision made here, and why not.
    await detail
      .getByRole('group', { name: '클레임 (1)' })
      .getByText('쇼핑몰에 승인 전송 실패 (회수 완료 전에는 승인할 수 없습니다)', { exact: false })
      .waitFor();
    await select(page, a1, 2);
    await detail.getByText('주문번호 202611290101 · 쿠팡').waitFor();
    // A direct order has no mall number: it is named by its channel, orderer and time, not by our key.
    const direct = await e2e.server.call('POST', '/api/orders/direct', { orderer_name: '김도매', total_amount: 5000 });
    assert.equal(direct.status, 201);
    await pullOrdersSheet(page, false);
    const again = await sheetRows(page, '주문');
    const d1 = again.findIndex((r) => r[col('channel_name')] === '직거래') + 1;
    assert.ok(d1 > 0);
    await select(page, d1, 1);
    await detail.getByText(/^직거래 주문 · 김도매 · \d{4}\. /).waitFor();
    assert.equal(await detail.getByText(direct.body.id).count(), 0);
    await select(page, a1, 2);
    await detail.getByText('주문번호 202611290101 · 쿠팡').waitFor();

    // A memo added here shows in the detail and on the server.
    await detail.getByRole('textbox').fill('완충재 두 겹으로 포장');
    await detail.getByRole('button', { name: '추가' }).click();
    await detail.getByRole('group', { name: '메모·메시지 (1)' }).getByText('[메모] 완충재 두 겹으로 포장 · admin', { exact: false }).waitFor();
    const notes = (await e2e.server.call('GET', `/api/orders/${a.id}`)).body.notes;
    assert.deepEqual(
      notes.map((n: { kind: string; body: string }) => [n.kind, n.body]),
      [['memo', '완충재 두 겹으로 포장']],
    );
    await assertPaneFits(page, '주문 상세 (메모)');
    await page.close();
  });

  it('reads the order shown again after the pane changes it: an action applied to its row, and its undo', async () => {
    const db = e2e.server.deps.db;
    const o = await makeOrder(db, { status: 'READY', products: ['보온병'], mallOrderId: '202611290303' });
    await putInBox(db, o.lineIds, { tracking: '640066666666', status: 'INVOICED' });

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pullOrdersSheet(page, true);
    const row = (await sheetRows(page, '주문')).findIndex((r) => r[col('mall_order_id')] === '202611290303') + 1;
    assert.ok(row > 0);
    await select(page, row, 1);
    const detail = pane.getByRole('region', { name: '주문 상세' });
    await detail.getByText('주문번호 202611290303 · 쿠팡').waitFor();
    const lines = detail.getByRole('group', { name: '상품 (1)' });
    await lines.getByText(`보온병 / 색상: 화이트 × 1 · ${STATUS_LABELS.INVOICED.ko}`).waitFor();

    // 출고완료 on the selected row: the row says 반영, and the detail beside it follows without a new selection.
    const orders = pane.getByRole('region', { name: '주문', exact: true });
    await orders.getByRole('combobox', { name: '선택한 행 처리' }).click();
    await page.getByRole('option', { name: '출고완료', exact: true }).click();
    await orders.getByRole('button', { name: '적용' }).click();
    await orders
      .getByTestId('notice')
      .filter({ hasText: /반영 1/ })
      .waitFor();
    await lines.getByText(`보온병 / 색상: 화이트 × 1 · ${STATUS_LABELS.SHIPPED.ko}`).waitFor();
    const history = detail.getByRole('group', { name: /^이력/ });
    await history.getByText(`: ${STATUS_LABELS.INVOICED.ko} → ${STATUS_LABELS.SHIPPED.ko}`, { exact: false }).first().waitFor();

    // Its undo (되돌리기) takes the order back, and the detail shows that too.
    await orders.getByTestId('last-change').getByRole('button', { name: '되돌리기' }).click();
    await orders
      .getByTestId('notice')
      .filter({ hasText: /되돌렸습니다/ })
      .waitFor();
    await lines.getByText(`보온병 / 색상: 화이트 × 1 · ${STATUS_LABELS.INVOICED.ko}`).waitFor();
    await page.close();
  });
});

/** Whole rows, as the operator's hands select them (the workbook raises the selection-changed event). */
async function select(page: Page, row: number, rows: number): Promise<void> {
  await page.evaluate(([row, rows]) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row, col: 0, rows, cols: 16384 }]), [row, rows]);
}
