// The status board (issue 13 §3): each count equals what GET /api/order-lines lists with the count's own filter, the
// new filters select what they say, "new since your last pull" restarts with each pull into a sheet, and the mall
// mismatch filter agrees with GET /api/mall-accounts/:id/mismatches.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let account: string;
beforeAll(async () => {
  s = await startTestServer();
  const created = await s.call('POST', '/api/mall-accounts', {
    mall_type: 'coupang',
    display_name: '쿠팡 본점',
    credentials: {
      vendor_id: 'A00012345',
      access_key: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      secret_key: 'cp-secret-7f3a9b2c4d5e6f708192a3b4c5d6e7f8',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  account = created.body.id;
});
afterAll(() => s.close());

/** One mall line of this account in `status`; answers its line id. */
async function line(status: string, patch: Record<string, unknown> = {}): Promise<string> {
  const o = await makeOrder(s.deps.db, { status, mallAccountId: account });
  const id = o.lineIds[0]!;
  if (Object.keys(patch).length) await s.deps.db('order_lines').where({ id }).update(patch);
  return id;
}

/** Every line id GET /api/order-lines lists with this filter (all pages). */
async function listed(filter: Record<string, string>, token?: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ ...filter, limit: '2', ...(cursor ? { cursor } : {}) });
    const res = await s.call('GET', `/api/order-lines?${query}`, undefined, token ? { token } : {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
    ids.push(...res.body.items.map((i: { line_id: string }) => i.line_id));
    cursor = res.body.next_cursor;
  } while (cursor);
  return ids.sort();
}

async function board(token?: string) {
  const res = await s.call('GET', '/api/board', undefined, token ? { token } : {});
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { counts: { id: string; count: number; filter: Record<string, string> }[]; last_pull_at: string | null };
}

describe('status board', () => {
  it('each count is the number of lines its filter lists, and the filters select the lines they name', async () => {
    const fx = {
      paid: await line('PAID'),
      waiting: await line('NEW'),
      invoiced: await line('INVOICED'),
      notSent: await line('SHIPPED'),
      failed: await line('SHIPPED'),
      sent: await line('SHIPPED'),
      cancel: await line('CANCEL_REQUESTED'),
      ret: await line('RETURN_REQUESTED'),
      exchange: await line('EXCHANGE_REQUESTED'),
      held: await line('READY'),
      unmatched: await line('NEW', { unmatched: true }),
      soldOut: await line('READY', { sold_out: true }),
      soldOutCanceled: await line('CANCELED', { sold_out: true }),
      canceledInFailedBox: await line('CANCELED'),
      claimAtMall: await line('READY', { mall_status: 'CANCEL', mall_implied_status: 'CANCEL_REQUESTED', mall_status_at: new Date().toISOString() }),
      pastAtMall: await line('SHIPPED', { mall_status: 'DELIVERING', mall_implied_status: 'IN_TRANSIT', mall_status_at: new Date().toISOString() }),
      behind: await line('IN_TRANSIT', { mall_status: 'FINAL_DELIVERY', mall_implied_status: 'DELIVERED', mall_status_at: new Date().toISOString() }),
      deletedWaiting: await line('NEW'),
    };
    await putInBox(s.deps.db, [fx.notSent, fx.pastAtMall], { tracking: '123456789012' });
    // A canceled line stays in its box's record; the box's failed send is not its own (it is not counted there).
    const failedBox = await putInBox(s.deps.db, [fx.failed, fx.canceledInFailedBox], { tracking: '223456789012' });
    await s.deps.db('boxes').where({ id: failedBox }).update({ send_status: 'failed', send_error: '송장번호 형식 오류' });
    const sentBox = await putInBox(s.deps.db, [fx.sent], { tracking: '323456789012' });
    await s.deps.db('boxes').where({ id: sentBox }).update({ send_status: 'sent' });
    const heldOrder = (await s.deps.db('order_lines').where({ id: fx.held }).first()).order_id;
    await s.deps.db('orders').where({ id: heldOrder }).update({ hold: true, hold_reason: '주소 확인' });
    const deletedOrder = (await s.deps.db('order_lines').where({ id: fx.deletedWaiting }).first()).order_id;
    await s.deps.db('orders').where({ id: deletedOrder }).update({ deleted_at: new Date().toISOString() });

    const viewer = await s.tokenFor('viewer');
    const { counts } = await board(viewer);
    const expected: Record<string, string[]> = {
      // Never pulled: every mall line not deleted is new to this viewer.
      new_since_pull: Object.entries(fx)
        .filter(([k]) => k !== 'deletedWaiting')
        .map(([, id]) => id),
      waiting_confirm: [fx.paid],
      waiting_release: [fx.waiting, fx.unmatched],
      // Released and free to ship: not the held or sold-out ones.
      waiting_number: [fx.claimAtMall],
      invoiced: [fx.invoiced],
      // pastAtMall is shipped in a box not sent yet too.
      shipped_not_sent: [fx.notSent, fx.failed, fx.pastAtMall],
      send_failed: [fx.failed],
      cancel_requested: [fx.cancel],
      return_requested: [fx.ret],
      exchange_requested: [fx.exchange],
      hold: [fx.held],
      unmatched: [fx.unmatched],
      sold_out: [fx.soldOut],
      mismatch: [fx.claimAtMall, fx.pastAtMall],
    };
    // Every count, in the board's order, and each selects exactly the lines it names.
    assert.deepEqual(
      counts.map((c) => c.id),
      Object.keys(expected),
    );
    for (const c of counts) {
      const ids = await listed(c.filter, viewer);
      assert.equal(c.count, ids.length, `${c.id}: count ${c.count}, listed ${ids.length}`);
      assert.deepEqual(ids, [...expected[c.id]!].sort(), c.id);
    }
  });

  it('the mismatch filter lists the lines GET /api/mall-accounts/:id/mismatches reports', async () => {
    const viewer = await s.tokenFor('viewer');
    const res = await s.call('GET', `/api/mall-accounts/${account}/mismatches`, undefined, { token: viewer });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.items.length >= 2);
    const reported = res.body.items.map((i: { line_id: string }) => i.line_id).sort();
    assert.deepEqual(await listed({ mismatch: 'true', mall_account_id: account }, viewer), reported);
    const item = res.body.items.find((i: { mall_implied_status: string }) => i.mall_implied_status === 'CANCEL_REQUESTED');
    assert.deepEqual([item.status, item.mall_status], ['READY', 'CANCEL']);
    assert.deepEqual(res.body.pending_changes, []);
    const unknown = await s.call('GET', '/api/mall-accounts/acc_nope/mismatches', undefined, { token: viewer });
    assert.equal(unknown.status, 404);
  });

  it('"new since your last pull" restarts when this user pulls into a sheet, not for others, and not on the plain list', async () => {
    const operator = await s.tokenFor('operator');
    const newCount = async (token: string) => (await board(token)).counts.find((c) => c.id === 'new_since_pull')!;
    await s.call('GET', '/api/order-lines?limit=1&reason=shipping', undefined, { token: operator });
    assert.ok((await newCount(operator)).count > 0, 'the list view is not a pull into a sheet');
    const pulled = await s.call('GET', '/api/order-lines/columns?limit=1&reason=shipping', undefined, { token: operator });
    assert.equal(pulled.status, 200, JSON.stringify(pulled.body));
    const after = await board(operator);
    assert.ok(after.last_pull_at);
    assert.equal(after.counts.find((c) => c.id === 'new_since_pull')!.count, 0);
    const fresh = await line('PAID');
    await makeOrder(s.deps.db, { status: 'NEW', source: 'direct', channelKind: 'direct' });
    const now = await newCount(operator);
    assert.deepEqual([now.count, await listed(now.filter, operator)], [1, [fresh]]);
    // The admin never pulled: every line is still new to them.
    assert.ok((await newCount(await s.tokenFor('admin'))).count > 1);
  });

  it('the new filters are checked and named, and work on the orders list too', async () => {
    const bad = await s.call('GET', '/api/order-lines?send_status=lost');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'send_status.0');
    const since = await s.call('GET', '/api/order-lines?created_since=yesterday');
    assert.equal(since.body.error.details[0].field, 'created_since');
    const failedLines = await listed({ send_status: 'failed' });
    const orders = await s.call('GET', '/api/orders?send_status=failed');
    assert.equal(orders.status, 200, JSON.stringify(orders.body));
    const lineOrders = await s.deps.db('order_lines').whereIn('id', failedLines).pluck('order_id');
    assert.deepEqual(orders.body.items.map((o: { id: string }) => o.id).sort(), [...new Set(lineOrders)].sort());
  });
});
