// The 합포 tab in the preview workbench at Excel's 320 px: the preview writes the 합포 sheet (group, review reason,
// order, recipient, product, box), a review group is accepted, the apply puts each group in one box (the sheet shows
// it), and the last batch is undone from the pane (the sheet shows that too).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();

describe('merge tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('previews into the 합포 sheet, merges a group and an accepted review group, and undoes the batch, at 320 px', async () => {
    const db = e2e.server.deps.db;
    const order = async (name: string, mobile: string) => {
      const o = await makeOrder(db, { status: 'READY', recipient: name, recipientMobile: mobile, products: [`${name} 상품`] });
      await db('orders').where({ id: o.id }).update({ recipient_phone: null });
      return o;
    };
    const a1 = await order('김합포', '010-3333-4444');
    const a2 = await order('김합포', '01033334444');
    const b1 = await order('박검토', '010-5555-0001');
    const b2 = await order('박검토', '010-5555-0002');
    const boxOf = async (lineId: string) => (await db('order_lines').where({ id: lineId }).first()).box_id as string | null;

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '합포', exact: true }).click();
    await pane.getByRole('button', { name: '합포 미리보기' }).click();
    // Recipients go into the sheet: the first time this session, the pane asks why (배송 처리 offered), as a pull does.
    const prompt = pane.getByRole('group', { name: '사유' });
    await prompt.getByRole('button', { name: '확인하고 불러오기' }).click();
    await pane.getByText('"합포" 시트에 합포 그룹 1개, 검토 필요 1개 (4줄)를 썼습니다.').waitFor();
    const record = await db('access_records').where({ endpoint: 'POST /api/merge/preview' }).orderBy('id', 'desc').first();
    assert.equal(record.reason, 'shipping', 'the read is recorded with its reason');

    const rows = await page.evaluate(() => {
      const s = (globalThis as any).shipsheetWorkbook.find('합포');
      return [0, 1, 2, 3, 4].map((r) => Array.from({ length: 10 }, (_, c) => s.get(r, c)?.value ?? ''));
    });
    assert.deepEqual(rows[0]!.slice(0, 3), ['합포그룹', '검토필요', '주문번호']);
    const rowOf = (product: string) => rows.find((r) => r[6] === product)!;
    assert.equal(rowOf('김합포 상품')[0], 'M1');
    assert.equal(rowOf('김합포 상품')[4], '김합포');
    assert.equal(rowOf('박검토 상품')[1], 'R1 연락처 다름');

    await pane.locator('[data-review="R1"]').getByText('연락처 다름').waitFor();
    await pane.locator('[data-review="R1"]').getByRole('button', { name: '합포', exact: true }).click();
    await pane.getByRole('button', { name: '합포 적용 (그룹 2개)' }).click();
    await pane.getByText('2개 그룹 4줄을 합포했습니다. 제외 0개.').waitFor();
    const boxA = await boxOf(a1.lineIds[0]!);
    assert.ok(boxA);
    assert.equal(await boxOf(a2.lineIds[0]!), boxA);
    const boxB = await boxOf(b1.lineIds[0]!);
    assert.ok(boxB && boxB !== boxA);
    assert.equal(await boxOf(b2.lineIds[0]!), boxB);
    // The 합포 sheet's 현재 박스 shows each row's new box, as the server has it now.
    const currentBoxes = () =>
      page.evaluate(() => {
        const s = (globalThis as any).shipsheetWorkbook.find('합포');
        return [1, 2, 3, 4].map((r) => [s.get(r, 4)?.value ?? '', s.get(r, 9)?.value ?? '']).sort();
      });
    assert.deepEqual(await currentBoxes(), [
      ['김합포', boxA],
      ['김합포', boxA],
      ['박검토', boxB],
      ['박검토', boxB],
    ]);

    const fit = await page.evaluate(() => {
      const aside = document.querySelector('aside[aria-label="ShipSheet"]')!;
      const box = aside.getBoundingClientRect();
      const outside = Array.from(aside.querySelectorAll('*')).filter((el) => {
        if (el.closest('[aria-hidden="true"]')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      });
      return { width: box.width, scroll: aside.scrollWidth, client: aside.clientWidth, outside: outside.map((el) => el.outerHTML.slice(0, 80)) };
    });
    assert.equal(Math.round(fit.width), 320);
    assert.ok(fit.scroll <= fit.client, `the pane scrolls sideways: ${JSON.stringify(fit)}`);
    assert.deepEqual(fit.outside, []);
    const shots = process.env.SHIPSHEET_SCREENSHOT_DIR;
    if (shots) await page.screenshot({ path: `${shots}/merge-320.png`, fullPage: true });

    await pane.getByTestId('merge-last').getByText('마지막 합포: 그룹 2개 · 4줄').waitFor();
    await pane.getByRole('button', { name: '합포 되돌리기' }).click();
    await pane.getByText('합포를 되돌렸습니다 (4줄).').waitFor();
    for (const o of [a1, a2, b1, b2]) assert.equal(await boxOf(o.lineIds[0]!), null);
    assert.deepEqual(await currentBoxes(), [
      ['김합포', ''],
      ['김합포', ''],
      ['박검토', ''],
      ['박검토', ''],
    ]);
    // Nothing left to merge (the orders locked): the sheet is emptied too, not left showing the groups above.
    await db('orders').whereIn('id', [a1.id, a2.id, b1.id, b2.id]).update({ merge_locked: true });
    await pane.getByRole('button', { name: '합포 미리보기' }).click();
    await pane.getByTestId('notice').filter({ hasText: '합포할 주문이 없습니다.' }).waitFor();
    const left = await page.evaluate(() => (globalThis as any).shipsheetWorkbook.find('합포').get(1, 2)?.value ?? '');
    assert.equal(left, '', 'only the header is left');
    await page.close();
  });
});
