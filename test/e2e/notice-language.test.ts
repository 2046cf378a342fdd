// A notice already shown follows the pane's language: the operator collects on 현황 and pulls a count in English,
// switches to 한국어, and the notices read in Korean (they were sentences built once, in the language of the
// moment). A collect that brought nothing new says so, rather than "0 done".
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { naverMall } from '../helpers/malls.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();

describe('notices and the pane language', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('a collect and a pull notice made in English read in Korean after switching, and back', async () => {
    const mall = await naverMall(e2e.server);
    try {
      await mall.admin.createOrders({ count: 3, status: 'paid' });
      const { page, pane } = await openWorkbench(e2e);
      await narrowPane(page);
      const toEnglish = () => page.getByRole('button', { name: 'English', exact: true }).click();
      const toKorean = () => page.getByRole('button', { name: '한국어', exact: true }).click();
      const noticeOf = (region: string) => pane.getByRole('region', { name: region, exact: true }).getByTestId('notice');

      await toEnglish();
      await pane.getByRole('tab', { name: 'Status', exact: true }).click();
      const board = pane.getByRole('region', { name: 'Status', exact: true });
      await board.getByRole('button', { name: 'Collect now' }).click();
      await noticeOf('Status')
        .filter({ hasText: /^Collected from accounts: 1; new orders: \d+, failed: 0\. Click a count to pull its lines\.$/ })
        .waitFor();
      const collected = Number(/new orders: (\d+)/.exec((await noticeOf('Status').textContent()) ?? '')![1]);
      assert.ok(collected > 0, 'the collect brought orders in');

      await toKorean();
      await noticeOf('현황')
        .filter({ hasText: `수집 끝: 계정 1개, 새 주문 ${collected}건, 실패 0건.` })
        .waitFor();
      assert.doesNotMatch((await noticeOf('현황').textContent()) ?? '', /[A-Za-z]/, 'no English left in the notice');

      // Nothing new at the mall: the notice says so, in either language.
      await pane.getByRole('region', { name: '현황', exact: true }).getByRole('button', { name: '지금 수집' }).click();
      await noticeOf('현황').filter({ hasText: '수집 끝: 계정 1개, 새 주문이 없습니다.' }).waitFor();
      await toEnglish();
      await noticeOf('Status').filter({ hasText: 'Collected from accounts: 1; no new orders.' }).waitFor();
      await assertPaneFits(page, 'the Status notice in English');

      // A count pulled in English: its notice on Orders (and on Status) reads in Korean after switching.
      await board.locator('[data-count="new_since_pull"]').click();
      await board.getByRole('group', { name: 'Reason' }).getByRole('button', { name: 'Confirm and pull' }).click();
      await pane.getByRole('tab', { name: 'Orders', exact: true, selected: true }).waitFor();
      await noticeOf('Orders')
        .filter({ hasText: /^Pulled \d+ lines\.$/ })
        .waitFor();
      const pulled = Number(/Pulled (\d+)/.exec((await noticeOf('Orders').textContent()) ?? '')![1]);
      await toKorean();
      await noticeOf('주문')
        .filter({ hasText: `${pulled}행을 불러왔습니다.` })
        .waitFor();
      await pane.getByRole('tab', { name: '현황', exact: true }).click();
      await noticeOf('현황')
        .filter({ hasText: `${pulled}행을 불러왔습니다.` })
        .waitFor();
      await page.close();
    } finally {
      await mall.sandbox.close();
    }
  });
});
