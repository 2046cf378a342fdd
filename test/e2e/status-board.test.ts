// The status board (현황, issue 13 §3 and §7) in a real browser, on each sandbox mall: after collecting and a few
// actions (released, invoiced, shipped, a send the mall refused, a hold, an unmatched line, a cancel requested at the
// mall and synced, a mall mismatch), every count equals what GET /api/order-lines lists with the count's filter, and
// one click pulls exactly those lines into the 주문 sheet; a sync that brings a claim for a line on the sheet shows
// a notice naming it; the board refreshes when a job ends; it fits at 320 px. With SHIPSHEET_SCREENSHOTS=1 the
// board is written to docs/images/board.png for the README.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { SKIP_WITHOUT_BROWSER, buildPane, launchBrowser } from '../helpers/browser.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/server.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { coupangMall, naverMall, runJob, type MallFixture } from '../helpers/malls.ts';

let browser: Browser;
beforeAll(() => {
  if (SKIP_WITHOUT_BROWSER) return;
  buildPane();
  return launchBrowser().then((b) => void (browser = b));
});
afterAll(() => browser?.close());

const KEY = ORDER_COLUMNS.findIndex((c) => c.id === 'line_id');
const SEND_PATH = { coupang: 'orders/invoices', naver: 'product-orders/dispatch' } as const;

type Line = { line_id: string; line_version: number; order_id: string; mall_order_id: string; status: string };

async function listed(s: TestServer, filter: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await s.call(
      'GET',
      `/api/order-lines?${new URLSearchParams({ ...filter, limit: '1000', reason: 'shipping', ...(cursor ? { cursor } : {}) })}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    ids.push(...res.body.items.map((i: Line) => i.line_id));
    cursor = res.body.next_cursor;
  } while (cursor);
  return ids.sort();
}

async function sheetKeys(page: Page): Promise<string[]> {
  return (await sheetRows(page))
    .map((r) => String(r[KEY] ?? ''))
    .filter(Boolean)
    .sort();
}

describe.skipIf(SKIP_WITHOUT_BROWSER).each(['coupang', 'naver'] as const)('status board on %s', (mallName) => {
  it('counts equal the API, one click pulls exactly those lines, a synced claim is announced, jobs refresh it', { timeout: 240_000 }, async () => {
    const s = await startTestServer();
    const mall: MallFixture<{ close(): Promise<void> }> = mallName === 'coupang' ? await coupangMall(s) : await naverMall(s);
    try {
      await mall.admin.createOrders({ count: 12, status: 'paid' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      assert.equal((await runJob(s, 'confirm', mall.accountId)).job.state, 'succeeded');
      const lines = async (): Promise<Line[]> => (await s.call('GET', '/api/order-lines?reason=shipping&limit=1000')).body.items;
      const act = async (action: string, ids: string[], extra: Record<string, unknown> = {}) => {
        const now = new Map((await lines()).map((l) => [l.line_id, l.line_version]));
        const res = await s.call('POST', '/api/transitions', { action, ...extra, items: ids.map((id) => ({ id, version: now.get(id)! })) });
        for (const r of res.body.results) assert.equal(r.result, 'applied', JSON.stringify(r));
      };
      // Orders of one line each, so each action lands on its own order (and ships no part of a Coupang shipment).
      const all = await lines();
      const byOrder = all.filter((l) => all.filter((m) => m.order_id === l.order_id).length === 1);
      assert.ok(byOrder.length >= 7, `${byOrder.length} orders`);
      const [invoiced, shipped, failed, held, unmatched, canceled, mismatched] = byOrder.map((l) => l.line_id);
      await act('release', [invoiced!, shipped!, failed!]);
      await act('set_invoice', [invoiced!], { courier: 'CJ', tracking_number: '612345678903' });
      await act('set_invoice', [shipped!], { courier: 'CJ', tracking_number: '612345678914' });
      await act('set_invoice', [failed!], { courier: 'CJ', tracking_number: '612345678925' });
      await act('ship', [shipped!, failed!]);
      // The mall refuses the first send call (400): that box is a send failure.
      await mall.admin.addFaults([{ kind: 'status', status: 400, count: 1, path: SEND_PATH[mallName] }]);
      await runJob(s, 'send_invoices', mall.accountId);
      await act('hold', [held!], { reason: '주소 확인' });
      await act('set_flags', [unmatched!], { flags: { unmatched: true } });
      // What the mall last said, as a sync records it: past shipping while we have not shipped (no sandbox event
      // leaves a line mismatched by itself: a sync applies what it can).
      await s.deps
        .db('order_lines')
        .where({ id: mismatched })
        .update({ mall_status: 'DELIVERING', mall_implied_status: 'IN_TRANSIT', mall_status_at: new Date().toISOString() });

      const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
      page.setDefaultTimeout(30_000);
      await page.goto(`${s.url}/preview`);
      await narrowPane(page);
      await page.getByLabel('아이디').fill('admin');
      await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: '로그인' }).click();
      const pane = page.getByRole('complementary', { name: 'ShipSheet' });
      // 현황 is the tab the pane opens on.
      assert.equal(await pane.getByRole('tab', { name: '현황', exact: true }).getAttribute('aria-selected'), 'true');
      const board = pane.getByRole('region', { name: '현황', exact: true });
      const countButton = (id: string): Locator => board.locator(`[data-count="${id}"]`);
      const orders = pane.getByRole('region', { name: '주문', exact: true });
      const backToBoard = async () => {
        await pane.getByRole('tab', { name: '주문', exact: true, selected: true }).waitFor();
        await pane.getByRole('tab', { name: '현황', exact: true }).click();
      };
      const shown = async (id: string) => Number(((await countButton(id).locator('.ss-board-count').textContent()) ?? '').replace(/,/g, ''));
      await countButton('mismatch').waitFor();
      await assertPaneFits(page, '현황');

      const boardNow = (await s.call('GET', '/api/board')).body as { counts: { id: string; count: number; filter: Record<string, string> }[] };
      const expectPositive = ['new_since_pull', 'waiting_release', 'invoiced', 'shipped_not_sent', 'send_failed', 'hold', 'unmatched', 'mismatch'];
      let first = true;
      for (const c of boardNow.counts) {
        const ids = await listed(s, c.filter);
        assert.equal(await shown(c.id), ids.length, `${c.id} shown`);
        assert.equal(c.count, ids.length, `${c.id} counted`);
        if (expectPositive.includes(c.id)) assert.ok(ids.length > 0, `${c.id} has lines`);
        if (c.id === 'new_since_pull' && !first) continue; // pulled once already: it restarted (checked below)
        await countButton(c.id).click();
        if (first) {
          const prompt = board.getByRole('group', { name: '사유' });
          await prompt.getByRole('combobox', { name: '사유' }).click();
          await page.getByRole('option', { name: '배송 처리' }).click();
          await assertPaneFits(page, '현황 with the pull reason prompt');
          await prompt.getByRole('button', { name: '확인하고 불러오기' }).click();
          first = false;
        }
        // The pull done, the pane shows the 주문 tab, where the rows are worked, with the pull's notice; back to 현황
        // for the next count.
        await pane.getByRole('tab', { name: '주문', exact: true, selected: true }).waitFor();
        await orders
          .getByTestId('notice')
          .filter({ hasText: `${ids.length}행을 불러왔습니다` })
          .waitFor();
        await backToBoard();
        await board
          .getByTestId('notice')
          .filter({ hasText: `${ids.length}행을 불러왔습니다` })
          .waitFor();
        assert.deepEqual(await sheetKeys(page), ids, `${c.id}: the sheet holds exactly the counted lines`);
      }
      // The pull restarted "new since your last pull" for this user.
      await board.locator('[data-count="new_since_pull"] .ss-board-count', { hasText: /^0$/ }).waitFor();

      // The mismatch count is the account's mismatches as GET /api/mall-accounts/:id/mismatches lists them.
      const report = (await s.call('GET', `/api/mall-accounts/${mall.accountId}/mismatches`)).body;
      assert.deepEqual(report.items.map((i: Line) => i.line_id).sort(), await listed(s, { mismatch: 'true' }));
      await board
        .locator(`[data-mismatch-account="${mall.accountId}"]`)
        .filter({ hasText: `불일치 ${report.items.length}건` })
        .waitFor();

      // A pull from a count replaces the sheet: an edit not pushed is named first, here as on the 주문 tab.
      const memoAt = ORDER_COLUMNS.findIndex((c) => c.id === 'memo');
      await page.evaluate((col) => (globalThis as any).shipsheetWorkbook.userEdit('주문', 1, col, '문 앞에 두기'), memoAt);
      await countButton('waiting_release').click();
      const warning = board.getByRole('group', { name: '반영하지 않은 수정이 있습니다' });
      await warning.getByText('다시 불러오면 반영하지 않은 수정은 사라집니다.', { exact: false }).waitFor();
      await assertPaneFits(page, '현황 with the unpushed-edits warning');
      // A cancel at the mall for a line on the sheet: pull the waiting lines, the buyer cancels, a sync brings it.
      await warning.getByRole('button', { name: '그대로 진행' }).click();
      await backToBoard();
      await board.getByTestId('notice').filter({ hasText: '행을 불러왔습니다' }).waitFor();
      const target = (await lines()).find((l) => l.line_id === canceled)!;
      assert.ok((await sheetKeys(page)).includes(canceled!));
      const cancelsBefore = await shown('cancel_requested');
      const mallOrder = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === target.mall_order_id);
      await mall.admin.event(String(mallOrder.orderId), 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      const notice = pane.getByTestId('claim-notice');
      await notice.filter({ hasText: `${target.mall_order_id} 취소요청` }).waitFor();
      // The job's end refreshed the board: the cancel (every line of that order, on Coupang) is counted without
      // pressing refresh.
      const cancels = (await listed(s, { status: 'CANCEL_REQUESTED' })).length;
      assert.ok(cancels > cancelsBefore);
      await board.locator('[data-count="cancel_requested"] .ss-board-count', { hasText: new RegExp(`^${cancels}$`) }).waitFor();
      await assertPaneFits(page, '현황 with a claim notice');
      if (process.env.SHIPSHEET_SCREENSHOTS === '1' && mallName === 'coupang') {
        await pane.screenshot({ path: 'docs/images/board.png' });
      }
      // The buyer takes the cancel back; the next sync puts the lines back where they were and the claim leaves the notice.
      await mall.admin.event(String(mallOrder.orderId), 'claim_withdraw');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      assert.equal((await lines()).find((l) => l.line_id === canceled)!.status, target.status);
      await notice.waitFor({ state: 'detached' });
      await page.close();
    } finally {
      await mall.sandbox.close();
      await s.close();
    }
  });
});
