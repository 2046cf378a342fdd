// 송장 대역 and 자동 채번 from the pane at 320 px, on both sandbox malls to "the mall has the number": the admin
// registers the CJ band in the 송장 tab; the operator pulls, selects every row and numbers them from the band — one
// number per order, a held order refused on its row with no number used — then ships and sends, and each mall's
// own admin API holds each line's number from the band.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterAll, describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { inBand } from '../../shared/tracking-band.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, runJob, type MallFixture } from '../helpers/malls.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { skipWith } from '../helpers/skip.ts';
import { pullOrdersSheet } from './desk-helpers.ts';

const e2e = e2eSession();
const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);
/** A 12-digit CJ number with its mod-7 check digit. */
const mod7 = (body: bigint) => `${body}${body % 7n}`;
const FIRST = mod7(64_000_000_000n);
const LAST = mod7(64_000_000_029n);
const SHAPE = { check: 'mod7', length: 12 } as const;

describe('numbering from a courier band in the pane, to the malls', skipWith(SKIP_WITHOUT_BROWSER), () => {
  const malls: MallFixture<{ close(): Promise<void> }>[] = [];
  let page: Page;
  let pane: Locator;
  const region = (name: string) => pane.getByRole('region', { name, exact: true });
  const notice = (name: string, text: RegExp) => region(name).getByTestId('notice').filter({ hasText: text }).waitFor({ timeout: 60_000 });
  afterAll(async () => {
    await page?.close();
    for (const m of malls) await m.sandbox.close();
  });

  it('the admin registers the CJ band in the 송장 tab', async () => {
    malls.push(await coupangMall(e2e.server, { seed: 61 }), await naverMall(e2e.server, { seed: 62 }));
    for (const m of malls) {
      await m.admin.createOrders({ count: 3, status: 'confirmed' });
      await runJob(e2e.server, 'collect', m.accountId);
    }
    // Released on the server (the pane's release is tested elsewhere); one order held with a reason.
    const lines = await e2e.server.deps.db('order_lines').where({ status: 'NEW' }).select('id', 'version', 'order_id');
    const released = await e2e.server.call('POST', '/api/transitions', {
      action: 'release',
      items: lines.map((l) => ({ id: l.id, version: l.version })),
    });
    assert.equal(released.body.refused, 0, JSON.stringify(released.body));
    const held = await e2e.server.deps.db('orders').where({ id: lines[0]!.order_id }).first();
    await e2e.server.call('POST', '/api/transitions', { action: 'hold', reason: '주소 확인', items: [{ id: held.id, version: held.version }] });

    // The shop's sender, which a waybill names.
    const sender = { name: '쉽시트상회', phone: '0212345678', zip: '06236', address1: '서울특별시 강남구 테헤란로 123' };
    assert.equal((await e2e.server.call('PUT', '/api/settings/sender', sender)).status, 200);

    ({ page, pane } = await openWorkbench(e2e));
    await narrowPane(page);
    await pane.getByRole('tab', { name: '송장', exact: true }).click();
    const invoices = region('송장');
    await invoices.getByTestId('band-line').filter({ hasText: 'CJ대한통운 대역 없음' }).waitFor();
    await invoices.getByRole('button', { name: '대역 관리' }).click();
    await invoices.getByLabel('시작 번호').fill(`${FIRST.slice(0, 4)}-${FIRST.slice(4, 8)}-${FIRST.slice(8)}`);
    await invoices.getByLabel('끝 번호').fill(LAST);
    await invoices.getByRole('button', { name: '대역 등록' }).click();
    await invoices.getByText('CJ대한통운 대역을 등록했습니다 (30개).').waitFor();
    await invoices.getByTestId('band-line').filter({ hasText: 'CJ대한통운 남은 번호 30개' }).waitFor();
    await invoices.getByText(`${FIRST} ~ ${LAST} · 남은 30개`).waitFor();
    await assertPaneFits(page, 'the 송장 tab with its bands open');
    // The manager's notice goes with it: closed and opened again, the tab does not keep saying it.
    await invoices.getByRole('button', { name: '닫기' }).click();
    await invoices.getByRole('button', { name: '대역 관리' }).click();
    await invoices.getByText(`${FIRST} ~ ${LAST} · 남은 30개`).waitFor();
    assert.equal(await invoices.getByText('CJ대한통운 대역을 등록했습니다 (30개).').count(), 0);
    // Switched off and on again: the manager says so (open through the numbering below).
    await invoices.getByRole('button', { name: '사용 안 함' }).click();
    await invoices.getByText('대역을 더 이상 쓰지 않습니다.').waitFor();
    await invoices.getByRole('button', { name: '사용', exact: true }).click();
    await invoices.getByText('대역을 다시 사용합니다.').waitFor();
  });

  it('numbers every selected row from the band: one number per order, the held one refused and numbering nothing', async () => {
    await pane.getByRole('tab', { name: '주문', exact: true }).click();
    await pullOrdersSheet(page, true);
    const rows = await sheetRows(page, '주문');
    await page.evaluate((n) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row: 1, col: 0, rows: n, cols: 16384 }]), rows.length);
    // Another operator numbers one row's order after this pull: that row is refused here, and shows its number.
    const early = rows.find((r) => r[col('hold')] !== 'Y')!;
    const earlyLine = await e2e.server.deps
      .db('order_lines')
      .where({ id: String(early[col('line_id')]) })
      .first();
    const other = await e2e.server.call('POST', '/api/tracking-bands/issue', {
      courier: 'CJ',
      items: [{ id: earlyLine.id, version: earlyLine.version }],
    });
    assert.equal(other.body.applied, 1, JSON.stringify(other.body));
    await pane.getByRole('tab', { name: '송장', exact: true }).click();
    const invoices = region('송장');
    await invoices.getByRole('button', { name: '선택한 행에 대역 번호 넣기' }).click();
    await notice('송장', /개 번호를 넣었습니다/);
    // Another action of the tab reported: the band manager's notice is gone, not stacked above it.
    assert.equal(await invoices.getByText('대역을 다시 사용합니다.').count(), 0);
    await assertPaneFits(page, 'the 송장 tab after numbering from the band');

    const after = await sheetRows(page, '주문');
    const byOrder = new Map<string, Set<string>>();
    for (const r of after) {
      const number = String(r[col('tracking_number')] ?? '');
      const order = String(r[col('mall_order_id')]);
      if (r[col('line_id')] === early[col('line_id')]) assert.equal(r[col('push_result')], '거부', 'numbered meanwhile: refused, read again');
      if (r[col('hold')] === 'Y') {
        assert.equal(number, '', 'a held order gets no number');
        assert.equal(r[col('push_result')], '거부');
        continue;
      }
      assert.ok(inBand(number, FIRST, LAST, SHAPE), `${number} comes from the band`);
      assert.equal(r[col('status')], '운송장출력');
      byOrder.set(order, (byOrder.get(order) ?? new Set()).add(number));
    }
    assert.equal(byOrder.size, 5, 'the five orders not held');
    assert.ok(
      [...byOrder.values()].every((numbers) => numbers.size === 1),
      'one number per order',
    );
    assert.equal(new Set([...byOrder.values()].flatMap((n) => [...n])).size, 5, 'no number twice');
    // The numbers are the band's first five: the held row used none.
    const band = (await e2e.server.call('GET', '/api/tracking-bands')).body.items[0];
    assert.deepEqual([band.issued, band.remaining], [5, 25]);
    await invoices.getByTestId('band-line').filter({ hasText: 'CJ대한통운 남은 번호 25개' }).waitFor();

    // 송장 출력: the selected rows' numbered boxes as labels, one HTML file (the held row's box has no number: no label).
    const [download] = await Promise.all([page.waitForEvent('download'), invoices.getByRole('button', { name: '선택한 행 송장 출력' }).click()]);
    assert.match(download.suggestedFilename(), /^송장출력_\d{8}-\d{4}\.html$/);
    await notice('송장', /받았습니다/);
    const html = await readFile((await download.path())!, 'utf8');
    assert.equal((html.match(/<section class="label">/g) ?? []).length, 5);
    assert.ok(html.includes('쉽시트상회'), 'the sender on every label');
    for (const numbers of byOrder.values()) for (const n of numbers) assert.ok(html.includes(n.replace(/(\d{4})(?=\d)/g, '$1-')), n);
  });

  it('ships and sends: each mall holds every numbered line with its number', async () => {
    const invoices = region('송장');
    await invoices.getByRole('button', { name: '운송장출력 행 출고완료' }).click();
    await notice('송장', /출고완료 \d+행/);
    // A box ships whole with its first row; its other rows read 변경없음 on the sheet, and the notice counts them apart.
    const results = (await sheetRows(page, '주문')).map((r) => r[col('push_result')]).filter((r) => r === '반영' || r === '변경없음');
    const count = (label: string) => results.filter((r) => r === label).length;
    const said = await region('송장')
      .getByTestId('notice')
      .filter({ hasText: /출고완료 \d+행/ })
      .innerText();
    assert.match(said, new RegExp(`출고완료 ${count('반영')}행, 변경없음 ${count('변경없음')}행, 거부 0행`));
    await invoices.getByRole('button', { name: '쇼핑몰로 송장 전송' }).click();
    await notice('송장', /전송 성공/);
    const ours = new Map<string, string>();
    for (const r of await sheetRows(page, '주문'))
      if (r[col('tracking_number')]) ours.set(String(r[col('mall_order_id')]), String(r[col('tracking_number')]));
    const [coupang, naver] = malls;
    const atMall: [string, string | null][] = [];
    for (const o of await coupang!.admin.listOrders()) for (const b of o.boxes) atMall.push([String(o.orderId), b.invoiceNumber ?? null]);
    for (const o of await naver!.admin.listOrders()) for (const p of o.productOrders) atMall.push([String(o.orderId), p.trackingNumber ?? null]);
    const numbered = atMall.filter(([order]) => ours.has(order));
    assert.ok(numbered.length >= 5);
    assert.deepEqual(
      numbered.filter(([order, number]) => number !== ours.get(order)),
      [],
      'every numbered line has its number at its mall',
    );
  });
});
