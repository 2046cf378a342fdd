// Every order action from the 주문 sheet (issue 13 §1), in /preview with the pane at Excel's 320 px: a claim on part
// of a line's quantity, 취소완료, restore with its mall-resync warning confirmed, delete with a reason (refused
// without), flags set and cleared, a number cleared, recipient cells corrected and pushed (kept ours, said so), and
// a recipient edit on a row that changed on the server since the pull refused on that row.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { columnLetters } from '../../addin/src/workbench/fake-excel.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

type Cell = string | number | boolean;
describe('every order action from the 주문 sheet, at 320 px', skipWith(SKIP_WITHOUT_BROWSER), () => {
  let page: Page;
  let pane: Locator;
  let orders: Locator;
  /** Orders by role, each its own mall order number (how its row is found on the sheet). */
  const o: Record<string, { id: string; lineIds: string[]; mallOrderId: string }> = {};
  const call = (method: string, path: string, body?: unknown) => e2e.server.call(method, path, body);
  const detail = async (name: string) => (await call('GET', `/api/orders/${o[name]!.id}`)).body;

  /** The sheet row (1-based data row) and cells of an order's first line. */
  async function rowOf(name: string): Promise<{ row: number; cells: Cell[] }> {
    const rows = await sheetRows(page);
    const i = rows.findIndex((r) => String(r[col('mall_order_id')]) === o[name]!.mallOrderId);
    assert.ok(i >= 0, `${name} is on the sheet`);
    return { row: i + 1, cells: rows[i]! };
  }
  const cell = async (name: string, id: string) => (await rowOf(name)).cells[col(id)];

  async function select(name: string) {
    const { row } = await rowOf(name);
    await page.evaluate((row) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row, col: 0, rows: 1, cols: 16384 }]), row);
  }

  async function choose(action: string) {
    await orders.getByRole('combobox', { name: '선택한 행 처리' }).click();
    await page.getByRole('option', { name: action, exact: true }).click();
  }
  const params = () => orders.getByRole('group', { name: '처리 조건' });
  async function apply(expect: RegExp) {
    await orders.getByRole('button', { name: '적용' }).click();
    await orders.getByTestId('notice').filter({ hasText: expect }).waitFor();
  }

  /** Types text into one cell, as a paste would. */
  async function typeCell(name: string, id: string, text: string) {
    const { row } = await rowOf(name);
    await page.locator(`[data-cell="${columnLetters(col(id))}${row + 1}"]`).click();
    await page.getByTestId('grid').evaluate((grid, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, text);
  }

  it('pulls the orders into the 주문 sheet with the pane at 320 px', async () => {
    const db = e2e.server.deps.db;
    const make = async (name: string, options: Parameters<typeof makeOrder>[1]) => {
      const mallOrderId = `5130${Object.keys(o).length + 100}`;
      o[name] = { ...(await makeOrder(db, { ...options, mallOrderId })), mallOrderId };
    };
    await make('partial', { status: 'READY', quantity: 3 });
    await make('cancel', { status: 'READY' });
    await make('remove', { status: 'NEW' });
    await make('flags', { status: 'NEW' });
    await make('numbered', { status: 'READY' });
    await putInBox(db, o.numbered!.lineIds, { tracking: trackingNumber(13), status: 'INVOICED' });
    await make('recipient', { status: 'READY' });
    await make('stale', { status: 'NEW' });
    await make('direct', { status: 'SHIPPED', source: 'direct', channelKind: 'direct', channel: '직거래' });

    ({ page, pane } = await openWorkbench(e2e));
    await narrowPane(page);
    await pane.getByRole('tab', { name: '주문', exact: true }).click();
    orders = page.getByRole('region', { name: '주문', exact: true });
    await orders.getByRole('button', { name: '주문 불러오기' }).click();
    await orders.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '배송 처리' }).click();
    await orders.getByRole('button', { name: '확인하고 불러오기' }).click();
    await orders.getByText('8행을 불러왔습니다.').waitFor();
    // The pane says recipient corrections are ours.
    await orders.getByText(/쇼핑몰에는 전송되지 않습니다/).waitFor();
  });

  it('enters a cancel request for 1 of a line of 3: the row shows the claimed part, the rest is split off', async () => {
    await select('partial');
    await choose('클레임 입력');
    await params().getByLabel('클레임 종류').selectOption('cancel');
    await params().getByLabel('수량 범위').selectOption('partial');
    await params().getByLabel('클레임 수량').fill('1');
    await assertPaneFits(page, 'the 주문 tab with the claim parameters open');
    // No reason: refused in the pane, nothing sent.
    await apply(/사유를 입력하세요/);
    assert.equal(await cell('partial', 'status'), '출고대기');
    await params().getByLabel(/^사유/).fill('고객 변심 (1개)');
    await apply(/클레임 입력: 반영 1, 거부 0/);
    const { cells } = await rowOf('partial');
    assert.deepEqual([cells[col('status')], cells[col('quantity')], cells[col('push_result')]], ['취소요청', 1, '반영']);
    assert.match(String(cells[col('push_message')]), /나머지 수량은 새 상품주문 1개로 나뉘어 시트 맨 아래에 추가했습니다/);
    // As the server models it: the claimed part keeps the line, the rest (2) is a new line still 출고대기.
    const d = await detail('partial');
    assert.deepEqual(
      d.lines.map((l: { quantity: number; status: string }) => `${l.quantity}:${l.status}`),
      ['1:CANCEL_REQUESTED', '2:READY'],
    );
    // The rest is on the sheet now, under the last row, and pushes like a pulled row (its snapshot came with it).
    const rows = await sheetRows(page);
    const last = rows[rows.length - 1]!;
    assert.deepEqual(
      [last[col('line_id')], last[col('mall_order_id')], last[col('quantity')], last[col('status')]],
      [d.lines[1].id, o.partial!.mallOrderId, 2, '출고대기'],
    );
    await page.evaluate(({ row, c }) => (globalThis as any).shipsheetWorkbook.userEdit('주문', row, c, '나머지 2개 먼저 출고'), {
      row: rows.length,
      c: col('memo'),
    });
    await orders.getByRole('button', { name: '변경 내용 보내기' }).click();
    await orders
      .getByTestId('notice')
      .filter({ hasText: /보낸 행 1: 반영 1/ })
      .waitFor();
    const memos = (await detail('partial')).notes.filter((n: { kind: string }) => n.kind === 'memo').map((n: { body: string }) => n.body);
    assert.ok(memos.includes('나머지 2개 먼저 출고'), 'the memo typed on the split-off row reached its order');
    assert.deepEqual(
      d.claims.map((c: { type: string; state: string; quantity: number; reason: string }) => [c.type, c.state, c.quantity, c.reason]),
      [['cancel', 'requested', 1, '고객 변심 (1개)']],
    );
  });

  it('marks a cancel completed, then restores it after the mall-resync warning is confirmed', async () => {
    await select('cancel');
    await choose('취소완료 처리');
    await apply(/취소완료 처리: 반영 1/);
    assert.equal(await cell('cancel', 'status'), '취소완료');

    await choose('주문복원');
    const warning = orders.getByTestId('restore-warning');
    await warning.getByText('쇼핑몰에 이 취소·반품·교환이 아직 남아 있으면 다음 주문동기화 때 다시 바뀔 수 있습니다').waitFor();
    await assertPaneFits(page, 'the 주문 tab with the restore warning');
    await apply(/주문복원 전에 쇼핑몰 재동기화 경고를 확인하세요/);
    assert.equal(await cell('cancel', 'status'), '취소완료', 'not restored without the confirmation');
    await warning.getByRole('checkbox', { name: '경고를 확인했습니다' }).check();
    await apply(/주문복원: 반영 1/);
    const { cells } = await rowOf('cancel');
    assert.equal(cells[col('status')], '출고대기');
    // The server's own warning, beside the row it restored.
    assert.match(String(cells[col('push_message')]), /쇼핑몰에 이 취소가 아직 남아 있으면 다음 주문동기화 때 다시 바뀔 수 있습니다/);
    assert.equal((await detail('cancel')).lines[0].status, 'READY');
  });

  it('deletes with a reason, and refuses to without one', async () => {
    await select('remove');
    await choose('주문삭제');
    await apply(/사유를 입력하세요/);
    assert.equal((await detail('remove')).deleted_at, null);
    await params().getByLabel(/^사유/).fill('중복 주문');
    await assertPaneFits(page, 'the 주문 tab with the delete reason');
    await apply(/주문삭제: 반영 1/);
    const d = await detail('remove');
    assert.ok(d.deleted_at);
    assert.equal(d.delete_reason, '중복 주문');
    assert.equal(await cell('remove', 'push_result'), '반영');
  });

  it('brings a deleted order back (주문삭제 복구): deleted orders pulled alone, the row selected, a reason given', async () => {
    const deletedOnly = orders.getByRole('checkbox', { name: /삭제된 주문만/ });
    await deletedOnly.check();
    await orders.getByRole('button', { name: '주문 불러오기' }).click();
    await orders.getByText('1행을 불러왔습니다.').waitFor();
    assert.equal((await sheetRows(page)).length, 1, 'only the deleted order');
    await select('remove');
    await choose('주문삭제 복구');
    await apply(/사유를 입력하세요/);
    await params().getByLabel(/^사유/).fill('고객 확인: 정상 주문');
    await assertPaneFits(page, 'the 주문 tab bringing a deleted order back');
    await apply(/주문삭제 복구: 반영 1/);
    const d = await detail('remove');
    assert.equal(d.deleted_at, null);
    assert.deepEqual(
      d.history.filter((h: { entity: string }) => h.entity === 'order').map((h: { action: string }) => h.action),
      ['delete', 'undelete'],
    );
    // Back on the desk: the usual pull has it again.
    await deletedOnly.uncheck();
    await orders.getByRole('button', { name: '주문 불러오기' }).click();
    await orders.getByText(/^(?!1행)\d+행을 불러왔습니다\.$/).waitFor();
    await rowOf('remove');
  });

  it('marks a direct order delivered, then purchase-confirmed, by hand (no mall reports on it)', async () => {
    await select('direct');
    await choose('배송완료 처리');
    await apply(/배송완료 처리: 반영 1/);
    assert.equal((await detail('direct')).lines[0].status, 'DELIVERED');
    await select('direct');
    await choose('구매확정 처리');
    await apply(/구매확정 처리: 반영 1/);
    assert.equal((await detail('direct')).lines[0].status, 'PURCHASE_CONFIRMED');
  });

  it('holds with a reason and releases; sets and clears priority, flag and merge lock', async () => {
    await select('flags');
    await choose('출고보류');
    await params().getByLabel(/^사유/).fill('주소 확인 중');
    await apply(/출고보류: 반영 1/);
    assert.deepEqual([await cell('flags', 'hold'), await cell('flags', 'hold_reason')], ['Y', '주소 확인 중']);
    await choose('보류해제');
    await apply(/보류해제: 반영 1/);
    assert.deepEqual([await cell('flags', 'hold'), await cell('flags', 'hold_reason')], ['', '']);

    const setFlag = async (label: string, on: boolean) => {
      await choose('표시 설정·해제');
      await params().getByLabel('표시', { exact: true }).selectOption({ label });
      await params()
        .getByLabel('켜기/끄기')
        .selectOption(on ? 'on' : 'off');
      await apply(/표시 설정·해제: 반영 1/);
    };
    for (const label of ['우선순위', '깃발', '합포금지']) await setFlag(label, true);
    await assertPaneFits(page, 'the 주문 tab with the flag parameters');
    let d = await detail('flags');
    assert.deepEqual([d.priority, d.flagged, d.merge_locked], [true, true, true]);
    // The marks filter pulls exactly the orders carrying them.
    const marks = orders.getByRole('combobox', { name: '표시 (모두 있는 주문)' });
    await marks.click();
    for (const label of ['우선순위', '깃발']) await page.getByRole('menuitemcheckbox', { name: label, exact: true }).click();
    await page.keyboard.press('Escape');
    await orders.getByRole('button', { name: '주문 불러오기' }).click();
    await orders.getByText('1행을 불러왔습니다.').waitFor();
    assert.equal((await sheetRows(page)).length, 1);
    await rowOf('flags');
    await marks.click();
    for (const label of ['우선순위', '깃발']) await page.getByRole('menuitemcheckbox', { name: label, exact: true }).click();
    await page.keyboard.press('Escape');
    await orders.getByRole('button', { name: '주문 불러오기' }).click();
    await orders.getByText(/^(?!1행)\d+행을 불러왔습니다\.$/).waitFor();
    for (const label of ['우선순위', '깃발', '합포금지']) await setFlag(label, false);
    d = await detail('flags');
    assert.deepEqual([d.priority, d.flagged, d.merge_locked], [false, false, false]);
  });

  it('undoes the last change from the pane: a hold taken back, the row read again (PRODUCT §6.9)', async () => {
    await select('flags');
    await choose('출고보류');
    await params().getByLabel(/^사유/).fill('잘못 누름');
    await apply(/출고보류: 반영 1/);
    assert.equal(await cell('flags', 'hold'), 'Y');
    const last = orders.getByTestId('last-change');
    await last.getByText('방금 한 작업: 출고보류 1건').waitFor();
    await assertPaneFits(page, 'the 주문 tab offering to undo the last change');
    await last.getByRole('button', { name: '되돌리기' }).click();
    await orders.getByTestId('notice').filter({ hasText: '출고보류를 되돌렸습니다 (주문상품 1줄)' }).waitFor();
    assert.deepEqual([await cell('flags', 'hold'), await cell('flags', 'hold_reason')], ['', '']);
    assert.equal(await last.count(), 0, 'nothing left to undo');
    const d = await detail('flags');
    assert.equal(d.hold, false);
    assert.ok(d.history.some((h: { action: string }) => h.action === 'transition_undo'));
  });

  it("one last change for the pane: the 송장 tab offers the 주문 tab's, and a push there takes it away on both", async () => {
    await select('flags');
    await choose('출고보류');
    await params().getByLabel(/^사유/).fill('다시 확인');
    await apply(/출고보류: 반영 1/);
    await orders.getByTestId('last-change').getByText('방금 한 작업: 출고보류 1건').waitFor();
    await pane.getByRole('tab', { name: '송장', exact: true }).click();
    const invoices = page.getByRole('region', { name: '송장', exact: true });
    await invoices.getByTestId('last-change').getByText('방금 한 작업: 출고보류 1건').waitFor();
    await invoices.getByRole('button', { name: '변경 내용 보내기' }).click();
    await invoices.getByTestId('notice').first().waitFor();
    assert.equal(await invoices.getByTestId('last-change').count(), 0);
    await pane.getByRole('tab', { name: '주문', exact: true }).click();
    assert.equal(await orders.getByTestId('last-change').count(), 0, "the push on the 송장 tab took the 주문 tab's offer too");
    // Put the row back as the tests after expect it (not on hold).
    await select('flags');
    await choose('보류해제');
    await apply(/보류해제: 반영 1/);
  });

  it('clears a number from the sheet', async () => {
    await select('numbered');
    await choose('송장삭제');
    await apply(/송장삭제: 반영 1/);
    const { cells } = await rowOf('numbered');
    assert.deepEqual([cells[col('status')], cells[col('tracking_number')]], ['출고대기', '']);
  });

  it('pushes corrected recipient cells (kept ours, said so); a row changed on the server since the pull is refused', async () => {
    await typeCell('recipient', 'recipient_mobile', '01055556666');
    await typeCell('recipient', 'recipient_address2', '2층 201호');
    await typeCell('stale', 'recipient_name', '최하늘');
    // The stale row moves on the server after the pull.
    await call('POST', '/api/transitions', { action: 'release', items: [{ id: o.stale!.lineIds[0]!, version: 1 }] });
    await orders.getByRole('button', { name: '변경 내용 보내기' }).click();
    await orders
      .getByTestId('notice')
      .filter({ hasText: /보낸 행 2: 반영 1, 변경없음 0, 거부 1/ })
      .waitFor();

    const applied = (await rowOf('recipient')).cells;
    assert.deepEqual(
      [applied[col('push_result')], applied[col('recipient_mobile')], applied[col('recipient_address2')]],
      ['반영', '010-5555-6666', '2층 201호'],
    );
    assert.match(String(applied[col('push_message')]), /수취인 정보를 고쳤습니다 \(쇼핑몰에는 전송되지 않음\)/);
    const d = await detail('recipient');
    assert.deepEqual([d.recipient_mobile, d.recipient_address2], ['010-5555-6666', '2층 201호']);

    const refused = (await rowOf('stale')).cells;
    assert.equal(refused[col('push_result')], '거부');
    assert.match(String(refused[col('push_message')]), /불러온 뒤 이 행이 바뀌었습니다 \(현재 상태 출고대기\)/);
    assert.equal(refused[col('recipient_name')], '최하늘', 'the refused edit stays on the row to redo');
    assert.equal((await detail('stale')).recipient_name, '이서연');

    // A second push sends nothing more: the snapshot learned the stored values.
    await orders.getByRole('button', { name: '변경 내용 보내기' }).click();
    await orders
      .getByTestId('notice')
      .filter({ hasText: /보낸 행 1: 반영 0, 변경없음 0, 거부 1/ })
      .waitFor();
  });
});
