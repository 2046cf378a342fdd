// Issue 13 §6: 1,000 orders (split across both sandbox malls, real HTTP on loopback) from "collected" to "every
// line's tracking number is at the mall", in /preview at 320 px, counting the operator's clicks in the pane. Pane
// buttons and menu items of the path are `actions` — the confirm of the pull's once-a-session reason prompt (배송 처리
// is offered) among them; tab changes and the one-time settings are counted apart, as are selecting rows and pasting
// the numbers. The path runs twice: with every
// automatic step off (today's path) and with them switched on in the accounts tab. Each count is printed as a JSON
// line for the note; with the settings on, the path must take at most 5 actions and one paste.
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, type MallFixture } from '../helpers/malls.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
const ORDERS = 1000;
const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);
type Kind = 'action' | 'tab' | 'setup';
type Counts = Record<Kind | 'selections' | 'pastes', number>;

/** The operator at the pane: every click goes through `click`, which counts it by kind. */
class Operator {
  readonly counts: Counts = { action: 0, tab: 0, setup: 0, selections: 0, pastes: 0 };
  constructor(
    readonly page: Page,
    readonly pane: Locator,
  ) {}
  async click(target: Locator, kind: Kind = 'action') {
    this.counts[kind]++;
    await target.click();
  }
  tab(name: string) {
    return this.click(this.pane.getByRole('tab', { name, exact: true }), 'tab');
  }
  region(name: string) {
    return this.pane.getByRole('region', { name, exact: true });
  }
  /** Selects every order row on the sheet (one selection). */
  async selectAll() {
    this.counts.selections++;
    const n = (await sheetRows(this.page, '주문')).length;
    await this.page.evaluate((n) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row: 1, col: 0, rows: n, cols: 16384 }]), n);
  }
  /** Pastes tracking numbers into the sheet (one paste: the cells as the operator's edit). */
  async paste(edits: (readonly [number, number, string])[]) {
    this.counts.pastes++;
    await this.page.evaluate((edits) => edits.forEach(([r, c, v]) => (globalThis as any).shipsheetWorkbook.userEdit('주문', r, c, v)), edits);
  }
  /** The pull, with the reason the session asks for at its first pull: 배송 처리 is offered, the operator confirms it. */
  async pull() {
    const orders = this.region('주문');
    await this.click(orders.getByRole('button', { name: '주문 불러오기' }));
    assert.equal(await orders.getByRole('combobox', { name: '사유' }).textContent(), '배송 처리');
    await this.click(orders.getByRole('button', { name: '확인하고 불러오기' }));
    await orders.getByText(/행을 불러왔습니다/).waitFor({ timeout: 120_000 });
  }
  async notice(region: string, text: RegExp) {
    await this.region(region).getByTestId('notice').filter({ hasText: text }).waitFor({ timeout: 180_000 });
  }
}

describe('1,000 orders from collected to numbers at the malls, counting pane actions', skipWith(SKIP_WITHOUT_BROWSER), () => {
  const malls: MallFixture<{ close(): Promise<void> }>[] = [];
  const pages: Page[] = [];
  const call = (method: string, path: string, body?: unknown) => e2e.server.call(method, path, body);
  afterAll(async () => {
    for (const p of pages) await p.close();
    for (const m of malls) await m.sandbox.close();
  });

  /** Two fresh sandbox malls with ORDERS orders between them; earlier runs' accounts switched off, their orders set aside. */
  async function freshMalls(run: number) {
    for (const m of malls.splice(0)) {
      await call('PATCH', `/api/mall-accounts/${m.accountId}`, { active: false });
      await e2e.server.deps.db('orders').where({ mall_account_id: m.accountId }).update({ deleted_at: new Date().toISOString() });
      await m.sandbox.close();
    }
    const pair = [await coupangMall(e2e.server, { seed: 10 + run }), await naverMall(e2e.server, { seed: 20 + run })];
    malls.push(...pair);
    await pair[0]!.admin.createOrders({ count: ORDERS / 2, status: 'paid' });
    await pair[1]!.admin.createOrders({ count: ORDERS / 2, status: 'paid' });
    return pair;
  }

  async function open(): Promise<Operator> {
    const { page, pane } = await openWorkbench(e2e);
    pages.push(page);
    await narrowPane(page);
    return new Operator(page, pane);
  }

  /** Collect in the 작업 tab, and wait until the malls' jobs (and the ones they start) have ended. */
  async function collect(op: Operator) {
    await op.tab('작업');
    await op.click(op.pane.getByRole('button', { name: '작업 시작' }));
    // The pane lists the jobs as they run; the test waits on the API for this run's collects, then for what they started.
    for (const m of malls) {
      const deadline = Date.now() + 180_000;
      const done = async () =>
        (await call('GET', `/api/jobs?mall_account_id=${m.accountId}&type=collect&limit=5`)).body.items.some(
          (j: { state: string }) => j.state === 'succeeded',
        );
      while (!(await done())) {
        assert.ok(Date.now() < deadline, `collect of ${m.accountId} did not end`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await e2e.server.deps.runner.idle();
  }

  /** One tracking number per order (its lines share a box), on every row of the sheet. */
  async function numbersFor(op: Operator, run: number) {
    const rows = await sheetRows(op.page, '주문');
    const byOrder = new Map<string, string>();
    let serial = 0;
    const edits = rows.map((r, i) => {
      const order = String(r[col('mall_order_id')]);
      if (!byOrder.has(order)) byOrder.set(order, trackingNumber(run * 100_000 + serial++));
      return [i + 1, col('tracking_number'), byOrder.get(order)!] as const;
    });
    return { rows, byOrder, edits };
  }

  /** Every line of both malls has its order's number at the mall itself (each mall's own admin API). */
  async function assertAtMalls(byOrder: Map<string, string>) {
    const [coupang, naver] = malls;
    const missing: string[] = [];
    let lines = 0;
    for (const o of await coupang!.admin.listOrders()) {
      for (const b of o.boxes) {
        lines++;
        if (b.invoiceNumber !== byOrder.get(String(o.orderId))) missing.push(`coupang ${o.orderId}: ${b.invoiceNumber}`);
      }
    }
    for (const o of await naver!.admin.listOrders()) {
      for (const p of o.productOrders) {
        lines++;
        if (p.trackingNumber !== byOrder.get(String(o.orderId))) missing.push(`naver ${o.orderId}: ${p.trackingNumber}`);
      }
    }
    assert.deepEqual(missing.slice(0, 5), [], `${missing.length} of ${lines} lines without their number at the mall`);
    return lines;
  }

  const report = (settings: 'off' | 'on', op: Operator, lines: number, started: number) =>
    console.log(
      JSON.stringify({
        five_actions: settings,
        orders: ORDERS,
        numbered_at_malls: lines,
        ...op.counts,
        seconds: Math.round((Date.now() - started) / 1000),
      }),
    );

  it('with every setting off: collect, pull, confirm, release, courier, push, ship, send', { timeout: 600_000 }, async () => {
    await freshMalls(1);
    const op = await open();
    const started = Date.now();
    await collect(op);
    await op.tab('주문');
    await op.pull();
    const orders = op.region('주문');
    await op.selectAll();
    await op.click(orders.getByRole('button', { name: '적용' })); // 발주확인, the action's default
    await op.notice('주문', /발주확인: 반영/);
    await op.click(orders.getByRole('combobox', { name: '선택한 행 처리' }));
    await op.click(op.page.getByRole('option', { name: '출고지시' }));
    await op.click(orders.getByRole('button', { name: '적용' }));
    await op.notice('주문', /출고지시: 반영/);
    await op.tab('송장');
    const invoices = op.region('송장');
    await op.click(invoices.getByRole('button', { name: '선택한 행에 택배사 넣기' }));
    await invoices.getByText(/CJ대한통운을 넣었습니다/).waitFor();
    const { byOrder, edits } = await numbersFor(op, 1);
    await op.paste(edits);
    await op.click(invoices.getByRole('button', { name: '변경 내용 보내기' }));
    await op.notice('송장', /보낸 행/);
    await op.click(invoices.getByRole('button', { name: '운송장출력 행 출고완료' }));
    await op.notice('송장', /출고완료 \d+행/);
    await op.click(invoices.getByRole('button', { name: '쇼핑몰로 송장 전송' }));
    await op.notice('송장', /전송 성공/);
    const lines = await assertAtMalls(byOrder);
    report('off', op, lines, started);
    // 작업 시작, 주문 불러오기 + its reason, 적용 (발주확인), the menu + 출고지시 + 적용, 택배사, push, ship, send.
    assert.equal(op.counts.action, 11, JSON.stringify(op.counts));
    assert.ok((await sheetRows(op.page, '주문')).every((r) => r[col('send_status')] === '전송완료'));
  });

  it(
    'with the settings on: 지금 수집 and one count on 현황 (+ its reason once), paste, push — numbers at the malls',
    { timeout: 600_000 },
    async () => {
      const pair = await freshMalls(2);
      const op = await open();
      // The seller's one-time choice, in the accounts tab (counted as setup, not as the path).
      await op.tab('계정');
      for (const m of pair) {
        const card = op.pane.locator(`[data-account="${m.accountId}"]`);
        for (const name of ['수집 시 발주확인', '발주확인 시 출고지시', '송장 입력 시 출고', '출고 시 송장전송']) {
          await op.click(card.getByRole('switch', { name }), 'setup');
          await card.getByRole('status').filter({ hasText: '저장했습니다' }).waitFor();
        }
        await op.click(card.getByRole('combobox', { name: /기본 택배사/ }), 'setup');
        await op.click(op.page.getByRole('option', { name: 'CJ대한통운' }), 'setup');
        await op.page.waitForFunction((id) => document.querySelector(`[data-account="${id}"]`)?.textContent?.includes('CJ대한통운'), m.accountId);
      }
      await assertPaneFits(op.page, 'the 계정 tab');
      const account = (await call('GET', `/api/mall-accounts/${pair[0]!.accountId}`)).body;
      assert.deepEqual(
        [account.auto_confirm, account.auto_release, account.auto_ship, account.auto_send, account.default_courier],
        [true, true, true, true, 'CJ'],
      );

      // The desk's day starts on 현황: collect there, then one count pulls exactly the rows to number; the pane shows
      // them in the 주문 tab, which says which automatic steps are on.
      await op.tab('현황');
      const board = op.region('현황');
      const started = Date.now();
      await op.click(board.getByRole('button', { name: '지금 수집' }));
      await board
        .getByTestId('notice')
        .filter({ hasText: /수집 끝/ })
        .waitFor({ timeout: 180_000 });
      await assertPaneFits(op.page, '현황 with the collect result');
      // The confirms the collects started (수집 시 발주확인) run on; the board recounts as each job ends.
      await e2e.server.deps.runner.idle();
      const ready = (await call('GET', '/api/order-lines?reason=shipping&status=READY&limit=5000')).body.items.length;
      const count = board.locator('[data-count="waiting_number"]');
      await count.filter({ hasText: ready.toLocaleString() }).waitFor({ timeout: 60_000 });
      await op.click(count);
      assert.equal(await board.getByRole('combobox', { name: '사유' }).textContent(), '배송 처리');
      await op.click(board.getByRole('button', { name: '확인하고 불러오기' }));
      const orders = op.region('주문');
      await orders
        .getByText(/자동 처리 — 쿠팡: 수집 시 발주확인, 발주확인 시 출고지시, 송장 입력 시 출고, 출고 시 송장전송, 기본 택배사 CJ대한통운/)
        .waitFor();
      assert.equal((await sheetRows(op.page, '주문')).length, ready, 'the count pulled exactly its rows');
      const { rows, byOrder, edits } = await numbersFor(op, 2);
      // Confirmed at the malls and released by the settings; the default courier beside each row.
      assert.ok(
        rows.every((r) => r[col('status')] === '출고대기' && r[col('courier')] === 'CJ대한통운'),
        JSON.stringify(rows.find((r) => r[col('status')] !== '출고대기' || r[col('courier')] !== 'CJ대한통운')),
      );
      await assertPaneFits(op.page, 'the 주문 tab');
      await op.paste(edits);
      await op.click(op.region('주문').getByRole('button', { name: '변경 내용 보내기' }));
      await op.notice('주문', /자동 전송 성공/);
      const lines = await assertAtMalls(byOrder);
      report('on', op, lines, started);
      // The automatic steps wrote their results beside the rows: shipped and sent.
      const after = await sheetRows(op.page, '주문');
      assert.ok(
        after.every((r) => r[col('send_status')] === '전송완료'),
        JSON.stringify(after.find((r) => r[col('send_status')] !== '전송완료')),
      );
      // The push's own results stay beside the rows through the refresh after the sends.
      assert.ok(
        after.every((r) => r[col('push_result')] === '반영'),
        JSON.stringify(after.find((r) => r[col('push_result')] !== '반영')),
      );
      const sample = after[0]![col('line_id')];
      const history = (await call('GET', `/api/orders/${String(after[0]![col('order_id')])}`)).body.history as {
        action: string;
        reason: string | null;
        entity_id: string;
      }[];
      const reasons = history.filter((h) => h.entity_id === sample).map((h) => `${h.action}:${h.reason ?? ''}`);
      // Read in English (the API client's language): the automatic steps' reasons are said in the reader's language.
      assert.ok(reasons.includes('release:Automatic: released once confirmed'), reasons.join(' | '));
      assert.ok(reasons.includes('ship:Automatic: shipped once numbered'), reasons.join(' | '));
      assert.ok(op.counts.action <= 5 && op.counts.pastes === 1, JSON.stringify(op.counts));
    },
  );
});
