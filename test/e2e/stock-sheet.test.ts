// The 재고 sheet in the preview workbench: pull stock, type new quantities and reasons, push, and read each row's
// result beside it (applied rows show the new stock, a stale row and a bad row say why); a transfer from the tab; and
// the tab at Excel's 320 px pane width.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STOCK_COLUMNS } from '../../shared/sheet/stock-columns.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeSku, makeWarehouse } from '../helpers/builders.ts';
import { skipWith } from '../helpers/skip.ts';
import { e2eSession, openWorkbench, signInAsAdmin } from '../helpers/e2e-session.ts';

const e2e = e2eSession();
const col = (id: string) => STOCK_COLUMNS.findIndex((c) => c.id === id);

/** The 재고 sheet's rows under the header, as cell values. */
async function sheetRows(page: Page): Promise<unknown[][]> {
  return page.evaluate((width) => {
    const s = (globalThis as any).shipsheetWorkbook.find('재고');
    const rows: unknown[][] = [];
    for (let r = 1; s.get(r, 0)?.value; r++) rows.push(Array.from({ length: width }, (_, c) => s.get(r, c)?.value ?? ''));
    return rows;
  }, STOCK_COLUMNS.length);
}

async function type(page: Page, row: number, id: string, text: string) {
  await page.evaluate(({ row, c, text }) => (globalThis as any).shipsheetWorkbook.userEdit('재고', row, c, text), { row, c: col(id), text });
}

describe('the 재고 sheet', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('pulls stock, pushes typed counts with reasons, and writes a result beside every row', async () => {
    const db = e2e.server.deps.db;
    const tag = `E2E${Date.now().toString(36).toUpperCase()}`;
    const skus = [];
    for (let i = 0; i < 4; i++) skus.push(await makeSku(db, { code: `${tag}-${i}`, name: `양말 ${i}` }));
    const store = await makeWarehouse(db, { code: `${tag}S`, name: '성수매장', kind: 'store' });
    const seed = await e2e.server.call('POST', '/api/stock/counts', { rows: skus.map((k) => ({ sku_code: k.code, on_hand: 10, reason: '입고' })) });
    assert.equal(seed.body.applied, 4);

    const { page, pane } = await openWorkbench(e2e);
    await pane.getByRole('tab', { name: '재고', exact: true }).click();
    await pane.getByLabel('창고 코드 (비우면 전체)').fill('MAIN');
    await pane.getByLabel('상품코드·상품명 검색').fill(tag);
    await pane.getByRole('button', { name: '재고 불러오기' }).click();
    await pane.getByText('재고 4행을 "재고" 시트로 불러왔습니다.').waitFor();
    const pulled = await sheetRows(page);
    assert.deepEqual(
      pulled.map((r) => [r[col('sku_code')], r[col('warehouse_code')], r[col('on_hand')], r[col('available')], r[col('version')]]),
      skus.map((k) => [k.code, 'MAIN', 10, 10, 1]),
    );
    const header = await page.evaluate(() => (globalThis as any).shipsheetWorkbook.find('재고').get(0, 8)?.value);
    assert.equal(header, '새 수량');

    // Someone adjusts SKU 2 after the pull: its count must not overwrite that.
    assert.equal((await e2e.server.call('POST', '/api/stock/adjustments', { sku_code: skus[2]!.code, delta: 5, reason: '반품' })).status, 201);
    await type(page, 1, 'new_on_hand', '7');
    await type(page, 1, 'reason', '11월 실사');
    await type(page, 2, 'new_on_hand', '1,200'); // no reason in the row: the pane's reason applies
    await type(page, 3, 'new_on_hand', '8');
    await type(page, 3, 'reason', '실사');
    await type(page, 4, 'new_on_hand', '-2');
    await pane.getByLabel('사유 (사유 칸이 빈 행에 적용)').fill('입고 확인');
    await pane.getByRole('button', { name: '새 수량 반영' }).click();
    await pane.getByText('보낸 행 3: 반영 2, 변경없음 0, 거부 1, 확인필요 1').waitFor();

    const after = await sheetRows(page);
    // The workbook keeps typed numbers as numbers (as Excel does).
    const pick = (r: unknown[]) => [r[col('push_result')], r[col('on_hand')], r[col('new_on_hand')]];
    assert.deepEqual(after.map(pick), [
      ['반영', 7, ''],
      ['반영', 1200, ''],
      ['거부', 10, 8],
      ['확인필요', 10, -2],
    ]);
    assert.match(String(after[2]![col('push_message')]), /불러온 뒤 재고가 바뀌었습니다 \(지금 현재고 15개\)/);
    assert.match(String(after[3]![col('push_message')]), /새 수량: 재고 수량은 0 이상/);
    assert.equal(after[0]![col('version')], 2);
    const history = (await e2e.server.call('GET', `/api/stock/history?sku=${skus[1]!.code}`)).body.items;
    assert.deepEqual([history[0].kind, history[0].on_hand_before, history[0].on_hand_after, history[0].reason], ['count', 10, 1200, '입고 확인']);
    const stale = (await e2e.server.call('GET', `/api/stock?q=${skus[2]!.code}&warehouse=MAIN`)).body.items[0];
    assert.equal(stale.on_hand, 15, 'the adjustment made after the pull is kept');

    // A count equal to the stock writes nothing and is counted as 변경없음, not 반영 (it was).
    await type(page, 1, 'new_on_hand', '7');
    await pane.getByRole('button', { name: '새 수량 반영' }).click();
    await pane.getByText(/: 반영 0, 변경없음 1, /).waitFor();

    // A transfer from the tab.
    const form = pane.getByRole('group', { name: '창고 이동' });
    await form.getByLabel('상품코드').fill(skus[0]!.code);
    await form.getByLabel('받는 창고').fill(store.code);
    await form.getByLabel('수량').fill('3');
    await form.getByRole('button', { name: '이동' }).click();
    await form.getByText('필수입니다.').waitFor(); // the reason is required
    await form.getByLabel('사유').fill('매장 진열');
    await form.getByRole('button', { name: '이동' }).click();
    await pane.getByText(`${skus[0]!.code} 3개를 옮겼습니다: MAIN 4개, ${store.code} 3개`).waitFor();
    await page.close();
  });

  it('counts typed on any sheet go through the file pipeline, with a result beside each row', async () => {
    const db = e2e.server.deps.db;
    const a = await makeSku(db);
    const b = await makeSku(db);
    const { page, pane } = await openWorkbench(e2e);
    await page.evaluate(
      ({ rows }) => {
        const wb = (globalThis as any).shipsheetWorkbook;
        rows.forEach((r: string[], i: number) => r.forEach((v, c) => wb.userEdit('Sheet1', i, c, v)));
        wb.active = 'Sheet1';
      },
      {
        rows: [
          ['상품코드', '창고', '수량', '사유'],
          [a.code, 'MAIN', '25', ''],
          [b.code, '', '-4', '파손 확인'],
          ['NO-SUCH-SKU', '', '3', ''],
        ],
      },
    );
    await pane.getByRole('tab', { name: '재고', exact: true }).click();
    await pane.getByLabel('사유 (사유 칸이 빈 행에 적용)').fill('분기 실사');
    await pane.getByRole('button', { name: '활성 시트로 실사 반영' }).click();
    // Every refused row named by its row (only the first was).
    await pane.getByText(/실사 3행: 반영 1, 거부 2\s+3행: 거부: 수량: .*\s+4행: 거부: 상품코드: /).waitFor();
    const results = await page.evaluate(() => {
      const s = (globalThis as any).shipsheetWorkbook.find('Sheet1');
      return [0, 1, 2].map((r) => s.get(r, 4)?.value ?? '');
    });
    assert.equal(results[0], '실사결과');
    assert.equal(results[1], '반영');
    assert.match(String(results[2]), /^거부: 수량: 재고 수량은 0 이상/);
    const row = await db('stock').where({ sku_id: a.id, warehouse_id: 'wh_default' }).first();
    assert.equal(row.on_hand, 25);
    const history = await db('stock_history').where({ sku_id: a.id }).first();
    assert.deepEqual([history.kind, history.reason], ['import', '분기 실사']);
    await page.close();
  });

  it('the 재고 tab fits a 320 px pane in Korean and in English', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${e2e.server.url}/taskpane.html`);
    await signInAsAdmin(page);
    for (const [tab, region] of [
      ['재고', '재고'],
      ['Stock', 'Stock'],
    ] as const) {
      if (tab === 'Stock') await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.getByRole('region', { name: region, exact: true }).waitFor();
      const outside = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const r = el.getBoundingClientRect();
          if (r.width && r.height && (r.left < -0.5 || r.right > window.innerWidth + 0.5))
            out.push(`${el.tagName} ${(el.textContent ?? '').slice(0, 30)}`);
        }
        return { out, scroll: document.scrollingElement!.scrollWidth, client: document.scrollingElement!.clientWidth };
      });
      assert.deepEqual(outside.out, [], `${tab}: elements outside the pane`);
      assert.ok(outside.scroll <= outside.client, `${tab}: sideways scroll`);
    }
    await page.close();
  });
});
