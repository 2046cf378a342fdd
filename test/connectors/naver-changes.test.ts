// listChanges against the Naver sandbox over loopback HTTP: claims, deliveries and purchase decisions made through
// the admin API come back as lifecycle statuses (mall-apis.md §4) with claim details.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { RetryPolicy } from '../../server/connectors/http.ts';
import { createNaverConnector } from '../../server/connectors/naver/naver.connector.ts';
import type { MallChange } from '../../server/connectors/types.ts';
import { naverSandboxAdmin, type AdminOrder } from '../../server/sandbox/naver/admin-client.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';

const CLIENT_ID = '3vJ9kLmQ2xR7tYc1NpW4sA';
const SECRET = '$2a$04$yRlwyVTs4QW/Ponr6vja0O';
const FAST: RetryPolicy = { retries: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5000, maxRetryAfterMs: 2000 };

describe('naver listChanges', () => {
  let sandbox: NaverSandbox;
  const admin = () => naverSandboxAdmin(sandbox.url);
  const connector = () => createNaverConnector({ baseUrl: sandbox.url, credentials: { client_id: CLIENT_ID, client_secret: SECRET }, retry: FAST });

  beforeAll(async () => {
    sandbox = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, seed: 5 });
  });
  afterAll(() => sandbox.close());

  it('reports cancels, returns, exchanges, deliveries and purchase decisions made after the window start', async () => {
    const orders = (await admin().createOrders({ count: 30, status: 'confirmed' })).filter((o) => o.productOrders.length === 1).slice(0, 11);
    assert.equal(orders.length, 11);
    const [cancelReq, cancelDone, withdrawn, returnReq, returnDone, exchangeReq, exchangeDone, delivered, decided, moving, quiet] = orders as [
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
      AdminOrder,
    ];
    const c = connector();
    const shipped = [returnReq, returnDone, exchangeReq, exchangeDone, delivered, decided, moving, quiet];
    const sent = await c.sendInvoices(
      shipped.map((o, i) => ({
        boxId: `b${i}`,
        courier: 'CJ',
        trackingNumber: String(512345678900 + i),
        lines: [
          {
            lineId: `l${i}`,
            mallLineId: o.productOrders[0]!.productOrderId,
            mallShipmentId: null,
            mallOrderId: o.orderId,
            mallProductId: null,
            mallOptionId: null,
          },
        ],
      })),
    );
    assert.deepEqual(
      sent.filter((o) => !o.ok),
      [],
    );

    await new Promise((resolve) => setTimeout(resolve, 5));
    const windowStart = new Date();
    await admin().event(cancelReq.orderId, 'buyer_cancel');
    await admin().event(cancelDone.orderId, 'buyer_cancel');
    await admin().event(cancelDone.orderId, 'cancel_complete');
    await admin().event(withdrawn.orderId, 'buyer_cancel');
    await admin().event(withdrawn.orderId, 'claim_withdraw');
    await admin().event(returnReq.orderId, 'return_request');
    await admin().event(returnDone.orderId, 'deliver');
    await admin().event(returnDone.orderId, 'return_request');
    await admin().event(returnDone.orderId, 'return_complete');
    await admin().event(exchangeReq.orderId, 'exchange_request');
    await admin().event(exchangeDone.orderId, 'exchange_request');
    await admin().event(exchangeDone.orderId, 'exchange_complete');
    await admin().event(delivered.orderId, 'in_transit');
    await admin().event(delivered.orderId, 'deliver');
    await admin().event(decided.orderId, 'deliver');
    await admin().event(decided.orderId, 'purchase_confirm');
    await admin().event(moving.orderId, 'in_transit');

    const changes = await c.listChanges({ from: windowStart.toISOString(), to: new Date(Date.now() + 1000).toISOString() });
    const byOrder = new Map<string, MallChange>(changes.map((ch) => [ch.mallOrderId, ch]));
    assert.equal(changes.length, 10, 'one change per product order touched in the window; `quiet` is not one');
    assert.equal(byOrder.has(quiet.orderId), false);

    const expect = (order: AdminOrder, status: string, mallStatus: string, claim?: MallChange['claim'] | 'any') => {
      const change = byOrder.get(order.orderId);
      assert.ok(change, `no change for ${order.orderId}`);
      assert.equal(change.mallLineId, order.productOrders[0]!.productOrderId);
      assert.equal(change.status, status, order.orderId);
      assert.equal(change.mallStatus, mallStatus);
      assert.ok(Date.parse(change.changedAt) >= windowStart.getTime(), change.changedAt);
      assert.match(change.changedAt, /Z$/);
      if (claim === undefined) assert.equal(change.claim, undefined);
      return change;
    };
    const claimOf = (order: AdminOrder) => sandbox.store.productOrders.get(order.productOrders[0]!.productOrderId)!.claim!;
    const quantityOf = (order: AdminOrder) => order.productOrders[0]!.quantity;

    const cancel = expect(cancelReq, 'CANCEL_REQUESTED', 'PAYED/OK/CANCEL_REQUEST', 'any');
    assert.deepEqual(cancel.claim, {
      type: 'cancel',
      state: 'requested',
      mallClaimId: claimOf(cancelReq).claimId,
      // The seller centre's words for the code, then the buyer's own.
      reason: '구매 의사 취소 / 구매자 요청',
      quantity: quantityOf(cancelReq),
    });
    assert.match(cancel.claim!.mallClaimId!, /^\d{16}$/);
    assert.deepEqual(expect(cancelDone, 'CANCELED', 'CANCELED/CANCEL_DONE', 'any').claim?.state, 'completed');
    const back = expect(withdrawn, 'NEW', 'PAYED/OK/CANCEL_REJECT', 'any');
    assert.deepEqual([back.claim?.type, back.claim?.state], ['cancel', 'withdrawn']);
    const ret = expect(returnReq, 'RETURN_REQUESTED', 'DELIVERING/RETURN_REQUEST', 'any');
    assert.deepEqual(ret.claim, {
      type: 'return',
      state: 'requested',
      mallClaimId: claimOf(returnReq).claimId,
      reason: '단순 변심 / 구매자 요청',
      quantity: quantityOf(returnReq),
    });
    assert.deepEqual(expect(returnDone, 'RETURNED', 'RETURNED/RETURN_DONE', 'any').claim?.state, 'completed');
    assert.deepEqual(
      expect(exchangeReq, 'EXCHANGE_REQUESTED', 'DELIVERING/EXCHANGE_REQUEST', 'any').claim?.reason,
      '색상 및 사이즈 변경 / 구매자 요청',
    );
    assert.deepEqual(expect(exchangeDone, 'EXCHANGED', 'EXCHANGED/EXCHANGE_DONE', 'any').claim?.state, 'completed');
    expect(delivered, 'DELIVERED', 'DELIVERED');
    expect(decided, 'PURCHASE_CONFIRMED', 'PURCHASE_DECIDED');
    expect(moving, 'IN_TRANSIT', 'DELIVERING/DELIVERING');
  });

  it('a dispatched product order the courier has not scanned yet reads as SHIPPED', async () => {
    const windowStart = new Date();
    const [order] = await admin().createOrders({ count: 1 });
    const po = order!.productOrders[0]!;
    await connector().sendInvoices([
      {
        boxId: 'b',
        courier: 'HANJIN',
        trackingNumber: '123456789012',
        lines: order!.productOrders.map((p) => ({
          lineId: p.productOrderId,
          mallLineId: p.productOrderId,
          mallShipmentId: null,
          mallOrderId: order!.orderId,
          mallProductId: null,
          mallOptionId: null,
        })),
      },
    ]);
    const changes = await connector().listChanges({ from: windowStart.toISOString(), to: new Date(Date.now() + 1000).toISOString() });
    const change = changes.find((ch) => ch.mallLineId === po.productOrderId);
    assert.deepEqual([change?.status, change?.mallStatus], ['SHIPPED', 'DELIVERING']);
  });
});
