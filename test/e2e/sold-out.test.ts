// The 품절 tab at the width Excel opens the pane (320 px): the count and the flagged lines with their SKUs' stock,
// and 품절해제 with a reason — one line released after its stock was fixed, one refused with why, each on its card.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { refreshSoldOut } from '../../server/modules/sold-out/sold-out.service.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder, makeSku, putStock, setLineSkus } from '../helpers/builders.ts';
import { e2eSession, signInAsAdmin } from '../helpers/e2e-session.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
const WIDTH = 320;

describe('sold-out tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('lists the sold-out lines at 320 px and releases the ones the stock now covers, with a result per line', async () => {
    const db = e2e.server.deps.db;
    const sku = await makeSku(db, { code: 'EARPRO-1', status: 'sold_out' });
    const covered = await makeOrder(db, { products: ['무선 블루투스 이어폰 프로'], quantity: 1 });
    const short = await makeOrder(db, { products: ['무선 블루투스 이어폰 프로 (대량)'], quantity: 5 });
    for (const o of [covered, short]) await setLineSkus(db, o.lineIds[0]!, [sku]);
    await refreshSoldOut(db, [sku.id], { type: 'system', id: null });

    const page = await e2e.browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${e2e.server.url}/taskpane.html`);
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '품절', exact: true }).click();
    await page.getByTestId('sold-out-count').getByText('품절 주문 2건').waitFor();
    const card = (lineId: string) => page.locator(`[data-line="${lineId}"]`);
    await card(covered.lineIds[0]!).getByText('EARPRO-1: 필요 1 · 가용 0 · 강제품절').waitFor();
    await card(short.lineIds[0]!).getByText('해제 불가').waitFor();

    const fits = await page.evaluate(() => {
      const root = document.scrollingElement!;
      const outside = Array.from(document.querySelectorAll('body *')).filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5);
      });
      return { scroll: root.scrollWidth <= root.clientWidth, outside: outside.map((el) => (el.textContent ?? '').slice(0, 40)) };
    });
    assert.deepEqual(fits, { scroll: true, outside: [] }, 'the tab fits 320 px');
    // For a person to look at: SHIPSHEET_SCREENSHOT_DIR=/tmp/shots npm test -- e2e/sold-out
    const shots = process.env.SHIPSHEET_SCREENSHOT_DIR;
    if (shots) await page.screenshot({ path: `${shots}/sold-out-${WIDTH}.png`, fullPage: true });

    // The stock is fixed for one line: the SKU active again and 3 in stock (the other line needs 5).
    await db('skus').where({ id: sku.id }).update({ status: 'active' });
    await putStock(db, sku.id, 3);
    await page.getByRole('button', { name: '새로고침' }).click();
    await card(covered.lineIds[0]!).getByText('해제 가능').waitFor();

    // Without a reason nothing is sent.
    await page.getByRole('button', { name: '품절해제 (전체)' }).click();
    await page.getByText('해제 사유를 입력하세요.').waitFor();
    await page.getByLabel('해제 사유').fill('재고 입고');
    await page.getByRole('button', { name: '품절해제 (전체)' }).click();
    await page.getByText('1건 해제, 1건 해제 안 됨').waitFor();
    await card(covered.lineIds[0]!).getByText('해제됨').waitFor();
    // The released card says what the stock has after the release, not the 3 it had before (3 − 1).
    await card(covered.lineIds[0]!).getByText('EARPRO-1: 필요 1 · 가용 2').waitFor();
    await card(short.lineIds[0]!).getByText('EARPRO-1: 필요 5 · 가용 2').waitFor();
    // What is left for it after the line released before it in the same action (3 − 1).
    await card(short.lineIds[0]!).getByText('EARPRO-1 재고가 부족합니다 (필요 5, 가용 2)').waitFor();
    await page.getByTestId('sold-out-count').getByText('품절 주문 1건').waitFor();
    if (shots) await page.screenshot({ path: `${shots}/sold-out-${WIDTH}-released.png`, fullPage: true });

    const line = await db('order_lines').where({ id: covered.lineIds[0] }).first();
    assert.equal(!!line.sold_out, false);
    const history = await db('status_history').where({ entity_id: covered.lineIds[0], action: 'release_sold_out' });
    assert.equal(history[0]?.reason, '재고 입고');
    await page.close();
  });
});
