// Issue 12's "done when", the way an operator does it, on both sandbox malls (Coupang and Naver over real HTTP on
// loopback) with the pane at Excel's 320 px: orders crafted at the malls (two Naver orders to one recipient, and one
// recipient at both malls, the Coupang one behind a 050x safe number) are collected in the 작업 tab, matched to the
// sample catalogue (the API: issue 11's day proves the 매칭 sheet) and released (출고지시) in the 주문 sheet; the 합포 tab
// previews a merge group and a needs-review group, applies, undoes and applies again (one box across both malls);
// the 할당 tab previews each policy, applies 선배송, undoes and applies again; the 사은품 tab adds a gift by rule,
// undoes and adds it again; tracking numbers are typed in the 송장 sheet; the 스캔 tab refuses a wrong item and ships
// each complete box; 쇼핑몰로 송장 전송 sends, and each mall's own admin API has the number of every line.
import assert from 'node:assert/strict';
import { afterAll, describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { ALLOCATE_COLUMNS } from '../../addin/src/features/allocate/allocate-sheet.ts';
import { sampleCatalogue, ensureSampleCatalogue } from '../../server/sandbox/sample-catalogue.ts';
import { sheetRows } from '../helpers/sheet-rows.ts';
import { SKIP_WITHOUT_BROWSER } from '../helpers/browser.ts';
import { e2eSession, openWorkbench } from '../helpers/e2e-session.ts';
import { coupangMall, naverMall, type MallFixture } from '../helpers/malls.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';
import { assertPaneFits, narrowPane } from '../helpers/pane-width.ts';
import { skipWith } from '../helpers/skip.ts';

const e2e = e2eSession();
/** A row of GET /api/order-lines, the fields this day reads. */
type L = { line_id: string; order_id: string; mall_account_id: string | null; mall_line_id: string | null; mall_order_id: string } & {
  status: string;
  box_id: string | null;
  sku_code: string | null;
  quantity: number;
  tracking_number: string | null;
  product_name: string;
  option_text: string | null;
};
const SAMPLE = new Map(sampleCatalogue().map((k) => [`${k.name}|${k.option_text}`, k.code]));
const KIM = { name: '김합포', zip: '06236', address1: '서울특별시 강남구 테헤란로 152', address2: '12층' };
const PARK = { name: '박검토', zip: '03925', address2: '101동 1001호' };

const col = (id: string) => ORDER_COLUMNS.findIndex((c) => c.id === id);

describe('a desk day on both sandbox malls: merge, allocate, gift, scan, send', skipWith(SKIP_WITHOUT_BROWSER), () => {
  let malls: MallFixture<{ close(): Promise<void> }>[];
  let page: Page;
  let pane: Locator;
  const call = (method: string, path: string, body?: unknown) => e2e.server.call(method, path, body);
  const lines = async (): Promise<L[]> => (await call('GET', '/api/order-lines?reason=shipping&limit=5000')).body.items;
  const ofOrder = async (mallOrderId: string) => (await lines()).filter((l) => l.mall_order_id === mallOrderId);
  /** The mall order ids the sandbox gave each crafted order. */
  const ids = { kim: [] as string[], park: [] as string[], split: '' };
  /** The product of the two-product order that has no stock. */
  let short = '';
  const tab = (name: string) => pane.getByRole('tab', { name, exact: true }).click();
  afterAll(async () => {
    await page?.close();
    for (const m of malls ?? []) await m.sandbox.close();
  });

  it('1. crafted orders at both malls are collected in the 작업 tab, matched, and released in the 주문 sheet', async () => {
    await ensureSampleCatalogue(e2e.server.deps.db);
    malls = [await coupangMall(e2e.server), await naverMall(e2e.server)];
    const [coupang, naver] = malls.map((m) => m.admin);
    const phone = { phone: '010-2222-3333', mobile: '010-2222-3333' };
    // 김합포 twice at Naver, the numbers written two ways: one merge group. 박검토 at Naver with a mobile and at Coupang
    // behind its 050x safe number (and 서울 for 서울특별시): the same name and address, a group to review.
    ids.kim.push((await naver!.createOrders({ status: 'confirmed', recipient: { ...KIM, ...phone } }))[0].orderId);
    ids.kim.push(
      (await naver!.createOrders({ status: 'confirmed', recipient: { ...KIM, phone: '+82 10 2222 3333', mobile: '01022223333' } }))[0].orderId,
    );
    const park = { ...PARK, phone: '010-4444-5555', mobile: '010-4444-5555', address1: '서울특별시 마포구 월드컵북로 396' };
    ids.park.push((await naver!.createOrders({ status: 'confirmed', recipient: park }))[0].orderId);
    ids.park.push((await coupang!.createOrders({ status: 'confirmed', recipient: { ...PARK, address1: '서울 마포구 월드컵북로 396' } }))[0].orderId);
    // A Naver order of two products for 선배송 to split (the sandbox picks products; the first with two is taken).
    for (let i = 0; !ids.split; i++) {
      const [o] = await naver!.createOrders({
        status: 'confirmed',
        recipient: { name: `정분할${i}`, zip: '48058', address1: '부산 해운대구 센텀중앙로 79' },
      });
      if (new Set(o.productOrders.map((p: { productName: string }) => p.productName)).size > 1) ids.split = o.orderId;
    }

    ({ page, pane } = await openWorkbench(e2e));
    await narrowPane(page);
    await tab('작업');
    await pane.getByRole('button', { name: '작업 시작' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-job][data-state="succeeded"]').length === 2);
    // The two jobs end one by one: the notice names both, not only the last.
    await pane
      .getByRole('region', { name: '작업', exact: true })
      .getByTestId('notice')
      .filter({ hasText: /작업이 끝났습니다: 주문 수집/ })
      .filter({ hasText: '쿠팡' })
      .filter({ hasText: '스마트스토어' })
      .waitFor();
    const collected = await lines();
    assert.deepEqual(new Set(collected.map((l) => l.mall_account_id)), new Set(malls.map((m) => m.accountId)));
    assert.ok(collected.every((l) => l.status === 'NEW'));

    const unmatched = (await call('GET', '/api/matching/unmatched')).body.items;
    const matches = unmatched.map((g: any) => ({
      ...{ channel_key: g.channel_key, product_key: g.product_key, option_key: g.option_key },
      items: [{ sku_code: SAMPLE.get(`${g.product_name}|${g.option_text ?? ''}`)!, quantity: 1 }],
    }));
    const saved = await call('POST', '/api/matching/matches', { matches });
    assert.ok(
      saved.body.results.every((r: { result: string }) => r.result === 'saved'),
      JSON.stringify(saved.body),
    );
    assert.ok((await lines()).every((l) => l.sku_code === SAMPLE.get(`${l.product_name}|${l.option_text ?? ''}`)));

    // Stock: plenty of every SKU ordered, but none of one product of the two-product order (선배송 splits it off).
    const splitLines = await ofOrder(ids.split);
    const others = new Set((await lines()).filter((l) => l.mall_order_id !== ids.split).map((l) => l.sku_code));
    short = splitLines.map((l) => l.sku_code!).find((c) => !others.has(c))!;
    assert.ok(short, 'a product only the two-product order has');
    const stock = new Map((await call('GET', '/api/stock?warehouse=MAIN')).body.items.map((s: any) => [s.sku_code, s.on_hand]));
    for (const code of [...new Set((await lines()).map((l) => l.sku_code!)), 'CABLEC2-1']) {
      const delta = (code === short ? 0 : 50) - (stock.get(code) as number);
      if (delta) assert.equal((await call('POST', '/api/stock/adjustments', { sku_code: code, delta, reason: '입고' })).status, 201);
    }

    // 출고지시 of every row of the 주문 sheet.
    await tab('주문');
    const orders = page.getByRole('region', { name: '주문', exact: true });
    await orders.getByRole('button', { name: '주문 불러오기' }).click();
    await orders.getByRole('combobox', { name: '사유' }).click();
    await page.getByRole('option', { name: '배송 처리' }).click();
    await orders.getByRole('button', { name: '확인하고 불러오기' }).click();
    await orders.getByText(/행을 불러왔습니다/).waitFor();
    const n = (await sheetRows(page, '주문')).length;
    await page.evaluate((n) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row: 1, col: 0, rows: n, cols: 16384 }]), n);
    await orders.getByRole('combobox', { name: '선택한 행 처리' }).click();
    await page.getByRole('option', { name: '출고지시' }).click();
    await orders.getByRole('button', { name: '적용' }).click();
    await orders
      .getByTestId('notice')
      .filter({ hasText: /출고지시: 반영/ })
      .waitFor();
    assert.ok((await sheetRows(page, '주문')).every((r) => r[col('status')] === '출고대기'));
    assert.ok((await lines()).every((l) => l.status === 'READY' && l.box_id === null));
    await assertPaneFits(page, 'the 주문 tab');
  });

  const boxOf = async (mallOrderIds: string[]) => new Set((await lines()).filter((l) => mallOrderIds.includes(l.mall_order_id)).map((l) => l.box_id));

  it('2. 합포: a merge group and a review group previewed; accepted, applied, undone, applied again — one box across both malls', async () => {
    await tab('합포');
    const merged = (await lines()).filter((l) => [...ids.kim, ...ids.park].includes(l.mall_order_id)).length;
    const mergeOnce = async () => {
      await pane.getByRole('button', { name: '합포 미리보기' }).click();
      await pane.getByText(`"합포" 시트에 합포 그룹 1개, 검토 필요 1개 (${merged}줄)를 썼습니다.`).waitFor();
      const rows = await sheetRows(page, '합포');
      for (const r of rows)
        assert.deepEqual(r.slice(0, 2), ids.kim.includes(String(r[2])) ? ['M1', ''] : ['', 'R1 연락처 확인 불가 (안심번호·없음)']);
      assert.equal(rows.length, merged, 'only the two recipients are on the sheet');
      await pane.locator('[data-review="R1"]').getByRole('button', { name: '합포', exact: true }).click();
      await pane.getByRole('button', { name: '합포 적용 (그룹 2개)' }).click();
      await pane.getByText(`2개 그룹 ${merged}줄을 합포했습니다. 제외 0개.`).waitFor();
      for (const group of [ids.kim, ids.park]) assert.equal((await boxOf(group)).size, 1);
      assert.notDeepEqual(await boxOf(ids.kim), await boxOf(ids.park));
      assert.ok(![...(await boxOf(ids.park))].includes(null));
    };
    await mergeOnce();
    await assertPaneFits(page, 'the 합포 tab');
    await pane.getByRole('button', { name: '합포 되돌리기' }).click();
    await pane.getByText(`합포를 되돌렸습니다 (${merged}줄).`).waitFor();
    assert.deepEqual(await boxOf([...ids.kim, ...ids.park]), new Set([null]));
    await mergeOnce();
    const park = (await lines()).filter((l) => ids.park.includes(l.mall_order_id));
    assert.deepEqual(new Set(park.map((l) => l.mall_account_id)), new Set(malls.map((m) => m.accountId)), 'one box, both malls');
  });

  it('3. 할당: each policy previewed with its outcome; 선배송 applied, undone, applied again', async () => {
    await tab('할당');
    const orderCount = new Set((await lines()).map((l) => l.order_id)).size;
    const splitRows = async () => {
      const c = (h: string) => ALLOCATE_COLUMNS.findIndex((x) => x.header.ko === h);
      return (await sheetRows(page, '할당'))
        .filter((r) => r[c('주문번호')] === ids.split)
        .map((r) => [r[c('상품코드')], r[c('주문결과')], r[c('상품결과')]]);
    };
    const preview = async (policy: RegExp, outcome: string) => {
      await pane.getByRole('radio', { name: policy }).check();
      await pane.getByRole('button', { name: '미리보기' }).click();
      await pane.getByText(/미리보기를 "할당" 시트에 썼습니다/).waitFor();
      const summary = (await pane.getByTestId('allocate-summary').textContent())!;
      assert.match(summary, new RegExp(`^주문 ${orderCount}건: ${outcome}`));
      return summary;
    };
    await preview(/완배송/, `완전배송 ${orderCount - 1}, 부분배송 0, 미할당 1`);
    assert.ok((await splitRows()).every((r) => r[1] === '미할당'));
    await preview(/일괄배송/, `완전배송 ${orderCount - 1}, 부분배송 0, 미할당 1`);
    const summary = await preview(/선배송/, `완전배송 ${orderCount - 1}, 부분배송 1, 미할당 0`);
    assert.deepEqual(
      (await splitRows()).find((r) => r[0] === short),
      [short, '부분배송', '분리 (새 주문)'],
    );
    await assertPaneFits(page, 'the 할당 tab');

    const allocated = async () => (await call('GET', '/api/stock?warehouse=MAIN')).body.items.reduce((n: number, s: any) => n + s.allocated, 0);
    const units = (await lines()).filter((l) => l.sku_code !== short).reduce((n, l) => n + l.quantity, 0);
    await pane.getByRole('button', { name: '할당 적용' }).click();
    await pane.getByText(`할당을 적용했습니다. ${summary} 나눠진 주문 1건.`).waitFor();
    assert.equal(await allocated(), units);
    const moved = (await ofOrder(ids.split)).find((l) => l.sku_code === short)!;
    assert.equal(new Set((await ofOrder(ids.split)).map((l) => l.order_id)).size, 2, 'the short product is an order of its own');
    await pane.getByRole('button', { name: '마지막 할당 취소' }).click();
    await pane.getByText(/적용한 할당을 취소했습니다/).waitFor();
    assert.equal(await allocated(), 0);
    assert.equal(new Set((await ofOrder(ids.split)).map((l) => l.order_id)).size, 1, 'the split went back');
    await preview(/선배송/, `완전배송 ${orderCount - 1}, 부분배송 1, 미할당 0`);
    await pane.getByRole('button', { name: '할당 적용' }).click();
    await pane.getByText(/할당을 적용했습니다/).waitFor();
    assert.equal(await allocated(), units);
    assert.equal((await lines()).find((l) => l.line_id === moved.line_id)!.status, 'READY');
  });

  it('4. 사은품: a rule for 쿠팡 orders, previewed, applied, undone and applied again — the gift goes in the merged box', async () => {
    await tab('사은품');
    const form = pane.getByRole('form', { name: '새 규칙' });
    await form.getByLabel('규칙 이름').fill('쿠팡 케이블 증정');
    await form.getByLabel('사은품 상품코드').fill('CABLEC2-1');
    await form.getByLabel('판매처 (쉼표로 구분)').fill('쿠팡');
    await form.getByRole('button', { name: '규칙 저장' }).click();
    await pane.getByText('규칙 "쿠팡 케이블 증정"을 저장했습니다.').waitFor();
    await assertPaneFits(page, 'the 사은품 tab');
    const gifts = async () => {
      const ids = (await e2e.server.deps.db('order_lines').whereNotNull('gift_rule_id')).map((l: { id: string }) => l.id);
      return (await lines()).filter((l) => ids.includes(l.line_id));
    };
    const giveOnce = async () => {
      await pane.getByRole('button', { name: '미리보기' }).click();
      await pane.getByText('"사은품" 시트에 사은품 대상 주문 1건 (사은품 1개)을 적었습니다.').waitFor();
      await pane.getByRole('button', { name: '적용 (1건)' }).click();
      await pane.getByText('주문 1건에 사은품 1개를 추가했습니다.').waitFor();
      const [gift] = await gifts();
      assert.deepEqual([gift!.mall_order_id, gift!.sku_code, [...(await boxOf(ids.park))]], [ids.park[1], 'CABLEC2-1', [gift!.box_id]]);
      const sheet = await sheetRows(page, '사은품');
      assert.deepEqual([sheet.length, sheet[0]![0], sheet[0]![4], sheet[0]![7]], [1, gift!.order_id, 'CABLEC2-1', '추가됨']);
    };
    await giveOnce();
    await pane.getByRole('button', { name: '마지막 적용 취소' }).click();
    await pane.getByText('주문 1건에서 사은품 1개를 뺐습니다.').waitFor();
    assert.deepEqual(await gifts(), []);
    await giveOnce();
  });

  /** Each box's tracking number (by box id once pushed): the two merged boxes and the split order's first part. */
  const numbers = new Map<string, string>();
  it('5. 송장: a courier and each box number typed into the 주문 sheet and pushed', async () => {
    await tab('주문');
    const orders = page.getByRole('region', { name: '주문', exact: true });
    await orders.getByRole('button', { name: '주문 불러오기' }).click();
    await orders.getByText(/행을 불러왔습니다/).waitFor();
    const all = await lines();
    const rows = await sheetRows(page, '주문');
    const boxes = [...new Set(all.filter((l) => l.sku_code !== short).map((l) => l.box_id ?? l.order_id))];
    boxes.forEach((b, i) => numbers.set(b, trackingNumber(7100 + i)));
    await tab('송장');
    await page.evaluate((n) => (globalThis as any).shipsheetWorkbook.select('주문', [{ row: 1, col: 0, rows: n, cols: 16384 }]), rows.length);
    await page.getByRole('button', { name: '선택한 행에 택배사 넣기' }).click();
    await page
      .getByRole('region', { name: '송장', exact: true })
      .getByText(/CJ대한통운을 넣었습니다/)
      .waitFor();
    // The number on every row of its box, as the operator reads the boxes off the 합포 sheet.
    const edits = rows.flatMap((r, i) => {
      const l = all.find((x) => x.line_id === r[col('line_id')])!;
      const number = numbers.get(l.box_id ?? l.order_id);
      return number ? [[i + 1, col('tracking_number'), number] as const] : [];
    });
    await page.evaluate((edits) => edits.forEach(([r, c, v]) => (globalThis as any).shipsheetWorkbook.userEdit('주문', r, c, v)), edits);
    await page.getByRole('region', { name: '송장', exact: true }).getByRole('button', { name: '변경 내용 보내기' }).click();
    await page
      .getByRole('region', { name: '송장', exact: true })
      .getByTestId('notice')
      .filter({ hasText: /보낸 행/ })
      .waitFor();
    const pushed = await sheetRows(page, '주문');
    // The first row of a box numbers the whole box; the box's other rows find it numbered already (변경없음).
    for (const [r] of edits)
      assert.match(String(pushed[r - 1]![col('push_result')]), /^(반영|변경없음)$/, String(pushed[r - 1]![col('push_message')]));
    const planned = new Map(all.map((l) => [l.line_id, numbers.get(l.box_id ?? l.order_id) ?? null]));
    numbers.clear();
    for (const l of await lines()) {
      const number = planned.get(l.line_id);
      assert.deepEqual([l.tracking_number, l.status], number ? [number, 'INVOICED'] : [null, 'READY'], l.mall_order_id);
      if (number) numbers.set(l.box_id!, number);
    }
    await assertPaneFits(page, 'the 송장 tab');
  });

  it('6. 스캔: each box opened by its number, a wrong item refused, the complete box shipped', async () => {
    await tab('스캔');
    const field = pane.getByTestId('scan-input');
    const scan = async (text: string) => {
      await field.fill(text);
      await field.press('Enter');
    };
    for (const [boxId, number] of numbers) {
      const inBox = (await lines()).filter((l) => l.box_id === boxId);
      const want = new Map<string, number>();
      for (const l of inBox) want.set(l.sku_code!, (want.get(l.sku_code!) ?? 0) + l.quantity);
      await scan(number);
      for (const [code, qty] of want)
        await pane
          .getByTestId('scan-box')
          .getByText(new RegExp(`^${code} .*: 0/${qty}$`))
          .waitFor();
      const wrong = sampleCatalogue().find((k) => !want.has(k.code))!.code;
      await scan(wrong);
      await pane
        .getByRole('alert')
        .getByText(new RegExp(`${wrong}.*이 박스의 상품이 아닙니다`))
        .waitFor();
      assert.ok(
        (await lines()).filter((l) => l.box_id === boxId).every((l) => l.status === 'INVOICED'),
        'nothing ships on a wrong item',
      );
      for (const [code, qty] of want) for (let i = 0; i < qty; i++) await scan(code);
      await pane.getByTestId('scan-notice').getByText(`${number} 출고완료`).waitFor();
      assert.ok((await lines()).filter((l) => l.box_id === boxId).every((l) => l.status === 'SHIPPED'));
    }
    await assertPaneFits(page, 'the 스캔 tab');
  });

  it('7. 쇼핑몰로 송장 전송: both malls have each line’s number, the cross-mall box at both', async () => {
    await tab('송장');
    await page.getByRole('button', { name: '쇼핑몰로 송장 전송' }).click();
    await page
      .getByRole('region', { name: '송장', exact: true })
      .getByTestId('notice')
      .filter({ hasText: /전송 성공 \d+, 실패 0/ })
      .waitFor();
    const atMall = new Map<string, string | null>();
    for (const order of await malls[0]!.admin.listOrders()) for (const b of order.boxes) atMall.set(`c:${b.shipmentBoxId}`, b.invoiceNumber ?? null);
    for (const order of await malls[1]!.admin.listOrders())
      for (const p of order.productOrders) atMall.set(`n:${p.productOrderId}`, p.trackingNumber ?? null);
    const shipped = (await lines()).filter((l) => l.mall_line_id && l.status !== 'READY');
    for (const l of shipped) {
      const key = l.mall_account_id === malls[0]!.accountId ? `c:${l.mall_line_id!.split('-')[0]}` : `n:${l.mall_line_id}`;
      assert.equal(atMall.get(key), l.tracking_number, `${key} at the mall`);
    }
    const parkBox = [...(await boxOf(ids.park))][0]!;
    assert.deepEqual(
      new Set(shipped.filter((l) => l.box_id === parkBox).map((l) => l.mall_account_id)),
      new Set(malls.map((m) => m.accountId)),
      "the merged box's number reached both malls",
    );
    // The split-off part waits (READY, no number), and the mall has no number for it.
    const waiting = (await lines()).filter((l) => l.status === 'READY');
    assert.deepEqual(
      waiting.map((l) => [l.sku_code, atMall.get(`n:${l.mall_line_id}`)]),
      [[short, null]],
    );
  });
});
