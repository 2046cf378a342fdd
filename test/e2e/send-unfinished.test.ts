// A send to the malls whose job fails as a whole (here Naver refusing the keys; a server killed mid-send ends the
// same way) is not reported as a success: the 송장 tab's notice names the account that was not sent, with the
// job's reason, beside the count of what the other mall took.
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, runJob, shipOrders, type MallFixture } from '../helpers/malls.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { skipWith } from '../helpers/skip.ts';
import { pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();

describe('a send job that fails as a whole, in the 송장 tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  const malls: MallFixture<{ close(): Promise<void> }>[] = [];
  let page: Page;
  let pane: Locator;
  afterAll(async () => {
    await page?.close();
    for (const m of malls) await m.sandbox.close();
  });

  it('names the account whose numbers did not reach its mall, and is a warning', async () => {
    malls.push(await coupangMall(e2e.server, { seed: 71 }), await naverMall(e2e.server, { seed: 72 }));
    for (const m of malls) {
      await m.admin.createOrders({ count: 1, status: 'confirmed' });
      await runJob(e2e.server, 'collect', m.accountId);
    }
    const orders = await e2e.server.deps.db('orders').pluck('id');
    await shipOrders(e2e.server, orders, cjNumbers(60223456700));
    const [, naver] = malls;
    const accounts = (await e2e.server.call('GET', '/api/mall-accounts')).body.items as { id: string; display_name: string }[];
    const naverName = accounts.find((a) => a.id === naver!.accountId)!.display_name;
    // Naver refuses the keys from now on: its send job fails as a whole, with no item of it failed.
    await naver!.admin.addFaults([{ kind: 'status', status: 401, count: 1000 }]);

    ({ page, pane } = await openWorkbench(e2e));
    await narrowPane(page);
    await pullOrdersSheet(page, true);
    await pane.getByRole('tab', { name: '송장', exact: true }).click();
    const invoices = pane.getByRole('region', { name: '송장', exact: true });
    await invoices.getByRole('button', { name: '쇼핑몰로 송장 전송' }).click();
    const notice = invoices.getByTestId('notice').filter({ hasText: /전송 성공/ });
    await notice.waitFor({ timeout: 60_000 });
    const text = await notice.innerText();
    assert.match(text, /송장 전송이 끝나지 못한 계정/, text);
    assert.ok(text.includes(naverName), text);
  });
});
