// The 스캔 tab at the width Excel opens the pane (320 px), driven as a barcode scanner drives it: text typed into the
// one field and Enter. The tracking number opens the box with its SKUs; a wrong item is refused in red (nothing
// counted, nothing shipped); the right barcodes count up and the complete box ships. Scans that come faster than the
// server answers are counted in order; a box whose verify got no answer is verified again by scanning its last item.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { readStoredText } from '../../shared/i18n.ts';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { makeOrder, makeSku, putInBox, setLineSkus } from '../helpers/builders.ts';
import { e2eSession, openWorkbench, signInAsAdmin } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, runJob } from '../helpers/malls.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { skipWith } from '../helpers/skip.ts';
import { pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();
const WIDTH = 320;

/** The pane at 320 px, signed in, on the 스캔 tab, its scan field ready. */
async function openScanTab() {
  const page = await e2e.browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${e2e.server.url}/taskpane.html`);
  await signInAsAdmin(page);
  await page.getByRole('tab', { name: '스캔', exact: true }).click();
  const field = page.getByTestId('scan-input');
  await field.waitFor();
  return { page, field };
}

describe('scan tab', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('a scanner opens the box, a wrong item is refused in red, the complete box ships, at 320 px', async () => {
    const db = e2e.server.deps.db;
    const mug = await makeSku(db, { code: 'MUG-01', name: '머그컵', barcodes: ['8801000000011'] });
    const lid = await makeSku(db, { code: 'LID-01', name: '뚜껑', barcodes: ['8801000000028'] });
    await makeSku(db, { code: 'PEN-01', name: '볼펜', barcodes: ['8801000000035'] });
    const order = await makeOrder(db, { status: 'INVOICED', lines: 2, products: ['머그컵 세트', '뚜껑'], quantity: 1 });
    await setLineSkus(db, order.lineIds[0]!, [{ ...mug, quantity: 2 }]);
    await setLineSkus(db, order.lineIds[1]!, [lid]);
    await putInBox(db, order.lineIds, { tracking: '640012345678', status: 'INVOICED' });

    const { page, field } = await openScanTab();
    // The field has the focus: the scanner types without anyone clicking it.
    assert.equal(await field.evaluate((el) => el === document.activeElement), true);
    const scan = async (text: string) => {
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };

    await scan('640012345678');
    await page.getByTestId('scan-box').getByText('MUG-01 머그컵: 0/2').waitFor();
    await page.getByTestId('scan-box').getByText('LID-01 뚜껑: 0/1').waitFor();

    await scan('8801000000035');
    const alert = page.getByRole('alert');
    await alert.getByText(/8801000000035\(PEN-01\): 이 박스의 상품이 아닙니다 \(예상: LID-01 ×1, MUG-01 ×2\)/).waitFor();
    await page.getByTestId('scan-box').getByText('MUG-01 머그컵: 0/2').waitFor();

    await scan('8801000000011');
    await page.getByTestId('scan-box').getByText('MUG-01 머그컵: 1/2').waitFor();
    // One past its quantity is refused at once, and not counted.
    await scan('8801000000011');
    await scan('8801000000011');
    await alert.getByText(/수량 초과 — 예상 2개, 스캔 3개/).waitFor();

    const fits = await page.evaluate(() => {
      const root = document.scrollingElement!;
      const outside = Array.from(document.querySelectorAll('body *')).filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5);
      });
      return { scroll: root.scrollWidth <= root.clientWidth, outside: outside.map((el) => (el.textContent ?? '').slice(0, 40)) };
    });
    assert.deepEqual(fits, { scroll: true, outside: [] }, 'the tab fits 320 px');
    const shots = process.env.SHIPSHEET_SCREENSHOT_DIR;
    if (shots) await page.screenshot({ path: `${shots}/scan-${WIDTH}.png`, fullPage: true });
    assert.deepEqual(
      (await db('order_lines').whereIn('id', order.lineIds)).map((l) => l.status),
      ['INVOICED', 'INVOICED'],
    );

    await scan('8801000000028');
    await page.getByTestId('scan-notice').getByText('640012345678 출고완료').waitFor();
    const lines = await db('order_lines').whereIn('id', order.lineIds);
    assert.deepEqual(
      lines.map((l) => l.status),
      ['SHIPPED', 'SHIPPED'],
    );
    const history = await db('status_history').where({ entity_id: order.lineIds[0], action: 'ship' });
    // Stored as a Message (스캔 검수), said in the reader's language where it is read.
    assert.deepEqual(readStoredText(history[0]!.reason as string), { i18n: 'history.scan_shipped' });
    assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field keeps the focus');
    await page.close();
  });
  it('a scan that comes while the box is still opening is counted, and a verify with no answer leaves the last scan to scan again', async () => {
    const db = e2e.server.deps.db;
    const cap = await makeSku(db, { code: 'CAP-03', name: '모자', barcodes: ['8803000000016'] });
    const order = await makeOrder(db, { status: 'INVOICED', products: ['모자'], quantity: 2 });
    await setLineSkus(db, order.lineIds[0]!, [cap]);
    await putInBox(db, order.lineIds, { tracking: '640044444444', status: 'INVOICED' });

    const { page, field } = await openScanTab();
    const scan = async (text: string) => {
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
    const box = page.getByTestId('scan-box');

    // A slow server: the scanner's next barcode comes before the box has opened.
    await page.route('**/api/scan/box', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await scan('640044444444');
    await scan('8803000000016');
    await box.getByText('CAP-03 모자: 1/2').waitFor();

    // The server is gone when the last item completes the box: it is not counted, and scanning it again ships.
    await page.route('**/api/scan/verify', (route) => route.abort('connectionrefused'));
    await scan('8803000000016');
    await page
      .getByRole('alert')
      .getByText(/서버에 연결할 수 없습니다/)
      .waitFor();
    await box.getByText('CAP-03 모자: 1/2').waitFor();
    await page.unroute('**/api/scan/verify');
    await scan('8803000000016');
    await page.getByTestId('scan-notice').getByText('640044444444 출고완료').waitFor();
    assert.equal((await db('order_lines').where({ id: order.lineIds[0] }).first()).status, 'SHIPPED');
    assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field keeps the focus');
    // A keyboard leaves the field with Tab and reaches the buttons (the field pulled the focus back at once).
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    assert.equal(await field.evaluate((el) => el === document.activeElement), false, 'Tab leaves the field');
    const sheetButton = page.getByRole('button', { name: '시트로 검수 (송장번호, 바코드)' });
    for (let i = 0; i < 5 && !(await sheetButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.equal(await sheetButton.evaluate((el) => el === document.activeElement), true, 'the sheet button is reached by Tab');
    await page.close();
  });
  it('시트로 검수: a sheet a scanner typed into is verified, the complete box ships, a result beside every row', async () => {
    const db = e2e.server.deps.db;
    const cup = await makeSku(db, { code: 'CUP-02', name: '컵', barcodes: ['8802000000017'] });
    const good = await makeOrder(db, { status: 'INVOICED', products: ['컵'], quantity: 2 });
    const bad = await makeOrder(db, { status: 'INVOICED', products: ['컵'] });
    for (const o of [good, bad]) await setLineSkus(db, o.lineIds[0]!, [cup]);
    await putInBox(db, good.lineIds, { tracking: '640022222222', status: 'INVOICED' });
    await putInBox(db, bad.lineIds, { tracking: '640033333333', status: 'INVOICED' });

    const { page, pane } = await openWorkbench(e2e);
    await page.evaluate(() => {
      const wb = (globalThis as any).shipsheetWorkbook;
      const cells = [
        ['송장번호', '바코드'],
        ['640022222222', '8802000000017'],
        ['', '8802000000017'],
        ['640033333333', '8801999999999'],
      ];
      cells.forEach((row, r) => row.forEach((v, c) => v && wb.userEdit('Sheet1', r, c, v)));
    });
    await pane.getByRole('tab', { name: '스캔', exact: true }).click();
    await pane.getByRole('button', { name: '시트로 검수 (송장번호, 바코드)' }).click();
    await pane.getByText('박스 2개 중 1개 출고완료. 결과를 행 옆에 적었습니다.').waitFor();
    const sheet = await page.evaluate(() => {
      const s = (globalThis as any).shipsheetWorkbook.find('Sheet1');
      return [0, 1, 2, 3].map((r) => String(s.get(r, 2)?.value ?? ''));
    });
    assert.equal(sheet[0], '검수결과');
    assert.match(sheet[1]!, /^확인 \(출고완료\)/);
    assert.match(sheet[3]!, /^미등록 \(거부\).*8801999999999/);
    assert.equal((await db('order_lines').where({ id: good.lineIds[0] }).first()).status, 'SHIPPED');
    assert.equal((await db('order_lines').where({ id: bad.lineIds[0] }).first()).status, 'INVOICED');
    await page.close();
  });
  it('numbers typed and pushed, boxes shipped by scanning, then 쇼핑몰로 송장 전송: every 주문 row reads 배송중 and 전송완료, on both sandbox malls', async () => {
    const db = e2e.server.deps.db;
    const malls = [await coupangMall(e2e.server, { seed: 81 }), await naverMall(e2e.server, { seed: 82 })];
    try {
      for (const m of malls) {
        await m.admin.createOrders({ count: 1, status: 'confirmed' });
        await runJob(e2e.server, 'collect', m.accountId);
      }
      // Released on the server, every line matched to one SKU (the catalogue is in use: the scan counts its barcode).
      const box = await makeSku(db, { code: 'BOX-09', name: '상자', barcodes: ['8809000000019'] });
      const lines = await db('order_lines').whereIn(
        'mall_account_id',
        malls.map((m) => m.accountId),
      );
      for (const l of lines) await setLineSkus(db, l.id, [box]);
      const released = await e2e.server.call('POST', '/api/transitions', {
        action: 'release',
        items: lines.map((l) => ({ id: l.id, version: l.version })),
      });
      assert.equal(released.body.refused, 0, JSON.stringify(released.body));

      const { page, pane } = await openWorkbench(e2e);
      await narrowPane(page);
      await pullOrdersSheet(page, true);
      const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);
      // The sheet holds the earlier tests' orders too: these are the mall orders' rows.
      const ours = new Set(lines.map((l) => l.id));
      const rows = (await sheetRows(page, '주문')).map((r, i) => ({ r, at: i + 1 })).filter(({ r }) => ours.has(String(r[col('line_id')])));
      assert.equal(rows.length, lines.length);
      // The operator types the courier and one number per order, and pushes.
      const orders = [...new Set(rows.map(({ r }) => String(r[col('mall_order_id')])))];
      const numberOf = (order: string) => trackingNumber(9100 + orders.indexOf(order));
      await page.evaluate(
        (edits) => edits.forEach(([r, c, v]) => (globalThis as any).shipsheetWorkbook.userEdit('주문', r, c, v)),
        rows.flatMap(({ r, at }): [number, number, string][] => [
          [at, col('courier'), 'CJ대한통운'],
          [at, col('tracking_number'), numberOf(String(r[col('mall_order_id')]))],
        ]),
      );
      const orderTab = pane.getByRole('region', { name: '주문', exact: true });
      await orderTab.getByRole('button', { name: '변경 내용 보내기' }).click();
      await orderTab
        .getByTestId('notice')
        .filter({ hasText: /보낸 행/ })
        .waitFor();
      const read = async () => (await sheetRows(page, '주문')).filter((r) => ours.has(String(r[col('line_id')])));
      assert.deepEqual(new Set((await read()).map((r) => r[col('status')])), new Set(['운송장출력']));

      // Each box is scanned out: its number, then its barcode once per unit. The 주문 sheet is not touched.
      await pane.getByRole('tab', { name: '스캔', exact: true }).click();
      const field = pane.getByTestId('scan-input');
      await field.click();
      for (const order of orders) {
        const units = rows.filter(({ r }) => String(r[col('mall_order_id')]) === order).reduce((n, { r }) => n + Number(r[col('quantity')]), 0);
        for (const text of [numberOf(order), ...Array<string>(units).fill('8809000000019')]) {
          await page.keyboard.type(text);
          await page.keyboard.press('Enter');
        }
        await pane
          .getByTestId('scan-notice')
          .getByText(`${numberOf(order)} 출고완료`)
          .waitFor();
      }

      await pane.getByRole('tab', { name: '송장', exact: true }).click();
      const invoices = pane.getByRole('region', { name: '송장', exact: true });
      await invoices.getByRole('button', { name: '쇼핑몰로 송장 전송' }).click();
      await invoices
        .getByTestId('notice')
        .filter({ hasText: `전송 성공 ${orders.length}, 실패 0` })
        .waitFor({ timeout: 60_000 });
      // The rows the sheet still showed 운송장출력 are read again after the send: as the server has them now.
      assert.deepEqual(
        (await read()).map((r) => [r[col('mall_order_id')], r[col('status')], r[col('send_status')]]),
        rows.map(({ r }) => [r[col('mall_order_id')], '배송중', '전송완료']),
      );
      await page.close();
    } finally {
      for (const m of malls) await m.sandbox.close();
    }
  });
});
