// The operator's own layout of the 주문 sheet (issue 13 §4) in /preview at 320 px: an own column ('포장메모') typed
// beside two lines, a moved column, a changed width and a hidden column survive a re-pull after the server added a
// line and the sheet's rows were re-sorted (values follow the hidden line key); a fresh workbook of the same user
// gets the layout; 레이아웃 초기화 brings the default back. Edits not pushed are named before a re-pull and a ship.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { skipWith } from '../helpers/skip.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();
const SHEET = '주문';
const header = (id: string) => ORDER_COLUMNS.find((c) => c.id === id)!.header.ko;

/** The sheet's layout as the workbook holds it: headers, and width / hidden by header. */
async function layoutOf(page: Page) {
  return page.evaluate((name) => {
    const s = (globalThis as any).shipsheetWorkbook.find(name);
    // Up to the last used column (cells cleared by a rewrite stay in the fake's grid as empty ones).
    const headers: string[] = (s.grid[0] ?? []).slice(0, s.used().cols).map((c: any) => String(c?.value ?? ''));
    return {
      headers,
      widths: Object.fromEntries(headers.map((h, i) => [h, s.columnWidths.get(i)])),
      hidden: headers.filter((_, i) => s.hiddenColumns.has(i)),
    };
  }, SHEET);
}

const hands = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(([name, method, args]) => (globalThis as any).shipsheetWorkbook[method as string](name, ...(args as unknown[])), [
    SHEET,
    method,
    args,
  ] as const);

/** Values of one column by mall order number. */
async function byOrder(page: Page, column: string): Promise<Record<string, unknown>> {
  const { headers } = await layoutOf(page);
  const rows = await sheetRows(page, SHEET);
  const order = headers.indexOf(header('mall_order_id'));
  const at = headers.indexOf(column);
  return Object.fromEntries(rows.map((r) => [String(r[order]), at < 0 ? undefined : r[at]]));
}

describe('the operator’s own layout of the 주문 sheet', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('re-pull keeps own column values beside the same lines, column order, width and hidden; fresh workbook; reset', async () => {
    const db = e2e.server.deps.db;
    for (const n of [1, 2, 3]) await makeOrder(db, { mallOrderId: `20261129100${n}`, products: [`상품 ${n}`] });
    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pullOrdersSheet(page, true);
    const before = await layoutOf(page);

    // The operator's hands: an own column before 상품명 with notes beside two lines, 수취인 moved to the front,
    // 상품명 made wider, 옵션 hidden.
    const productAt = before.headers.indexOf(header('product_name'));
    await hands(page, 'userInsertColumn', productAt);
    await hands(page, 'userEdit', 0, productAt, '포장메모');
    const rows = await sheetRows(page, SHEET);
    const orderCol = before.headers.indexOf(header('mall_order_id'));
    for (const [order, note] of [
      ['202611291001', '뽁뽁이'],
      ['202611291003', '박스 2중'],
    ]) {
      const r = rows.findIndex((row) => String(row[orderCol]) === order);
      await hands(page, 'userEdit', r + 1, productAt, note);
    }
    let now = await layoutOf(page);
    await hands(page, 'userMoveColumn', now.headers.indexOf(header('recipient_name')), 0);
    now = await layoutOf(page);
    await hands(page, 'userSetColumnWidth', now.headers.indexOf(header('product_name')), 333);
    await hands(page, 'userHideColumn', now.headers.indexOf(header('option_text')));
    // The rows get re-sorted on the sheet, and the server gets a new line.
    await hands(page, 'userSort', (await layoutOf(page)).headers.indexOf(header('mall_order_id')), true);
    await makeOrder(db, { mallOrderId: '202611291004', products: ['상품 4'] });
    const kept = await layoutOf(page);

    await pullOrdersSheet(page, false);
    const after = await layoutOf(page);
    assert.deepEqual(after.headers, kept.headers, 'column order kept, own column included');
    assert.equal(after.headers[0], header('recipient_name'));
    assert.equal(after.widths[header('product_name')], 333);
    assert.deepEqual(after.hidden, kept.hidden);
    assert.ok(after.hidden.includes(header('option_text')) && after.hidden.includes(header('line_id')));
    assert.deepEqual(await byOrder(page, '포장메모'), {
      '202611291001': '뽁뽁이',
      '202611291002': '',
      '202611291003': '박스 2중',
      '202611291004': '',
    });
    await assertPaneFits(page, '주문 (레이아웃)');

    // Kept for the user: a fresh workbook (another page) gets the same layout at its first pull.
    const kept2 = (await e2e.server.call('GET', '/api/me/sheet-layouts/orders')).body.layout;
    assert.ok(kept2.columns.some((c: { id: string; own: boolean }) => c.own && c.id === '포장메모'));
    const fresh = await openWorkbench(e2e);
    await pullOrdersSheet(fresh.page, true);
    const there = await layoutOf(fresh.page);
    assert.deepEqual(there.headers, after.headers);
    assert.equal(there.widths[header('product_name')], 333);
    assert.deepEqual(there.hidden, after.hidden);
    assert.deepEqual(Object.values(await byOrder(fresh.page, '포장메모')), ['', '', '', '']);
    await fresh.page.close();

    // Reset: the default layout is back, here and on the server.
    await pane.getByRole('button', { name: '레이아웃 초기화' }).click();
    await pane.getByTestId('notice').filter({ hasText: '레이아웃을 기본으로 되돌리고 4줄을 다시 불러왔습니다.' }).waitFor();
    const reset = await layoutOf(page);
    assert.deepEqual(
      reset.headers,
      ORDER_COLUMNS.map((c) => c.header.ko),
    );
    assert.deepEqual(
      reset.hidden,
      ORDER_COLUMNS.filter((c) => c.hidden).map((c) => c.header.ko),
    );
    assert.equal(reset.widths[header('product_name')], Math.round(ORDER_COLUMNS.find((c) => c.id === 'product_name')!.width * 7 + 5));
    assert.equal((await e2e.server.call('GET', '/api/me/sheet-layouts/orders')).body.layout, null);
    await page.close();
  });

  it('edits not pushed are named before a re-pull and a ship: cancel keeps them, push first sends them, go on ships without them', async () => {
    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pullOrdersSheet(page, true);
    const { headers } = await layoutOf(page);
    const rows = await sheetRows(page, SHEET);
    const memo = headers.indexOf(header('memo'));
    const order = headers.indexOf(header('mall_order_id'));
    const rowOf = (o: string) => rows.findIndex((r) => String(r[order]) === o) + 1;
    await hands(page, 'userEdit', rowOf('202611291002'), memo, '문 앞에 두기');
    await hands(page, 'userEdit', rowOf('202611291004'), memo, '경비실');
    const named = [`${rowOf('202611291002') + 1}행 (주문번호 202611291002)`, `${rowOf('202611291004') + 1}행 (주문번호 202611291004)`]
      .sort()
      .join(', ');

    const warning = (where: Locator) => where.getByRole('group', { name: '반영하지 않은 수정이 있습니다' });
    // Re-pull: named, with what it would lose; cancel leaves the sheet as it was.
    await pane.getByRole('button', { name: '주문 불러오기' }).click();
    const onPull = warning(pane);
    await onPull.getByText(`2개 행: ${named}. 다시 불러오기 전에 먼저 반영할까요?`, { exact: false }).waitFor();
    await onPull.getByText('다시 불러오면 반영하지 않은 수정은 사라집니다.', { exact: false }).waitFor();
    await assertPaneFits(page, '주문 (반영 경고)');
    await onPull.getByRole('button', { name: '취소' }).click();
    assert.equal(await onPull.count(), 0);
    assert.equal((await sheetRows(page, SHEET))[rowOf('202611291002') - 1]![memo], '문 앞에 두기');

    // Ship (송장 tab): named too.
    await pane.getByRole('tab', { name: '송장', exact: true }).click();
    const invoices = page.getByRole('region', { name: '송장', exact: true });
    await invoices.getByRole('button', { name: '운송장출력 행 출고완료' }).click();
    const onShip = warning(invoices);
    await onShip.getByText(`2개 행: ${named}. 출고 전에 먼저 반영할까요?`, { exact: false }).waitFor();
    // It says what going on would lose: the edits of the rows the ship moves (read again over the cells).
    await onShip.getByText('그대로 진행하면 이 작업으로 바뀌는 행의 반영하지 않은 수정은 사라집니다.', { exact: false }).waitFor();
    await assertPaneFits(page, '송장 (반영 경고)');
    // Going on anyway ships without them (nothing invoiced here).
    await onShip.getByRole('button', { name: '그대로 진행' }).click();
    await invoices.getByTestId('notice').filter({ hasText: '운송장출력 상태인 행이 없습니다.' }).waitFor();

    // Back to 주문: push first, then the re-pull; the memos reached the server and are on the re-pulled rows.
    await pane.getByRole('tab', { name: '주문', exact: true }).click();
    await pane.getByRole('button', { name: '주문 불러오기' }).click();
    await warning(pane).getByRole('button', { name: '먼저 반영' }).click();
    await pane
      .getByTestId('notice')
      .filter({ hasText: /불러왔습니다/ })
      .waitFor();
    const memos = await byOrder(page, header('memo'));
    assert.equal(memos['202611291002'], '문 앞에 두기');
    assert.equal(memos['202611291004'], '경비실');
    // Nothing left unpushed: the next re-pull does not ask.
    await pullOrdersSheet(page, false);
    assert.equal(await warning(pane).count(), 0);

    // A row the server refuses keeps its edit, and the warning says it was refused (pushing it again would be too).
    const again = await sheetRows(page, SHEET);
    const at = again.findIndex((r) => String(r[order]) === '202611291004') + 1;
    await hands(page, 'userEdit', at, memo, '다시 수정');
    await e2e.server.deps.db('orders').where({ mall_order_id: '202611291004' }).update({ deleted_at: new Date().toISOString() });
    await pane.getByRole('button', { name: '변경 내용 보내기' }).click();
    await pane
      .getByTestId('notice')
      .filter({ hasText: /거부 1/ })
      .waitFor();
    await pane.getByRole('button', { name: '주문 불러오기' }).click();
    await warning(pane).getByText('그중 1개 행은 지난 반영에서 거부되었습니다', { exact: false }).waitFor();
    await assertPaneFits(page, '주문 (거부된 행이 있는 반영 경고)');
    await warning(pane).getByRole('button', { name: '취소' }).click();
    await e2e.server.deps.db('orders').where({ mall_order_id: '202611291004' }).update({ deleted_at: null });
    await page.close();
  });
});
