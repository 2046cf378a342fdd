// A notice already shown follows the pane's language: the operator collects on 현황 and pulls a count in English,
// switches to 한국어, and the notices read in Korean (they were sentences built once, in the language of the
// moment). A collect that brought nothing new says so, rather than "0 done". So do the 작업 tab's end of a job, the
// 주문 tab's action on the selected rows, and the 송장 tab's courier, push and 출고완료 (the action, the job and the
// courier named in the language switched to).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { naverMall } from '../helpers/malls.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

/** The workbench at 320 px, with the two language buttons and each tab's notice. */
async function languageDesk() {
  const { page, pane } = await openWorkbench(e2e);
  await narrowPane(page);
  const region = (name: string) => pane.getByRole('region', { name, exact: true });
  return {
    page,
    pane,
    region,
    toEnglish: () => page.getByRole('button', { name: 'English', exact: true }).click(),
    toKorean: () => page.getByRole('button', { name: '한국어', exact: true }).click(),
    noticeOf: (name: string) => region(name).getByTestId('notice'),
  };
}

describe('notices and the pane language', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('a collect and a pull notice made in English read in Korean after switching, and back', async () => {
    const mall = await naverMall(e2e.server);
    try {
      await mall.admin.createOrders({ count: 3, status: 'paid' });
      const { page, pane, toEnglish, toKorean, noticeOf } = await languageDesk();

      await toEnglish();
      await pane.getByRole('tab', { name: 'Status', exact: true }).click();
      const board = pane.getByRole('region', { name: 'Status', exact: true });
      await board.getByRole('button', { name: 'Collect now' }).click();
      await noticeOf('Status')
        .filter({ hasText: /^Collected from accounts: 1; new orders: \d+, failed: 0\. Click a count to pull its lines\.$/ })
        .waitFor();
      const collected = Number(/new orders: (\d+)/.exec((await noticeOf('Status').textContent()) ?? '')![1]);
      assert.ok(collected > 0, 'the collect brought orders in');

      await toKorean();
      await noticeOf('현황')
        .filter({ hasText: `수집 끝: 계정 1개, 새 주문 ${collected}건, 실패 0건.` })
        .waitFor();
      assert.doesNotMatch((await noticeOf('현황').textContent()) ?? '', /[A-Za-z]/, 'no English left in the notice');

      // Nothing new at the mall: the notice says so, in either language.
      await pane.getByRole('region', { name: '현황', exact: true }).getByRole('button', { name: '지금 수집' }).click();
      await noticeOf('현황').filter({ hasText: '수집 끝: 계정 1개, 새 주문이 없습니다.' }).waitFor();
      await toEnglish();
      await noticeOf('Status').filter({ hasText: 'Collected from accounts: 1; no new orders.' }).waitFor();
      await assertPaneFits(page, 'the Status notice in English');

      // A count pulled in English: its notice on Orders (and on Status) reads in Korean after switching.
      await board.locator('[data-count="new_since_pull"]').click();
      await board.getByRole('group', { name: 'Reason' }).getByRole('button', { name: 'Confirm and pull' }).click();
      await pane.getByRole('tab', { name: 'Orders', exact: true, selected: true }).waitFor();
      await noticeOf('Orders')
        .filter({ hasText: /^Pulled \d+ lines\.$/ })
        .waitFor();
      const pulled = Number(/Pulled (\d+)/.exec((await noticeOf('Orders').textContent()) ?? '')![1]);
      await toKorean();
      await noticeOf('주문')
        .filter({ hasText: `${pulled}행을 불러왔습니다.` })
        .waitFor();
      await pane.getByRole('tab', { name: '현황', exact: true }).click();
      await noticeOf('현황')
        .filter({ hasText: `${pulled}행을 불러왔습니다.` })
        .waitFor();
      await page.close();
    } finally {
      await mall.sandbox.close();
    }
  });

  it("the 작업 tab's job, the 주문 tab's action and the 송장 tab's courier, push and 출고완료 read in Korean after switching", async () => {
    // The first test's mall (closed) and its orders are set aside: this desk works the new mall's orders alone.
    for (const a of (await e2e.server.call('GET', '/api/mall-accounts')).body.items as { id: string }[])
      await e2e.server.call('PATCH', `/api/mall-accounts/${a.id}`, { active: false });
    await e2e.server.deps.db('orders').update({ deleted_at: new Date().toISOString() });
    const mall = await naverMall(e2e.server);
    try {
      await mall.admin.createOrders({ count: 3, status: 'paid' });
      const { page, pane, toEnglish, toKorean, region, noticeOf } = await languageDesk();
      /** The notice as it reads now, once it says `text`. */
      const said = async (name: string, text: RegExp) => {
        await noticeOf(name)
          .filter({ hasText: text })
          .waitFor({ timeout: 60_000 })
          .catch(async (error: unknown) => {
            const shown = await noticeOf(name)
              .allTextContents()
              .catch(() => []);
            throw new Error(`${name}: no notice ${text}; shown: ${JSON.stringify(shown)}`, { cause: error });
          });
        return (await noticeOf(name).textContent()) ?? '';
      };

      // 작업: a collect started in English; its end notice names the job and its state in Korean after switching.
      await toEnglish();
      await pane.getByRole('tab', { name: 'Jobs', exact: true }).click();
      await region('Jobs').getByRole('button', { name: 'Start', exact: true }).click();
      await said('Jobs', /^Jobs ended: Collect orders .+ — Done$/);
      await toKorean();
      await said('작업', /^작업이 끝났습니다: 주문 수집 .+ — 완료$/);
      await e2e.server.deps.runner.idle();

      // 주문: pulled, then 발주확인 and 출고지시 on every row, in English; the action is named in Korean after switching.
      await toEnglish();
      await pane.getByRole('tab', { name: 'Orders', exact: true }).click();
      await region('Orders').getByRole('button', { name: 'Pull orders' }).click();
      await region('Orders').getByRole('button', { name: 'Confirm and pull' }).click();
      await said('Orders', /^Pulled \d+ lines\.$/);
      const lines = (await sheetRows(page, '주문')).length;
      assert.ok(lines > 0, 'the collected orders were pulled');
      const selectAll = () =>
        page.evaluate((n) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row: 1, col: 0, rows: n, cols: 16384 }]), lines);
      await selectAll();
      await region('Orders').getByRole('button', { name: 'Apply' }).click(); // 발주확인, the action's default
      const confirmed = await said('Orders', /^Confirm: applied \d+/);
      await toKorean();
      await said('주문', new RegExp(`^발주확인: 반영 ${/applied (\d+)/.exec(confirmed)![1]}`));
      await toEnglish();
      await selectAll();
      await region('Orders').getByRole('combobox', { name: 'Selected rows' }).click();
      await page.getByRole('option', { name: 'Release', exact: true }).click();
      await region('Orders').getByRole('button', { name: 'Apply' }).click();
      await said('Orders', /^Release: applied \d+/);

      // 송장: a courier, the numbers pushed and the rows shipped in English; each notice reads in Korean after switching.
      await pane.getByRole('tab', { name: 'Invoices', exact: true }).click();
      await selectAll();
      await region('Invoices').getByRole('button', { name: 'Set courier on selected rows' }).click();
      await said('Invoices', new RegExp(`^Set .+ on ${lines} rows\\.$`));
      await toKorean();
      await said('송장', new RegExp(`^${lines}행에 CJ대한통운을 넣었습니다\\.$`));
      await toEnglish();
      const rows = await sheetRows(page, '주문');
      const byOrder = new Map<string, string>();
      const edits = rows.map((r, i) => {
        const order = String(r[col('mall_order_id')]);
        if (!byOrder.has(order)) byOrder.set(order, trackingNumber(900_000 + byOrder.size));
        return [i + 1, col('tracking_number'), byOrder.get(order)!] as const;
      });
      await page.evaluate((edits) => edits.forEach(([r, c, v]) => (globalThis as any).shipsheetWorkbook.userEdit('주문', r, c, v)), edits);
      await region('Invoices').getByRole('button', { name: 'Push changes' }).click();
      const pushed = await said('Invoices', /^Rows sent \d+: applied \d+,/);
      const [, sent, pushedApplied] = /^Rows sent (\d+): applied (\d+),/.exec(pushed)!;
      assert.ok(Number(pushedApplied) > 0, pushed);
      await toKorean();
      await said('송장', new RegExp(`^보낸 행 ${sent}: 반영 ${pushedApplied},`));
      await toEnglish();
      await region('Invoices').getByRole('button', { name: 'Ship invoiced rows' }).click();
      const shipped = await said('Invoices', /^Shipped \d+ rows, unchanged \d+, refused \d+/);
      const [, applied, unchanged, refused] = /^Shipped (\d+) rows, unchanged (\d+), refused (\d+)/.exec(shipped)!;
      assert.ok(Number(applied) > 0, shipped);
      await toKorean();
      const korean = await said('송장', new RegExp(`^출고완료 ${applied}행, 변경없음 ${unchanged}행, 거부 ${refused}행`));
      assert.doesNotMatch(korean, /Shipped|unchanged|refused/, 'no English left in the notice');
      await assertPaneFits(page, 'the 송장 notice in Korean');
      await page.close();
    } finally {
      await mall.sandbox.close();
    }
  });
});
