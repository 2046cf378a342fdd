// Jobs against the sandbox malls over real loopback HTTP: collect, confirm, send invoices, sync, with the
// failures the malls produce. Every mall runs the same scenarios.
import assert from 'node:assert/strict';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { isMessage, readStoredText, render } from '../../shared/i18n.ts';
import { newId, ID_PREFIX } from '../../server/db/ids.ts';
import { pendingChanges } from '../../server/modules/orders/mall-lines.repo.ts';
import { makeOrder } from '../helpers/builders.ts';
import { coupangMall, naverMall, runJob, type MallFixture, mallLinesOf, type MallLine } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

type Row = MallLine;
const linesOf = (accountId: string) => mallLinesOf(s, accountId);

let serial = 80123456700;
const cj = () => {
  const body = String(++serial);
  return body + String(BigInt(body) % 7n);
};

/** Moves lines to SHIPPED with a CJ number each, through the API as an operator would. */
async function shipAll(rows: Row[]) {
  // A mall's line is confirmed at the mall: a confirm job for exactly these lines.
  const confirm = rows.filter((r) => r.status === 'PAID');
  if (confirm.length) {
    await s.call('POST', '/api/jobs', { type: 'confirm', line_ids: confirm.map((r) => r.line_id) });
    await s.deps.runner.idle();
  }
  const orders = [...new Set(rows.map((r) => r.order_id))];
  const fresh = async () => (await Promise.all(orders.map((id) => s.call('GET', `/api/orders/${id}`)))).map((r) => r.body);
  let details = await fresh();
  await s.call('POST', '/api/transitions', { action: 'release', items: details.map((d) => ({ id: d.id, version: d.version })) });
  details = await fresh();
  await s.call('POST', '/api/transitions', {
    action: 'set_invoice',
    courier: 'CJ',
    items: details.map((d) => ({ id: d.id, version: d.version, tracking_number: cj() })),
  });
  details = await fresh();
  const shipped = await s.call('POST', '/api/transitions', { action: 'ship', items: details.map((d) => ({ id: d.id, version: d.version })) });
  assert.equal(shipped.body.refused, 0, JSON.stringify(shipped.body.results.filter((r: { result: string }) => r.result === 'refused')));
}

const malls: [string, (s: TestServer, o?: { initialOrders?: number; wrongSecret?: boolean }) => Promise<MallFixture<{ close(): Promise<void> }>>][] =
  [
    ['naver', naverMall],
    ['coupang', coupangMall],
  ];

for (const [name, connect] of malls) {
  describe(`${name}: jobs`, () => {
    // Each test gets a mall of its own and brings in the orders it needs, so any one of them runs alone
    // (`--test-name-pattern`) or in any order.
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeEach(async () => {
      mall = await connect(s, { initialOrders: 0 });
    });
    afterEach(() => mall.sandbox.close());

    /** Orders made at the mall and collected; the lines as the API lists them. */
    const collected = async (input: { count: number; status?: 'paid' | 'confirmed' }) => {
      await mall.admin.createOrders(input);
      const { job } = await runJob(s, 'collect', mall.accountId);
      assert.equal(job.state, 'succeeded', job.error);
      return linesOf(mall.accountId);
    };

    it('collect brings every waiting order in once; a second run duplicates nothing', async () => {
      const created = await mall.admin.createOrders({ count: 40 });
      const { job, results } = await runJob(s, 'collect', mall.accountId);
      assert.equal(job.state, 'succeeded', job.error);
      assert.equal(job.ok, 40);
      assert.equal(results.length, 40);
      const rows = await linesOf(mall.accountId);
      assert.equal(new Set(rows.map((r) => r.mall_order_id)).size, created.length);
      assert.equal(new Set(rows.map((r) => r.mall_line_id)).size, rows.length);
      assert.ok(rows.every((r) => typeof r.mall_order_id === 'string' && (r.status === 'PAID' || r.status === 'NEW')));
      // The history says it in words: the mall by name, our status by its label, the mall's code kept beside (a stored
      // Message, here in Korean; history-reasons.test.ts reads it in both languages).
      const { reason } = await s.deps.db('status_history').where({ entity_id: rows[0]!.line_id, action: 'collect' }).first();
      assert.match(
        render(readStoredText(reason as string), 'ko'),
        name === 'coupang' ? /^쿠팡 수집: (결제완료|신규주문) \(\w+\)$/ : /^네이버 스마트스토어 수집: (결제완료|신규주문) \(.+\)$/,
      );
      const again = await runJob(s, 'collect', mall.accountId);
      assert.equal(again.job.state, 'succeeded');
      assert.equal(again.job.ok, 0);
      assert.equal(again.job.skipped, 40);
      assert.equal((await linesOf(mall.accountId)).length, rows.length);
    });

    it('orders cancelled before collection are not collected', async () => {
      const [order] = await mall.admin.createOrders({ count: 1 });
      const orderId = order.orderId ?? String(order.orderId);
      await mall.admin.event(orderId, 'buyer_cancel');
      await mall.admin.event(orderId, 'cancel_complete');
      await runJob(s, 'collect', mall.accountId);
      const rows = await linesOf(mall.accountId);
      assert.ok(!rows.some((r) => r.mall_order_id === orderId));
    });

    it('confirm acknowledges PAID orders at the mall and moves them to NEW', async () => {
      await collected({ count: 4, status: 'confirmed' });
      await collected({ count: 4, status: 'paid' });
      const paid = (await linesOf(mall.accountId)).filter((r) => r.status === 'PAID');
      assert.ok(paid.length > 0, 'the sandbox made some orders unconfirmed');
      const { job } = await runJob(s, 'confirm', mall.accountId);
      assert.equal(job.state, 'succeeded', job.error);
      assert.equal(job.ok, paid.length);
      const after = await linesOf(mall.accountId);
      assert.ok(after.filter((r) => paid.some((p) => p.line_id === r.line_id)).every((r) => r.status === 'NEW'));
      const history = await s.deps.db('status_history').where({ actor_type: 'job', action: 'confirm' }).count({ n: '*' });
      assert.ok(Number(history[0]!.n) >= paid.length, 'recorded under the job');
    });

    it('send invoices moves shipped boxes to IN_TRANSIT; the sandbox has the numbers', async () => {
      const rows = (await collected({ count: 8 })).slice(0, 6);
      await shipAll(rows);
      const { job, results } = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(job.state, 'succeeded', JSON.stringify(results.filter((r: { result: string }) => r.result !== 'ok')));
      const after = (await linesOf(mall.accountId)).filter((r) => rows.some((x) => x.line_id === r.line_id));
      assert.ok(after.every((r) => r.status === 'IN_TRANSIT'));
      const boxes = await s.deps.db('boxes').whereIn(
        'id',
        s.deps
          .db('order_lines')
          .whereIn(
            'id',
            rows.map((r) => r.line_id),
          )
          .select('box_id'),
      );
      assert.ok(boxes.every((b: { send_status: string; sent_at: string }) => b.send_status === 'sent' && b.sent_at));
      const again = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(again.job.total, 0, 'sent boxes are not sent twice');
    });

    it('a buyer cancel after collection reaches the order by sync, and a later ship is refused', async () => {
      await collected({ count: 3, status: 'paid' });
      await runJob(s, 'confirm', mall.accountId);
      const target = (await linesOf(mall.accountId)).find((r) => r.status === 'NEW')!;
      await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: target.line_id, version: target.line_version }] });
      const seen = (await linesOf(mall.accountId)).find((r) => r.line_id === target.line_id)!;
      const mallOrder = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === target.mall_order_id);
      await mall.admin.event(String(mallOrder.orderId), 'buyer_cancel');
      const { job } = await runJob(s, 'sync', mall.accountId);
      assert.notEqual(job.state, 'failed', job.error);
      const after = (await linesOf(mall.accountId)).find((r) => r.line_id === target.line_id)!;
      assert.equal(after.status, 'CANCEL_REQUESTED');
      assert.ok(after.line_version > seen.line_version, 'the claim moved the version');
      const detail = (await s.call('GET', `/api/orders/${target.order_id}`)).body;
      const claim = detail.claims.find((c: { line_id: string }) => c.line_id === target.line_id);
      assert.equal(claim.source, 'mall');
      const stale = await s.call('POST', '/api/transitions', {
        action: 'set_invoice',
        courier: 'CJ',
        items: [{ id: seen.line_id, version: seen.line_version, tracking_number: cj() }],
      });
      assert.equal(stale.body.results[0].code, 'stale_version', 'a sheet pulled before the cancel cannot overwrite it');
      const fresh = await s.call('POST', '/api/transitions', { action: 'ship', items: [{ id: after.line_id, version: after.line_version }] });
      assert.equal(fresh.body.results[0].code, 'illegal_transition');
    });

    /** Something happens at the mall to this line's parcel (Coupang names its shipment, Naver the product order). */
    const atMall = async (row: Row, event: string) => {
      const mallOrder = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === row.mall_order_id);
      const extra: Record<string, string> = name === 'coupang' ? { shipmentBoxId: row.mall_shipment_id! } : { productOrderId: row.mall_line_id };
      await mall.admin.event(String(mallOrder.orderId), event, extra);
    };
    const deliverAtMall = (row: Row) => atMall(row, 'deliver');
    /** One collected order shipped and sent: its line, in transit. */
    const inTransit = async () => {
      await shipAll(await collected({ count: 1 }));
      assert.equal((await runJob(s, 'send_invoices', mall.accountId)).job.state, 'succeeded');
      return (await linesOf(mall.accountId)).find((r) => r.status === 'IN_TRANSIT')!;
    };

    it('a delivery at the mall reaches the order by sync', async () => {
      await shipAll(await collected({ count: 2 }));
      const sent = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(sent.job.state, 'succeeded', JSON.stringify(sent.results));
      const moving = (await linesOf(mall.accountId)).find((r) => r.status === 'IN_TRANSIT')!;
      await deliverAtMall(moving);
      await runJob(s, 'sync', mall.accountId);
      const after = (await linesOf(mall.accountId)).find((r) => r.line_id === moving.line_id)!;
      assert.equal(after.status, 'DELIVERED');
    });

    it('a return requested and completed at the mall between two syncs reaches the order as returned (it stayed pending as illegal)', async () => {
      const moving = await inTransit();
      await atMall(moving, 'return_request');
      await atMall(moving, 'return_complete');
      const { job, results } = await runJob(s, 'sync', mall.accountId);
      assert.equal(job.state, 'succeeded', JSON.stringify(results));
      // Two words of the mall about one line: one result, and the progress counts it once.
      assert.equal(job.total, job.ok + job.failed + job.skipped, JSON.stringify(job));
      const after = (await linesOf(mall.accountId)).find((r) => r.line_id === moving.line_id)!;
      assert.equal(after.status, 'RETURNED');
      const claim = (await s.call('GET', `/api/orders/${moving.order_id}`)).body.claims.find(
        (c: { line_id: string }) => c.line_id === moving.line_id,
      );
      assert.deepEqual([claim.type, claim.state], ['return', 'completed']);
      // Its goods are now awaited back (반품 입고).
      const awaited = (await s.call('GET', '/api/cs/returns')).body.items as { line_id: string }[];
      assert.ok(awaited.some((i) => i.line_id === moving.line_id));
    });

    it('an exchange the buyer turned into a return at the mall between two syncs becomes a return here, in one sync', async () => {
      const moving = await inTransit();
      await deliverAtMall(moving); // Coupang takes exchanges of delivered boxes only
      await atMall(moving, 'exchange_request');
      await runJob(s, 'sync', mall.accountId);
      assert.equal((await linesOf(mall.accountId)).find((r) => r.line_id === moving.line_id)!.status, 'EXCHANGE_REQUESTED');
      await atMall(moving, 'claim_withdraw');
      await atMall(moving, 'return_request');
      const { job, results } = await runJob(s, 'sync', mall.accountId);
      assert.equal(job.state, 'succeeded', JSON.stringify(results));
      // The switch takes two steps, each a result the total counts.
      assert.equal(job.total, job.ok + job.failed + job.skipped, JSON.stringify(job));
      assert.equal((await linesOf(mall.accountId)).find((r) => r.line_id === moving.line_id)!.status, 'RETURN_REQUESTED');
      const claims = (await s.call('GET', `/api/orders/${moving.order_id}`)).body.claims.filter(
        (c: { line_id: string }) => c.line_id === moving.line_id,
      );
      assert.deepEqual(claims.map((c: { type: string; state: string }) => `${c.type}:${c.state}`).sort(), ['exchange:withdrawn', 'return:requested']);
    });

    it('a return entered here (the buyer phoned) stays through a sync of a mall that never had it', async () => {
      await shipAll(await collected({ count: 1 }));
      assert.equal((await runJob(s, 'send_invoices', mall.accountId)).job.state, 'succeeded');
      const moving = (await linesOf(mall.accountId)).find((r) => r.status === 'IN_TRANSIT')!;
      const claimed = await s.call('POST', '/api/transitions', {
        action: 'claim',
        claim_type: 'return',
        reason: '고객 전화: 단순 변심',
        items: [{ id: moving.line_id, version: moving.line_version }],
      });
      assert.equal(claimed.body.results[0].result, 'applied', JSON.stringify(claimed.body));
      // The mall moves the parcel on without any claim: the sync sees the line, with no claim there.
      await deliverAtMall(moving);
      const { results } = await runJob(s, 'sync', mall.accountId);
      const after = (await linesOf(mall.accountId)).find((r) => r.line_id === moving.line_id)!;
      assert.equal(after.status, 'RETURN_REQUESTED', 'not withdrawn by the sync');
      const claim = (await s.call('GET', `/api/orders/${moving.order_id}`)).body.claims.find(
        (c: { line_id: string }) => c.line_id === moving.line_id,
      );
      assert.deepEqual([claim.source, claim.state], ['manual', 'requested']);
      assert.equal(results.find((r: { ref_id: string | null }) => r.ref_id === moving.line_id)?.code, 'own_claim');
    });

    it('a line of no mall in the box (a gift) travels with it: in transit on send, delivered on the sync that delivers the box', async () => {
      const [row] = await collected({ count: 1, status: 'confirmed' });
      // A gift line as a gift rule adds it: the order's, of no mall account, at the order's status.
      const mallLine = await s.deps.db('order_lines').where({ id: row!.line_id }).first();
      const giftId = newId(ID_PREFIX.line);
      await s.deps.db('order_lines').insert({
        ...mallLine,
        id: giftId,
        line_no: mallLine.line_no + 1,
        mall_account_id: null,
        mall_line_id: null,
        mall_shipment_id: null,
        mall_product_id: null,
        mall_option_id: null,
        unit_price: 0,
        amount: 0,
        version: 1,
      });
      await shipAll([row!]);
      const status = async (id: string) => (await s.deps.db('order_lines').where({ id }).first()).status;
      assert.deepEqual([await status(row!.line_id), await status(giftId)], ['SHIPPED', 'SHIPPED']);
      const sent = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(sent.job.state, 'succeeded', JSON.stringify(sent.results));
      assert.deepEqual(
        sent.results.map((r: { ref_type: string }) => r.ref_type),
        ['box'],
        'the job reports the box, not the gift',
      );
      assert.deepEqual([await status(row!.line_id), await status(giftId)], ['IN_TRANSIT', 'IN_TRANSIT']);

      const mallOrder = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === row!.mall_order_id);
      const extra: Record<string, string> = name === 'coupang' ? { shipmentBoxId: row!.mall_shipment_id! } : { productOrderId: row!.mall_line_id };
      await mall.admin.event(String(mallOrder.orderId), 'deliver', extra);
      const synced = await runJob(s, 'sync', mall.accountId);
      assert.equal(synced.job.state, 'succeeded', JSON.stringify(synced.results));
      assert.deepEqual([await status(row!.line_id), await status(giftId)], ['DELIVERED', 'DELIVERED']);
      assert.ok(
        synced.results.every((r: { ref_id: string }) => r.ref_id !== giftId),
        'the sync reports the mall lines only',
      );

      // A direct order's line merged into the same box was delivered with it; the mall buyer's purchase
      // confirmation is theirs alone: it confirms the gift of their order, never the direct order.
      const direct = await makeOrder(s.deps.db, { status: 'DELIVERED', lines: 1 });
      const boxId = (await s.deps.db('order_lines').where({ id: row!.line_id }).first()).box_id;
      await s.deps.db('order_lines').where({ id: direct.lineIds[0] }).update({ box_id: boxId, mall_line_id: null });
      await mall.admin.event(String(mallOrder.orderId), 'purchase_confirm', extra);
      const confirmed = await runJob(s, 'sync', mall.accountId);
      assert.equal(confirmed.job.state, 'succeeded', JSON.stringify(confirmed.results));
      assert.deepEqual(
        [await status(row!.line_id), await status(giftId), await status(direct.lineIds[0]!)],
        ['PURCHASE_CONFIRMED', 'PURCHASE_CONFIRMED', 'DELIVERED'],
      );
    });

    it('faults: 429 and 500 are retried; the job still ends with every order once', async () => {
      await mall.admin.createOrders({ count: 5 });
      await mall.admin.addFaults([
        { kind: 'status', status: 429, retryAfter: 0, count: 1 },
        { kind: 'status', status: 500, count: 2 },
        { kind: 'malformed', count: 1 },
      ]);
      const { job } = await runJob(s, 'collect', mall.accountId);
      assert.equal(job.state, 'succeeded', job.error);
      assert.equal(job.ok, 5);
    });

    it('an order whose recipient name holds a NUL byte is collected, without it (PostgreSQL refused it for good)', async () => {
      const [made] = await mall.admin.createOrders({
        count: 1,
        recipient: { name: '널\u0000수취', zip: '06236', address1: '서울 강남구 테헤란로 1' },
      });
      const { job } = await runJob(s, 'collect', mall.accountId);
      assert.equal(job.state, 'succeeded', job.error);
      const line = (await linesOf(mall.accountId)).find((l) => l.mall_order_id === String(made.orderId));
      assert.ok(line, 'collected');
      const order = (await s.call('GET', `/api/orders/${line.order_id}`)).body;
      assert.equal(order.recipient_name, '널수취');
    });

    it('answers the mall keeps sending unreadable fail the job saying so (not "did not answer")', async () => {
      await mall.admin.addFaults([{ kind: 'malformed', count: 50 }]);
      try {
        const failed = await runJob(s, 'collect', mall.accountId);
        assert.equal(failed.job.state, 'failed');
        assert.match(failed.job.error, /^Could not read the answer of (Coupang|Naver SmartStore) \(unreadable answer \(HTTP 200\)\)$/);
      } finally {
        await fetch(`${(mall.sandbox as unknown as { url: string }).url}/_sandbox/faults`, { method: 'DELETE' });
      }
    });

    it('a fault that outlasts the retries fails the job with the reason; the re-run collects each order once', async () => {
      await mall.admin.createOrders({ count: 4 });
      const before = (await linesOf(mall.accountId)).length;
      await mall.admin.addFaults([{ kind: 'status', status: 503, count: 50 }]);
      const failed = await runJob(s, 'collect', mall.accountId);
      assert.equal(failed.job.state, 'failed');
      assert.match(failed.job.error, /^(Coupang|Naver SmartStore) did not answer or kept failing \(HTTP 503\)$/);
      await fetch(`${(mall.sandbox as unknown as { url: string }).url}/_sandbox/faults`, { method: 'DELETE' });
      const rerun = await runJob(s, 'collect', mall.accountId);
      assert.equal(rerun.job.state, 'succeeded', rerun.job.error);
      const rows = await linesOf(mall.accountId);
      assert.equal(new Set(rows.map((r) => r.mall_line_id)).size, rows.length, 'no line twice');
      assert.ok(rows.length > before);
    });
  });

  describe(`${name}: a number changed after the mall had it (invoice import overwrite → send)`, () => {
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeEach(async () => {
      mall = await connect(s, { initialOrders: 0 });
    });
    afterEach(() => mall.sandbox.close());

    /** The numbers the sandbox mall itself holds for an order. */
    const numbersAtMall = async (mallOrderId: string): Promise<string[]> => {
      const order = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === mallOrderId);
      return name === 'coupang'
        ? order.boxes.map((b: { invoiceNumber: string | null }) => b.invoiceNumber)
        : order.productOrders.map((p: { trackingNumber: string | null }) => p.trackingNumber);
    };

    const expectation =
      name === 'coupang'
        ? 'goes to the mall through its number-change call (송장수정), and the mall then has the new number'
        : 'is refused saying Naver has no number-change call, and the mall keeps the old number';
    it(expectation, async () => {
      await mall.admin.createOrders({ count: 1, status: 'confirmed' });
      await runJob(s, 'collect', mall.accountId);
      const rows = await linesOf(mall.accountId);
      await shipAll(rows);
      const first = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(first.job.state, 'succeeded', JSON.stringify(first.results));
      const line = await s.deps.db('order_lines').where({ id: rows[0]!.line_id }).first();
      const before = await s.deps.db('boxes').where({ id: line.box_id }).first();
      const mallOrderId = rows[0]!.mall_order_id;
      assert.ok((await numbersAtMall(mallOrderId)).every((n) => n === before.tracking_number));

      // The box is SHIPPED and sent — the state an overwrite re-sends from. Our send job has already moved the
      // lines on to IN_TRANSIT (which overwrite refuses), so they are put back to SHIPPED here.
      await s.deps
        .db('order_lines')
        .whereIn(
          'id',
          rows.map((r) => r.line_id),
        )
        .update({ status: 'SHIPPED', version: s.deps.db.raw('version + 1') });
      const fresh = cj();
      const imported = await s.call('POST', '/api/invoice-imports', {
        source: {
          kind: 'sheet',
          name: '운송장 수정',
          rows: [
            ['고객주문번호', '운송장번호'],
            [line.box_id, fresh],
          ],
        },
        template_id: 'invoice_cj',
        overwrite: true,
      });
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.deepEqual(
        imported.body.results.map((r: { outcome: string; resend: boolean }) => [r.outcome, r.resend]),
        [['overwrite', true]],
      );

      const again = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(again.results.length, 1);
      const after = await s.deps.db('boxes').where({ id: line.box_id }).first();
      if (name === 'coupang') {
        assert.equal(again.results[0].result, 'ok', JSON.stringify(again.results));
        assert.equal(after.send_status, 'sent');
        assert.deepEqual([...new Set(await numbersAtMall(mallOrderId))], [fresh]);
        const lines = await linesOf(mall.accountId);
        assert.ok(lines.every((r) => r.status === 'IN_TRANSIT'));
      } else {
        assert.equal(again.results[0].result, 'failed');
        assert.equal(again.results[0].code, 'NUMBER_CHANGE_UNSUPPORTED');
        assert.match(again.results[0].message, /^The Naver Commerce API has no call to change the tracking number/);
        const ko = (await s.call('GET', `/api/jobs/${again.job.id}/results`, undefined, { lang: 'ko' })).body.items;
        assert.match(ko[0].message, /송장번호를 바꾸는 호출이 없어/);
        assert.equal(after.send_status, 'failed');
        // The box's 전송오류 says the same, in each reader's language.
        const boxIn = async (lang: string) =>
          (await s.call('GET', `/api/orders/${line.order_id}`, undefined, { lang })).body.boxes.find((b: { id: string }) => b.id === line.box_id);
        assert.match((await boxIn('ko')).send_error, /송장번호를 바꾸는 호출이 없어/);
        assert.match((await boxIn('en')).send_error, /^The Naver Commerce API has no call to change the tracking number/);
        assert.ok(
          (await numbersAtMall(mallOrderId)).every((n) => n === before.tracking_number),
          'nothing faked at the mall',
        );
      }
    });
  });

  describe(`${name}: 발주확인 belongs to the mall`, () => {
    // A mall of its own for each test: eight paid orders collected, none confirmed yet.
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeEach(async () => {
      mall = await connect(s, { initialOrders: 0 });
      await mall.admin.createOrders({ count: 8, status: 'paid' });
      await runJob(s, 'collect', mall.accountId);
    });
    afterEach(() => mall.sandbox.close());

    /** Whether the sandbox mall itself has the order confirmed (Coupang INSTRUCT, Naver placeOrderStatus OK). */
    const confirmedAtMall = async (mallOrderId: string): Promise<boolean> => {
      const order = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === mallOrderId);
      return name === 'coupang'
        ? order.boxes.every((b: { status: string }) => b.status === 'INSTRUCT')
        : order.productOrders.every((p: { placeOrderStatus: string }) => p.placeOrderStatus === 'OK');
    };

    it('a local confirm of a mall line is refused; a confirm job for chosen lines confirms exactly those at the mall', async () => {
      const paid = (await linesOf(mall.accountId)).filter((r) => r.status === 'PAID');
      assert.ok(paid.length >= 8, `${paid.length} paid lines`);
      const local = await s.call('POST', '/api/transitions', {
        action: 'confirm',
        items: paid.map((r) => ({ id: r.line_id, version: r.line_version })),
      });
      assert.equal(local.body.applied, 0);
      assert.ok(local.body.results.every((r: { code: string; message: string }) => r.code === 'mall_confirm_required' && /발주확인/.test(r.message)));
      assert.ok((await linesOf(mall.accountId)).filter((r) => paid.some((p) => p.line_id === r.line_id)).every((r) => r.status === 'PAID'));

      const firstOrders = [...new Set(paid.map((r) => r.mall_order_id))].slice(0, 3);
      const chosen = paid.filter((r) => firstOrders.includes(r.mall_order_id));
      // No account named: the lines' own account runs it.
      const res = await s.call('POST', '/api/jobs', { type: 'confirm', line_ids: chosen.map((r) => r.line_id) });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.items.map((i: { mall_account_id: string; started: boolean }) => [i.mall_account_id, i.started]),
        [[mall.accountId, true]],
      );
      await s.deps.runner.idle();
      const jobId = res.body.items[0].job.id;
      const results = (await s.call('GET', `/api/jobs/${jobId}/results?limit=5000`)).body.items;
      assert.equal(results.length, chosen.length);
      for (const r of results) {
        assert.equal(r.result, 'ok', JSON.stringify(r));
        const line = chosen.find((c) => c.line_id === r.ref_id)!;
        assert.equal(r.mall_order_id, line.mall_order_id, 'the result names the mall order');
        assert.ok(r.item_name, 'and the product');
      }
      const after = await linesOf(mall.accountId);
      for (const p of paid) {
        const now = after.find((r) => r.line_id === p.line_id)!;
        assert.equal(now.status, chosen.includes(p) ? 'NEW' : 'PAID', p.line_id);
      }
      for (const id of firstOrders) assert.ok(await confirmedAtMall(id), `${id} confirmed at the mall`);
      const others = [...new Set(paid.map((r) => r.mall_order_id))].filter((id) => !firstOrders.includes(id));
      for (const id of others) assert.equal(await confirmedAtMall(id), false, `${id} left alone at the mall`);
    });

    it('a box whose lines the mall has not confirmed is confirmed there before its number is sent', async () => {
      // A line confirmed only here, as versions before this rule did: the mall still has it unconfirmed.
      const line = (await linesOf(mall.accountId)).find((r) => r.status === 'PAID')!;
      await s.deps.db('order_lines').where({ id: line.line_id }).update({ status: 'NEW' });
      await shipAll((await linesOf(mall.accountId)).filter((r) => r.order_id === line.order_id));
      const { job, results } = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(job.state, 'succeeded', JSON.stringify(results));
      const order = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === line.mall_order_id);
      if (name === 'coupang')
        assert.ok(
          order.boxes.every((b: { status: string; invoiceNumber: string }) => b.status === 'DEPARTURE' && b.invoiceNumber),
          JSON.stringify(order.boxes),
        );
      else
        assert.ok(
          order.productOrders.every(
            (p: { productOrderStatus: string; trackingNumber: string }) => p.productOrderStatus === 'DELIVERING' && p.trackingNumber,
          ),
        );
      assert.equal((await linesOf(mall.accountId)).find((r) => r.line_id === line.line_id)!.status, 'IN_TRANSIT');
      assert.equal(results[0].mall_order_id, line.mall_order_id);
    });

    if (name === 'coupang') {
      it('a box the mall would not confirm is not sent; it says to run 발주확인 first', async () => {
        const line = (await linesOf(mall.accountId)).find((r) => r.status === 'PAID')!;
        await s.deps.db('order_lines').where({ id: line.line_id }).update({ status: 'NEW' });
        await shipAll((await linesOf(mall.accountId)).filter((r) => r.order_id === line.order_id));
        await mall.admin.addFaults([{ kind: 'status', status: 400, count: 1, path: 'acknowledgement' }]);
        const { job, results } = await runJob(s, 'send_invoices', mall.accountId);
        // Its one box failed: a job where every item failed is failed.
        assert.equal(job.state, 'failed');
        assert.equal(results.length, 1);
        assert.equal(results[0].code, 'mall_confirm_required');
        assert.match(results[0].message, /Run 발주확인 \(confirm\) in the orders tab first/);
        // Stored as its code and parameters, rendered when read; a row stored as plain text before reads as it was.
        const row = await s.deps.db('job_results').where({ job_id: job.id }).first();
        assert.match(row.message, /^\{"i18n":"jobs\.confirm_first"/);
        const { id: _id, ...rest } = row;
        await s.deps.db('job_results').insert({ ...rest, message: '예전 결과 문구' });
        const reread = (await s.call('GET', `/api/jobs/${job.id}/results`)).body.items;
        assert.deepEqual(
          reread.map((r: { message: string }) => r.message),
          [results[0].message, '예전 결과 문구'],
        );
        // Named as the operator knows it: the mall's order number and the product, not our box id.
        assert.equal(results[0].mall_order_id, line.mall_order_id);
        assert.ok(results[0].item_name && !String(results[0].item_name).startsWith('box_'));
        const order = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === line.mall_order_id);
        assert.ok(
          order.boxes.every((b: { status: string; invoiceNumber: string | null }) => b.status === 'ACCEPT' && !b.invoiceNumber),
          'nothing reached the mall',
        );
        const box = await s.deps
          .db('boxes')
          .whereIn('id', s.deps.db('order_lines').where({ id: line.line_id }).select('box_id'))
          .first();
        assert.equal(box.send_status, 'failed');
        // Its 전송오류 says so in the reader's language (the lines view, as a sheet pulls it).
        const sendError = async (lang: string) =>
          (await s.call('GET', `/api/order-lines?mall_account_id=${mall.accountId}`, undefined, { lang })).body.items.find(
            (r: { line_id: string }) => r.line_id === line.line_id,
          ).send_error;
        assert.equal(await sendError('en'), results[0].message);
        assert.match(await sendError('ko'), /주문 탭에서 발주확인을 먼저/);
        // The operator confirms (the mall answers now) and sends again: it arrives.
        const again = await runJob(s, 'send_invoices', mall.accountId);
        assert.equal(again.job.state, 'succeeded', JSON.stringify(again.results));
      });
    }
  });

  describe(`${name}: a mall change that could not apply is kept and retried`, () => {
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeAll(async () => {
      mall = await connect(s, { initialOrders: 0 });
      await mall.admin.createOrders({ count: 2, status: 'paid' });
      await runJob(s, 'collect', mall.accountId);
    });
    afterAll(() => mall.sandbox.close());

    const pendingCount = async () =>
      (await s.call('GET', '/api/mall-accounts')).body.items.find((a: { id: string }) => a.id === mall.accountId).pending_changes;
    /** A sync over a period that ends now and starts after every change so far: only what is kept can reach it. */
    const laterSync = async () => {
      await new Promise((r) => setTimeout(r, 1100));
      const to = new Date().toISOString();
      return runJob(s, 'sync', mall.accountId, { from: new Date(Date.parse(to) - 500).toISOString(), to });
    };

    it('a cancel the mall completed after we shipped stays pending, counted, and applies once the line can take it', async () => {
      const rows = await linesOf(mall.accountId);
      await shipAll(rows);
      const [a, b] = [...new Set(rows.map((r) => r.mall_order_id))];
      // The mall cancels both orders outright (our numbers never reached it); here they are already shipped.
      for (const id of [a!, b!]) {
        await mall.admin.event(id, 'buyer_cancel');
        await mall.admin.event(id, 'cancel_complete');
      }
      const first = await runJob(s, 'sync', mall.accountId);
      // Every change it met failed to apply: the job is failed (not 일부 실패), and says so.
      assert.equal(first.job.state, 'failed', first.job.error);
      assert.match(first.job.error, /All \d+ items failed/);
      const linesA = rows.filter((r) => r.mall_order_id === a);
      const linesB = rows.filter((r) => r.mall_order_id === b);
      assert.equal(await pendingCount(), rows.length, 'counted on the account');
      const mismatchView = (await s.call('GET', `/api/mall-accounts/${mall.accountId}/mismatches`)).body;
      assert.equal(mismatchView.pending_changes.length, rows.length);
      assert.ok(
        mismatchView.pending_changes.every(
          (p: { mall_order_id: string; attempts: number; message: string }) => [a, b].includes(p.mall_order_id) && p.attempts === 1 && p.message,
        ),
      );
      // Shown as a record, in Korean whoever asks (this client asks in English), as before.
      assert.ok(mismatchView.pending_changes.every((p: { message: string }) => /^The mall status \(Canceled\)/.test(p.message)));
      // The repo hands the kept changes over parsed and typed, with why they failed as a code: no caller parses JSON.
      const stored = await pendingChanges(s.deps.db, mall.accountId);
      assert.ok(stored.every((p) => [a, b].includes(p.change.mallOrderId) && typeof p.change.changedAt === 'string'));
      assert.ok(stored.every((p) => isMessage(p.message) && p.message.i18n === 'jobs.mismatch'));

      // An operator settles order b another way: dismissed, it is not retried.
      for (const l of linesB) {
        const res = await s.call('DELETE', `/api/mall-accounts/${mall.accountId}/pending-changes/${l.mall_line_id}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
      assert.equal(await pendingCount(), linesA.length);

      // The window has moved past the change; the kept one is tried again (and still cannot apply).
      const second = await laterSync();
      assert.equal(second.job.state, 'failed', 'its only item failed again');
      assert.deepEqual(
        second.results
          .filter((r: { result: string }) => r.result === 'failed')
          .map((r: { ref_id: string }) => r.ref_id)
          .sort(),
        linesA.map((l) => l.line_id).sort(),
      );
      assert.ok(
        second.results.every((r: { mall_order_id: string }) => r.mall_order_id === a),
        'results name the mall order',
      );
      const kept = (await s.call('GET', `/api/mall-accounts/${mall.accountId}/mismatches`)).body.pending_changes;
      assert.ok(kept.every((p: { attempts: number }) => p.attempts === 2));

      // The operator takes the parcel back (cancel requested): the next sync completes the mall's cancel.
      const now = (await linesOf(mall.accountId)).filter((r) => r.mall_order_id === a);
      const claimed = await s.call('POST', '/api/transitions', {
        action: 'claim',
        claim_type: 'cancel',
        items: now.map((r) => ({ id: r.line_id, version: r.line_version })),
      });
      assert.equal(claimed.body.refused, 0, JSON.stringify(claimed.body));
      const third = await laterSync();
      assert.equal(third.job.state, 'succeeded', JSON.stringify(third.results));
      assert.ok((await linesOf(mall.accountId)).filter((r) => r.mall_order_id === a).every((r) => r.status === 'CANCELED'));
      assert.equal(await pendingCount(), 0);
      const fourth = await laterSync();
      assert.equal(fourth.job.total, 0, 'nothing left to retry');
    });
  });

  describe(`${name}: a dismissed mall change`, () => {
    it('stays dismissed when the next sync (whose window overlaps the last) meets the same change again', async () => {
      const mall = await connect(s, { initialOrders: 0 });
      try {
        await mall.admin.createOrders({ count: 1, status: 'paid' });
        await runJob(s, 'collect', mall.accountId);
        const rows = await linesOf(mall.accountId);
        await shipAll(rows);
        const orderId = rows[0]!.mall_order_id;
        // The mall cancels the order outright; here it is already shipped: the change cannot apply.
        await mall.admin.event(orderId, 'buyer_cancel');
        await mall.admin.event(orderId, 'cancel_complete');
        const pending = async () =>
          (await s.call('GET', `/api/mall-accounts/${mall.accountId}/mismatches`)).body.pending_changes as { mall_line_id: string }[];
        const first = await runJob(s, 'sync', mall.accountId);
        assert.equal(first.job.state, 'failed', JSON.stringify(first.results));
        // The operator reads the mall's status by its Korean label, not the mall's code.
        for (const r of first.results as { message: string }[]) {
          assert.match(r.message, /The mall status \(Canceled\)/);
          assert.doesNotMatch(r.message, /[A-Z]{4,}/);
        }
        assert.equal((await pending()).length, rows.length);
        for (const l of rows)
          assert.equal((await s.call('DELETE', `/api/mall-accounts/${mall.accountId}/pending-changes/${l.mall_line_id}`)).status, 200);
        assert.equal((await pending()).length, 0);

        // The next sync continues from the last one minus its overlap: the same change is listed again.
        const second = await runJob(s, 'sync', mall.accountId);
        assert.equal((await pending()).length, 0, 'the dismissed change came back');
        assert.ok(!second.results.some((r: { result: string }) => r.result === 'failed'), JSON.stringify(second.results));
        const account = (await s.call('GET', '/api/mall-accounts')).body.items.find((a: { id: string }) => a.id === mall.accountId);
        assert.equal(account.pending_changes, 0);
      } finally {
        await mall.sandbox.close();
      }
    });
  });

  describe(`${name}: refused credentials`, () => {
    it('a wrong key fails the job with 401 and puts the account in error', async () => {
      const mall = await connect(s, { initialOrders: 3, wrongSecret: true });
      try {
        const { job } = await runJob(s, 'collect', mall.accountId);
        assert.equal(job.state, 'failed');
        // The connector's sentence, once, in the reader's language (it was Korean in English too; then it was wrapped
        // in a generic sentence and the mall's name: "쇼핑몰 인증에 실패했습니다…: 쿠팡: 쿠팡 인증에 실패했습니다…").
        const mallName = name === 'naver' ? ['네이버 ', 'Naver '] : ['쿠팡 ', 'Coupang '];
        const ko = (await s.call('GET', `/api/jobs/${job.id}`, undefined, { lang: 'ko' })).body;
        assert.match(ko.error, new RegExp(`^${mallName[0]}\\S* ?인증에 실패했습니다`));
        assert.match(job.error, new RegExp(`^${mallName[1]}.*refused the credentials`));
        assert.doesNotMatch(ko.error, /쇼핑몰 인증|: 쿠팡|: 네이버/, ko.error);
        assert.doesNotMatch(job.error, /인증에 실패|스마트스토어|쿠팡/, 'only the mall’s own words stay as the mall sent them');
        const account = (await s.call('GET', `/api/mall-accounts/${mall.accountId}`, undefined, { lang: 'ko' })).body;
        assert.equal(account.status, 'error');
        assert.match(account.last_error, /인증/);
        const test = await s.call('POST', `/api/mall-accounts/${mall.accountId}/test`);
        assert.equal(test.body.ok, false);
        assert.match(test.body.message, /^Could not connect: .*refused the credentials/);
      } finally {
        await mall.sandbox.close();
      }
    });
  });
}

describe('jobs API', () => {
  it('a job a switched-off service cannot run is refused naming the job as operators call it (issue 8, item 6)', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, { send_invoice_enabled: false });
      const ko = await s.call('POST', '/api/jobs', { type: 'send_invoices', mall_account_ids: [mall.accountId] }, { lang: 'ko' });
      assert.equal(ko.body.items[0].code, 'service_off');
      assert.match(ko.body.items[0].message, /송장 전송 서비스가 꺼져 있습니다/);
      assert.doesNotMatch(ko.body.items[0].message, /send_invoices/);
      const en = await s.call('POST', '/api/jobs', { type: 'send_invoices', mall_account_ids: [mall.accountId] });
      assert.match(en.body.items[0].message, /the Send tracking numbers service is switched off/);
    } finally {
      await mall.sandbox.close();
    }
  });

  it('refuses a period over 30 days naming the field, and a second run of the same job', async () => {
    const mall = await naverMall(s, { initialOrders: 1 });
    try {
      const long = await s.call('POST', '/api/jobs', {
        type: 'collect',
        mall_account_ids: [mall.accountId],
        from: '2026-09-01T00:00:00Z',
        to: '2026-11-01T00:00:00Z',
      });
      assert.equal(long.status, 400);
      assert.equal(long.body.error.details[0].field, 'to');
      const first = await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [mall.accountId] });
      const second = await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [mall.accountId] });
      assert.equal(first.body.items[0].started, true);
      assert.equal(second.body.items[0].started, false);
      assert.equal(second.body.items[0].code, 'already_running');
      await s.deps.runner.idle();
      const viewer = await s.tokenFor('viewer');
      assert.equal((await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [mall.accountId] }, { token: viewer })).status, 403);
    } finally {
      await mall.sandbox.close();
    }
  });

  it('server-sent events tell a client when a job ends', async () => {
    const mall = await naverMall(s, { initialOrders: 2 });
    const abort = new AbortController();
    try {
      const ticket = (await s.call('POST', '/api/auth/stream-ticket')).body.ticket;
      const stream = await fetch(`${s.url}/api/jobs/events?ticket=${ticket}`, { signal: abort.signal });
      assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader = stream.body!.getReader();
      const started = await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [mall.accountId] });
      const jobId = started.body.items[0].job.id;
      let text = '';
      while (!new RegExp(`"id":"${jobId}"[^\\n]*"state":"succeeded"`).test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      assert.match(text, /event: job/);
      assert.match(text, new RegExp(`"id":"${jobId}"[^\\n]*"state":"succeeded"`));
    } finally {
      abort.abort();
      await s.deps.runner.idle();
      await mall.sandbox.close();
    }
  });

  it('server-sent events speak the language the stream asks for (?lang), not the browser’s Accept-Language', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    await mall.admin.addFaults([{ kind: 'status', status: 500, count: 1000 }]);
    const abort = new AbortController();
    try {
      const ticket = (await s.call('POST', '/api/auth/stream-ticket')).body.ticket;
      // An English browser's EventSource, in a pane set to Korean.
      const stream = await fetch(`${s.url}/api/jobs/events?ticket=${ticket}&lang=ko`, {
        signal: abort.signal,
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      });
      const reader = stream.body!.getReader();
      const started = await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [mall.accountId] });
      const jobId = started.body.items[0].job.id;
      const ended = new RegExp(`"id":"${jobId}"[^\\n]*"state":"failed"[^\\n]*`);
      let text = '';
      while (!ended.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      const event = JSON.parse(
        text
          .split('\n')
          .find((l) => l.startsWith('data: ') && ended.test(l))!
          .slice(6),
      );
      assert.match(event.error, /^(쿠팡|네이버 스마트스토어) 응답이 없거나 오류가 계속됩니다 \(HTTP 5\d\d\)$/, event.error);
    } finally {
      abort.abort();
      await s.deps.runner.idle();
      await mall.sandbox.close();
    }
  });

  it('the schedule collects and syncs due accounts (not a mall without a connector), and only the instance holding the lease does', async () => {
    const mall = await naverMall(s, { initialOrders: 2 });
    const cafe24 = await s.call('POST', '/api/mall-accounts', {
      mall_type: 'cafe24',
      display_name: '카페24 스케줄',
      credentials: { mall_id: 'shop', client_id: 'c', client_secret: 's' },
    });
    assert.equal(cafe24.status, 201, JSON.stringify(cafe24.body));
    try {
      const { startScheduler } = await import('../../server/jobs/scheduler.ts');
      const other = startScheduler({ db: s.deps.db, log: s.deps.log, runner: s.deps.runner }, { everyMinutes: 0 });
      const mine = startScheduler({ db: s.deps.db, log: s.deps.log, runner: s.deps.runner }, { everyMinutes: 0 });
      const first = await mine.tick();
      const jobs = await s.deps.db('jobs').whereIn('id', first).select('type', 'mall_account_id');
      const typesOf = (account: string) => jobs.filter((j) => j.mall_account_id === account).map((j) => j.type);
      // A buyer's cancel reaches the desk by itself: the account is synced on the schedule, not only collected.
      assert.deepEqual(typesOf(mall.accountId).sort(), ['collect', 'sync']);
      assert.deepEqual(typesOf(cafe24.body.id), [], 'an account of a mall without a connector is kept, not run to fail');
      assert.deepEqual(await other.tick(), [], 'another instance stands by while the lease is held');
      await s.deps.runner.idle();
    } finally {
      await s.call('PATCH', `/api/mall-accounts/${cafe24.body.id}`, { active: false });
      await mall.sandbox.close();
    }
  });
});

describe('jobs: windows, races, auto-confirm, guards', () => {
  it('a default run stores its window, and the next sync continues from it', async () => {
    const mall = await naverMall(s, { initialOrders: 2 });
    try {
      const first = await runJob(s, 'sync', mall.accountId);
      assert.ok(first.job.params.from && first.job.params.to, 'the window is kept on the job');
      const second = await runJob(s, 'sync', mall.accountId);
      assert.equal(Date.parse(second.job.params.from), Date.parse(first.job.params.to) - 10 * 60_000);
      const manual = await runJob(s, 'collect', mall.accountId, { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' });
      assert.equal(manual.job.params.manual, true);
      const account = (await s.call('GET', `/api/mall-accounts/${mall.accountId}`)).body;
      assert.notEqual(account.last_collected_at, '2026-11-02T00:00:00.000Z', 'a manual period does not move the schedule');
    } finally {
      await mall.sandbox.close();
    }
  });

  it('requests racing to start the same job start it once', async () => {
    const mall = await naverMall(s, { initialOrders: 1 });
    try {
      // The mall hangs, so the first job is still under way when the others ask: none may start beside it.
      await mall.admin.addFaults([{ kind: 'hang', count: 1000 }]);
      const answers = await Promise.all([1, 2, 3].map(() => s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [mall.accountId] })));
      const started = answers.filter((a) => a.body.items[0].started);
      assert.equal(started.length, 1, JSON.stringify(answers.map((a) => a.body.items[0])));
      await s.call('POST', `/api/jobs/${started[0]!.body.items[0].job.id}/cancel`);
      await s.deps.runner.idle();
    } finally {
      await mall.sandbox.close();
    }
  });

  it('a job just being stored is not taken for one a stopped server left behind', async () => {
    // Starts racing in one process: a start that finds the other's row before that one is registered as running
    // must see a job under way here, not close it as abandoned and start a second one.
    const mall = await naverMall(s, { initialOrders: 1 });
    try {
      await mall.admin.addFaults([{ kind: 'hang', count: 1000 }]);
      const actor = { type: 'system' as const, id: null };
      const tries = await Promise.allSettled(
        Array.from({ length: 12 }, () => s.deps.runner.start({ type: 'collect', accountId: mall.accountId, actor, trigger: 'manual' })),
      );
      const started = tries.filter((t) => t.status === 'fulfilled');
      assert.equal(started.length, 1, 'one job started');
      const jobs = await s.deps.db('jobs').where({ mall_account_id: mall.accountId, type: 'collect' }).select('id', 'state', 'error');
      assert.deepEqual(
        jobs.map((j) => j.state).filter((st) => st === 'failed'),
        [],
        JSON.stringify(jobs),
      );
      await s.call('POST', `/api/jobs/${(started[0] as PromiseFulfilledResult<{ id: string }>).value.id}/cancel`);
      await s.deps.runner.idle();
    } finally {
      await mall.sandbox.close();
    }
  });

  it('auto-confirm confirms what collect brought in unconfirmed', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, { auto_confirm: true });
      await mall.admin.createOrders({ count: 6, status: 'paid' });
      await runJob(s, 'collect', mall.accountId);
      await s.deps.runner.idle();
      const rows = await linesOf(mall.accountId);
      assert.ok(rows.length > 0);
      assert.ok(
        rows.every((r) => r.status === 'NEW'),
        JSON.stringify(rows.map((r) => r.status)),
      );
      const jobs = (await s.call('GET', `/api/jobs?mall_account_id=${mall.accountId}&type=confirm`)).body.items;
      assert.equal(jobs[0].trigger, 'auto');
      assert.equal(jobs[0].state, 'succeeded');
    } finally {
      await mall.sandbox.close();
    }
  });

  it('a running job can be canceled', async () => {
    const mall = await naverMall(s, { initialOrders: 3 });
    try {
      await mall.admin.addFaults([{ kind: 'delay', ms: 400, count: 3 }]);
      const started = await s.call('POST', '/api/jobs', { type: 'collect', mall_account_ids: [mall.accountId] });
      const id = started.body.items[0].job.id;
      const cancel = await s.call('POST', `/api/jobs/${id}/cancel`);
      assert.equal(cancel.body.canceling, true);
      await s.deps.runner.idle();
      assert.equal((await s.call('GET', `/api/jobs/${id}`)).body.state, 'canceled');
    } finally {
      await mall.sandbox.close();
    }
  });

  it('periods in the future or for jobs without one are refused, naming the field', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      const future = new Date(Date.now() + 86400_000).toISOString();
      const res = await s.call('POST', '/api/jobs', {
        type: 'collect',
        mall_account_ids: [mall.accountId],
        from: new Date().toISOString(),
        to: future,
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.details[0].field, 'to');
      const confirm = await s.call('POST', '/api/jobs', {
        type: 'confirm',
        mall_account_ids: [mall.accountId],
        from: '2026-11-01T00:00:00Z',
        to: '2026-11-02T00:00:00Z',
      });
      assert.equal(confirm.status, 400);
      const half = await s.call('POST', '/api/jobs', { type: 'sync', mall_account_ids: [mall.accountId], from: '2026-11-01T00:00:00Z' });
      assert.equal(half.body.error.details[0].field, 'to');
    } finally {
      await mall.sandbox.close();
    }
  });

  it('credentials only travel to a new address when given again, and never over plain http to another host', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      const moved = await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, { base_url: 'https://attacker.example' });
      assert.equal(moved.status, 400);
      assert.equal(moved.body.error.details[0].field, 'credentials');
      const plain = await s.call('PATCH', `/api/mall-accounts/${mall.accountId}`, {
        base_url: 'http://10.0.0.5',
        credentials: { client_id: 'x', client_secret: 'y' },
      });
      assert.equal(plain.status, 400);
      assert.equal(plain.body.error.details[0].field, 'base_url');
      const cafe24 = await s.call('POST', '/api/mall-accounts', {
        mall_type: 'cafe24',
        display_name: '카페24',
        credentials: { mall_id: 'shop', client_id: 'a', client_secret: 'b' },
      });
      // The refusal is in the caller's language (it was Korean for everyone).
      const test = await s.call('POST', `/api/mall-accounts/${cafe24.body.id}/test`, undefined, { lang: 'ko' });
      assert.equal(test.status, 409);
      assert.equal(test.body.error.code, 'unsupported_mall');
      assert.equal(test.body.error.message, '카페24 연동은 아직 지원하지 않습니다 (계정은 저장되어 있습니다)');
      const en = await s.call('POST', `/api/mall-accounts/${cafe24.body.id}/test`, undefined, { lang: 'en' });
      assert.equal(en.body.error.message, 'Cafe24 is not connected yet (the account is kept)');
    } finally {
      await mall.sandbox.close();
    }
  });
});
