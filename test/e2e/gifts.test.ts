// The 사은품 tab at Excel's 320 px in the preview workbench: a rule is written in the form, the preview fills the
// 사은품 sheet one row per order, apply adds the gift lines (the sheet says so beside each row), and 마지막 적용 취소
// takes them out again (the sheet says that too).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder, makeSku, setLineSkus } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();

describe('gifts tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('rule form, preview into the 사은품 sheet, apply and undo, at 320 px', async () => {
    const db = e2e.server.deps.db;
    const tumbler = await makeSku(db, { code: 'TUMB-1', name: '보온 텀블러' });
    await makeSku(db, { code: 'GIFT-POUCH', name: '파우치 사은품' });
    const big = await makeOrder(db, { status: 'NEW', quantity: 3, unitPrice: 12000, channel: '스마트스토어' });
    const small = await makeOrder(db, { status: 'NEW', quantity: 1, unitPrice: 12000, channel: '스마트스토어' });
    for (const o of [big, small]) await setLineSkus(db, o.lineIds[0]!, [tumbler]);

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '사은품', exact: true }).click();
    await pane.getByTestId('gift-rule-count').getByText('사은품 규칙 0개').waitFor();

    const form = pane.getByRole('form', { name: '새 규칙' });
    await form.getByLabel('규칙 이름').fill('텀블러 3만원 이상');
    await form.getByLabel('사은품 상품코드').fill('GIFT-POUCH');
    await form.getByLabel('구매 상품코드 (쉼표로 구분, 하나라도)').fill('TUMB-1');
    await form.getByLabel('판매처 (쉼표로 구분)').fill('스마트스토어');
    await form.getByLabel('최소 금액 (원)').fill('30000');
    await form.getByRole('button', { name: '규칙 저장' }).click();
    await pane.getByText('규칙 "텀블러 3만원 이상"을 저장했습니다.').waitFor();
    await pane.getByTestId('gift-rule-count').getByText('사은품 규칙 1개').waitFor();
    await pane.getByText('결제금액 30,000원 이상').waitFor();

    const fits = await page.evaluate(() => {
      const aside = document.querySelector('aside[aria-label="ShipSheet"]')!;
      const box = aside.getBoundingClientRect();
      const outside = Array.from(aside.querySelectorAll('*')).filter((el) => {
        const r = el.getBoundingClientRect();
        // Tabster's 1 × 1 focus guards sit at the page's corner: not content.
        return r.width > 1 && r.height > 1 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      });
      return outside.map((el) => `${el.tagName} ${(el.textContent ?? '').slice(0, 30)}`);
    });
    assert.deepEqual(fits, [], 'the tab fits 320 px');
    const shots = process.env.SHIPSHEET_SCREENSHOT_DIR;
    if (shots) await page.screenshot({ path: `${shots}/gifts-320.png`, fullPage: true });

    await pane.getByRole('button', { name: '미리보기' }).click();
    await pane.getByText('"사은품" 시트에 사은품 대상 주문 1건 (사은품 1개)을 적었습니다.').waitFor();
    const sheetRow = (row: number) =>
      page.evaluate((r) => {
        const s = (globalThis as any).shipsheetWorkbook.find('사은품');
        return Array.from({ length: 8 }, (_, c) => s.get(r, c)?.value ?? '');
      }, row);
    const previewed = await sheetRow(1);
    assert.deepEqual(
      [previewed[0], previewed[2], previewed[3], previewed[4], previewed[6], previewed[7]],
      [big.id, '스마트스토어', '텀블러 3만원 이상', 'GIFT-POUCH', 1, ''],
    );
    assert.deepEqual(await sheetRow(2), ['', '', '', '', '', '', '', ''], 'the small order is not in the sheet');

    await pane.getByRole('button', { name: '적용 (1건)' }).click();
    await pane.getByText('주문 1건에 사은품 1개를 추가했습니다.').waitFor();
    assert.equal((await sheetRow(1))[7], '추가됨');
    const gifts = await db('order_lines').where({ order_id: big.id }).whereNotNull('gift_rule_id');
    assert.deepEqual(
      gifts.map((l) => [l.sku_code, l.quantity, l.unit_price]),
      [['GIFT-POUCH', 1, 0]],
    );
    assert.equal((await db('order_lines').where({ order_id: small.id }).whereNotNull('gift_rule_id')).length, 0);

    await pane.getByRole('button', { name: '마지막 적용 취소' }).click();
    await pane.getByText('주문 1건에서 사은품 1개를 뺐습니다.').waitFor();
    assert.equal((await sheetRow(1))[7], '적용 취소됨', 'the sheet no longer says 추가됨');
    assert.equal((await db('order_lines').where({ order_id: big.id }).whereNotNull('gift_rule_id')).length, 0);
    await pane.getByRole('button', { name: '마지막 적용 취소' }).click();
    await pane.getByText('취소할 적용이 없습니다.').waitFor();
    await page.close();
  });
});
