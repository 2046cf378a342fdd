// The 작업 tab's end notice on a busy desk: a short job can end — its event heard — before the answer to 작업 시작
// comes back. That end must still be told, with the other account's, and not be covered by "작업을 시작했습니다"
// (the desk-day test saw the notice name one mall of two under CI's load).
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, type MallFixture } from '../helpers/malls.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();

describe('작업 tab: jobs that end before the start is answered', skipWith(SKIP_WITHOUT_BROWSER), () => {
  let malls: MallFixture<{ close(): Promise<void> }>[] = [];
  afterAll(async () => {
    for (const m of malls) await m.sandbox.close();
  });

  it('are named in the notice, both malls, once the answer comes', async () => {
    malls = [await coupangMall(e2e.server, { initialOrders: 2 }), await naverMall(e2e.server, { initialOrders: 2 })];
    const { page, pane } = await openWorkbench(e2e);
    await pane.getByRole('tab', { name: '작업', exact: true }).click();
    // The answer to 작업 시작 is held until both jobs have ended (as a slow network would hold it).
    await page.route('**/api/jobs', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const response = await route.fetch();
      await page.waitForFunction(() => document.querySelectorAll('[data-job][data-state="succeeded"]').length >= 2).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return route.fulfill({ response });
    });
    await pane.getByRole('button', { name: '작업 시작' }).click();
    const notice = pane.getByRole('region', { name: '작업', exact: true }).getByTestId('notice');
    await notice
      .filter({ hasText: /작업이 끝났습니다: 주문 수집/ })
      .filter({ hasText: '쿠팡' })
      .filter({ hasText: '스마트스토어' })
      .waitFor();
    assert.equal(await notice.filter({ hasText: '작업을 시작했습니다' }).count(), 0);
    await page.close();
  });
});
