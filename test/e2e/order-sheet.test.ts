// The whole shipping desk in a real browser, on each sandbox mall (Coupang and Naver): the preview workbench
// (/preview) runs the pane beside the in-browser workbook, against the real server and the sandbox mall over
// loopback. Collect → pull → 발주확인 of the selection (at the mall) and release → courier for the selection →
// pasted tracking numbers, one per order (some invalid: refused locally) → a buyer cancel reaches the server by sync
// → push (the cancelled rows refused with the reason, the others applied) → push again changes nothing → ship →
// send to the mall → re-pull shows the lines in transit, and the sandbox mall itself has every box's number.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { columnLetters } from '../../addin/src/workbench/fake-excel.ts';
import { seedOrders } from '../../bench/seed.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { SKIP_WITHOUT_BROWSER, buildPane, launchBrowser } from '../helpers/browser.ts';
import { skipWith } from '../helpers/skip.ts';
import { coupangMall, naverMall, runJob, type MallFixture, type SandboxAdmin } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { signInAsAdmin } from '../helpers/e2e-session.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (SKIP_WITHOUT_BROWSER) return;
  buildPane();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

async function openPreview(server: TestServer = s): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.url}/preview`);
  await signInAsAdmin(page);
  return page;
}

/** The pane beside the workbook (the workbook has tabs of its own: the sheets). */
const paneOf = (page: Page) => page.getByRole('complementary', { name: 'ShipSheet' });

/** What the operator's hands do: select whole rows (as clicking row numbers would). */
async function selectRows(page: Page, from: number, count: number) {
  await page.evaluate(([row, rows]) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row, col: 0, rows, cols: 16384 }]), [from, count]);
}

async function notice(page: Page, pattern: RegExp, pane: string): Promise<string> {
  const region = page.getByRole('region', { name: pane, exact: true });
  const bar = region.getByTestId('notice').filter({ hasText: pattern });
  await bar.waitFor().catch(async (error: Error) => {
    // Say what the pane said instead: the test's failure then explains itself.
    const said = await region
      .getByTestId('notice')
      .allTextContents()
      .catch(() => []);
    throw new Error(`${error.message}\npane said: ${said.join(' | ')}`);
  });
  const text = (await bar.textContent()) ?? '';
  return text;
}

/**
 * Pulls orders. The first pull of a session asks why recipients go into the sheet (배송 처리 here) and remembers
 * it; later pulls send it without asking.
 */
async function pull(page: Page, first: boolean) {
  const pane = page.getByRole('region', { name: '주문', exact: true });
  await pane.getByRole('button', { name: '주문 불러오기' }).click();
  const prompt = pane.getByRole('group', { name: '사유' });
  if (first) {
    await prompt.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '배송 처리' }).click();
    await prompt.getByRole('button', { name: '확인하고 불러오기' }).click();
    await pane.getByText('불러오기 사유: 배송 처리').waitFor();
  }
  assert.equal(await prompt.count(), 0, 'asked once a session');
}

async function applyToSelection(page: Page, action: string) {
  const pane = page.getByRole('region', { name: '주문', exact: true });
  await pane.getByRole('combobox', { name: '선택한 행 처리' }).click();
  await page.getByRole('option', { name: action }).click();
  await pane.getByRole('button', { name: '적용' }).click();
  return notice(page, new RegExp(`${action}: 반영`), '주문');
}

type MallName = 'naver' | 'coupang';
const MALLS: Record<MallName, (s: TestServer, o: { initialOrders: number; seed: number }) => Promise<MallFixture<{ close(): Promise<void> }>>> = {
  naver: naverMall,
  coupang: coupangMall,
};

/**
 * Where the sandbox mall itself stands for one of our lines (its own admin API, not our status): confirmed there,
 * and the courier number it holds. Coupang: the line's shipment box; Naver: the product order.
 */
async function mallState(name: MallName, admin: SandboxAdmin): Promise<Map<string, { confirmed: boolean; tracking: string | null; status: string }>> {
  const out = new Map<string, { confirmed: boolean; tracking: string | null; status: string }>();
  for (const order of await admin.listOrders()) {
    if (name === 'coupang') {
      for (const b of order.boxes) {
        out.set(String(b.shipmentBoxId), { confirmed: b.status !== 'ACCEPT', tracking: b.invoiceNumber ?? null, status: b.status });
      }
    } else {
      for (const p of order.productOrders) {
        out.set(String(p.productOrderId), {
          confirmed: p.placeOrderStatus === 'OK',
          tracking: p.trackingNumber ?? null,
          status: p.productOrderStatus,
        });
      }
    }
  }
  return out;
}
/** The sandbox entry a sheet row stands for: Coupang's mall line id is `${shipmentBoxId}-${vendorItemId}`. */
const mallKey = (name: MallName, mallLineId: string) => (name === 'coupang' ? mallLineId.split('-')[0]! : mallLineId);

async function shippingDesk(name: MallName) {
  const server = await startTestServer();
  const mall = await MALLS[name](server, { initialOrders: 90, seed: 7 });
  const page = await openPreview(server);
  try {
    // Collect from the mall (jobs pane), and hear that the job ended.
    await paneOf(page).getByRole('tab', { name: '작업', exact: true }).click();
    await page.getByRole('button', { name: '작업 시작' }).click();
    await notice(page, /작업이 끝났습니다: 주문 수집/, '작업');

    // Pull every line into the sheet: the first pull asks for the reason, which the access record keeps.
    await paneOf(page).getByRole('tab', { name: '주문', exact: true }).click();
    await pull(page, true);
    const pulled = await notice(page, /행을 불러왔습니다/, '주문');
    const records = (await server.call('GET', '/api/audit/access-records?limit=1')).body.items;
    assert.deepEqual([records[0].endpoint, records[0].reason], ['GET /api/order-lines/columns', 'shipping']);
    let rows = await sheetRows(page);
    assert.equal(Number(/(\d+)행/.exec(pulled)![1]), rows.length);
    assert.ok(rows.length >= 90, `${rows.length} lines`);
    // Long digits stayed text; the hidden key columns are hidden.
    assert.equal(typeof rows[0]![col('mall_line_id')], 'string');
    assert.deepEqual(await page.evaluate(() => [...(globalThis as any).shipsheetWorkbook.find('주문').hiddenColumns].sort()), [0, 1, 2, 3]);
    const paidRows = rows.flatMap((r, i) => (r[col('status')] === '결제완료' ? [i] : []));
    assert.ok(paidRows.length > 0, 'some orders wait for 발주확인');
    const confirmedRows = rows.flatMap((r, i) => (r[col('status')] === '신규주문' ? [i] : []));
    // Naver's sandbox has orders confirmed before they were collected (Coupang's are all paid).
    if (name === 'naver') assert.ok(confirmedRows.length > 0, 'some orders were confirmed before');

    // Row numbers clicked with shift select rows in the grid.
    await page.locator('[data-row-header="2"]').click();
    await page.locator('[data-row-header="4"]').click({ modifiers: ['Shift'] });
    assert.deepEqual(await page.evaluate(() => (globalThis as any).shipsheetWorkbook.selection.areas[0]), { row: 1, col: 0, rows: 3, cols: 16384 });

    // 발주확인 of everything: the paid lines are confirmed at the mall, each row says so, the mall has them confirmed.
    await selectRows(page, 1, rows.length);
    await applyToSelection(page, '발주확인');
    rows = await sheetRows(page);
    for (const i of paidRows) {
      assert.equal(rows[i]![col('status')], '신규주문', `row ${i + 2}: ${rows[i]![col('push_message')]}`);
      assert.equal(rows[i]![col('push_result')], '반영');
    }
    // Rows confirmed before are already where 발주확인 takes them: 변경없음, not 거부.
    for (const i of confirmedRows) assert.equal(rows[i]![col('push_result')], '변경없음', `row ${i + 2}: ${rows[i]![col('push_message')]}`);
    let atMall = await mallState(name, mall.admin);
    for (const r of rows)
      assert.ok(atMall.get(mallKey(name, String(r[col('mall_line_id')])))?.confirmed, `${r[col('mall_line_id')]} confirmed at the mall`);
    await selectRows(page, 1, rows.length);
    await applyToSelection(page, '출고지시');
    rows = await sheetRows(page);
    assert.ok(
      rows.every((r) => r[col('status')] === '출고대기'),
      'every line is ready',
    );

    // The buyer of the first order cancels at the mall; the sync brings it in after our pull.
    const cancelledOrder = String(rows[0]![col('mall_order_id')]);
    const cancelledLines = rows.filter((r) => r[col('mall_order_id')] === cancelledOrder).length;
    const sandboxOrder = (await mall.admin.listOrders()).find((o: any) => String(o.orderId) === cancelledOrder);
    assert.ok(sandboxOrder, 'order found at the sandbox');
    await mall.admin.event(String(sandboxOrder.orderId), 'buyer_cancel');
    await runJob(server, 'sync', mall.accountId);

    // Courier for the selection, then one tracking number per order pasted into the sheet: every 20th order's is wrong.
    await paneOf(page).getByRole('tab', { name: '송장', exact: true }).click();
    await selectRows(page, 1, rows.length);
    await page.getByRole('button', { name: '선택한 행에 택배사 넣기' }).click();
    await notice(page, /CJ대한통운을 넣었습니다/, '송장');
    const orderIndex = new Map<string, number>();
    for (const r of rows) if (!orderIndex.has(String(r[col('mall_order_id')]))) orderIndex.set(String(r[col('mall_order_id')]), orderIndex.size);
    const orderOf = (i: number) => orderIndex.get(String(rows[i]![col('mall_order_id')]))!;
    const invalid = (i: number) => orderOf(i) % 20 === 5;
    const numbers = rows.map((_, i) => (invalid(i) ? '12345' : trackingNumber(3000 + orderOf(i))));
    await page.locator(`[data-cell="${columnLetters(col('tracking_number'))}2"]`).click();
    await page.getByTestId('grid').evaluate((grid, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, numbers.join('\n'));
    rows = await sheetRows(page);
    assert.equal(rows[0]![col('tracking_number')], numbers[0], 'pasted as text into a text cell');

    const historyBefore = await server.deps.db('status_history').count({ n: '*' }).first();
    await page.getByRole('region', { name: '송장', exact: true }).getByRole('button', { name: '변경 내용 보내기' }).click();
    const pushed = await notice(page, /보낸 행/, '송장');
    rows = await sheetRows(page);
    const result = (i: number) => [rows[i]![col('push_result')], rows[i]![col('push_message')]];
    let applied = 0;
    rows.forEach((_, i) => {
      if (invalid(i)) {
        // Invalid numbers never left the pane.
        assert.equal(result(i)[0], '확인필요');
        assert.match(String(result(i)[1]), /자리/);
      } else if (i < cancelledLines) {
        // The cancelled order's rows: refused, saying the line changed (cancel requested).
        assert.equal(result(i)[0], '거부');
        assert.match(String(result(i)[1]), /취소요청|변경/);
      } else {
        assert.equal(result(i)[0], '반영', `row ${i + 2}: ${result(i)[1]}`);
        applied++;
      }
    });
    const invalidRows = rows.filter((_, i) => invalid(i)).length;
    assert.ok(invalidRows > 0 && applied > 50, `${invalidRows} invalid, ${applied} applied`);
    assert.match(pushed, new RegExp(`반영 ${applied}`));
    assert.equal(rows[cancelledLines]![col('status')], '운송장출력', 'applied rows refreshed from the server');

    // Pushing the same sheet again changes nothing on the server.
    const historyMid = await server.deps.db('status_history').count({ n: '*' }).first();
    assert.ok(Number(historyMid!.n) > Number(historyBefore!.n));
    await page.getByRole('region', { name: '송장', exact: true }).getByRole('button', { name: '변경 내용 보내기' }).click();
    await notice(page, /반영 0/, '송장');
    assert.equal(Number((await server.deps.db('status_history').count({ n: '*' }).first())!.n), Number(historyMid!.n));

    // Re-pull the refused and unchecked rows alone: they show the server's state and nothing is left to push.
    await paneOf(page).getByRole('tab', { name: '주문', exact: true }).click();
    await page.getByRole('button', { name: '거부된 행 다시 불러오기' }).click();
    await notice(page, new RegExp(`${invalidRows + cancelledLines}행을 다시 불러왔습니다`), '주문');
    rows = await sheetRows(page);
    assert.equal(rows[0]![col('status')], '취소요청');
    await page.getByRole('region', { name: '주문', exact: true }).getByRole('button', { name: '변경 내용 보내기' }).click();
    await notice(page, /바뀐 행이 없습니다/, '주문');

    // A box ships whole with its first row; its other rows are counted apart (변경없음), every row once.
    const shippedNotice = async (rowsShipped: number) => {
      const text = await notice(page, /출고완료 \d+행, 변경없음 \d+행, 거부 0행/, '송장');
      const [, shipped, unchanged] = /출고완료 (\d+)행, 변경없음 (\d+)행/.exec(text)!;
      assert.equal(Number(shipped) + Number(unchanged), rowsShipped, text);
    };
    // Ship the invoiced rows, send to the mall: every box arrives, none fails.
    await paneOf(page).getByRole('tab', { name: '송장', exact: true }).click();
    await page.getByRole('button', { name: '운송장출력 행 출고완료' }).click();
    await shippedNotice(applied);
    // Shipped by mistake: 되돌리기 takes the whole ship back (the rows read again, 운송장출력), then it ships again.
    const invoicesTab = page.getByRole('region', { name: '송장', exact: true });
    await invoicesTab.getByTestId('last-change').getByRole('button', { name: '되돌리기' }).click();
    await notice(page, /출고완료를 되돌렸습니다/, '송장');
    assert.equal(Number((await server.deps.db('order_lines').where({ status: 'SHIPPED' }).count({ n: '*' }).first())!.n), 0);
    await page.getByRole('button', { name: '운송장출력 행 출고완료' }).click();
    await shippedNotice(applied);
    await page.getByRole('button', { name: '쇼핑몰로 송장 전송' }).click();
    const sent = await notice(page, /전송 성공/, '송장');
    assert.match(sent, /실패 0/);

    // Pull again: in transit and sent here, and the sandbox mall holds each box's number.
    await paneOf(page).getByRole('tab', { name: '주문', exact: true }).click();
    await pull(page, false);
    await notice(page, /행을 불러왔습니다/, '주문');
    rows = await sheetRows(page);
    const withNumber = rows.filter((r) => r[col('tracking_number')]);
    assert.equal(withNumber.length, applied);
    assert.ok(withNumber.every((r) => r[col('status')] === '배송중' && r[col('send_status')] === '전송완료'));
    atMall = await mallState(name, mall.admin);
    for (const r of withNumber) {
      const there = atMall.get(mallKey(name, String(r[col('mall_line_id')])));
      assert.equal(there?.tracking, r[col('tracking_number')], `${r[col('mall_line_id')]} at the mall: ${JSON.stringify(there)}`);
      assert.equal(there?.status, name === 'coupang' ? 'DEPARTURE' : 'DELIVERING');
    }
  } finally {
    await page.close();
    await mall.sandbox.close();
    await server.close();
  }
}

describe('order sheet, end to end in the preview workbench', skipWith(SKIP_WITHOUT_BROWSER), () => {
  for (const name of ['coupang', 'naver'] as const) {
    it(`${name}: collect, pull, 발주확인 at the mall, invoice, push, ship, send, and every box is at the mall`, async () => {
      await shippingDesk(name);
    });
  }

  it('pulls 50,000 lines with no request over 5 MB in at most 40 syncs', async () => {
    s = await startTestServer();
    await seedOrders(s.deps.db, { orders: 25_000, linesPerOrder: 2, status: 'NEW' });
    const page = await openPreview();
    await page.getByRole('combobox', { name: '상태', exact: true }).click();
    await page.getByRole('menuitemcheckbox', { name: '신규주문' }).click();
    await page.keyboard.press('Escape');
    page.setDefaultTimeout(180_000);
    await page.evaluate(() => ((globalThis as any).shipsheetWorkbook.stats = { syncs: 0, largestRequestBytes: 0, requests: [] }));
    await pull(page, true);
    await notice(page, /50000행을 불러왔습니다/, '주문');
    const stats = await page.evaluate(() => {
      const wb = (globalThis as any).shipsheetWorkbook;
      return { ...wb.stats, requests: undefined, rows: wb.find('주문').used().rows };
    });
    assert.equal(stats.rows, 50_001);
    assert.ok(stats.largestRequestBytes < 5 * 1024 * 1024, `largest request ${stats.largestRequestBytes}`);
    assert.ok(stats.syncs <= 40, `${stats.syncs} syncs`);
    await page.close();
  });
});
