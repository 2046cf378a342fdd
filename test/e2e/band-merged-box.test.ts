// A merged box (합포: lines of two orders in one box) on a sale day's selection, numbered and printed in parts, on a
// sheet whose 합포 column the operator deleted (the layout is theirs): the box's rows still go in one part. Two
// boxes sit where parts would break by order — one at the numbering call's 10,000 rows, one at a label file's
// 2,700 labels — and each gets one number, no row is refused, and each label is printed once.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'vitest';
import { seedOrders } from '../../bench/seed.ts';
import { LABELS_MAX } from '../../shared/api/exports.schema.ts';
import { TRACKING_ISSUE_MAX } from '../../shared/api/tracking-bands.schema.ts';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { putInBox } from '../helpers/builders.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';
import { bandAndSender, printSelectedLabels, pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();
// Two lines an order: a numbering call takes 5,000 orders, a label file 2,700 (LABELS_MAX less the room kept).
const ORDERS = TRACKING_ISSUE_MAX / 2 + 2;
const LABEL_KEYS = Math.floor(LABELS_MAX * 0.9);

describe('a merged box numbered and printed in parts without the 합포 column', skipWith(SKIP_WITHOUT_BROWSER), () => {
  it('stays in one part: one number, no refusal, its label once', async () => {
    const db = e2e.server.deps.db;
    await seedOrders(db, { orders: ORDERS, linesPerOrder: 2, status: 'READY' });
    // The sheet holds the orders as the pull reads them (by order key): the box straddles where a part by order ends.
    const orders: string[] = await db('orders').orderBy('id').pluck('id');
    const linesOf = async (ids: string[]) => db('order_lines').whereIn('order_id', ids).pluck('id');
    const atNumbering = [orders[TRACKING_ISSUE_MAX / 2 - 1]!, orders[TRACKING_ISSUE_MAX / 2]!];
    const atLabels = [orders[LABEL_KEYS - 1]!, orders[LABEL_KEYS]!];
    const boxes = [await putInBox(db, await linesOf(atNumbering)), await putInBox(db, await linesOf(atLabels))];
    await bandAndSender(e2e.server, 65_100_000_000n);

    const { page, pane } = await openWorkbench(e2e);
    page.setDefaultTimeout(120_000);
    await narrowPane(page);
    await pullOrdersSheet(page, true);
    // The operator deletes the 합포 column from the sheet.
    await page.evaluate(
      (header) => {
        const wb = (globalThis as any).shipsheetWorkbook;
        const s = wb.find('주문');
        const cols = s.used().cols;
        const at = Array.from({ length: cols }, (_, c) => s.get(0, c)?.value).indexOf(header);
        if (at < 0) throw new Error('no 합포 column');
        wb.userDeleteColumn('주문', at);
      },
      ORDER_COLUMNS.find((c) => c.id === 'box_group')!.header.ko,
    );
    await page.evaluate((n) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row: 1, col: 0, rows: n, cols: 16384 }]), ORDERS * 2);
    await pane.getByRole('tab', { name: '송장', exact: true }).click();
    const invoices = pane.getByRole('region', { name: '송장', exact: true });
    await invoices.getByRole('button', { name: '선택한 행에 대역 번호 넣기' }).click();
    const numbers = ORDERS - boxes.length;
    await invoices
      .getByTestId('notice')
      .filter({ hasText: /개 번호를 넣었습니다|번호를 넣지 못했습니다|거부/ })
      .waitFor();
    const said = (await invoices.getByTestId('notice').textContent()) ?? '';
    assert.match(said, new RegExp(`^${numbers}개 번호를 넣었습니다 .*반영 ${ORDERS * 2}, 거부 0`), said);
    for (const box of boxes) {
      const rows = await db('order_lines as l').join('boxes as b', 'b.id', 'l.box_id').where('b.id', box).select('l.status', 'b.tracking_number');
      assert.equal(rows.length, 4);
      assert.ok(rows[0].tracking_number && rows.every((r) => r.status === 'INVOICED'), JSON.stringify(rows));
    }

    const downloads = await printSelectedLabels(page, invoices);
    // Every box's label once over all the files: the merged ones are not printed in two.
    const printed: string[] = [];
    for (const d of downloads) {
      const html = await readFile((await d.path())!, 'utf8');
      for (const m of html.matchAll(/<span class="number">([^<]*)<\/span>/g)) printed.push(m[1]!.replace(/\D/g, ''));
    }
    const twice = printed.filter((n, i) => printed.indexOf(n) !== i);
    assert.deepEqual(twice, [], 'no label printed twice');
    assert.equal(printed.length, numbers);
    for (const box of boxes) {
      const { tracking_number } = await db('boxes').where({ id: box }).first();
      assert.equal(printed.filter((n) => n === tracking_number).length, 1);
    }
    await page.close();
  });
});
