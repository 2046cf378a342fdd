// Issue 11's "done when", the way an operator does it, on both sandbox malls (Coupang and Naver over real HTTP on
// loopback) with the pane at Excel's 320 px: npm start's sample catalogue; collect from both accounts in the 작업 tab;
// the 매칭 sheet lists both malls' unmatched products, the operator takes suggestions and types a 1+1, pushes, and
// every waiting line of both malls is matched; new orders at both malls arrive matched at the next collect; a count
// in the 재고 sheet lands in the stock and its history with who and why; a SKU set to 강제품절 in the 상품 sheet puts
// its lines from both malls on the 품절 tab, and 품절해제 releases them once it sells again.
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { MATCHING_COLUMNS } from '../../shared/sheet/matching-columns.ts';
import { SKU_COLUMNS } from '../../shared/sheet/sku-columns.ts';
import { STOCK_COLUMNS } from '../../shared/sheet/stock-columns.ts';
import { sampleCatalogue, ensureSampleCatalogue } from '../../server/sandbox/sample-catalogue.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, type MallFixture, type SandboxAdmin } from '../helpers/malls.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
const WAITING = new Set(['PAID', 'NEW', 'READY']);
type Line = {
  line_id: string;
  mall_account_id: string;
  product_name: string;
  option_text: string | null;
  status: string;
  sku_code: string | null;
  unmatched: boolean;
  sold_out: boolean;
  quantity: number;
};
type Cols = readonly { id: string }[];
const colOf = (columns: Cols) => (id: string) => columns.findIndex((c) => c.id === id);

/** The sample SKU code of a mall product + option (the sandbox sells what the sample catalogue holds). */
const SAMPLE = new Map(sampleCatalogue().map((k) => [`${k.name}|${k.option_text}`, k.code]));

/** A sheet's rows under its header, as the workbook holds them. */
const sheetRows = (page: Page, sheet: string, width: number): Promise<(string | number)[][]> =>
  page.evaluate(
    ({ sheet, width }) => {
      const s = (globalThis as any).shipsheetWorkbook.find(sheet);
      return Array.from({ length: s.used().rows - 1 }, (_, r) => Array.from({ length: width }, (_, c) => s.get(r + 1, c)?.value ?? ''));
    },
    { sheet, width },
  );
/** What the operator types: [row (1 = first under the header), column, text]. */
const type = (page: Page, sheet: string, edits: [number, number, string][]) =>
  page.evaluate(({ sheet, edits }) => edits.forEach(([r, c, v]) => (globalThis as any).shipsheetWorkbook.userEdit(sheet, r, c, v)), { sheet, edits });

/** The pane at the width Excel opens it, and nothing in it sticking out sideways. */

/** Collect on every account from the 작업 tab (both are ticked by default), and wait for the pane to show them done. */
async function collectInPane(page: Page, pane: Locator, accounts: string[]) {
  const before = (await e2e.server.call('GET', '/api/jobs?limit=100')).body.items.length;
  await pane.getByRole('tab', { name: '작업', exact: true }).click();
  await pane.getByRole('button', { name: '작업 시작' }).click();
  // Not the "started" notice: jobs this small end at once and the "ended" notice takes its place.
  await page.waitForFunction((n) => document.querySelectorAll('[data-job][data-state="succeeded"]').length === n, before + accounts.length);
  const jobs = (await e2e.server.call('GET', `/api/jobs?limit=${accounts.length}`)).body.items;
  assert.deepEqual(
    jobs.map((j: { type: string; state: string; mall_account_id: string }) => [j.type, j.state, j.mall_account_id]).sort(),
    accounts.map((a) => ['collect', 'succeeded', a]).sort(),
  );
}

const linesOf = async (accountId: string): Promise<Line[]> =>
  (await e2e.server.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${accountId}&limit=5000`)).body.items;
/** Every line of these accounts, in line id order. */
const linesOfAll = async (accounts: string[]): Promise<Line[]> =>
  (await Promise.all(accounts.map(linesOf))).flat().sort((a, b) => a.line_id.localeCompare(b.line_id));

describe('a catalogue day on both sandbox malls', skipWith(SKIP_WITHOUT_BROWSER), () => {
  let malls: MallFixture<unknown>[];
  let admins: SandboxAdmin[];
  let accounts: string[];
  let page: Page;
  let pane: Locator;
  /** The SKU codes the operator matched each product + option to (the typed 1+1 rows carry ×2). */
  const matchedAs = new Map<string, string>();
  const keyOf = (l: Line) => `${l.mall_account_id}|${l.product_name}|${l.option_text ?? ''}`;
  afterAll(async () => {
    await page?.close();
    for (const m of malls ?? []) await (m.sandbox as { close(): Promise<void> }).close();
  });

  it('1. the sample catalogue, both malls connected, and a collect from both in the 작업 tab', async () => {
    assert.ok((await ensureSampleCatalogue(e2e.server.deps.db)) > 0);
    malls = [await coupangMall(e2e.server, { initialOrders: 40 }), await naverMall(e2e.server, { initialOrders: 40 })];
    admins = malls.map((m) => m.admin);
    accounts = malls.map((m) => m.accountId);
    ({ page, pane } = await openWorkbench(e2e));
    await narrowPane(page);
    await collectInPane(page, pane, accounts);
    for (const m of malls) {
      const waiting = (await linesOf(m.accountId)).filter((l) => WAITING.has(l.status));
      assert.ok(waiting.length >= 30, `${waiting.length} waiting lines`);
      assert.ok(
        waiting.every((l) => l.unmatched && l.sku_code === null),
        'sandbox products arrive unmatched',
      );
    }
    await assertPaneFits(page, 'the 작업 tab');
  });

  it("2. the 매칭 sheet: both malls' products listed, suggestions taken, a 1+1 typed, every waiting line matched", async () => {
    const col = colOf(MATCHING_COLUMNS);
    await pane.getByRole('tab', { name: '매칭', exact: true }).click();
    await pane.getByRole('button', { name: '매칭 불러오기' }).click();
    await pane.getByText(/"매칭" 시트에 매칭할 상품 \d+개를 불러왔습니다/).waitFor();
    const rows = await sheetRows(page, '매칭', MATCHING_COLUMNS.length);
    assert.deepEqual([...new Set(rows.map((r) => r[col('channel_key')]))].sort(), [...accounts].sort(), 'both malls are on the sheet');
    for (const m of malls) {
      const waiting = (await linesOf(m.accountId)).filter((l) => WAITING.has(l.status)).length;
      const listed = rows.filter((r) => r[col('channel_key')] === m.accountId).reduce((n, r) => n + Number(r[col('lines')]), 0);
      assert.equal(listed, waiting, 'every waiting line is in one row of its product + option');
    }
    // The operator takes each suggestion (y) but types two: a Naver 2-pack of cables is two single cables, and a
    // Coupang 1+1 cream is the cream × 2.
    const typed: Record<string, string> = {
      [`${accounts[1]}|고속 충전 케이블 C타입 2m|2개 묶음`]: 'CABLEC2-1*2',
      [`${accounts[0]}|1+1 수분 크림 50ml|1+1 세트`]: 'CREAM50-1*2',
    };
    const edits: [number, number, string][] = rows.map((r, i) => {
      const key = `${r[col('channel_key')]}|${r[col('product_name')]}|${r[col('option_text')]}`;
      const code = SAMPLE.get(`${r[col('product_name')]}|${r[col('option_text')]}`);
      if (typed[key]) {
        matchedAs.set(key, typed[key]!.replace('*', '×'));
        return [i + 1, col('sku'), typed[key]!];
      }
      assert.equal(r[col('suggested_code')], code, `the suggestion for ${key}`);
      matchedAs.set(key, code!);
      return [i + 1, col('sku'), 'y'];
    });
    assert.equal(edits.filter((e) => e[2] !== 'y').length, 2, 'both typed rows are on the sheet');
    await type(page, '매칭', edits);
    await pane.getByRole('button', { name: '매칭 저장' }).click();
    const lineCount = rows.reduce((n, r) => n + Number(r[col('lines')]), 0);
    await pane.getByText(`매칭 저장 ${rows.length}, 오류 0, 매칭된 주문상품 ${lineCount}건`).waitFor();

    const pushed = await sheetRows(page, '매칭', MATCHING_COLUMNS.length);
    pushed.forEach((r) => {
      const summary = matchedAs.get(`${r[col('channel_key')]}|${r[col('product_name')]}|${r[col('option_text')]}`)!;
      assert.equal(r[col('result')], '매칭');
      assert.ok(String(r[col('message')]).includes(summary) && String(r[col('message')]).includes(`${r[col('lines')]}건`), String(r[col('message')]));
    });
    for (const l of (await linesOfAll(accounts)).filter((x) => WAITING.has(x.status))) {
      assert.deepEqual([l.sku_code, l.unmatched], [matchedAs.get(keyOf(l)), false], keyOf(l));
    }
    await assertPaneFits(page, 'the 매칭 tab');
  });

  it('3. new orders of the same products at both malls arrive matched at the next collect', async () => {
    const before = new Set((await linesOfAll(accounts)).map((l) => l.line_id));
    const unknown = new Set<string>();
    for (const admin of admins) await admin.createOrders({ count: 30, status: 'paid' });
    await collectInPane(page, pane, accounts);
    for (const m of malls) {
      const fresh = (await linesOf(m.accountId)).filter((l) => !before.has(l.line_id));
      const known = fresh.filter((l) => matchedAs.has(keyOf(l)));
      assert.ok(fresh.length >= 30 && known.length >= 20, `${known.length} of ${fresh.length} new lines are of products matched before`);
      for (const l of known) assert.deepEqual([l.sku_code, l.unmatched], [matchedAs.get(keyOf(l)), false], keyOf(l));
      // A product + option the first collect never brought is unmatched, as it should be.
      for (const l of fresh.filter((x) => !matchedAs.has(keyOf(x)))) assert.deepEqual([l.sku_code, l.unmatched], [null, true], keyOf(l));
      fresh.filter((l) => !matchedAs.has(keyOf(l)) && WAITING.has(l.status)).forEach((l) => unknown.add(keyOf(l)));
    }
    // The 매칭 sheet now lists only the products + options the first collect never brought.
    await pane.getByRole('tab', { name: '매칭', exact: true }).click();
    await pane.getByRole('button', { name: '매칭 불러오기' }).click();
    await pane.getByText(`"매칭" 시트에 매칭할 상품 ${unknown.size}개를 불러왔습니다.`).waitFor();
  });

  /** The SKU of steps 4 and 5: the first sample SKU with waiting lines at both malls, and those lines. */
  const sku = { code: '', id: '', lines: [] as Line[] };
  it('4. the 재고 sheet: a counted quantity with a reason is applied, and the stock history says who and why', async () => {
    const all = (await linesOfAll(accounts)).filter((l) => WAITING.has(l.status));
    sku.code = sampleCatalogue()
      .map((k) => k.code)
      .find((code) => malls.every((m) => all.some((l) => l.mall_account_id === m.accountId && l.sku_code === code)))!;
    sku.lines = all.filter((l) => l.sku_code === sku.code);
    const before = (await e2e.server.call('GET', `/api/stock?q=${sku.code}&warehouse=MAIN`)).body.items[0];
    sku.id = before.sku_id;

    const col = colOf(STOCK_COLUMNS);
    await pane.getByRole('tab', { name: '재고', exact: true }).click();
    await pane.getByLabel('창고 코드 (비우면 전체)').fill('MAIN');
    await pane.getByLabel('상품코드·상품명 검색').fill(sku.code);
    await pane.getByRole('button', { name: '재고 불러오기' }).click();
    await pane.getByText('재고 1행을 "재고" 시트로 불러왔습니다.').waitFor();
    const [pulled] = await sheetRows(page, '재고', STOCK_COLUMNS.length);
    assert.deepEqual([pulled![col('sku_code')], pulled![col('warehouse_code')], pulled![col('on_hand')]], [sku.code, 'MAIN', before.on_hand]);
    await type(page, '재고', [
      [1, col('new_on_hand'), '120'],
      [1, col('reason'), '12월 실사'],
    ]);
    await pane.getByRole('button', { name: '새 수량 반영' }).click();
    await pane.getByText(/보낸 행 1: 반영 1/).waitFor();
    const [pushed] = await sheetRows(page, '재고', STOCK_COLUMNS.length);
    assert.deepEqual([pushed![col('push_result')], pushed![col('on_hand')], pushed![col('new_on_hand')]], ['반영', 120, '']);

    const now = (await e2e.server.call('GET', `/api/stock?q=${sku.code}&warehouse=MAIN`)).body.items[0];
    assert.equal(now.on_hand, 120);
    const [h] = (await e2e.server.call('GET', `/api/stock/history?sku=${sku.code}`)).body.items;
    assert.deepEqual([h.kind, h.on_hand_before, h.on_hand_after, h.reason, h.actor_name], ['count', before.on_hand, 120, '12월 실사', 'admin']);
    await assertPaneFits(page, 'the 재고 tab');
  });

  it('5. 강제품절 in the 상품 sheet puts the lines of both malls on the 품절 tab; 판매중 again, 품절해제 releases them', async () => {
    const col = colOf(SKU_COLUMNS);
    const products = page.getByRole('region', { name: '상품', exact: true });
    const setStatus = async (status: string) => {
      await pane.getByRole('tab', { name: '상품', exact: true }).click();
      const row = (await sheetRows(page, '상품', SKU_COLUMNS.length)).findIndex((r) => r[col('code')] === sku.code) + 1;
      assert.ok(row > 0, `${sku.code} is on the 상품 sheet`);
      await type(page, '상품', [[row, col('status'), status]]);
      await products.getByRole('button', { name: '상품 올리기' }).click();
      await products.getByText('보냄 1 · 반영 1 · 변경없음 0 · 거부 0 · 확인필요 0').waitFor();
      assert.equal((await sheetRows(page, '상품', SKU_COLUMNS.length))[row - 1]![col('push_result')], '반영');
    };
    const soldOutTab = async () => {
      await pane.getByRole('tab', { name: '품절', exact: true }).click();
      await pane.getByRole('button', { name: '새로고침' }).click();
    };
    const card = (l: Line) => pane.locator(`[data-line="${l.line_id}"]`);
    const release = async (released: number, refused: number) => {
      await pane.getByLabel('해제 사유').fill('재고 실사 후 판매 재개');
      await pane.getByRole('button', { name: '품절해제 (전체)' }).click();
      await pane.getByText(`${released}건 해제, ${refused}건 해제 안 됨`).waitFor();
    };
    const linesOfSku = async () => (await linesOfAll(accounts)).filter((l) => sku.lines.some((x) => x.line_id === l.line_id));

    await pane.getByRole('tab', { name: '상품', exact: true }).click();
    await products.getByRole('button', { name: '상품 불러오기' }).click();
    await products.getByText(`상품 ${sampleCatalogue().length}개를 불러왔습니다`).waitFor();
    await setStatus('강제품절');
    const sold = await linesOfSku();
    assert.deepEqual(new Set(sold.map((l) => `${l.sku_code} ${l.sold_out}`)), new Set([`${sku.code} true`]));
    assert.deepEqual(new Set(sold.map((l) => l.mall_account_id)), new Set(accounts), 'lines of both malls');
    // Each mall's product is queued for its storefront, said not sent (no connector pushes product status yet).
    const queued = async () =>
      (await e2e.server.call('GET', `/api/catalogue/storefront-changes?sku_id=${sku.id}`)).body.items
        .filter((c: { state: string }) => c.state === 'no_connector')
        .map((c: { mall_account_id: string; change: string }) => [c.mall_account_id, c.change])
        .sort();
    assert.deepEqual(await queued(), accounts.map((a) => [a, 'sold_out']).sort());

    // Orders of it that come in while it is 강제품절 join the list at collect (this once slipped through unflagged).
    const seen = new Set(sku.lines.map((l) => l.line_id));
    for (const admin of admins) await admin.createOrders({ count: 30, status: 'paid' });
    await collectInPane(page, pane, accounts);
    const arrived = (await linesOfAll(accounts)).filter((l) => l.sku_code === sku.code && !seen.has(l.line_id));
    assert.deepEqual(new Set(arrived.map((l) => l.mall_account_id)), new Set(accounts), 'new lines at both malls');
    assert.deepEqual(new Set(arrived.map((l) => `${l.status} ${l.sold_out}`)), new Set(['PAID true']));
    sku.lines.push(...arrived);

    await soldOutTab();
    await pane.getByTestId('sold-out-count').getByText(`품절 주문 ${sku.lines.length}건`).waitFor();
    for (const l of sku.lines)
      await card(l)
        .getByText(new RegExp(`${sku.code}: 필요 \\d+ · 가용 120 · 강제품절`))
        .waitFor();
    assert.equal(await pane.locator('[data-line]').count(), sku.lines.length);
    await assertPaneFits(page, 'the 품절 tab');
    // Still 강제품절: nothing is released, whatever the stock.
    await release(0, sku.lines.length);

    await setStatus('판매중');
    await soldOutTab();
    for (const l of sku.lines) await card(l).getByText('해제 가능').waitFor();
    assert.deepEqual(await queued(), accounts.map((a) => [a, 'resume']).sort());
    await release(sku.lines.length, 0);
    for (const l of sku.lines) await card(l).getByText('해제됨').waitFor();
    await pane.getByTestId('sold-out-count').getByText('품절 주문 0건').waitFor();
    // Released: the flag is off, the SKU and the status are as they were, and each line's history has the reason.
    const after = await linesOfSku();
    assert.deepEqual(new Set(after.map((l) => `${l.sku_code} ${l.sold_out}`)), new Set([`${sku.code} false`]));
    const byId = new Map(sku.lines.map((l) => [l.line_id, l.status]));
    assert.ok(after.every((l) => byId.get(l.line_id) === l.status));
    const history = await e2e.server.deps.db('status_history').where({ action: 'release_sold_out' }).orderBy('entity_id');
    assert.deepEqual(
      history.map((h: { entity_id: string; reason: string }) => [h.entity_id, h.reason]),
      after.map((l) => [l.line_id, '재고 실사 후 판매 재개']),
    );
  });
});
