// A sale day's selection numbered from the band and printed with one press each (a black-box run found it refused
// whole: the server takes 10,000 rows a call): more rows than a call holds go in parts — an order's rows never split
// between two — each answered beside its rows; every order gets one number, and the labels come as one file a part.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { seedOrders } from '../../bench/seed.ts';
import { LABEL_LINES_MAX, LABELS_MAX } from '../../shared/api/exports.schema.ts';
import { TRACKING_ISSUE_MAX } from '../../shared/api/tracking-bands.schema.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';
import { bandAndSender, printSelectedLabels, pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();
const ORDERS = 5_100;

describe('a sale day numbered from the band and printed from the pane', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it(`numbers and prints ${ORDERS * 2} selected rows in parts: one number per order, every row answered`, async () => {
    assert.ok(ORDERS * 2 > TRACKING_ISSUE_MAX && ORDERS * 2 > LABEL_LINES_MAX && ORDERS > LABELS_MAX, 'more rows than one call takes');
    const db = e2e.server.deps.db;
    await seedOrders(db, { orders: ORDERS, linesPerOrder: 2, status: 'READY' });
    await bandAndSender(e2e.server, 65_000_000_000n);

    const { page, pane } = await openWorkbench(e2e);
    page.setDefaultTimeout(120_000);
    await narrowPane(page);
    await pane.getByRole('tab', { name: '주문', exact: true }).click();
    await pullOrdersSheet(page, true);
    await page.evaluate((n) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row: 1, col: 0, rows: n, cols: 16384 }]), ORDERS * 2);
    await pane.getByRole('tab', { name: '송장', exact: true }).click();
    const invoices = pane.getByRole('region', { name: '송장', exact: true });
    await invoices.getByRole('button', { name: '선택한 행에 대역 번호 넣기' }).click();
    await invoices
      .getByTestId('notice')
      .filter({ hasText: new RegExp(`^${ORDERS}개 번호를 넣었습니다 .*반영 ${ORDERS * 2}, 거부 0`) })
      .waitFor();
    const lines = await db('order_lines as l').join('boxes as b', 'b.id', 'l.box_id').select('l.order_id', 'l.status', 'b.tracking_number');
    assert.equal(lines.length, ORDERS * 2);
    assert.ok(lines.every((l) => l.status === 'INVOICED'));
    const numberOf = new Map<string, Set<string>>();
    for (const l of lines) numberOf.set(l.order_id, (numberOf.get(l.order_id) ?? new Set()).add(l.tracking_number));
    assert.ok(
      [...numberOf.values()].every((n) => n.size === 1),
      'one number per order: none split between two calls',
    );
    assert.equal(new Set(lines.map((l) => l.tracking_number)).size, ORDERS);

    const downloads = await printSelectedLabels(page, invoices);
    assert.equal(downloads.length, Math.ceil(ORDERS / Math.floor(LABELS_MAX * 0.9)), 'one file a part');
    for (const d of downloads) assert.match(d.suggestedFilename(), /^송장출력_\d{8}-\d{4}(-\d+)?\.html$/);
    await page.close();
  });
});
