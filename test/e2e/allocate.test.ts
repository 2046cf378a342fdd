// The 할당 tab in the preview workbench: 선배송 previewed into the 할당 sheet (one row per line × SKU with the order's
// and the line's outcome in words), an apply refused because the stock moved since the preview (naming the SKU),
// a fresh preview applied (the stock API shows it allocated), then 마지막 할당 취소 returning it; and the tab at 320 px.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ALLOCATE_COLUMNS } from '../../addin/src/features/allocate/allocate-sheet.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder, makeSku, putStock, setLineSkus } from '../helpers/builders.ts';
import { e2eSession, openWorkbench, signInAsAdmin } from '../helpers/e2e-session.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();

/** The 할당 sheet's rows under the header. */
async function sheetRows(page: Page): Promise<unknown[][]> {
  return page.evaluate((width) => {
    const s = (globalThis as any).shipsheetWorkbook.find('할당');
    const rows: unknown[][] = [];
    for (let r = 1; s.get(r, 0)?.value; r++) rows.push(Array.from({ length: width }, (_, c) => s.get(r, c)?.value ?? ''));
    return rows;
  }, ALLOCATE_COLUMNS.length);
}

describe('the 할당 tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('previews 선배송 into the sheet, refuses a stale apply, applies, and undoes the last allocation', async () => {
    const db = e2e.server.deps.db;
    const tag = `AL${Date.now().toString(36).toUpperCase()}`;
    const cup = await makeSku(db, { code: `${tag}-CUP` });
    const lid = await makeSku(db, { code: `${tag}-LID` });
    await putStock(db, cup.id, 5);
    const day = (n: number) => new Date(Date.now() - n * 86400000).toISOString();
    // Oldest first: 2 cups (complete), a cup and a lid (the lid has no stock: split), a lid alone (nothing).
    const full = await makeOrder(db, { status: 'READY', quantity: 2, paidAt: day(3), mallOrderId: `${tag}-1`, products: ['머그컵'] });
    const part = await makeOrder(db, { status: 'READY', lines: 2, paidAt: day(2), mallOrderId: `${tag}-2`, products: ['머그컵', '뚜껑'] });
    const none = await makeOrder(db, { status: 'READY', paidAt: day(1), mallOrderId: `${tag}-3`, products: ['뚜껑'] });
    await setLineSkus(db, full.lineIds[0]!, [cup]);
    await setLineSkus(db, part.lineIds[0]!, [cup]);
    await setLineSkus(db, part.lineIds[1]!, [lid]);
    await setLineSkus(db, none.lineIds[0]!, [lid]);

    const { page, pane } = await openWorkbench(e2e);
    await pane.getByRole('tab', { name: '할당', exact: true }).click();
    await pane.getByRole('radio', { name: /선배송/ }).check();
    await pane.getByRole('button', { name: '미리보기' }).click();
    await pane.getByText(/미리보기를 "할당" 시트에 썼습니다/).waitFor();
    const summary = '주문 3건: 완전배송 1, 부분배송 1, 미할당 1 · 상품 4건 중 할당 2, 분리 1, 부족 1, 대기 0 · 할당 수량 3개';
    assert.equal(await pane.getByTestId('allocate-summary').textContent(), summary);
    const rows = await sheetRows(page);
    const col = (header: string) => ALLOCATE_COLUMNS.findIndex((c) => c.header.ko === header);
    const pick = (r: unknown[]) => ['주문번호', '상품코드', '필요수량', '창고', '할당수량', '주문결과', '상품결과'].map((h) => r[col(h)]);
    assert.deepEqual(rows.map(pick), [
      [`${tag}-1`, cup.code, 2, 'MAIN', 2, '완전배송', '할당'],
      [`${tag}-2`, cup.code, 1, 'MAIN', 1, '부분배송', '할당'],
      [`${tag}-2`, lid.code, 1, '', 0, '부분배송', '분리 (새 주문)'],
      [`${tag}-3`, lid.code, 1, '', 0, '미할당', '재고 부족 (품절)'],
    ]);

    // The cup's stock moves after the preview: the apply is refused, naming it, and nothing is allocated.
    const moved = await e2e.server.call('POST', '/api/stock/adjustments', { sku_code: cup.code, delta: 1, reason: '입고' });
    assert.equal(moved.status, 201, JSON.stringify(moved.body));
    await pane.getByRole('button', { name: '할당 적용' }).click();
    await pane.getByText(new RegExp(`미리보기 뒤에 재고가 바뀌었습니다 \\(${cup.code}@MAIN\\)`)).waitFor();
    const stockOf = async (code: string) => (await e2e.server.call('GET', `/api/stock?q=${code}&warehouse=MAIN`)).body.items[0];
    assert.equal((await stockOf(cup.code)).allocated, 0);

    await pane.getByRole('button', { name: '미리보기' }).click();
    await pane.getByText(/미리보기를 "할당" 시트에 썼습니다/).waitFor();
    await pane.getByRole('button', { name: '할당 적용' }).click();
    await pane.getByText(`할당을 적용했습니다. ${summary} 나눠진 주문 1건.`).waitFor();
    assert.deepEqual([(await stockOf(cup.code)).allocated, (await stockOf(cup.code)).available], [3, 3]);
    const split = await db('order_lines').where({ id: part.lineIds[1] }).first();
    assert.notEqual(split.order_id, part.id, 'the lid moved to a new order');

    await pane.getByRole('button', { name: '마지막 할당 취소' }).click();
    // Named by when it was applied (Korea's time), not by its batch id.
    await pane.getByText(/^2\d{3}\. \d+\. \d+\. (?:오전|오후) \d\d:\d\d에 적용한 할당을 취소했습니다: 상품 2건, 3개를 돌려놓았습니다\.$/).waitFor();
    assert.deepEqual([(await stockOf(cup.code)).allocated, (await stockOf(cup.code)).available], [0, 6]);
    assert.equal((await db('order_lines').where({ id: part.lineIds[1] }).first()).order_id, part.id, 'the split went back');

    // Nothing applied is left: the next undo is refused with why.
    await pane.getByRole('button', { name: '마지막 할당 취소' }).click();
    await pane.getByText('취소할 할당이 없습니다.').waitFor();
    await page.close();
  });

  it('an admin sets the channel priority and held-order allocation in the tab (it needed the API); the next preview serves that channel first', async () => {
    const db = e2e.server.deps.db;
    const tag = `CP${Date.now().toString(36).toUpperCase()}`;
    const cup = await makeSku(db, { code: `${tag}-CUP` });
    await putStock(db, cup.id, 1);
    const day = (n: number) => new Date(Date.now() - n * 86400000).toISOString();
    // One cup, two orders: the older from 쿠팡 본점, the newer from 도매상 — the priority decides.
    const older = await makeOrder(db, { status: 'READY', paidAt: day(2), mallOrderId: `${tag}-1`, channel: '쿠팡 본점', products: ['머그컵'] });
    const newer = await makeOrder(db, { status: 'READY', paidAt: day(1), mallOrderId: `${tag}-2`, channel: '도매상', products: ['머그컵'] });
    await setLineSkus(db, older.lineIds[0]!, [cup]);
    await setLineSkus(db, newer.lineIds[0]!, [cup]);

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '할당', exact: true }).click();
    const settings = pane.getByRole('group', { name: '할당 설정' });
    await settings.getByRole('switch', { name: '보류 주문에도 재고 할당' }).click();
    await settings.getByLabel('채널 우선순위 (한 줄에 하나, 위가 먼저)').fill('도매상\n\n쿠팡 본점\n도매상');
    await settings.getByRole('button', { name: '설정 저장' }).click();
    await settings.getByText(/할당 설정을 저장했습니다/).waitFor();
    assert.deepEqual((await e2e.server.call('GET', '/api/allocation/settings')).body, {
      allocate_held: true,
      channel_priority: ['도매상', '쿠팡 본점'],
    });
    await assertPaneFits(page, 'the 할당 tab with its settings');

    await pane.getByRole('radio', { name: /완배송/ }).check();
    await pane.getByRole('button', { name: '미리보기' }).click();
    await pane.getByText(/미리보기를 "할당" 시트에 썼습니다/).waitFor();
    const rows = await sheetRows(page);
    const col = (header: string) => ALLOCATE_COLUMNS.findIndex((c) => c.header.ko === header);
    const outcomeOf = (mallOrderId: string) => rows.find((r) => r[col('주문번호')] === mallOrderId)?.[col('주문결과')];
    assert.deepEqual([outcomeOf(`${tag}-2`), outcomeOf(`${tag}-1`)], ['완전배송', '미할당'], JSON.stringify(rows));

    // Put back for the other tests.
    await settings.getByRole('switch', { name: '보류 주문에도 재고 할당' }).click();
    await settings.getByLabel('채널 우선순위 (한 줄에 하나, 위가 먼저)').fill('');
    await settings.getByRole('button', { name: '설정 저장' }).click();
    await settings.getByText(/할당 설정을 저장했습니다/).waitFor();
    await page.close();
  });

  it('saving the settings waits for them to load: not while loading, not after a failed load (said, with 다시 불러오기)', async () => {
    // The shop's channel priority, which a save of the form's blanks would wipe.
    const shop = { allocate_held: true, channel_priority: ['도매상', '쿠팡 본점'] };
    assert.equal((await e2e.server.call('PUT', '/api/allocation/settings', shop)).status, 200);
    const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    // The first read of the settings hangs, then fails (a network that dropped); the next goes through.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    await page.route('**/api/allocation/settings', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      if (++reads > 1) return route.continue();
      await held;
      return route.abort('connectionreset');
    });
    await page.goto(`${e2e.server.url}/preview`);
    await signInAsAdmin(page);
    await narrowPane(page);
    const pane = page.getByRole('complementary', { name: 'ShipSheet' });
    await pane.getByRole('tab', { name: '할당', exact: true }).click();
    const settings = pane.getByRole('group', { name: '할당 설정' });
    const save = settings.getByRole('button', { name: '설정 저장' });
    const priority = settings.getByLabel('채널 우선순위 (한 줄에 하나, 위가 먼저)');

    // Not loaded yet (the read is held): the blanks shown are not the shop's, and cannot be saved.
    await save.waitFor();
    assert.equal(reads, 1, 'the read is under way');
    assert.equal(await priority.inputValue(), '');
    assert.equal(await save.isDisabled(), true, 'no save while loading');
    await settings.getByRole('status').filter({ hasText: '할당 설정을 불러오는 중…' }).waitFor();

    // The load failed: said, with why, and still no save; 다시 불러오기 brings the shop's setting, and saving back.
    release();
    await settings
      .getByRole('alert')
      .filter({ hasText: /^할당 설정을 불러오지 못했습니다 \(.+\)\. 지금 설정을 덮어쓰지 않도록/ })
      .waitFor();
    assert.equal(await save.isDisabled(), true, 'no save after a failed load');
    await assertPaneFits(page, 'the 할당 tab with its settings not loaded');
    await settings.getByRole('button', { name: '다시 불러오기' }).click();
    await settings.getByRole('switch', { name: '보류 주문에도 재고 할당' }).and(page.locator(':checked')).waitFor();
    assert.equal(await priority.inputValue(), '도매상\n쿠팡 본점');
    assert.equal(await save.isDisabled(), false);
    assert.equal(await settings.getByRole('alert').count(), 0);
    assert.deepEqual((await e2e.server.call('GET', '/api/allocation/settings')).body, shop, 'the shop’s setting untouched');

    // Put back for the other tests.
    assert.equal((await e2e.server.call('PUT', '/api/allocation/settings', { allocate_held: false, channel_priority: [] })).status, 200);
    await page.close();
  });

  it('the 할당 tab fits a 320 px pane in Korean and in English', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${e2e.server.url}/taskpane.html`);
    await signInAsAdmin(page);
    for (const [tab, region] of [
      ['할당', '할당'],
      ['Allocate', 'Allocate'],
    ] as const) {
      if (tab === 'Allocate') await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.getByRole('region', { name: region, exact: true }).waitFor();
      const fits = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const r = el.getBoundingClientRect();
          if (r.width && r.height && (r.left < -0.5 || r.right > window.innerWidth + 0.5))
            out.push(`${el.tagName} ${(el.textContent ?? '').slice(0, 30)}`);
        }
        return { out, scroll: document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth };
      });
      assert.deepEqual(fits, { out: [], scroll: true }, `${tab} fits 320 px`);
      const shots = process.env.SHIPSHEET_SCREENSHOT_DIR;
      if (shots) await page.screenshot({ path: `${shots}/allocate-${tab}.png`, fullPage: true });
    }
    await page.close();
  });
});
