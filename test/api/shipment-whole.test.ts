// A Coupang shipment (shipmentBoxId) takes one invoice for all its items: shipping part of it sent a parcel whose
// number Coupang then refused (NOT_FOUND_VENDOR_ITEM), with nothing left to do here. The ship is refused naming the
// item left out; numbered into one box, the shipment ships and the mall takes the number. A Naver package (its
// items are dispatched one by one) still ships in parts.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { coupangMall, naverMall, runJob, type MallFixture } from '../helpers/malls.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { sheetRows } from '../helpers/xlsx.ts';
import { makeOrder, putInBox } from '../helpers/builders.ts';

let s: TestServer;
const fixtures: MallFixture<{ close(): Promise<void> }>[] = [];
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const f of fixtures) await f.sandbox.close();
  await s.close();
});

const cj = cjNumbers(70223456700);

type Line = {
  line_id: string;
  line_version: number;
  order_id: string;
  mall_shipment_id: string | null;
  mall_order_id: string;
  product_name: string;
  status: string;
};
const linesOf = async (accountId: string): Promise<Line[]> =>
  (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${accountId}&limit=1000`)).body.items;
const lineOf = async (accountId: string, id: string) => (await linesOf(accountId)).find((l) => l.line_id === id)!;
const version = async (orderId: string) => (await s.call('GET', `/api/orders/${orderId}`)).body.version as number;

/** Orders collected, confirmed and released; two lines of one order that share a mall shipment. */
async function twoOfOneShipment(
  mall: MallFixture<{ close(): Promise<void> }>,
  beforeRelease?: (pair: [Line, Line]) => Promise<void>,
): Promise<[Line, Line]> {
  await mall.admin.createOrders({ count: 12, status: 'confirmed' });
  assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
  if ((await linesOf(mall.accountId)).some((l) => l.status === 'PAID')) await runJob(s, 'confirm', mall.accountId);
  const lines = await linesOf(mall.accountId);
  const pair = lines.flatMap((a) =>
    lines.filter((b) => b.line_id > a.line_id && a.mall_shipment_id && b.mall_shipment_id === a.mall_shipment_id).map((b) => [a, b]),
  )[0];
  assert.ok(pair, 'the sandbox made an order with two items in one shipment');
  const [a, b] = pair as [Line, Line];
  await beforeRelease?.([a, b]);
  const released = await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: a.order_id, version: await version(a.order_id) }] });
  assert.equal(released.body.applied, 1, JSON.stringify(released.body));
  return [a, b];
}

const number = async (accountId: string, line: Line, tracking: string) => {
  const current = await lineOf(accountId, line.line_id);
  const res = await s.call('POST', '/api/transitions', {
    action: 'set_invoice',
    courier: 'CJ',
    items: [{ id: line.line_id, version: current.line_version, tracking_number: tracking }],
  });
  assert.equal(res.body.applied, 1, JSON.stringify(res.body));
};
const ship = async (accountId: string, line: Line) =>
  s.call('POST', '/api/transitions', {
    action: 'ship',
    items: [{ id: line.line_id, version: (await lineOf(accountId, line.line_id)).line_version }],
  });

/** The keys (고객주문번호: a box, or an order without one) of the booking file made now. */
async function bookingKeys(): Promise<string[]> {
  const sender = { name: '쉽시트상회', phone: '02-1234-5678', zip: '06236', address1: '서울특별시 강남구 테헤란로 123' };
  assert.equal((await s.call('PUT', '/api/settings/sender', sender)).status, 200);
  const res = await s.download('POST', '/api/exports/booking', { template: 'cj', format: 'xlsx', reason: 'shipping' }, { lang: 'ko' });
  if (res.status === 409 && /nothing_to_book/.test(new TextDecoder().decode(res.bytes))) return [];
  assert.equal(res.status, 200, new TextDecoder().decode(res.bytes));
  const [header, ...rows] = await sheetRows(res.bytes);
  return rows.map((r) => String(r[header!.indexOf('고객주문번호')]));
}

describe('a mall shipment that takes one number for all its items', () => {
  it('Coupang: part of a shipment is not shipped; in one box it ships and the mall takes its number', async () => {
    const mall = await coupangMall(s, { initialOrders: 0 });
    fixtures.push(mall);
    const [a, b] = await twoOfOneShipment(mall);
    const tracking = cj();
    await number(mall.accountId, a, tracking);

    const partial = await ship(mall.accountId, a);
    assert.equal(partial.body.applied, 0, JSON.stringify(partial.body));
    assert.equal(partial.body.results[0].code, 'blocked');
    assert.ok(partial.body.results[0].message.includes(b.product_name), partial.body.results[0].message);
    assert.equal((await lineOf(mall.accountId, a.line_id)).status, 'INVOICED');

    await number(mall.accountId, b, tracking); // the same number: the same box
    const whole = await ship(mall.accountId, a);
    assert.equal(whole.body.applied, 1, JSON.stringify(whole.body));
    for (const l of [a, b]) assert.equal((await lineOf(mall.accountId, l.line_id)).status, 'SHIPPED');
    const sent = await runJob(s, 'send_invoices', mall.accountId);
    assert.equal(sent.job.state, 'succeeded', JSON.stringify(sent.results));
    const order = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === a.mall_order_id);
    const box = order.boxes.find((x: { shipmentBoxId: string }) => String(x.shipmentBoxId) === a.mall_shipment_id);
    assert.equal(box.invoiceNumber, tracking);
  });

  it('Coupang with 송장 입력 시 출고: a push numbering part of a shipment keeps its box 송장입력, saying so and why; the rest under the number ships it whole', async () => {
    const mall = await coupangMall(s, { initialOrders: 0 });
    fixtures.push(mall);
    const on = await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, { auto_ship: true });
    assert.equal(on.status, 200, JSON.stringify(on.body));
    const [a, b] = await twoOfOneShipment(mall);
    const tracking = cj();
    const push = async (line: Line, lang: string) => {
      const current = await lineOf(mall.accountId, line.line_id);
      const res = await s.call(
        'POST',
        '/api/sheet/push',
        { rows: [{ line_id: line.line_id, line_version: current.line_version, courier: 'CJ', tracking_number: tracking }] },
        { lang },
      );
      assert.equal(res.body.applied, 1, JSON.stringify(res.body));
      return res.body.results[0] as { result: string; warnings?: string[] };
    };
    const first = await push(a, 'ko');
    assert.equal((await lineOf(mall.accountId, a.line_id)).status, 'INVOICED');
    // Applied, but not as far as the setting takes a row: the row says it did not ship, and which item it waits for.
    const said = (first.warnings ?? []).join(' / ');
    assert.match(said, /송장번호는 저장했지만 자동 출고\(송장 입력 시 출고\)는 하지 않아 운송장출력에 남았습니다: 같은 쿠팡 배송/, said);
    assert.ok(said.includes(b.product_name), said);
    const second = await push(b, 'ko');
    assert.equal(second.warnings, undefined, JSON.stringify(second));
    for (const l of [a, b]) assert.equal((await lineOf(mall.accountId, l.line_id)).status, 'SHIPPED');
  });

  it('Coupang with 송장 입력 시 출고: a bulk set_invoice (POST /api/transitions) of part of a shipment warns the same, in English', async () => {
    const mall = await coupangMall(s, { initialOrders: 0 });
    fixtures.push(mall);
    assert.equal((await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, { auto_ship: true })).status, 200);
    const [a, b] = await twoOfOneShipment(mall);
    const current = await lineOf(mall.accountId, a.line_id);
    const res = await s.call(
      'POST',
      '/api/transitions',
      { action: 'set_invoice', courier: 'CJ', items: [{ id: a.line_id, version: current.line_version, tracking_number: cj() }] },
      { lang: 'en' },
    );
    assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body));
    const said = (res.body.results[0].warnings ?? []).join(' / ');
    assert.match(
      said,
      /numbered, but not shipped automatically \(ship once numbered\): it stays Invoiced, as .* of the same Coupang shipment, is not under this number yet/,
      said,
    );
    assert.ok(said.includes(b.product_name), said);
    assert.equal((await lineOf(mall.accountId, a.line_id)).status, 'INVOICED');
  });

  it('Coupang: a sold-out item keeps the rest of its shipment from a first number and out of the booking file, until released', async () => {
    const mall = await coupangMall(s, { initialOrders: 0 });
    fixtures.push(mall);
    const [a, b] = await twoOfOneShipment(mall);
    await s.deps.db('order_lines').where({ id: b.line_id }).update({ sold_out: true });
    assert.ok(!(await bookingKeys()).includes(a.order_id), 'the shipment is not booked while an item of it is sold out');

    const current = await lineOf(mall.accountId, a.line_id);
    const refused = await s.call(
      'POST',
      '/api/transitions',
      { action: 'set_invoice', courier: 'CJ', items: [{ id: a.line_id, version: current.line_version, tracking_number: cj() }] },
      { lang: 'ko' },
    );
    assert.equal(refused.body.results[0].code, 'blocked', JSON.stringify(refused.body));
    assert.match(refused.body.results[0].message, /같은 쿠팡 배송\(묶음배송\)의 상품 .*품절이라 송장을 입력할 수 없습니다/);
    assert.ok(refused.body.results[0].message.includes(b.product_name));
    assert.equal((await lineOf(mall.accountId, a.line_id)).status, 'READY', 'no label for part of the shipment');

    // Restocked: the sold-out flag released, the shipment is booked and numbered whole, and ships.
    await s.deps.db('order_lines').where({ id: b.line_id }).update({ sold_out: false });
    assert.ok((await bookingKeys()).includes(a.order_id));
    const tracking = cj();
    const numbered = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      items: [{ id: a.order_id, version: await version(a.order_id), tracking_number: tracking }],
    });
    assert.equal(numbered.body.applied, 1, JSON.stringify(numbered.body));
    assert.equal((await ship(mall.accountId, a)).body.applied, 1);
  });

  it('Coupang: an item flagged sold out before release (강제품절) keeps the released rest from a number, alone or merged', async () => {
    const mall = await coupangMall(s, { initialOrders: 0 });
    fixtures.push(mall);
    const [a, b] = await twoOfOneShipment(mall, ([, sold]) => s.deps.db('order_lines').where({ id: sold.line_id }).update({ sold_out: true }));
    assert.deepEqual([(await lineOf(mall.accountId, a.line_id)).status, (await lineOf(mall.accountId, b.line_id)).status], ['READY', 'NEW']);
    assert.ok(!(await bookingKeys()).includes(a.order_id), 'the released item is not booked alone');
    const current = await lineOf(mall.accountId, a.line_id);
    const refused = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      items: [{ id: a.line_id, version: current.line_version, tracking_number: cj() }],
    });
    assert.equal(refused.body.results[0].code, 'blocked', JSON.stringify(refused.body));

    // Merged with another order's line (same recipient): the whole box is left out of the booking file, as the
    // courier's number for it would be refused for all of it.
    const other = await makeOrder(s.deps.db, { status: 'READY', recipient: '합포고객' });
    const box = await putInBox(s.deps.db, [a.line_id, ...other.lineIds], { status: 'READY' });
    const keys = await bookingKeys();
    assert.ok(!keys.includes(box) && !keys.includes(other.id), keys.join(', '));
    await s.deps.db('order_lines').where({ id: b.line_id }).update({ sold_out: false });
    assert.ok((await bookingKeys()).includes(box), 'booked once the item is back in stock');
  });

  it('Naver: a package ships in parts (each item is dispatched on its own)', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    fixtures.push(mall);
    const [a] = await twoOfOneShipment(mall);
    await number(mall.accountId, a, cj());
    const partial = await ship(mall.accountId, a);
    assert.equal(partial.body.applied, 1, JSON.stringify(partial.body));
  });
});
