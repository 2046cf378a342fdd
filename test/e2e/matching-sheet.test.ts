// The 매칭 sheet in the preview workbench, with the pane at Excel's 320 px: pull lists each unmatched product +
// option with its waiting lines and best suggestion; the operator types SKU codes (a set with a quantity), `y` to
// take a suggestion, and a wrong code; push saves the good rows, every waiting line of them is matched at once,
// and each row gets its result beside it.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { MATCHING_COLUMNS } from '../../shared/sheet/matching-columns.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder, makeSku } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
const col = (id: string) => MATCHING_COLUMNS.findIndex((c) => c.id === id);

describe('matching sheet', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('pull, type SKU codes, push: every waiting line of each typed row is matched, with a result per row, at 320 px', async () => {
    const db = e2e.server.deps.db;
    await makeSku(db, { code: 'A100', name: '유기농 사과', option: '5kg' });
    await makeSku(db, { code: 'B200', name: '사과 선물상자' });
    // Three waiting lines of one product + option (P1000), one of another (P1001), one of a product on another channel.
    await makeOrder(db, { status: 'NEW', channel: '매칭몰', products: ['유기농 사과 5kg'] });
    await makeOrder(db, { status: 'PAID', channel: '매칭몰', products: ['유기농 사과 5kg'] });
    await makeOrder(db, { status: 'NEW', channel: '매칭몰', lines: 2, products: ['유기농 사과 5kg', '사과 선물상자'] });
    await makeOrder(db, { status: 'NEW', channel: '다른몰', products: ['모르는 상품'] });

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '매칭', exact: true }).click();
    await pane.getByRole('button', { name: '매칭 불러오기' }).click();
    await pane.getByText('"매칭" 시트에 매칭할 상품 3개를 불러왔습니다.').waitFor();

    const sheetRows = () =>
      page.evaluate((width) => {
        const s = (globalThis as any).shipsheetWorkbook.find('매칭');
        return [1, 2, 3].map((r) => Array.from({ length: width }, (_, c) => s.get(r, c)?.value ?? ''));
      }, MATCHING_COLUMNS.length);
    const pulled = await sheetRows();
    const rowOf = (channel: string, product: string) =>
      pulled.findIndex((r) => r[col('channel_name')] === channel && String(r[col('product_name')]).startsWith(product)) + 1;
    const [set, gift, unknown] = [rowOf('매칭몰', '유기농'), rowOf('매칭몰', '사과 선물상자'), rowOf('다른몰', '모르는')];
    assert.ok(set > 0 && gift > 0 && unknown > 0, JSON.stringify(pulled));
    assert.equal(pulled[set - 1]![col('lines')], 3, 'the lines of one product + option are one row');
    assert.match(String(pulled[gift - 1]![col('suggestion')]), /^B200 사과 선물상자/);
    assert.equal(pulled[gift - 1]![col('suggested_code')], 'B200');
    assert.equal(pulled[set - 1]![col('channel_key')], 'mall:매칭몰');

    await page.evaluate(
      ({ edits }) => {
        const wb = (globalThis as any).shipsheetWorkbook;
        for (const [row, column, value] of edits) wb.userEdit('매칭', row, column, value);
      },
      {
        edits: [
          [set, col('sku'), 'A100*2, B200'],
          [gift, col('sku'), 'y'],
          [unknown, col('sku'), 'ZZZ-1'],
        ] as [number, number, string][],
      },
    );
    await pane.getByRole('button', { name: '매칭 저장' }).click();
    await pane.getByText('매칭 저장 2, 오류 1, 매칭된 주문상품 4건').waitFor();
    // Matching moved those lines' versions: rows of them already on the order sheet must be pulled again.
    await pane.getByText(/매칭된 주문상품 4건 주문 시트에 이미 불러온 주문은 다시 불러온 뒤 작업하세요/).waitFor();

    const pushed = await sheetRows();
    assert.deepEqual(
      [set, gift, unknown].map((r) => pushed[r - 1]![col('result')]),
      ['매칭', '매칭', '오류'],
    );
    assert.match(String(pushed[set - 1]![col('message')]), /A100×2\+B200.*3건/);
    assert.match(String(pushed[unknown - 1]![col('message')]), /ZZZ-1/);

    // The wrong code fixed and the whole sheet saved again: that row is saved, the rows saved before stay 매칭
    // (unchanged, not "already matched elsewhere"), and the count says so.
    await page.evaluate(({ row, column }) => (globalThis as any).shipsheetWorkbook.userEdit('매칭', row, column, 'B200'), {
      row: unknown,
      column: col('sku'),
    });
    await pane.getByRole('button', { name: '매칭 저장' }).click();
    await pane.getByText('매칭 저장 1, 오류 0, 매칭된 주문상품 1건 (이미 매칭되어 그대로 2)').waitFor();
    const again = await sheetRows();
    assert.deepEqual(
      [set, gift, unknown].map((r) => again[r - 1]![col('result')]),
      ['매칭', '매칭', '매칭'],
    );
    assert.match(String(again[set - 1]![col('message')]), /이미 A100×2\+B200.*매칭되어 있습니다/);
    assert.doesNotMatch(String(again[set - 1]![col('message')]), /다른 곳/);
    assert.match(String(again[unknown - 1]![col('message')]), /B200.*1건/);

    const lines = (await e2e.server.call('GET', '/api/order-lines?channel=매칭몰&limit=100')).body.items;
    assert.deepEqual(lines.map((l: { sku_code: string }) => l.sku_code).sort(), ['A100×2+B200', 'A100×2+B200', 'A100×2+B200', 'B200']);
    assert.ok(lines.every((l: { unmatched: boolean }) => !l.unmatched));

    // The pane at 320 px: nothing sticks out sideways.
    const fit = await page.evaluate(() => {
      const aside = document.querySelector('aside[aria-label="ShipSheet"]')!;
      const box = aside.getBoundingClientRect();
      const outside = Array.from(aside.querySelectorAll('*')).filter((el) => {
        // Fluent's focus-trap sentinels are hidden from everyone and placed off-screen on purpose.
        if (el.closest('[aria-hidden="true"]')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      });
      return { width: box.width, scroll: aside.scrollWidth, client: aside.clientWidth, outside: outside.map((el) => el.outerHTML.slice(0, 80)) };
    });
    assert.equal(Math.round(fit.width), 320);
    assert.ok(fit.scroll <= fit.client, `the pane scrolls sideways: ${JSON.stringify(fit)}`);
    assert.deepEqual(fit.outside, []);

    // 기억된 매칭: find the set's match and remove it (a second click confirms); its three waiting lines are
    // unmatched again, the other match stays.
    const remembered = pane.getByRole('region', { name: '기억된 매칭' });
    await remembered.getByLabel('상품명·옵션·상품코드 검색').fill('A100');
    await remembered.getByRole('button', { name: '찾기' }).click();
    await remembered.getByText('기억된 매칭 1개').waitFor();
    await remembered.getByText('A100×2+B200').waitFor();
    await remembered.getByRole('button', { name: '삭제', exact: true }).click();
    await remembered.getByRole('button', { name: '삭제 확인' }).click();
    await remembered.getByText(/매칭을 삭제했습니다: 대기 주문상품 3건이 비매칭으로 돌아갔습니다/).waitFor();
    await remembered.getByText('삭제됨').waitFor();
    const after = (await e2e.server.call('GET', '/api/order-lines?channel=매칭몰&limit=100')).body.items;
    assert.deepEqual(after.map((l: { sku_code: string | null; unmatched: boolean }) => [l.sku_code, l.unmatched]).sort(), [
      [null, true],
      [null, true],
      [null, true],
      ['B200', false],
    ]);
    await page.close();
  });
});
