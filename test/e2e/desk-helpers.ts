// Steps the order-sheet browser tests share: pull (with the session's reason the first time), the sheet's rows and
// layout as the workbook holds them, and the pane fitting Excel's 320 px.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** Pulls orders from the 주문 tab; the first pull of a session asks the reason (배송 처리). */
export async function pullOrdersSheet(page: Page, first: boolean): Promise<void> {
  const pane = page.getByRole('region', { name: '주문', exact: true });
  await pane.getByRole('button', { name: '주문 불러오기' }).click();
  if (first) {
    const prompt = pane.getByRole('group', { name: '사유' });
    await prompt.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '배송 처리' }).click();
    await prompt.getByRole('button', { name: '확인하고 불러오기' }).click();
  }
  await pane
    .getByTestId('notice')
    .filter({ hasText: /불러왔습니다/ })
    .waitFor();
}

/** A sheet's rows under its header, as the workbook holds them. */
export const sheetRows = (page: Page, sheet: string): Promise<(string | number | boolean)[][]> =>
  page.evaluate((sheet) => {
    const s = (globalThis as any).shipsheetWorkbook.find(sheet);
    const used = s.used();
    return Array.from({ length: used.rows - 1 }, (_, r) => Array.from({ length: used.cols }, (_, c) => s.get(r + 1, c)?.value ?? ''));
  }, sheet);

/** The pane at Excel's 320 px (the preview's is wider). */
export async function paneAt320(page: Page): Promise<void> {
  await page.addStyleTag({
    content: 'aside[aria-label="ShipSheet"] { box-sizing: border-box; width: 320px !important; min-width: 320px !important; }',
  });
}

/** Every element of the pane inside its 320 px (desk-day's check). */
export async function assertFits(page: Page, what: string): Promise<void> {
  const outside = await page.evaluate(() => {
    const aside = document.querySelector('aside[aria-label="ShipSheet"]')!;
    const box = aside.getBoundingClientRect();
    return Array.from(aside.querySelectorAll('*:not([data-tabster-dummy])'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      })
      .map((el) => el.outerHTML.slice(0, 80))
      .concat(Math.round(box.width) === 320 && aside.scrollWidth <= aside.clientWidth ? [] : [`width ${box.width}`]);
  });
  assert.deepEqual(outside, [], `${what} at 320 px`);
}
