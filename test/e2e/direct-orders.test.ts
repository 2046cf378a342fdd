// Direct trade / wholesale entry in the preview workbench: the template sheet, rows typed by the operator, orders
// created with a result per row (a bad row says which column), and a second run that creates nothing twice.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { DIRECT_COLUMNS } from '../../shared/sheet/direct-columns.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { skipWith } from '../helpers/skip.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';

const e2e = e2eSession();

const col = (id: string) => DIRECT_COLUMNS.findIndex((c) => c.id === id);

describe('direct orders from a sheet', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('creates one order per valid row, explains the bad ones, and never creates a row twice', async () => {
    const { page, pane } = await openWorkbench(e2e);
    await pane.getByRole('tab', { name: '직접주문', exact: true }).click();
    await pane.getByRole('button', { name: '템플릿 시트 만들기' }).click();
    await pane.getByText('"직접주문" 시트를 만들었습니다.').waitFor();

    // What the operator types: two good rows (amount with a thousands comma, a phone with a leading zero), one
    // without the required total.
    const rows: Record<string, string>[] = [
      {
        orderer_name: '(주)한빛유통',
        total_amount: '1,250,000',
        channel_kind: '도매',
        product_name: '햇사과 10kg',
        quantity: '50',
        recipient_mobile: '01098765432',
        recipient_address1: '경기도 성남시 분당구 판교역로 235',
      },
      { orderer_name: '김서연', total_amount: '39000', channel_kind: '매장출고', product_name: '배 선물세트' },
      { orderer_name: '이도윤', product_name: '감귤 5kg' },
    ];
    await page.evaluate(
      ({ rows, cols }) => {
        const wb = (globalThis as any).shipsheetWorkbook;
        rows.forEach((r: Record<string, string>, i: number) => Object.entries(r).forEach(([id, v]) => wb.userEdit('직접주문', i + 1, cols[id], v)));
      },
      { rows, cols: Object.fromEntries(DIRECT_COLUMNS.map((c, i) => [c.id, i])) },
    );
    await pane.getByRole('button', { name: '주문 만들기' }).click();
    await pane.getByText('만든 주문 2, 오류 1, 이미 만든 행 0').waitFor();
    const cells = await page.evaluate(() => {
      const s = (globalThis as any).shipsheetWorkbook.find('직접주문');
      return [1, 2, 3].map((r) => Array.from({ length: 21 }, (_, c) => s.get(r, c)?.value ?? ''));
    });
    assert.equal(cells[0]![col('result')], '생성');
    assert.match(String(cells[0]![col('order_id')]), /^ord_/);
    assert.equal(cells[0]![col('recipient_mobile')], '01098765432', 'typed into a text cell: the leading zero stays');
    assert.equal(cells[2]![col('result')], '오류');
    assert.match(String(cells[2]![col('message')]), /총금액/);
    const order = (await e2e.server.call('GET', `/api/orders/${cells[0]![col('order_id')]}`)).body;
    assert.equal(order.total_amount, 1_250_000);
    assert.equal(order.channel_kind, 'direct');

    await pane.getByRole('button', { name: '주문 만들기' }).click();
    await pane.getByText('만든 주문 0, 오류 1, 이미 만든 행 2').waitFor();
    await page.close();
  });
});
