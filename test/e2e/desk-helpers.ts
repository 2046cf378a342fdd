// Steps the order-sheet browser tests share: pull (with the session's reason the first time). The sheet's rows are
// read with test/helpers/sheet-rows.ts, the pane's 320 px with test/helpers/pane-width.ts.
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
