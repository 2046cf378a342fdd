// Merging across mall accounts (issue 12 §1): a Coupang order and a Naver order to one recipient share a box; once
// numbered and shipped, each mall's send-invoices job sends the shared number for its own lines — the second mall is
// not skipped because the first already marked the box sent, and it is sent as a first number, not a change.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { coupangMall, naverMall, runJob, type MallFixture } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let s: TestServer;
const fixtures: MallFixture<{ close(): Promise<void> }>[] = [];
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const f of fixtures) await f.sandbox.close();
  await s.close();
});

const ordersOf = async (accountId: string) =>
  (await s.call('GET', `/api/order-lines?mall_account_id=${accountId}&limit=100`)).body.items as {
    line_id: string;
    order_id: string;
    status: string;
  }[];
const detail = async (id: string) => (await s.call('GET', `/api/orders/${id}`)).body;

/** A Coupang order and a Naver order to one recipient, merged into one box, numbered and shipped. */
async function sharedBox(number: string) {
  const coupang = await coupangMall(s, { initialOrders: 0 });
  const naver = await naverMall(s, { initialOrders: 0 });
  fixtures.push(coupang, naver);
  const orderIds: string[] = [];
  for (const mall of [coupang, naver]) {
    await mall.admin.createOrders({ count: 1, status: 'confirmed' });
    const { job } = await runJob(s, 'collect', mall.accountId);
    assert.equal(job.state, 'succeeded', job.error);
    const [line] = await ordersOf(mall.accountId);
    if (line!.status === 'PAID') await runJob(s, 'confirm', mall.accountId);
    orderIds.push(line!.order_id);
  }
  // One recipient for both (the sandboxes invent their own): the same name, address and mobile, no phone.
  await s.deps.db('orders').whereIn('id', orderIds).update({
    recipient_name: '한고객',
    recipient_phone: null,
    recipient_mobile: '010-7777-8888',
    recipient_zip: '06236',
    recipient_address1: '서울 강남구 테헤란로 1',
    recipient_address2: '1층',
  });
  const released = await s.call('POST', '/api/transitions', {
    action: 'release',
    items: await Promise.all(orderIds.map(async (id) => ({ id, version: (await detail(id)).version }))),
  });
  assert.equal(released.body.applied, 2, JSON.stringify(released.body));

  const preview = (await s.call('POST', '/api/merge/preview')).body;
  const group = preview.groups.find((g: { orders: { id: string }[] }) => g.orders.every((o) => orderIds.includes(o.id)) && g.orders.length === 2);
  assert.ok(group, JSON.stringify(preview.groups));
  const applied = await s.call('POST', '/api/merge/apply', { groups: [{ orders: group.orders }] });
  assert.equal(applied.status, 200, JSON.stringify(applied.body));

  const first = await detail(orderIds[0]!);
  const numbered = await s.call('POST', '/api/transitions', {
    action: 'set_invoice',
    courier: 'CJ',
    tracking_number: number,
    items: [{ id: first.id, version: first.version }],
  });
  assert.equal(numbered.body.applied, 1, JSON.stringify(numbered.body));
  const shipped = await s.call('POST', '/api/transitions', {
    action: 'ship',
    items: await Promise.all(orderIds.map(async (id) => ({ id, version: (await detail(id)).version }))),
  });
  assert.equal(shipped.body.applied, 2, JSON.stringify(shipped.body));
  return { coupang, naver };
}

/** The numbers a sandbox mall holds for its (only) order. */
async function numbersAt(mall: MallFixture<{ close(): Promise<void> }>, kind: 'coupang' | 'naver'): Promise<(string | null)[]> {
  const [order] = await mall.admin.listOrders();
  return kind === 'coupang'
    ? order.boxes.map((b: { invoiceNumber: string | null }) => b.invoiceNumber || null)
    : order.productOrders.map((p: { trackingNumber: string | null }) => p.trackingNumber);
}

describe('merge across mall accounts', () => {
  it('a box with a Coupang and a Naver line is sent to each mall for its own line', async () => {
    const { coupang, naver } = await sharedBox('801234567895');
    for (const mall of [coupang, naver]) {
      const { job, results } = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(job.state, 'succeeded', JSON.stringify(results));
      assert.equal(job.total, 1, `${mall.accountId}: its line of the shared box is sent`);
      const [line] = await ordersOf(mall.accountId);
      assert.equal(line!.status, 'IN_TRANSIT');
    }
    const again = await runJob(s, 'send_invoices', naver.accountId);
    assert.equal(again.job.total, 0, 'nothing is sent twice');
  });

  // One mall took the shared number; the other refused it once (down, a fault): the box is marked failed. Its retry
  // is still that mall's first number, not a change of one it has (Naver has no change call, Coupang's 송장수정
  // needs a number there), so it goes through once the mall is back.
  for (const [firstKind, secondKind, path] of [
    ['coupang', 'naver', '/product-orders/dispatch'],
    ['naver', 'coupang', '/orders/invoices'],
  ] as const) {
    it(`${firstKind} took the shared number, ${secondKind} refused it once: the retry sends it to ${secondKind} as a first number`, async () => {
      const number = secondKind === 'naver' ? '801234567906' : '801234567910';
      const malls = await sharedBox(number);
      const first = malls[firstKind];
      const second = malls[secondKind];
      assert.equal((await runJob(s, 'send_invoices', first.accountId)).job.state, 'succeeded');

      await second.admin.addFaults([{ kind: 'status', status: 400, path }]);
      const refused = await runJob(s, 'send_invoices', second.accountId);
      assert.equal(refused.results[0].result, 'failed', JSON.stringify(refused.results));
      assert.deepEqual(await numbersAt(second, secondKind), [null]);

      const retry = await runJob(s, 'send_invoices', second.accountId);
      assert.equal(retry.job.state, 'succeeded', JSON.stringify(retry.results));
      assert.deepEqual(await numbersAt(second, secondKind), [number]);
      assert.deepEqual(await numbersAt(first, firstKind), [number]);
      for (const mall of [first, second]) assert.equal((await ordersOf(mall.accountId))[0]!.status, 'IN_TRANSIT');
      assert.equal((await runJob(s, 'send_invoices', second.accountId)).job.total, 0, 'nothing is sent twice');
    });
  }

  it('renumbered while Coupang took the old number: Naver gets the new one as its first (it had none), Coupang then changes to it', async () => {
    const { coupang, naver } = await sharedBox('801234567921');
    const renumbered = '801234567932';
    // Coupang sits on the job's request while the operator corrects the shared box's number.
    await coupang.admin.addFaults([{ kind: 'delay', ms: 1500, path: '/orders/invoices', count: 1 }]);
    const running = runJob(s, 'send_invoices', coupang.accountId);
    await waitFor('the number at Coupang', async () => ((await coupang.admin.listFaults()).length === 0 ? true : undefined));
    const [line] = await ordersOf(coupang.accountId);
    const order = await detail(line!.order_id);
    const changed = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      overwrite: true,
      reason: '번호 오기',
      items: [{ id: order.id, version: order.version, tracking_number: renumbered }],
    });
    assert.equal(changed.body.applied, 1, JSON.stringify(changed.body));
    const first = await running;
    assert.deepEqual([first.results[0].result, first.results[0].code], ['failed', 'number_changed'], JSON.stringify(first.results));
    assert.deepEqual(await numbersAt(coupang, 'coupang'), ['801234567921']);

    // Naver never had a number of this box: the new one is its first (it was sent as a change, which Naver refuses).
    const atNaver = await runJob(s, 'send_invoices', naver.accountId);
    assert.equal(atNaver.job.state, 'succeeded', JSON.stringify(atNaver.results));
    assert.deepEqual(await numbersAt(naver, 'naver'), [renumbered]);
    // Coupang has the old one: its next send changes it.
    const atCoupang = await runJob(s, 'send_invoices', coupang.accountId);
    assert.equal(atCoupang.job.state, 'succeeded', JSON.stringify(atCoupang.results));
    assert.deepEqual(await numbersAt(coupang, 'coupang'), [renumbered]);
    for (const mall of [coupang, naver]) assert.equal((await ordersOf(mall.accountId))[0]!.status, 'IN_TRANSIT');
  });
});
