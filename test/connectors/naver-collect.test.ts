// listNewOrders against the Naver sandbox over loopback HTTP: mapping, filtering, `more` paging, 24 h windows,
// /query chunks.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { RetryPolicy } from '../../server/connectors/http.ts';
import { createNaverConnector } from '../../server/connectors/naver/naver.connector.ts';
import { naverSandboxAdmin, type AdminOrder } from '../../server/sandbox/naver/admin-client.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';

const CLIENT_ID = '3vJ9kLmQ2xR7tYc1NpW4sA';
const SECRET = '$2a$04$yRlwyVTs4QW/Ponr6vja0O';
const FAST: RetryPolicy = { retries: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5000, maxRetryAfterMs: 2000 };
const HOUR = 3600_000;
const LAST_CHANGED = '/v1/pay-order/seller/product-orders/last-changed-statuses';
const QUERY = '/v1/pay-order/seller/product-orders/query';

const lastHour = () => ({ from: new Date(Date.now() - HOUR).toISOString(), to: new Date(Date.now() + 1000).toISOString() });

describe('naver listNewOrders', () => {
  let sandbox: NaverSandbox;
  const admin = () => naverSandboxAdmin(sandbox.url);
  const connector = () => createNaverConnector({ baseUrl: sandbox.url, credentials: { client_id: CLIENT_ID, client_secret: SECRET }, retry: FAST });
  const requestsTo = (path: string) => sandbox.store.requests.filter((r) => r.path === path);

  beforeAll(async () => {
    sandbox = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, seed: 7 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => admin().reset());

  it('maps product orders to one order per orderId with Naver ids as text', async () => {
    const paid = await admin().createOrders({ count: 30, status: 'paid' });
    const confirmed = await admin().createOrders({ count: 5, status: 'confirmed' });
    const orders = await connector().listNewOrders(lastHour());
    assert.equal(orders.length, 35);

    const multi = paid.find((o) => o.productOrders.length > 1);
    assert.ok(multi, 'the sample data has an order with several items');
    const mapped = orders.find((o) => o.mallOrderId === multi.orderId)!;
    assert.deepEqual(mapped.lines.map((l) => l.mallLineId).sort(), multi.productOrders.map((p) => p.productOrderId).sort());
    const packageNumber = multi.productOrders[0]!.packageNumber;
    assert.match(packageNumber ?? '', /^\d{16}$/);
    assert.ok(
      mapped.lines.every((l) => l.mallShipmentId === packageNumber),
      'lines carry the packageNumber',
    );

    const single = paid.find((o) => o.productOrders.length === 1)!;
    const one = orders.find((o) => o.mallOrderId === single.orderId)!;
    assert.equal(one.lines[0]!.mallShipmentId, null);

    const sandboxPo = sandbox.store.productOrders.get(one.lines[0]!.mallLineId)!;
    assert.match(one.mallOrderId, /^\d{16}$/);
    assert.match(one.lines[0]!.mallLineId, /^\d{16}$/);
    assert.deepEqual(one.recipient, {
      name: sandboxPo.shippingAddress.name,
      phone: sandboxPo.shippingAddress.tel1,
      mobile: sandboxPo.shippingAddress.tel2,
      zip: sandboxPo.shippingAddress.zipCode,
      address1: sandboxPo.shippingAddress.baseAddress,
      address2: sandboxPo.shippingAddress.detailedAddress,
    });
    assert.match(one.recipient.phone ?? '', /^050\d-\d{4}-\d{4}$/, 'tel1 is a 050x safe number');
    assert.match(one.recipient.mobile ?? '', /^010-/);
    const order = sandbox.store.orders.get(one.mallOrderId)!;
    assert.deepEqual(one.orderer, { name: order.ordererName, phone: order.ordererTel, email: null });
    assert.equal(one.paidAt, new Date(order.paymentDate).toISOString());
    assert.equal(one.orderedAt, new Date(order.orderDate).toISOString());
    assert.deepEqual(one.lines[0], {
      mallLineId: sandboxPo.productOrderId,
      mallShipmentId: null,
      mallProductId: sandboxPo.productId,
      mallOptionId: sandboxPo.optionCode,
      productName: sandboxPo.productName,
      optionText: sandboxPo.productOption,
      quantity: sandboxPo.quantity,
      unitPrice: sandboxPo.unitPrice,
      amount: sandboxPo.totalPaymentAmount,
      mallStatus: 'PAYED/NOT_YET',
      status: 'PAID',
    });
    assert.equal(one.shippingFee, sandboxPo.deliveryFeeAmount);

    for (const c of confirmed) {
      const lines = orders.find((o) => o.mallOrderId === c.orderId)!.lines;
      assert.ok(
        lines.every((l) => l.status === 'NEW' && l.mallStatus === 'PAYED/OK'),
        JSON.stringify(lines),
      );
    }
  });

  it('leaves out cancelled, claimed and dispatched product orders, keeps withdrawn claims', async () => {
    const created = await admin().createOrders({ count: 6, status: 'confirmed' });
    const [cancelled, cancelRequested, withdrawn, dispatched, partly] = [0, 1, 2, 3, 4].map((i) => created[i]!) as [
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
    ];
    await admin().event(cancelled.orderId, 'buyer_cancel');
    await admin().event(cancelled.orderId, 'cancel_complete');
    await admin().event(cancelRequested.orderId, 'buyer_cancel');
    await admin().event(withdrawn.orderId, 'buyer_cancel');
    await admin().event(withdrawn.orderId, 'claim_withdraw');
    const c = connector();
    const sent = await c.sendInvoices([
      {
        boxId: 'box-1',
        courier: 'CJ',
        trackingNumber: '412345678901',
        lines: dispatched.productOrders.map((p) => ({
          lineId: p.productOrderId,
          mallLineId: p.productOrderId,
          mallShipmentId: null,
          mallOrderId: dispatched.orderId,
          mallProductId: null,
          mallOptionId: null,
        })),
      },
    ]);
    assert.equal(sent[0]!.ok, true, JSON.stringify(sent));
    // An order with one cancelled item and others still to ship keeps only the others.
    const extra = (await admin().createOrders({ count: 40 })).find((o) => o.productOrders.length > 1)!;
    await admin().event(extra.orderId, 'buyer_cancel', extra.productOrders[0]!.productOrderId);

    const orders = await c.listNewOrders(lastHour());
    const ids = new Set(orders.map((o) => o.mallOrderId));
    assert.equal(ids.has(cancelled.orderId), false, 'cancelled before collection');
    assert.equal(ids.has(cancelRequested.orderId), false, 'cancel requested');
    assert.equal(ids.has(dispatched.orderId), false, 'already dispatched');
    assert.equal(ids.has(withdrawn.orderId), true, 'claim withdrawn: back to waiting');
    assert.equal(ids.has(partly.orderId), true);
    const rest = orders.find((o) => o.mallOrderId === extra.orderId)!;
    assert.deepEqual(
      rest.lines.map((l) => l.mallLineId),
      extra.productOrders.slice(1).map((p) => p.productOrderId),
    );
  });

  it('follows `more` pages and /query chunks, each order exactly once', async () => {
    while (sandbox.store.productOrders.size < 700) await admin().createOrders({ count: 150 });
    // Extra change-log rows for some product orders: they must not make duplicates.
    const all = await admin().listOrders();
    for (const order of all.slice(0, 5)) {
      await admin().event(order.orderId, 'buyer_cancel');
      await admin().event(order.orderId, 'claim_withdraw');
    }
    const poCount = sandbox.store.productOrders.size;
    const changeCount = sandbox.store.changes.length;
    assert.ok(changeCount > poCount, 'more change rows than product orders');

    const orders = await connector().listNewOrders(lastHour());
    assert.equal(orders.length, all.length);
    assert.equal(new Set(orders.map((o) => o.mallOrderId)).size, all.length, 'each order once');
    const lineIds = orders.flatMap((o) => o.lines.map((l) => l.mallLineId));
    assert.equal(lineIds.length, poCount);
    assert.equal(new Set(lineIds).size, poCount, 'each product order once');

    const pages = requestsTo(LAST_CHANGED);
    assert.equal(pages.length, Math.ceil(changeCount / 300));
    assert.ok(
      pages.every((p) => p.query.limitCount === '300'),
      'limitCount 300',
    );
    assert.equal(pages[0]!.query.moreSequence, undefined);
    for (const page of pages.slice(1)) assert.match(page.query.moreSequence ?? '', /^\d+$/, 'later pages carry moreSequence');
    // Details are asked 300 product orders at most at a time, and an order's product orders always in one query (the
    // collect job stores a query's orders whole): a query ends early rather than split an order.
    const queries = requestsTo(QUERY).map((r) => (r.body as { productOrderIds: string[] }).productOrderIds);
    assert.ok(
      queries.every((ids) => ids.length <= 300),
      'at most 300 per query',
    );
    assert.equal(queries.flat().length, poCount, 'every product order asked once');
    assert.ok(queries.length <= Math.ceil(poCount / 300) + 1, `few queries: ${queries.map((q) => q.length)}`);
    const orderOf = new Map(orders.flatMap((o) => o.lines.map((l) => [l.mallLineId, o.mallOrderId] as const)));
    const queryOfOrder = new Map<string, number>();
    queries.forEach((ids, i) =>
      ids.forEach((id) => {
        const order = orderOf.get(id)!;
        assert.equal(queryOfOrder.get(order) ?? i, i, `order ${order} split across queries`);
        queryOfOrder.set(order, i);
      }),
    );
  });

  it('asks for a 3-day window in 24-hour pieces with KST offsets sent as %2B', async () => {
    const now = Date.now();
    for (const hoursAgo of [60, 36, 12]) await admin().createOrders({ count: 1, paidAt: new Date(now - hoursAgo * HOUR).toISOString() });
    await admin().createOrders({ count: 1, paidAt: new Date(now - 80 * HOUR).toISOString() });
    const from = now - 72 * HOUR;
    const orders = await connector().listNewOrders({ from: new Date(from).toISOString(), to: new Date(now).toISOString() });
    assert.equal(orders.length, 3, 'the order paid 80 h ago is outside the window');

    const pieces = requestsTo(LAST_CHANGED).map((r) => ({ from: r.query.lastChangedFrom!, to: r.query.lastChangedTo! }));
    assert.equal(pieces.length, 3);
    for (const piece of pieces) {
      // The sandbox logs decoded values: a `+` sent raw would have arrived as a space.
      assert.match(piece.from, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/);
      assert.match(piece.to, /\+09:00$/);
      assert.ok(Date.parse(piece.to) - Date.parse(piece.from) <= 24 * HOUR, `${piece.from} – ${piece.to}`);
    }
    assert.equal(Date.parse(pieces[0]!.from), from);
    assert.equal(Date.parse(pieces[2]!.to), now);
    assert.equal(pieces[1]!.from, pieces[0]!.to);
    assert.equal(pieces[2]!.from, pieces[1]!.to);
  });
});
