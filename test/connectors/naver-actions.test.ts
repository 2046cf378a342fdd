// confirm and sendInvoices against the Naver sandbox over loopback HTTP: batch sizes, per-line and per-box
// results, Korean messages, harmless re-sends.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { RetryPolicy } from '../../server/connectors/http.ts';
import { createNaverConnector } from '../../server/connectors/naver/naver.connector.ts';
import type { ConfirmTarget, InvoiceTarget } from '../../server/connectors/types.ts';
import { naverSandboxAdmin, type AdminOrder } from '../../server/sandbox/naver/admin-client.ts';
import { startNaverSandbox, type NaverSandbox } from '../../server/sandbox/naver/naver.sandbox.ts';
import { render, type Text } from '../../shared/i18n.ts';

/** A connector's text as a Korean operator reads it. */
const said = (text: Text | undefined) => (text === undefined ? '' : render(text, 'ko'));

const CLIENT_ID = '3vJ9kLmQ2xR7tYc1NpW4sA';
const SECRET = '$2a$04$yRlwyVTs4QW/Ponr6vja0O';
const FAST: RetryPolicy = { retries: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 5000, maxRetryAfterMs: 2000 };
const CONFIRM = '/v1/pay-order/seller/product-orders/confirm';
const DISPATCH = '/v1/pay-order/seller/product-orders/dispatch';
const HANGUL = /[가-힣]/;

const confirmTarget = (order: AdminOrder, productOrderId: string): ConfirmTarget => ({
  lineId: `line-${productOrderId}`,
  mallLineId: productOrderId,
  mallShipmentId: null,
  mallOrderId: order.orderId,
});

function box(boxId: string, courier: string, trackingNumber: string, ...orders: AdminOrder[]): InvoiceTarget {
  return {
    boxId,
    courier,
    trackingNumber,
    lines: orders.flatMap((o) =>
      o.productOrders.map((p) => ({
        lineId: `line-${p.productOrderId}`,
        mallLineId: p.productOrderId,
        mallShipmentId: p.packageNumber,
        mallOrderId: o.orderId,
        mallProductId: null,
        mallOptionId: null,
      })),
    ),
  };
}

const recipientKey = (o: AdminOrder) => {
  const r = o.productOrders[0]!.recipient;
  return `${r.name}|${r.zipCode}|${r.baseAddress}|${r.detailedAddress}`;
};

describe('naver confirm and sendInvoices', () => {
  let sandbox: NaverSandbox;
  const admin = () => naverSandboxAdmin(sandbox.url);
  const connector = () => createNaverConnector({ baseUrl: sandbox.url, credentials: { client_id: CLIENT_ID, client_secret: SECRET }, retry: FAST });
  const bodiesTo = (path: string) => sandbox.store.requests.filter((r) => r.path === path).map((r) => r.body as Record<string, unknown[]>);

  beforeAll(async () => {
    sandbox = await startNaverSandbox({ clientId: CLIENT_ID, clientSecret: SECRET, seed: 11 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => admin().reset());

  it('confirms 70 product orders 30 at a time and reports the one that cannot be confirmed', async () => {
    const orders: AdminOrder[] = [];
    while (orders.flatMap((o) => o.productOrders).length < 70) orders.push(...(await admin().createOrders({ count: 10 })));
    const targets = orders.flatMap((o) => o.productOrders.map((p) => confirmTarget(o, p.productOrderId))).slice(0, 70);
    const cancelled = targets[41]!;
    await admin().event(cancelled.mallOrderId, 'buyer_cancel', cancelled.mallLineId);

    const outcomes = await connector().confirm(targets);
    assert.deepEqual(
      outcomes.map((o) => o.ref),
      targets.map((t) => t.lineId),
      'one outcome per target, in order',
    );
    const failed = outcomes.filter((o) => !o.ok);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.ref, cancelled.lineId);
    assert.equal(failed[0]!.code, '104442');
    assert.equal(failed[0]!.retryable, false);
    assert.match(said(failed[0]!.message), HANGUL);
    assert.ok(said(failed[0]!.message).includes(cancelled.mallLineId), said(failed[0]!.message));

    assert.deepEqual(
      bodiesTo(CONFIRM).map((b) => b.productOrderIds!.length),
      [30, 30, 10],
    );
    for (const t of targets) {
      const po = sandbox.store.productOrders.get(t.mallLineId)!;
      assert.equal(po.placeOrderStatus, t === cancelled ? 'NOT_YET' : 'OK', t.mallLineId);
    }

    // Confirming again is harmless: Naver's 104443 "already confirmed" counts as done.
    const again = await connector().confirm(targets);
    assert.deepEqual(
      again.filter((o) => !o.ok).map((o) => o.ref),
      [cancelled.lineId],
    );
    assert.match(said(again.find((o) => o.ref === targets[0]!.lineId)!.message), /이미 네이버에서 발주확인/);
  });

  it('reports a product order Naver does not know', async () => {
    const outcomes = await connector().confirm([
      { lineId: 'l1', mallLineId: '2020010100000000', mallShipmentId: null, mallOrderId: '2020010100000001' },
    ]);
    assert.deepEqual(
      outcomes.map((o) => [o.ref, o.ok, o.code]),
      [['l1', false, '100001']],
    );
    assert.match(said(outcomes[0]!.message), /찾을 수 없습니다/);
  });

  it('sends invoices per box: used tracking number and cancelled order fail with Korean messages', async () => {
    const created = await admin().createOrders({ count: 40, status: 'confirmed' });
    const multi = created.find((o) => o.productOrders.length > 1)!;
    const others = created.filter((o) => o !== multi && o.productOrders.length === 1);
    const strangerToMulti = others.find((o) => recipientKey(o) !== recipientKey(multi))!;
    const rest = others.filter((o) => o !== strangerToMulti);
    const [cancelled, direct, mixedOk, mixedCancelled, slx] = rest as [AdminOrder, AdminOrder, AdminOrder, AdminOrder, AdminOrder];
    await admin().event(cancelled.orderId, 'buyer_cancel');
    await admin().event(cancelled.orderId, 'cancel_complete');
    await admin().event(mixedCancelled.orderId, 'buyer_cancel');

    const boxes = [
      box('box-multi', 'CJ', '412345678901', multi),
      box('box-reused', 'CJ대한통운', '412345678901', strangerToMulti),
      box('box-cancelled', 'HANJIN', '312345678901', cancelled),
      box('box-direct', 'DIRECT', '', direct),
      box('box-mixed', 'LOTTE', '212345678901', mixedOk, mixedCancelled),
      box('box-slx', 'SLX', '1234567890', slx),
    ];
    const outcomes = new Map((await connector().sendInvoices(boxes)).map((o) => [o.ref, o]));
    assert.equal(outcomes.size, boxes.length);

    assert.deepEqual(outcomes.get('box-multi'), { ref: 'box-multi', ok: true });
    for (const p of multi.productOrders) {
      const po = sandbox.store.productOrders.get(p.productOrderId)!;
      assert.equal(po.productOrderStatus, 'DELIVERING');
      assert.deepEqual(
        [po.delivery?.deliveryMethod, po.delivery?.deliveryCompany, po.delivery?.trackingNumber],
        ['DELIVERY', 'CJGLS', '412345678901'],
      );
    }

    const reused = outcomes.get('box-reused')!;
    assert.deepEqual([reused.ok, reused.code, reused.retryable], [false, '104121', false]);
    assert.match(said(reused.message), /412345678901은 이미 다른 상품주문에 사용/);

    const cancelledOutcome = outcomes.get('box-cancelled')!;
    assert.deepEqual([cancelledOutcome.ok, cancelledOutcome.code], [false, '104442']);
    assert.match(said(cancelledOutcome.message), HANGUL);

    assert.deepEqual(outcomes.get('box-direct'), { ref: 'box-direct', ok: true });
    const directPo = sandbox.store.productOrders.get(direct.productOrders[0]!.productOrderId)!;
    assert.deepEqual(
      [directPo.delivery?.deliveryMethod, directPo.delivery?.deliveryCompany, directPo.delivery?.trackingNumber],
      ['DIRECT_DELIVERY', null, null],
    );

    // A box is sent only if all its lines were; the line that failed is named.
    const mixed = outcomes.get('box-mixed')!;
    assert.deepEqual([mixed.ok, mixed.code], [false, '104442']);
    assert.ok(said(mixed.message).includes(mixedCancelled.productOrders[0]!.productOrderId), said(mixed.message));
    assert.equal(said(mixed.message).includes(mixedOk.productOrders[0]!.productOrderId), false);
    // …and the message says Naver took the other one: the mall has the number for part of the box.
    assert.match(said(mixed.message), /^이 박스의 상품주문 2개 중 1개는 네이버에 발송처리되었고 나머지는 거부되었습니다; /);
    assert.equal(
      sandbox.store.productOrders.get(mixedOk.productOrders[0]!.productOrderId)!.delivery?.deliveryCompany,
      'HYUNDAI',
      'Lotte goes as HYUNDAI',
    );

    const slxOutcome = outcomes.get('box-slx')!;
    assert.deepEqual([slxOutcome.ok, slxOutcome.code], [false, 'UNSUPPORTED_COURIER']);
    assert.match(said(slxOutcome.message), /네이버 택배사 코드가 없어/);
    const sentIds = bodiesTo(DISPATCH).flatMap((b) => b.dispatchProductOrders as { productOrderId: string; dispatchDate: string }[]);
    assert.equal(
      sentIds.some((i) => i.productOrderId === slx.productOrders[0]!.productOrderId),
      false,
      'nothing sent for a courier Naver lacks',
    );
    assert.ok(
      sentIds.every((i) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/.test(i.dispatchDate)),
      'dispatchDate in KST',
    );

    // Sending the same boxes again: what went through stays ok, what failed still fails.
    const again = new Map((await connector().sendInvoices(boxes)).map((o) => [o.ref, o]));
    assert.equal(again.get('box-multi')!.ok, true);
    assert.match(said(again.get('box-multi')!.message), /이미 같은 운송장번호로 발송처리/);
    assert.equal(again.get('box-direct')!.ok, true);
    assert.equal(again.get('box-reused')!.code, '104121');
    assert.equal(again.get('box-mixed')!.ok, false);
  });

  it('one waybill for orders to the same place spelt two ways (서울특별시 / 서울): a merged box is taken whole', async () => {
    const [a] = await admin().createOrders({
      count: 1,
      status: 'confirmed',
      recipient: { name: '김합포', zip: '06236', address1: '서울특별시 강남구 테헤란로 152', address2: '10층' },
    });
    const [b] = await admin().createOrders({
      count: 1,
      status: 'confirmed',
      recipient: { name: '김합포', zip: '06236', address1: '서울 강남구  테헤란로 152', address2: '10층' },
    });
    const outcomes = await connector().sendInvoices([box('box-spelt', 'CJ', '412345678917', a!, b!)]);
    assert.deepEqual(
      outcomes.map((o) => [o.ref, o.ok]),
      [['box-spelt', true]],
      JSON.stringify(outcomes),
    );
  });

  it('sends at most 30 product orders per dispatch call', async () => {
    const created = await admin().createOrders({ count: 40 });
    const boxes = created.map((o, i) => box(`box-${i}`, 'EPOST', String(6_000_000_000_000 + i), o));
    const outcomes = await connector().sendInvoices(boxes);
    assert.deepEqual(
      outcomes.filter((o) => !o.ok),
      [],
    );
    const sizes = bodiesTo(DISPATCH).map((b) => b.dispatchProductOrders!.length);
    const lines = boxes.reduce((n, b) => n + b.lines.length, 0);
    assert.ok(
      sizes.every((n) => n <= 30),
      String(sizes),
    );
    assert.equal(
      sizes.reduce((a, b) => a + b, 0),
      lines,
    );
    assert.equal(sizes.length, Math.ceil(lines / 30));
  });
});
