// The CS tab in the preview workbench, the pane at Excel's 320 px: each list pulled into its sheet (회수지연,
// 클레임대기, 취소철회, 반품입고) and the actions on the rows selected there — 클레임 완료 on a delayed return (a hold
// refused, said beside the row) and on a waiting claim, 보류 and 확인 on a withdrawn cancel, 정상 입고 / 불량 입고 of
// returned goods — each row's result written beside it; the 품절 tab is linked, not rebuilt.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { makeOrder, makeSku, putStock, setLineSkus } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';
import { kstDate } from '../../shared/time.ts';

const e2e = e2eSession();

describe('CS tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('pulls the four lists into sheets and acts on the selected rows, a result per row, at 320 px', async () => {
    const { server } = e2e;
    const db = server.deps.db;
    const claim = async (status: string, type: string, product: string) => {
      const order = await makeOrder(db, { status, products: [product] });
      const lineId = order.lineIds[0]!;
      const line = await db('order_lines').where({ id: lineId }).first();
      const res = await server.call('POST', '/api/transitions', {
        action: 'claim',
        claim_type: type,
        claim_state: 'requested',
        reason: '고객 요청',
        items: [{ id: lineId, version: line.version }],
      });
      assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body));
      return { orderId: order.id, lineId, claimId: (await db('claims').where({ line_id: lineId }).first()).id as string };
    };
    const late = await claim('DELIVERED', 'return', '회수 늦은 패딩');
    const padding = await makeSku(db);
    await setLineSkus(db, late.lineId, [padding]);
    await putStock(db, padding.id, 2);
    // Requested at 23:30 UTC six days ago: 08:30 the next morning in Korea, the day the sheet must show.
    const utcDay = new Date(Date.now() - 6 * 86400_000).toISOString().slice(0, 10);
    const lateAt = `${utcDay}T23:30:00.000Z`;
    await db('claims').where({ id: late.claimId }).update({ requested_at: lateAt });
    const waiting = await claim('DELIVERED', 'exchange', '교환 기다리는 운동화');
    const withdrawn = await claim('READY', 'cancel', '취소 철회된 머그');
    const line = await db('order_lines').where({ id: withdrawn.lineId }).first();
    await server.call('POST', '/api/transitions', { action: 'withdraw_claim', items: [{ id: withdrawn.lineId, version: line.version }] });

    const { page, pane } = await openWorkbench(e2e);
    await narrowPane(page);
    await pane.getByRole('tab', { name: 'CS', exact: true }).click();
    const sheet = (name: string) =>
      page.evaluate((n) => {
        const s = (globalThis as any).shipsheetWorkbook.find(n);
        const rows: unknown[][] = [];
        for (let r = 0; r < 10; r++) rows.push(Array.from({ length: 20 }, (_, c) => s.get(r, c)?.value ?? ''));
        return rows;
      }, name);
    const rowOf = (rows: unknown[][], product: string) => rows.findIndex((r) => r.includes(product));
    const select = (name: string, row: number) =>
      page.evaluate(([n, r]) => (globalThis as any).shipsheetWorkbook.select(n, [{ row: r, col: 0, rows: 1, cols: 16384 }]), [name, row] as const);
    const resultOf = async (name: string, product: string) => {
      const rows = await sheet(name);
      const header = rows[0]!;
      const row = rows[rowOf(rows, product)]!;
      return [row[header.indexOf('처리결과')], row[header.indexOf('처리메시지')]];
    };

    // 회수지연: the return requested 5 days ago, flagged on reading. A hold is refused (the parcel has left: nothing to
    // hold), said beside the row; the return received is completed.
    await pane.getByRole('button', { name: '회수지연 불러오기' }).click();
    await pane.getByText(/"회수지연" 시트에 1건/).waitFor();
    let rows = await sheet('회수지연');
    const lateRow = rowOf(rows, '회수 늦은 패딩');
    assert.ok(lateRow > 0, JSON.stringify(rows));
    assert.ok(rows[lateRow]!.includes('반품요청'));
    assert.ok(rows[lateRow]!.includes(kstDate(lateAt)) && !rows[lateRow]!.includes(utcDay), JSON.stringify(rows[lateRow]));
    assert.equal(!!(await db('order_lines').where({ id: late.lineId }).first()).return_pickup_delayed, true);
    await select('회수지연', lateRow);
    await pane.getByRole('textbox', { name: '처리 사유' }).fill('고객 연락 대기');
    await pane.getByRole('button', { name: '보류', exact: true }).click();
    await pane.getByText('0건 처리, 1건 처리 안 됨').waitFor();
    const [refused, why] = await resultOf('회수지연', '회수 늦은 패딩');
    assert.equal(refused, '오류');
    assert.ok(String(why).length > 0, 'the refusal says why');
    await pane.getByRole('button', { name: '클레임 완료' }).click();
    await pane.getByText('1건 처리, 0건 처리 안 됨').waitFor();
    assert.equal((await resultOf('회수지연', '회수 늦은 패딩'))[0], '완료');
    assert.equal((await db('order_lines').where({ id: late.lineId }).first()).status, 'RETURNED');
    // The row reads as the line now is (its status and version: a second action on it is not stale).
    const statusOf = async (name: string, product: string) => {
      const all = await sheet(name);
      return all[rowOf(all, product)]![all[0]!.indexOf('상태')];
    };
    assert.equal(await statusOf('회수지연', '회수 늦은 패딩'), '반품완료');

    // 클레임대기: the exchange completed from the sheet.
    await pane.getByRole('button', { name: '클레임대기 불러오기' }).click();
    await pane.getByText(/"클레임대기" 시트에/).waitFor();
    rows = await sheet('클레임대기');
    await select('클레임대기', rowOf(rows, '교환 기다리는 운동화'));
    await pane.getByRole('button', { name: '클레임 완료' }).click();
    await pane.getByText('1건 처리, 0건 처리 안 됨').waitFor();
    assert.equal((await resultOf('클레임대기', '교환 기다리는 운동화'))[0], '완료');
    assert.equal(await statusOf('클레임대기', '교환 기다리는 운동화'), '교환완료');
    assert.equal((await db('order_lines').where({ id: waiting.lineId }).first()).status, 'EXCHANGED');

    // 취소철회: the line is back to READY; held for a check before it ships again, then acknowledged.
    await pane.getByRole('button', { name: '취소철회 불러오기' }).click();
    await pane.getByText('"취소철회" 시트에 1건을 불러왔습니다.').waitFor();
    rows = await sheet('취소철회');
    const wRow = rowOf(rows, '취소 철회된 머그');
    assert.ok(rows[wRow]!.includes('출고대기'));
    await select('취소철회', wRow);
    await pane.getByRole('button', { name: '보류', exact: true }).click();
    await pane.getByText('1건 처리, 0건 처리 안 됨').waitFor();
    const held = await db('orders').where({ id: withdrawn.orderId }).first();
    assert.deepEqual([!!held.hold, held.hold_reason], [true, '고객 연락 대기']);
    await pane.getByRole('button', { name: '확인', exact: true }).click();
    await pane.getByText('1건 처리, 0건 처리 안 됨').waitFor();
    assert.equal((await resultOf('취소철회', '취소 철회된 머그'))[0], '완료');
    assert.ok((await db('claims').where({ id: withdrawn.claimId }).first()).acknowledged_at);

    // 반품입고: the returned padding (now 반품완료) comes back sellable — back on the default shelf — and the exchanged
    // sneakers defective (recorded, no stock); each leaves the list.
    await pane.getByRole('button', { name: '반품입고 불러오기' }).click();
    await pane.getByText(/"반품입고" 시트에 \d+건을 불러왔습니다/).waitFor();
    rows = await sheet('반품입고');
    await select('반품입고', rowOf(rows, '회수 늦은 패딩'));
    await pane.getByRole('button', { name: '정상 입고' }).click();
    await pane.getByText('1건 처리, 0건 처리 안 됨').waitFor();
    assert.deepEqual(await resultOf('반품입고', '회수 늦은 패딩'), ['완료', '정상 입고: MAIN 창고 재고 +1']);
    assert.equal(Number((await db('stock').where({ sku_id: padding.id }).first()).on_hand), 3);
    await select('반품입고', rowOf(rows, '교환 기다리는 운동화'));
    await pane.getByRole('button', { name: '불량 입고' }).click();
    await pane.getByText('1건 처리, 0건 처리 안 됨').waitFor();
    assert.deepEqual(await resultOf('반품입고', '교환 기다리는 운동화'), ['완료', '불량 입고 (재고 변동 없음)']);
    const left = ((await server.call('GET', '/api/cs/returns')).body.items as { line_id: string }[]).map((i) => i.line_id);
    assert.ok(!left.includes(late.lineId) && !left.includes(waiting.lineId));

    const fit = await page.evaluate(() => {
      const aside = document.querySelector('aside[aria-label="ShipSheet"]')!;
      const box = aside.getBoundingClientRect();
      // Fluent's focus helpers (tabster's invisible 1 px dummies, pinned at the window's corner) are not content.
      const outside = Array.from(aside.querySelectorAll('*:not([data-tabster-dummy])')).filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      });
      return { width: Math.round(box.width), outside: outside.map((el) => (el.textContent ?? '').slice(0, 40)) };
    });
    assert.deepEqual(fit, { width: 320, outside: [] }, 'the tab fits 320 px');
    const shots = process.env.SHIPSHEET_SCREENSHOT_DIR;
    if (shots) await page.screenshot({ path: `${shots}/cs-320.png`, fullPage: true });

    // The sold-out list is the 품절 tab's: linked from here.
    await pane.getByRole('button', { name: '품절 탭 열기' }).click();
    await pane.getByTestId('sold-out-count').waitFor();
    await page.close();
  });
});
