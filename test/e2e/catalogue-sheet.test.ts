// The 상품 sheet in a real browser: pull the catalogue into the workbench's workbook, edit a row (a price, 강제품절),
// type a new SKU and a bad one below, push — each row gets its result beside it, the new row learns its id — and a
// second push sends nothing. The 상품 tab, with its warehouse list, fits a 320 px pane.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SKU_COLUMNS } from '../../shared/sheet/sku-columns.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { skipWith } from '../helpers/skip.ts';
import { e2eSession, openWorkbench, signInAsAdmin } from '../helpers/e2e-session.ts';

const e2e = e2eSession();
const col = (id: string) => SKU_COLUMNS.findIndex((c) => c.id === id);

async function sheetRows(page: Page): Promise<(string | number)[][]> {
  return page.evaluate((width) => {
    const s = (globalThis as any).shipsheetWorkbook.find('상품');
    const used = s.used();
    return Array.from({ length: used.rows - 1 }, (_, r) => Array.from({ length: width }, (_, c) => s.get(r + 1, c)?.value ?? ''));
  }, SKU_COLUMNS.length);
}

async function edit(page: Page, edits: [number, string, string][]) {
  await page.evaluate(
    ({ edits, cols }) => {
      const wb = (globalThis as any).shipsheetWorkbook;
      for (const [row, id, value] of edits) wb.userEdit('상품', row, cols[id], value);
    },
    { edits, cols: Object.fromEntries(SKU_COLUMNS.map((c, i) => [c.id, i])) },
  );
}

describe('the 상품 sheet', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('pulls, pushes edits and new rows with a result beside each, then has nothing to push', async () => {
    for (const [code, name] of [
      ['E2E-100', '텀블러'],
      ['E2E-200', '머그컵'],
    ]) {
      const made = await e2e.server.call('POST', '/api/catalogue/skus', { code, name, price: 15000, barcodes: [`88${code!.slice(4)}01`] });
      assert.equal(made.status, 201, JSON.stringify(made.body));
    }
    const { page, pane } = await openWorkbench(e2e);
    await pane.getByRole('tab', { name: '상품', exact: true }).click();
    const region = page.getByRole('region', { name: '상품', exact: true });
    await region.getByRole('button', { name: '상품 불러오기' }).click();
    await region.getByText('상품 2개를 불러왔습니다').waitFor();
    const pulled = await sheetRows(page);
    assert.deepEqual(
      pulled.map((r) => [r[col('code')], r[col('status')], r[col('barcodes')]]),
      [
        ['E2E-100', '판매중', '8810001'],
        ['E2E-200', '판매중', '8820001'],
      ],
    );
    assert.match(String(pulled[0]![col('id')]), /^sku_/);

    await edit(page, [
      [1, 'price', '16,900'],
      [1, 'barcodes', '8810001, 8810002'],
      [2, 'status', '강제품절'],
      // New rows typed under the catalogue: a good one, one with a status the pane does not know, one with a taken code.
      [3, 'code', 'E2E-300'],
      [3, 'name', '보온병'],
      [3, 'status', '한정'],
      [3, 'limit_quantity', '20'],
      [4, 'code', 'E2E-400'],
      [4, 'name', '컵홀더'],
      [4, 'status', '품절임박'],
      [5, 'code', 'E2E-100'],
      [5, 'name', '중복'],
    ]);
    await region.getByRole('button', { name: '상품 올리기' }).click();
    await region.getByText('보냄 4 · 반영 3 · 변경없음 0 · 거부 1 · 확인필요 1').waitFor();
    const pushed = await sheetRows(page);
    const results = pushed.map((r) => [r[col('push_result')], r[col('push_message')]]);
    assert.deepEqual(results.slice(0, 3), [
      ['반영', ''],
      ['반영', ''],
      ['반영', ''],
    ]);
    assert.equal(results[3]![0], '확인필요');
    assert.match(String(results[3]![1]), /^상태: 상태는 판매중/);
    assert.equal(results[4]![0], '거부');
    assert.match(String(results[4]![1]), /E2E-100/);
    assert.match(String(pushed[2]![col('id')]), /^sku_/, 'the new row learned its id');
    assert.equal(pushed[2]![col('version')], 1);
    assert.equal(pushed[0]![col('version')], 2);
    assert.equal(pushed[0]![col('price')], 16900);

    const list = (await e2e.server.call('GET', '/api/catalogue/skus?q=E2E')).body.items;
    assert.deepEqual(
      list.map((s: { code: string; status: string; price: number; barcodes: string[] }) => [s.code, s.status, s.price, s.barcodes.join(',')]),
      [
        ['E2E-100', 'active', 16900, '8810001,8810002'],
        ['E2E-200', 'sold_out', 15000, '8820001'],
        ['E2E-300', 'limited', 0, ''],
      ],
    );

    // Fix the unknown status and clear the duplicate row's code into a new one: only those two go.
    await edit(page, [
      [4, 'status', '판매중'],
      [5, 'code', 'E2E-500'],
    ]);
    await region.getByRole('button', { name: '상품 올리기' }).click();
    await region.getByText('보냄 2 · 반영 2 · 변경없음 0 · 거부 0 · 확인필요 0').waitFor();
    await region.getByRole('button', { name: '상품 올리기' }).click();
    await region.getByText('바뀐 행이 없습니다').waitFor();
    await page.close();
  });

  it('imports SKUs from the active sheet through the default template, a result beside each row', async () => {
    const { page, pane } = await openWorkbench(e2e);
    const file = [
      ['상품코드', '상품명', '바코드', '판매가', '상태'],
      ['IMPORT-1', '에코백', '8899001, 8899002', '9,900', '판매중'],
      ['IMPORT-2', '파우치', '', '4900', '단종'],
    ];
    await page.evaluate((rows) => {
      const wb = (globalThis as any).shipsheetWorkbook;
      rows.forEach((r: string[], i: number) => r.forEach((v, c) => wb.userEdit('Sheet1', i, c, v)));
    }, file);
    await pane.getByRole('tab', { name: '상품', exact: true }).click();
    const region = page.getByRole('region', { name: '상품', exact: true });
    await region.getByRole('button', { name: '활성 시트에서 가져오기' }).click();
    await region.getByText('"Sheet1" 2행: 반영 1 · 거부 1 (결과는 행 옆에)').waitFor();
    const results = await page.evaluate(() => {
      const s = (globalThis as any).shipsheetWorkbook.find('Sheet1');
      return [0, 1, 2].map((r) => s.get(r, 5)?.value ?? '');
    });
    assert.equal(results[0], '상품 가져오기 결과');
    assert.equal(results[1], '반영');
    assert.match(String(results[2]), /^거부: 상태일자/);
    const made = (await e2e.server.call('GET', '/api/catalogue/skus?q=IMPORT-1')).body.items[0];
    assert.deepEqual([made.price, made.barcodes], [9900, ['8899001', '8899002']]);
    await page.close();
  });

  it('the 상품 tab and its warehouse list fit 320 px; a store is added and made the default', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 320, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${e2e.server.url}/taskpane.html`);
    await signInAsAdmin(page);
    await page.getByRole('tab', { name: '상품', exact: true }).click();
    const section = page.getByRole('region', { name: '창고·매장' });
    await section.getByTestId('warehouse').first().waitFor();
    await section.getByLabel('코드').fill('SEONGSU');
    await section.getByLabel('이름').fill('성수점');
    await section.getByRole('combobox', { name: '종류' }).click();
    await page.getByRole('option', { name: '매장' }).click();
    await section.getByRole('button', { name: '추가' }).click();
    await section.getByText('성수점을 추가했습니다').waitFor();
    const store = section.getByTestId('warehouse').filter({ hasText: '성수점 (SEONGSU) · 매장' });
    await store.getByRole('button', { name: '기본으로' }).click();
    await section.getByText('기본 창고: 성수점').waitFor();
    assert.equal(await store.getByText('기본').count(), 1);

    const overflow = await page.evaluate(() => {
      const outside: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.left < -0.5 || r.right > window.innerWidth + 0.5) outside.push(`<${el.tagName.toLowerCase()}> ${(el.textContent ?? '').slice(0, 30)}`);
      }
      return { scroll: document.scrollingElement!.scrollWidth, client: document.scrollingElement!.clientWidth, outside };
    });
    assert.ok(overflow.scroll <= overflow.client, `the pane scrolls sideways: ${overflow.outside.join('\n')}`);
    assert.deepEqual(overflow.outside, []);
    await page.close();
  });
});
