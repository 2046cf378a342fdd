// The 합포 tab with more review groups than a 320 px pane can list (a sale day has thousands): the cards come 50 at a
// time (더 보기), a decision re-renders its own card alone (each card is memoized: with every card rendered again
// on each click, a sale day's 2,000 cards froze the pane for a second a click), decisions on every page count in
// 합포 적용, and the apply merges exactly the accepted groups.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
const REVIEWS = 60;

describe('merge tab with many review groups', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('shows review cards a page at a time, re-renders only the decided card, and applies decisions from every page', async () => {
    const db = e2e.server.deps.db;
    const order = async (name: string, mobile: string) => {
      const o = await makeOrder(db, { status: 'READY', recipient: name, recipientMobile: mobile, products: [`${name} 상품`] });
      await db('orders').where({ id: o.id }).update({ recipient_phone: null });
      return o;
    };
    // Same name and address, other phones: a review group each. One pair with the same phone: a merge group.
    // The first pair on safe numbers: its badge has the longest reason ("Phones cannot be compared (safe number or none)").
    for (let i = 0; i < REVIEWS; i++) {
      const prefix = i === 0 ? '0505' : '010';
      await order(`검토${i}`, `${prefix}-${5000 + i}-0001`);
      await order(`검토${i}`, `${prefix}-${5000 + i}-0002`);
    }
    await order('김합포', '010-3333-4444');
    await order('김합포', '010-3333-4444');

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '합포', exact: true }).click();
    await pane.getByRole('button', { name: '합포 미리보기' }).click();
    await pane.getByRole('group', { name: '사유' }).getByRole('button', { name: '확인하고 불러오기' }).click();
    await pane.getByText(`"합포" 시트에 합포 그룹 1개, 검토 필요 ${REVIEWS}개 (${REVIEWS * 2 + 2}줄)를 썼습니다.`).waitFor();
    const cards = pane.locator('[data-review]');
    assert.equal(await cards.count(), 50, 'the first page of cards');
    await pane.getByText(`검토 필요 ${REVIEWS}개 · 결정 0개`).waitFor();
    await assertPaneFits(page, '합포 검토 카드');
    // In English the reasons are longer: a badge wraps in its card rather than being cut at both ends.
    await page.getByRole('button', { name: 'English' }).click();
    await pane.getByText('Phones cannot be compared (safe number or none)').waitFor();
    await assertPaneFits(page, 'merge review cards in English');
    await page.getByRole('button', { name: '한국어' }).click();
    await pane.getByText('연락처 확인 불가 (안심번호·없음)').waitFor();

    // A decision renders its own card again, no other.
    await rememberCardProps(page);
    const accept = (review: string) => pane.locator(`[data-review="${review}"]`).getByRole('button', { name: '합포', exact: true });
    await accept('R1').click();
    await pane.locator('[data-review="R1"]').getByRole('button', { name: '합포', exact: true, pressed: true }).waitFor();
    assert.deepEqual(await cardsRenderedAgain(page), ['R1']);
    await rememberCardProps(page);
    await pane.locator('[data-review="R2"]').getByRole('button', { name: '따로', exact: true }).click();
    await pane.locator('[data-review="R2"]').getByRole('button', { name: '따로', exact: true, pressed: true }).waitFor();
    assert.deepEqual(await cardsRenderedAgain(page), ['R2']);
    await pane.getByRole('button', { name: '합포 적용 (그룹 2개)' }).waitFor();

    // The rest come with 더 보기; the decisions made stay.
    await pane.getByRole('button', { name: `더 보기 (50/${REVIEWS}개 표시)` }).click();
    await cards.nth(REVIEWS - 1).waitFor();
    assert.equal(await cards.count(), REVIEWS);
    assert.equal(await pane.getByRole('button', { name: /더 보기/ }).count(), 0);
    await pane.locator('[data-review="R1"]').getByRole('button', { name: '합포', exact: true, pressed: true }).waitFor();
    const last = `R${REVIEWS}`;
    await accept(last).click();
    await pane.getByText(`검토 필요 ${REVIEWS}개 · 결정 3개`).waitFor();
    const ordersOf = async (review: string) => {
      const ids = ((await pane.locator(`[data-review="${review}"]`).textContent()) ?? '').match(/\d{14}/g) ?? [];
      assert.equal(ids.length, 2, `${review} names its two orders`);
      return ids;
    };
    const named: Record<string, string[]> = {
      R1: await ordersOf('R1'),
      R2: await ordersOf('R2'),
      [last]: await ordersOf(last),
      R3: await ordersOf('R3'),
    };
    // The merge group and the two accepted review groups.
    await pane.getByRole('button', { name: '합포 적용 (그룹 3개)' }).click();
    await pane.getByText('3개 그룹 6줄을 합포했습니다. 제외 1개.').waitFor();

    // Each accepted review group's orders are one box now; the rejected and the undecided ones are in none.
    const boxesOf = async (mallOrderIds: string[]) => {
      const rows = await db('order_lines')
        .join('orders', 'orders.id', 'order_lines.order_id')
        .whereIn('orders.mall_order_id', mallOrderIds)
        .select('order_lines.box_id');
      return [...new Set(rows.map((r: { box_id: string | null }) => r.box_id))];
    };
    for (const review of ['R1', last]) {
      const boxes = await boxesOf(named[review]!);
      assert.ok(boxes.length === 1 && boxes[0], `${review}: one box (${boxes.join()})`);
    }
    assert.deepEqual(await boxesOf(named.R2!), [null]);
    assert.deepEqual(await boxesOf(named.R3!), [null]);
    await page.close();
  });
});

/** Keeps each review card's React props (the object React gives a DOM element it renders; a new one each render). */
async function rememberCardProps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const props = (el: Element) => (el as any)[Object.keys(el).find((k) => k.startsWith('__reactProps$'))!];
    (globalThis as any).cardProps = new Map(
      Array.from(document.querySelectorAll('[data-review]'), (el) => [el.getAttribute('data-review'), props(el)]),
    );
  });
}

/** The review cards rendered since rememberCardProps. */
async function cardsRenderedAgain(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const props = (el: Element) => (el as any)[Object.keys(el).find((k) => k.startsWith('__reactProps$'))!];
    const before = (globalThis as any).cardProps as Map<string, unknown>;
    return Array.from(document.querySelectorAll('[data-review]'))
      .filter((el) => props(el) !== before.get(el.getAttribute('data-review')!))
      .map((el) => el.getAttribute('data-review')!);
  });
}
