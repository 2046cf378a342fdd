// A send job of hundreds of boxes runs for minutes at a real mall's pace, and operators go on working meanwhile.
// What reaches the mall is each box as it is when its part goes, never as it was when the job started; a number
// changed while the mall was taking the old one is not taken for sent.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { SEND_PART_BOXES } from '../../server/jobs/send-invoices.job.ts';
import { coupangMall, naverMall, runJob, type MallFixture, shipOrders } from '../helpers/malls.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/wait.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

type Row = { line_id: string; order_id: string; box_id: string | null; status: string; tracking_number: string | null };
const linesOf = async (accountId: string): Promise<Row[]> =>
  (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${accountId}&limit=10000`)).body.items;
const orderOf = async (id: string) => (await s.call('GET', `/api/orders/${id}`)).body as { id: string; version: number };

const cj = cjNumbers(70123456700);

const shipAll = (orders: string[]) => shipOrders(s, orders, cj);

const MALLS = [
  ['naver', naverMall, '/product-orders/dispatch'],
  ['coupang', coupangMall, '/orders/invoices'],
] as const;

for (const [name, connect, sendPath] of MALLS) {
  describe(`${name}: boxes changed while a send job runs`, () => {
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeAll(async () => {
      mall = await connect(s, { initialOrders: 0 });
    });
    afterAll(() => mall.sandbox.close());

    /** The tracking numbers the sandbox mall holds, by our box (through the mall's own refs of the box's lines). */
    const numbersAtMall = async (lines: Row[]) => {
      const held = new Map<string, string | null>();
      for (const o of await mall.admin.listOrders())
        if (name === 'naver') for (const po of o.productOrders) held.set(`${o.orderId}`, po.trackingNumber ?? null);
        else for (const b of o.boxes) held.set(`${o.orderId}`, b.invoiceNumber || null);
      const mallOrder = new Map(
        (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${mall.accountId}&limit=10000`)).body.items.map(
          (r: { line_id: string; mall_order_id: string }) => [r.line_id, r.mall_order_id],
        ),
      );
      return (boxId: string) => held.get(mallOrder.get(lines.find((l) => l.box_id === boxId)!.line_id) as string) ?? null;
    };

    it(`each part goes as its boxes are when it is sent (${SEND_PART_BOXES} boxes a part); a number changed in flight is not taken for sent`, async () => {
      await mall.admin.createOrders({ count: SEND_PART_BOXES + 4, status: 'confirmed' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      const orders = [...new Set((await linesOf(mall.accountId)).map((l) => l.order_id))];
      await shipAll(orders);
      const lines = await linesOf(mall.accountId);
      // The job takes the boxes in id order: the first part is the first SEND_PART_BOXES of them.
      const boxes = [...new Set(lines.map((l) => l.box_id!))].sort();
      assert.equal(boxes.length, SEND_PART_BOXES + 4);
      const numberOf = new Map(lines.map((l) => [l.box_id!, l.tracking_number!]));
      const ownerOf = new Map(lines.map((l) => [l.box_id!, l.order_id]));
      const inFlight = boxes[3]!; // in the first part: changed while the mall holds it
      const later = boxes[SEND_PART_BOXES + 1]!; // in the second part: changed before it goes
      const canceled = boxes[SEND_PART_BOXES + 2]!; // in the second part: the buyer phoned to cancel

      // The mall sits on the job's first request while the operator works.
      await mall.admin.addFaults([{ kind: 'delay', ms: 1500, path: sendPath, count: 1 }]);
      const running = runJob(s, 'send_invoices', mall.accountId);
      await waitFor('the first part at the mall', async () => ((await mall.admin.listFaults()).length === 0 ? true : undefined));
      const renumber = async (boxId: string) => {
        const order = await orderOf(ownerOf.get(boxId)!);
        const fresh = cj();
        const res = await s.call('POST', '/api/transitions', {
          action: 'set_invoice',
          courier: 'CJ',
          overwrite: true,
          reason: '번호 오기',
          items: [{ id: order.id, version: order.version, tracking_number: fresh }],
        });
        assert.equal(res.body.applied, 1, JSON.stringify(res.body.results));
        return fresh;
      };
      const inFlightNumber = await renumber(inFlight);
      const laterNumber = await renumber(later);
      const order = await orderOf(ownerOf.get(canceled)!);
      const cancel = await s.call('POST', '/api/transitions', {
        action: 'claim',
        claim_type: 'cancel',
        claim_state: 'requested',
        reason: '고객 전화',
        items: [{ id: order.id, version: order.version }],
      });
      assert.equal(cancel.body.applied, 1, JSON.stringify(cancel.body));

      const { job, results } = await running;
      type Result = { ref_id: string; result: string; code: string | null };
      const resultOf = new Map<string, Result>(results.map((r: Result) => [r.ref_id, r]));
      assert.equal(job.total, boxes.length);
      assert.equal(resultOf.size, boxes.length, 'every box has its result');
      const at = await numbersAtMall(lines);

      // In flight: the mall took the old number; the box says so and is still to be sent.
      assert.deepEqual(
        [resultOf.get(inFlight)!.result, resultOf.get(inFlight)!.code],
        ['failed', 'number_changed'],
        JSON.stringify(resultOf.get(inFlight)),
      );
      assert.equal(at(inFlight), numberOf.get(inFlight));
      const box = await s.deps.db('boxes').where({ id: inFlight }).first();
      assert.equal(box.tracking_number, inFlightNumber);
      assert.equal(box.send_status, 'failed');
      assert.ok(box.sent_at, 'the mall has a number of it: the next send is a change');
      const sendError = async (lang: string) =>
        (await s.call('GET', `/api/orders/${ownerOf.get(inFlight)}`, undefined, { lang })).body.boxes.find((b: { id: string }) => b.id === inFlight)
          .send_error;
      assert.match(await sendError('ko'), new RegExp(`${inFlightNumber}.*${numberOf.get(inFlight)}`));
      assert.match(await sendError('en'), new RegExp(`^The number changed to ${inFlightNumber} while ${numberOf.get(inFlight)} was being sent`));
      for (const l of lines.filter((x) => x.box_id === inFlight))
        assert.equal((await linesOf(mall.accountId)).find((x) => x.line_id === l.line_id)!.status, 'SHIPPED');

      // Changed before its part went: the mall has the new number, never the old one.
      assert.equal(resultOf.get(later)!.result, 'ok', JSON.stringify(resultOf.get(later)));
      assert.equal(at(later), laterNumber);
      // Canceled before its part went: never sent, and says why.
      assert.deepEqual([resultOf.get(canceled)!.result, resultOf.get(canceled)!.code], ['skipped', 'box_changed']);
      assert.equal(at(canceled), null);
      // The rest went as they were.
      const rest = boxes.filter((b) => b !== inFlight && b !== later && b !== canceled);
      assert.deepEqual(
        rest.filter((b) => resultOf.get(b)!.result !== 'ok' || at(b) !== numberOf.get(b)),
        [],
      );
      const after = await linesOf(mall.accountId);
      for (const l of after.filter((x) => rest.includes(x.box_id!) || x.box_id === later)) assert.equal(l.status, 'IN_TRANSIT', l.line_id);

      // The next send takes the in-flight box as a number change: Coupang changes it, Naver has no call for that.
      const again = await runJob(s, 'send_invoices', mall.accountId);
      assert.deepEqual(
        again.results.map((r: { ref_id: string }) => r.ref_id),
        [inFlight],
      );
      const now = await numbersAtMall(lines);
      if (name === 'coupang') {
        assert.equal(again.results[0].result, 'ok', JSON.stringify(again.results));
        assert.equal(now(inFlight), inFlightNumber);
      } else {
        assert.equal(again.results[0].code, 'NUMBER_CHANGE_UNSUPPORTED');
        assert.equal(now(inFlight), numberOf.get(inFlight));
      }
    });
  });
}
