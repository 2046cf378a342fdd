// Steps the order-sheet browser tests share: pull (with the session's reason the first time), a CJ band and the
// shop's sender for numbering and printing. The sheet's rows are read with test/helpers/sheet-rows.ts, the pane's
// 320 px with test/helpers/pane-width.ts.
import assert from 'node:assert/strict';
import type { Download, Locator, Page } from 'playwright-core';
import type { ApiClient } from '../helpers/malls.ts';

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

/** A 12-digit CJ number with its mod-7 check digit. */
const mod7 = (body: bigint) => `${body}${body % 7n}`;

/** The admin's set-up for numbering and printing: a CJ band of 6,000 numbers from `first`, and the shop's sender. */
export async function bandAndSender(server: ApiClient, first: bigint): Promise<void> {
  const band = await server.call('POST', '/api/tracking-bands', { courier: 'CJ', first_number: mod7(first), last_number: mod7(first + 5_999n) });
  assert.equal(band.status, 201, JSON.stringify(band.body));
  const sender = { name: '쉽시트상회', phone: '0212345678', zip: '06236', address1: '서울특별시 강남구 테헤란로 123' };
  assert.equal((await server.call('PUT', '/api/settings/sender', sender)).status, 200);
}

/** 선택한 행 송장 출력 in the 송장 tab (`invoices`): every file it hands out, once the pane says they were received. */
export async function printSelectedLabels(page: Page, invoices: Locator): Promise<Download[]> {
  const downloads: Download[] = [];
  const take = (d: Download) => void downloads.push(d);
  page.on('download', take);
  await invoices.getByRole('button', { name: '선택한 행 송장 출력' }).click();
  await invoices
    .getByTestId('notice')
    .filter({ hasText: /받았습니다/ })
    .waitFor();
  page.off('download', take);
  return downloads;
}
