// Recipient corrections pushed from the order sheet: applied to the order with a history row naming the cells (never
// the values), refused on a stale row, refused naming the column when a cell is bad, and never half-written.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type RowResult = { line_id: string; result: string; code?: string; column?: string; message?: string; warnings?: string[] };

const push = (rows: Record<string, unknown>[]) => s.call('POST', '/api/sheet/push', { rows });
const orderRow = (id: string) => s.deps.db('orders').where({ id }).first();
const historyOf = (orderId: string) => s.deps.db('status_history').where({ order_id: orderId, action: 'edit_recipient' });

describe('POST /api/sheet/push: recipient cells', () => {
  it('applies the corrected cells to the order (phones hyphenated), moves every line and records which cells changed', async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const res = await push([
      { line_id: o.lineIds[0]!, line_version: 1, recipient_name: '박지훈', recipient_mobile: '01022223333', recipient_zip: '04524' },
    ]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [r] = res.body.results as RowResult[];
    assert.equal(r!.result, 'applied');
    assert.match(r!.warnings!.join(), /not sent to the mall/);
    const order = await orderRow(o.id);
    assert.deepEqual(
      [order.recipient_name, order.recipient_mobile, order.recipient_zip, order.recipient_address1],
      ['박지훈', '010-2222-3333', '04524', '서울특별시 강남구 테헤란로 152'],
    );
    // Both lines of the order come back at their new version with the cells as stored.
    const lines = res.body.lines as Record<string, unknown>[];
    assert.deepEqual(lines.map((l) => [l.line_version, l.recipient_mobile]).sort(), [
      [2, '010-2222-3333'],
      [2, '010-2222-3333'],
    ]);
    const history = await historyOf(o.id);
    assert.equal(history.length, 1);
    assert.equal(history[0].entity, 'order');
    // Which cells, by their headers, in the reader's language.
    const reasonIn = async (lang: 'ko' | 'en') =>
      (await s.call('GET', `/api/orders/${o.id}`, undefined, { lang })).body.history.find((h: { action: string }) => h.action === 'edit_recipient')
        .reason;
    assert.equal(await reasonIn('ko'), '수취인 정보 수정 (쇼핑몰에는 전송되지 않음): 수취인, 휴대폰, 우편번호');
    assert.equal(await reasonIn('en'), 'Recipient edited (not sent to the mall): Recipient, Mobile, Zip');
    assert.ok(history[0].actor_id);
    // The order detail's history shows it too (who, when, why).
    const detail = (await s.call('GET', `/api/orders/${o.id}`)).body;
    assert.ok(detail.history.some((h: { action: string }) => h.action === 'edit_recipient'));
  });

  it('a cell pushed as it already is changes nothing', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW' });
    const res = await push([{ line_id: o.lineIds[0]!, line_version: 1, recipient_mobile: '010-9876-5432' }]);
    assert.deepEqual(
      res.body.results.map((r: RowResult) => `${r.result}:${r.code ?? ''}`),
      ['applied:unchanged'],
    );
    assert.equal((await historyOf(o.id)).length, 0);
  });

  it('refuses a row changed on the server since the pull, and writes nothing of it', async () => {
    const o = await makeOrder(s.deps.db, { status: 'NEW' });
    await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: o.lineIds[0]!, version: 1 }] });
    const res = await push([{ line_id: o.lineIds[0]!, line_version: 1, recipient_name: '최하늘' }]);
    const [r] = res.body.results as RowResult[];
    assert.deepEqual([r!.result, r!.code], ['refused', 'stale_version']);
    assert.match(r!.message!, /changed since the pull/);
    assert.equal((await orderRow(o.id)).recipient_name, '이서연');
  });

  it('refuses a bad phone, a zip that is not 5 digits and an emptied name, naming the column; nothing half-written', async () => {
    const orders = [await makeOrder(s.deps.db), await makeOrder(s.deps.db), await makeOrder(s.deps.db)];
    const res = await push([
      { line_id: orders[0]!.lineIds[0]!, line_version: 1, recipient_name: '한가람', recipient_mobile: '010-12' },
      { line_id: orders[1]!.lineIds[0]!, line_version: 1, recipient_address2: '3층', recipient_zip: '1234' },
      { line_id: orders[2]!.lineIds[0]!, line_version: 1, hold: true, hold_reason: '주소 확인', recipient_name: '  ' },
    ]);
    assert.equal(res.status, 200);
    const results = res.body.results as RowResult[];
    assert.deepEqual(
      results.map((r) => `${r.result}:${r.code}:${r.column}`),
      ['refused:invalid_value:recipient_mobile', 'refused:invalid_value:recipient_zip', 'refused:invalid_value:recipient_name'],
    );
    assert.match(results[0]!.message!, /Mobile: not a phone number/);
    assert.match(results[1]!.message!, /Zip: a zip code is 5 digits/);
    assert.match(results[2]!.message!, /Recipient cannot be empty/);
    // The good cells of a refused row are not written either, nor its hold.
    const rows = await Promise.all(orders.map((o) => orderRow(o.id)));
    assert.deepEqual(
      rows.map((o) => [o.recipient_name, o.recipient_address2, o.hold ? 1 : 0, o.version]),
      [
        ['이서연', '강남파이낸스센터 10층', 0, 1],
        ['이서연', '강남파이낸스센터 10층', 0, 1],
        ['이서연', '강남파이낸스센터 10층', 0, 1],
      ],
    );
    assert.deepEqual(res.body.lines, []);
  });

  it('a NUL character in a recipient cell is a 400 naming the field, and nothing of the push is written', async () => {
    const [a, b] = [await makeOrder(s.deps.db), await makeOrder(s.deps.db)];
    const res = await push([
      { line_id: a.lineIds[0]!, line_version: 1, recipient_name: '정다은' },
      { line_id: b.lineIds[0]!, line_version: 1, recipient_address1: '서울\u0000강남' },
    ]);
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match(JSON.stringify(res.body), /rows\.1\.recipient_address1/);
    assert.equal((await orderRow(a.id)).recipient_name, '이서연');
  });

  it('an over-long cell is a 400 naming the field', async () => {
    const o = await makeOrder(s.deps.db);
    const res = await push([{ line_id: o.lineIds[0]!, line_version: 1, recipient_zip: '0'.repeat(11) }]);
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.body), /rows\.0\.recipient_zip/);
  });
});
