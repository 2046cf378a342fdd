// Confirming orders (상품준비중 처리) and uploading invoices (송장업로드) through the Coupang connector against the
// sandbox over loopback: batch sizes, per-line and per-box outcomes with Coupang's codes and Korean messages,
// 18-digit ids from collection to upload, and results that stay right when an answer was lost and re-sent.
import { afterEach, beforeEach, describe, it } from 'vitest';
import assert from 'node:assert/strict';
import { createCoupangConnector } from '../../server/connectors/coupang/coupang.connector.ts';
import { MallError, type RetryPolicy } from '../../server/connectors/http.ts';
import type { ConfirmTarget, InvoiceTarget, MallConnector, Outcome } from '../../server/connectors/types.ts';
import { startCoupangSandbox, type CoupangSandbox } from '../../server/sandbox/coupang/coupang.sandbox.ts';
import { render, type Text } from '../../shared/i18n.ts';

/** A connector's text as a Korean operator reads it. */
const said = (text: Text | undefined) => (text === undefined ? '' : render(text, 'ko'));

const VENDOR = 'A00012345';
const ACCESS = 'sandbox-access-key';
const SECRET = 'sandbox-secret-key';
const FAST: RetryPolicy = { retries: 4, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 3000, maxRetryAfterMs: 3000 };
const HANGUL = /[가-힣]/;

type Item = { vendorItemId: string; shippingCount: number };
type Box = { shipmentBoxId: string; status: string; invoiceNumber: string | null; deliveryCompanyCode: string | null; items: Item[] };
type Order = { orderId: string; shipmentBoxIds: string[]; receiver: { name: string; addr1: string; addr2: string }; boxes: Box[] };

let sandbox: CoupangSandbox;
let connector: MallConnector;

async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sandbox.url}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  assert.ok(res.ok, `${method} ${path}: ${JSON.stringify(json)}`);
  return json;
}

const createOrders = async (count: number, status: 'paid' | 'confirmed' = 'paid'): Promise<Order[]> =>
  (await admin('POST', '/orders', { count, status })).orders;
const event = (order: Order, name: string) => admin('POST', `/orders/${order.orderId}/events`, { event: name });
const boxInStore = (id: string) => sandbox.store.boxes.get(id)!;
const requestsTo = (suffix: string) => sandbox.store.requests.filter((r) => r.path.endsWith(suffix));

function confirmTargets(order: Order): ConfirmTarget[] {
  return order.boxes.flatMap((b) =>
    b.items.map((i) => ({
      lineId: `line-${b.shipmentBoxId}-${i.vendorItemId}`,
      mallLineId: `${b.shipmentBoxId}-${i.vendorItemId}`,
      mallShipmentId: b.shipmentBoxId,
      mallOrderId: order.orderId,
    })),
  );
}

function invoiceTarget(boxId: string, orders: Order[], courier: string, trackingNumber: string): InvoiceTarget {
  const lines = orders.flatMap((order) =>
    order.boxes.flatMap((b) =>
      b.items.map((i) => ({
        lineId: `line-${b.shipmentBoxId}-${i.vendorItemId}`,
        mallLineId: `${b.shipmentBoxId}-${i.vendorItemId}`,
        mallShipmentId: b.shipmentBoxId,
        mallOrderId: order.orderId,
        mallProductId: null,
        mallOptionId: i.vendorItemId,
      })),
    ),
  );
  return { boxId, courier, trackingNumber, lines };
}

const byRef = (outcomes: Outcome[]) => new Map(outcomes.map((o) => [o.ref, o]));
let serial = 0;
/** A fresh 12-digit CJ tracking number. */
const cjNumber = () => String(640000000000 + ++serial * 7);

beforeEach(async () => {
  sandbox = await startCoupangSandbox({ vendorId: VENDOR, accessKey: ACCESS, secretKey: SECRET, rateLimit: { rate: 1000, burst: 1000 }, seed: 7 });
  connector = createCoupangConnector({
    baseUrl: sandbox.url,
    credentials: { vendor_id: VENDOR, access_key: ACCESS, secret_key: SECRET },
    retry: FAST,
  });
});
afterEach(() => sandbox.close());

describe('Coupang confirm', () => {
  it('confirms 120 boxes in calls of at most 50, one outcome per line, a failure for a box no longer ACCEPT', async () => {
    const paid = await createOrders(119);
    const [already] = await createOrders(1, 'confirmed');
    const shipped = paid.pop()!;
    // One box has left ACCEPT for good: confirmed and invoiced already.
    assert.ok((await connector.confirm(confirmTargets(shipped))).every((o) => o.ok));
    assert.deepEqual(
      (await connector.sendInvoices([invoiceTarget('box-shipped', [shipped], 'CJ', cjNumber())])).map((o) => o.ok),
      [true],
    );
    sandbox.store.requests = [];

    const orders = [...paid, already!, shipped];
    assert.equal(orders.length, 120);
    const targets = orders.flatMap(confirmTargets);
    const outcomes = await connector.confirm(targets);

    assert.deepEqual(
      outcomes.map((o) => o.ref),
      targets.map((t) => t.lineId),
      'one outcome per line, in order',
    );
    assert.deepEqual(
      requestsTo('/acknowledgement').map((r) => r.items),
      [50, 50, 20],
    );
    const results = byRef(outcomes);
    for (const t of confirmTargets(shipped)) {
      const o = results.get(t.lineId)!;
      assert.equal(o.ok, false);
      assert.equal(o.code, 'INVALID_STATUS');
      assert.match(said(o.message), HANGUL);
      assert.match(said(o.message), /현재 쿠팡 상태: 배송지시$/, 'the status as WING shows it, not its code');
      assert.match(render(o.message!, 'en'), /Current Coupang status: Dispatched \(DEPARTURE\)$/, 'and in English, English');
      assert.equal(o.retryable, false);
    }
    // A box already INSTRUCT is confirmed: re-read, not reported as a failure.
    for (const t of confirmTargets(already!)) assert.equal(results.get(t.lineId)!.ok, true);
    assert.equal(outcomes.filter((o) => !o.ok).length, confirmTargets(shipped).length);
    for (const order of paid) assert.equal(boxInStore(order.shipmentBoxIds[0]!).status, 'INSTRUCT');
  });

  it('reports a cancelled box, an unknown box and a line without Coupang ids', async () => {
    const [kept, cancelled] = await createOrders(2);
    await event(cancelled!, 'buyer_cancel');
    const unknown: ConfirmTarget = {
      lineId: 'line-unknown',
      mallLineId: '123456789012345678-111',
      mallShipmentId: '123456789012345678',
      mallOrderId: '1',
    };
    const foreign: ConfirmTarget = { lineId: 'line-foreign', mallLineId: 'naver-2024', mallShipmentId: null, mallOrderId: '1' };
    const outcomes = byRef(await connector.confirm([...confirmTargets(kept!), ...confirmTargets(cancelled!), unknown, foreign]));
    assert.ok(confirmTargets(kept!).every((t) => outcomes.get(t.lineId)!.ok));
    const c = outcomes.get(confirmTargets(cancelled!)[0]!.lineId)!;
    assert.deepEqual([c.ok, c.code], [false, 'ORDER_DELIVERY_CANCELED']);
    assert.match(said(c.message), /취소/);
    assert.deepEqual([outcomes.get('line-unknown')!.code, outcomes.get('line-foreign')!.code], ['NOT_FOUND_SHIPMENT_BOX', 'INVALID_TARGET']);
  });

  it('turns a batch the mall never answered into retryable outcomes instead of throwing', async () => {
    const orders = await createOrders(3);
    await admin('POST', '/faults', { faults: [{ kind: 'status', status: 503, count: 20, path: 'acknowledgement' }] });
    const outcomes = await connector.confirm(orders.flatMap(confirmTargets));
    assert.ok(outcomes.every((o) => !o.ok && o.code === 'UNAVAILABLE' && o.retryable === true && HANGUL.test(said(o.message))));
  });

  it('throws on refused credentials: no outcome is worth anything then', async () => {
    const orders = await createOrders(1);
    const wrong = createCoupangConnector({
      baseUrl: sandbox.url,
      credentials: { vendor_id: VENDOR, access_key: ACCESS, secret_key: 'nope' },
      retry: FAST,
    });
    await assert.rejects(wrong.confirm(confirmTargets(orders[0]!)), (e: unknown) => e instanceof MallError && e.kind === 'auth');
  });
});

describe('Coupang invoices', () => {
  it('uploads per box: ok, duplicate number, cancelled box, bad number, unknown courier — each with its code and Korean text', async () => {
    const orders = await createOrders(6, 'confirmed');
    const [a, b, c, d, e, f] = orders as [Order, Order, Order, Order, Order, Order];
    assert.notEqual(a.receiver.name + a.receiver.addr1 + a.receiver.addr2, b.receiver.name + b.receiver.addr1 + b.receiver.addr2);
    await event(c, 'buyer_cancel'); // INSTRUCT → 출고중지요청
    await event(c, 'cancel_complete');
    const shared = cjNumber();
    sandbox.store.requests = [];

    const outcomes = byRef(
      await connector.sendInvoices([
        invoiceTarget('box-a', [a], 'CJ', shared),
        invoiceTarget('box-b', [b], 'CJ대한통운', shared),
        invoiceTarget('box-c', [c], 'CJ', cjNumber()),
        invoiceTarget('box-d', [d], 'LOTTE', '1234567890'),
        invoiceTarget('box-e', [e], 'CJ', '12345'),
        invoiceTarget('box-f', [f], '번개택배', cjNumber()),
      ]),
    );

    assert.deepEqual(outcomes.get('box-a'), { ref: 'box-a', ok: true });
    assert.deepEqual(outcomes.get('box-d'), { ref: 'box-d', ok: true });
    const expect = (ref: string, code: string, retryable: boolean, text: RegExp) => {
      const o = outcomes.get(ref)!;
      assert.deepEqual([o.ok, o.code, o.retryable], [false, code, retryable], ref);
      assert.match(said(o.message), text, ref);
    };
    expect('box-b', 'DUPLICATE_INVOICE_NUMBER', true, /이미 다른 주문에 사용된 운송장번호/);
    expect('box-c', 'ORDER_DELIVERY_CANCELED', false, /고객이 취소한 주문/);
    expect('box-e', 'INVALID_INVOICE_NUMBER', true, /운송장번호 형식/);
    expect('box-f', 'UNKNOWN_COURIER', false, /택배사/);

    // 롯데택배 goes to Coupang as HYUNDAI (§1.8); box-f never left our side.
    assert.equal(boxInStore(d.shipmentBoxIds[0]!).deliveryCompanyCode, 'HYUNDAI');
    assert.equal(boxInStore(a.shipmentBoxIds[0]!).status, 'DEPARTURE');
    assert.equal(boxInStore(b.shipmentBoxIds[0]!).status, 'INSTRUCT');
    const dtos = requestsTo('/orders/invoices').reduce((n, r) => n + (r.items ?? 0), 0);
    assert.equal(
      dtos,
      [a, b, c, d, e].reduce((n, o) => n + o.boxes[0]!.items.length, 0),
    );
  });

  it('keeps an 18-digit shipmentBoxId exact from collection to invoice upload', async () => {
    await createOrders(4);
    const collected = await connector.listNewOrders({ from: new Date(Date.now() - 4 * 86400_000).toISOString(), to: new Date().toISOString() });
    const order = collected[0]!;
    const line = order.lines[0]!;
    assert.match(line.mallShipmentId!, /^\d{18}$/);
    assert.ok(sandbox.store.boxes.has(line.mallShipmentId!), 'the collected id is the sandbox id, digit for digit');

    const confirmTargetsOf = order.lines.map((l) => ({
      lineId: `ours-${l.mallLineId}`,
      mallLineId: l.mallLineId,
      mallShipmentId: l.mallShipmentId,
      mallOrderId: order.mallOrderId,
    }));
    assert.ok((await connector.confirm(confirmTargetsOf)).every((o) => o.ok));
    const number = cjNumber();
    const target: InvoiceTarget = {
      boxId: 'box-1',
      courier: 'CJ',
      trackingNumber: number,
      lines: order.lines.map((l) => ({
        lineId: `ours-${l.mallLineId}`,
        mallLineId: l.mallLineId,
        mallShipmentId: l.mallShipmentId,
        mallOrderId: order.mallOrderId,
        mallProductId: l.mallProductId,
        mallOptionId: l.mallOptionId,
      })),
    };
    assert.deepEqual(await connector.sendInvoices([target]), [{ ref: 'box-1', ok: true }]);
    const box = boxInStore(line.mallShipmentId!);
    assert.deepEqual([box.status, box.invoiceNumber, box.deliveryCompanyCode], ['DEPARTURE', number, 'CJGLS']);
  });

  it('needs every item of a bundled box: a partial upload is NOT_FOUND_VENDOR_ITEM', async () => {
    const orders = await createOrders(30, 'confirmed');
    const bundled = orders.find((o) => o.boxes[0]!.items.length >= 2)!;
    assert.ok(bundled, 'the sample data has bundled boxes');
    const partial = invoiceTarget('box-partial', [bundled], 'CJ', cjNumber());
    partial.lines = partial.lines.slice(0, 1);
    const [outcome] = await connector.sendInvoices([partial]);
    assert.deepEqual([outcome!.ok, outcome!.code], [false, 'NOT_FOUND_VENDOR_ITEM']);
    assert.match(said(outcome!.message), /묶음배송/);
    assert.equal(boxInStore(bundled.shipmentBoxIds[0]!).status, 'INSTRUCT');

    const [whole] = await connector.sendInvoices([invoiceTarget('box-whole', [bundled], 'CJ', cjNumber())]);
    assert.equal(whole!.ok, true);
    assert.equal(requestsTo('/orders/invoices').at(-1)!.items, bundled.boxes[0]!.items.length, 'one entry per vendorItem');
  });

  it('sends at most 50 entries per call, never splitting a box', async () => {
    const orders = await createOrders(60, 'confirmed');
    const outcomes = await connector.sendInvoices(orders.map((o, i) => invoiceTarget(`box-${i}`, [o], 'CJ', cjNumber())));
    assert.ok(outcomes.every((o) => o.ok));
    const calls = requestsTo('/orders/invoices');
    const entries = orders.reduce((n, o) => n + o.boxes[0]!.items.length, 0);
    assert.ok(calls.length >= Math.ceil(entries / 50));
    assert.ok(calls.every((c) => (c.items ?? 0) <= 50));
    assert.equal(
      calls.reduce((n, c) => n + (c.items ?? 0), 0),
      entries,
    );
  });

  it('treats re-sending the same number as done, and a different number for an invoiced box as refused', async () => {
    const [order] = await createOrders(1, 'confirmed');
    const number = cjNumber();
    assert.equal((await connector.sendInvoices([invoiceTarget('box', [order!], 'CJ', number)]))[0]!.ok, true);
    // As after an answer lost in transit: the mall says "already uploaded", the box carries our number.
    assert.deepEqual(await connector.sendInvoices([invoiceTarget('box', [order!], 'CJ', number)]), [{ ref: 'box', ok: true }]);
    const [other] = await connector.sendInvoices([invoiceTarget('box', [order!], 'CJ', cjNumber())]);
    assert.deepEqual([other!.ok, other!.code], [false, 'NOT_ALLOW_INVOICE_NUMBER_RE_UPLOAD']);
  });

  it('counts one of our boxes spanning two Coupang boxes as ok only when both are', async () => {
    const orders = await createOrders(40, 'confirmed');
    // Merge-packing joins orders of one recipient (PRODUCT.md §2.4); repeat buyers in the sample data share one.
    const key = (o: Order) => `${o.receiver.name}|${o.receiver.addr1}|${o.receiver.addr2}`;
    const pair = orders.flatMap((o, i) =>
      orders
        .slice(i + 1)
        .filter((p) => key(p) === key(o))
        .map((p) => [o, p] as const),
    )[0];
    assert.ok(pair, 'the sample data has a repeat buyer');
    const [first, second] = pair;
    const [other1, other2] = orders.filter((o) => o !== first && o !== second) as [Order, Order];
    await event(other2, 'buyer_cancel');
    await event(other2, 'cancel_complete');

    const outcomes = byRef(
      await connector.sendInvoices([
        invoiceTarget('merged-ok', [first, second], 'CJ', cjNumber()),
        invoiceTarget('merged-bad', [other1, other2], 'CJ', cjNumber()),
      ]),
    );
    assert.equal(outcomes.get('merged-ok')!.ok, true);
    assert.equal(boxInStore(second.shipmentBoxIds[0]!).status, 'DEPARTURE');
    assert.deepEqual([outcomes.get('merged-bad')!.ok, outcomes.get('merged-bad')!.code], [false, 'ORDER_DELIVERY_CANCELED']);
  });
});
