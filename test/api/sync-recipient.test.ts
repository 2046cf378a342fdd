// A buyer changes the delivery address at the mall after we collected the order (Coupang while ACCEPT/INSTRUCT,
// Naver's DELIVERY_ADDRESS_CHANGED): the next sync puts the new recipient on our order through the recipient edit,
// with a history row under the job and new versions, so a sheet pulled before cannot write the old address back.
// Once the box is numbered the change still applies and the job asks for a new label; a correction made here after
// the mall's change is kept; a cancelled order is left alone.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { readStoredText, render } from '../../shared/i18n.ts';
import { coupangMall, naverMall, runJob, type MallFixture, type MallLine } from '../helpers/malls.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { MallError } from '../../server/connectors/http.ts';
import type { ConnectorFactory } from '../../server/connectors/registry.ts';
import type { JobFn } from '../../server/jobs/job-context.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Line = MallLine;
type Result = { ref_id: string | null; mall_order_id: string | null; result: string; code: string | null; message: string | null };

const NEW_ADDRESS = {
  recipient: {
    name: '정다은',
    zip: '48058',
    address1: '부산광역시 해운대구 센텀중앙로 79',
    address2: '1203호',
    phone: '0505-111-2222',
    mobile: '010-3333-4444',
  },
  memo: '경비실에 맡겨 주세요',
};

const MALLS = [
  ['naver', naverMall],
  ['coupang', coupangMall],
] as const;

const orderRow = (id: string) => s.deps.db('orders').where({ id }).first();
/** An order's recipient history, its reasons in Korean (stored Messages). */
const recipientHistory = async (orderId: string) =>
  (
    await s.deps
      .db('status_history')
      .where({ order_id: orderId, entity: 'order' })
      .whereIn('action', ['edit_recipient', 'mall_recipient_change'])
      .orderBy('id')
  ).map((h) => ({ ...h, reason: h.reason === null ? null : render(readStoredText(h.reason as string), 'ko') }));
const cj = cjNumbers(60123456700);

for (const [name, connect] of MALLS) {
  describe(`${name}: a delivery address changed at the mall`, () => {
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeAll(async () => {
      mall = await connect(s, { initialOrders: 0 });
    });
    afterAll(() => mall.sandbox.close());

    /** Collects `count` new confirmed orders; answers their lines by mall order number. */
    async function collected(count: number): Promise<Map<string, Line[]>> {
      const made = await mall.admin.createOrders({ count, status: 'confirmed' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      const ids = new Set(made.map((o: { orderId: string }) => String(o.orderId)));
      const lines = (await s.call('GET', `/api/order-lines?reason=shipping&mall_account_id=${mall.accountId}&limit=10000`)).body.items as Line[];
      const byOrder = new Map<string, Line[]>();
      for (const l of lines) if (ids.has(l.mall_order_id)) byOrder.set(l.mall_order_id, [...(byOrder.get(l.mall_order_id) ?? []), l]);
      assert.equal(byOrder.size, count);
      return byOrder;
    }

    const sync = async () => {
      const { job, results } = await runJob(s, 'sync', mall.accountId);
      return { job, results: results as Result[] };
    };
    const recipientResults = (results: Result[], mallOrderId: string) =>
      results.filter((r) => r.mall_order_id === mallOrderId && r.code?.startsWith('recipient_')).map((r) => `${r.result}:${r.code}`);

    it("an address read the mall fails does not keep a buyer's cancel from the desk; the next sync reads that window again", async () => {
      const orders = await collected(1);
      const [id] = [...orders.keys()];
      const line = orders.get(id!)![0]!;
      await mall.admin.event(
        id!,
        'buyer_cancel',
        name === 'coupang' ? { shipmentBoxId: line.mall_shipment_id! } : { productOrderId: line.mall_line_id },
      );
      // The mall answers everything but the address read.
      const runner = (s.deps.runner as unknown as { deps: { connectorFor: ConnectorFactory } }).deps;
      const real = runner.connectorFor;
      runner.connectorFor = (account, credentials, options) => ({
        ...real(account, credentials, options),
        listRecipientChanges: async () => {
          throw new MallError('transient', 'address read down');
        },
      });
      try {
        const { job, results } = await sync();
        assert.notEqual(job.state, 'failed', JSON.stringify(results));
        assert.ok(
          results.some((r) => r.code === 'recipients_unread' && r.result === 'failed'),
          JSON.stringify(results),
        );
        const now = (await s.call('GET', `/api/order-lines?mall_account_id=${mall.accountId}&q=${id}`)).body.items[0];
        assert.equal(now.status, 'CANCEL_REQUESTED', 'the cancel reached the desk');
        // The next syncs read that window again from where it began, however long the address read stays down: the
        // window does not grow by the overlap at every run.
        for (let again = 0; again < 2; again++) {
          const next = await sync();
          assert.equal(next.job.params.from, job.params.from, JSON.stringify([job.params, next.job.params]));
        }
      } finally {
        runner.connectorFor = real;
      }
    });

    it('sync puts the new recipient on the order, with a history row under the job, and a sheet row of the old address is refused as stale', async () => {
      const orders = await collected(2);
      const [changedId, otherId] = [...orders.keys()];
      const lines = orders.get(changedId!)!;
      const before = await orderRow(lines[0]!.order_id);
      await mall.admin.event(changedId!, 'address_change', NEW_ADDRESS);

      const { job, results } = await sync();
      assert.equal(job.state, 'succeeded', JSON.stringify(job));
      assert.deepEqual(recipientResults(results, changedId!), ['ok:recipient_changed']);
      assert.deepEqual(recipientResults(results, otherId!), [], 'an order whose receiver did not change gets no result');

      const after = await orderRow(lines[0]!.order_id);
      assert.deepEqual(
        [after.recipient_name, after.recipient_zip, after.recipient_address1, after.recipient_address2, after.delivery_memo],
        ['정다은', '48058', '부산광역시 해운대구 센텀중앙로 79', '1203호', '경비실에 맡겨 주세요'],
      );
      assert.equal(after.recipient_phone, '0505-111-2222');
      if (name === 'naver') assert.equal(after.recipient_mobile, '010-3333-4444');
      assert.ok(after.version > before.version, 'the order moved on');
      const history = await recipientHistory(after.id);
      assert.equal(history.length, 1);
      assert.equal(history[0].action, 'edit_recipient');
      assert.equal(history[0].actor_type, 'job');
      assert.equal(history[0].actor_id, job.id);
      assert.match(history[0].reason, /^쇼핑몰 배송지 변경: 수취인, .*주소/);
      assert.doesNotMatch(history[0].reason, /정다은|센텀/, 'the history names cells, never values');

      // Every line of the order has a new version: the sheet pulled before the sync cannot write the old address back.
      const push = await s.call('POST', '/api/sheet/push', {
        rows: lines.map((l) => ({
          line_id: l.line_id,
          line_version: l.line_version,
          recipient_name: before.recipient_name,
          recipient_zip: before.recipient_zip,
        })),
      });
      assert.equal(push.status, 200, JSON.stringify(push.body));
      assert.deepEqual(
        push.body.results.map((r: { result: string; code?: string }) => `${r.result}:${r.code ?? ''}`),
        lines.map(() => 'refused:stale_version'),
      );
      assert.equal((await orderRow(after.id)).recipient_name, '정다은');

      // The next sync sees the same receiver again: nothing more happens.
      const again = await sync();
      assert.deepEqual(recipientResults(again.results, changedId!), []);
      assert.equal((await recipientHistory(after.id)).length, 1);
    });

    it('after the box is numbered the change still applies, and the job asks for a new label (a failure to act on, by mall order number)', async () => {
      const orders = await collected(1);
      const [mallOrderId] = [...orders.keys()];
      const orderId = orders.get(mallOrderId!)![0]!.order_id;
      const version = async () => (await orderRow(orderId)).version as number;
      await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: orderId, version: await version() }] });
      const numbered = await s.call('POST', '/api/transitions', {
        action: 'set_invoice',
        courier: 'CJ',
        items: [{ id: orderId, version: await version(), tracking_number: cj() }],
      });
      assert.equal(numbered.body.refused, 0, JSON.stringify(numbered.body));
      await mall.admin.event(mallOrderId!, 'address_change', NEW_ADDRESS);

      const { job, results } = await sync();
      assert.equal(job.state, 'partial', 'the operator has something to do');
      // Its results written with the change are counted once each, and add up to the total.
      assert.equal(job.total, job.ok + job.failed + job.skipped, JSON.stringify(job));
      assert.ok(job.failed >= 1);
      assert.deepEqual(recipientResults(results, mallOrderId!), ['ok:recipient_changed', 'failed:recipient_reprint']);
      const warning = results.find((r) => r.code === 'recipient_reprint')!;
      assert.equal(warning.ref_id, orderId);
      assert.match(warning.message!, /송장을 다시 출력|reprint the label/);
      assert.match(warning.message!, /운송장출력|Invoiced/);
      const order = await orderRow(orderId);
      assert.equal(order.recipient_address1, '부산광역시 해운대구 센텀중앙로 79');
      const [h] = await recipientHistory(orderId);
      assert.match(h.reason, /송장 재출력\/택배사 주소 변경 필요/);
      // The failures the pane lists hold it.
      const failures = (await s.call('GET', `/api/jobs/${job.id}/results?result=failed`)).body.items as Result[];
      assert.deepEqual(
        failures.map((f) => [f.mall_order_id, f.code]),
        [[mallOrderId, 'recipient_reprint']],
      );
    });

    it('the label notice is recorded with the address change: a sync that dies right after it still leaves the notice', async () => {
      const orders = await collected(1);
      const [mallOrderId] = [...orders.keys()];
      const orderId = orders.get(mallOrderId!)![0]!.order_id;
      const version = async () => (await orderRow(orderId)).version as number;
      await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: orderId, version: await version() }] });
      await s.call('POST', '/api/transitions', {
        action: 'set_invoice',
        courier: 'CJ',
        items: [{ id: orderId, version: await version(), tracking_number: cj() }],
      });
      await mall.admin.event(mallOrderId!, 'address_change', NEW_ADDRESS);
      // The job's last record never happens (the process killed there): only what was written with the change stays.
      const deps = (s.deps.runner as unknown as { deps: { jobs: Record<string, JobFn> } }).deps;
      const real = deps.jobs.sync!;
      deps.jobs.sync = (ctx) =>
        real({
          ...ctx,
          record: async () => {
            throw new Error('killed before the last record');
          },
        });
      try {
        const { job } = await sync();
        assert.equal(job.state, 'failed');
        const failures = (await s.call('GET', `/api/jobs/${job.id}/results?result=failed`)).body.items as Result[];
        assert.deepEqual(
          failures.map((f) => [f.mall_order_id, f.code]),
          [[mallOrderId, 'recipient_reprint']],
        );
      } finally {
        deps.jobs.sync = real;
      }
      assert.equal((await orderRow(orderId)).recipient_address1, '부산광역시 해운대구 센텀중앙로 79');
    });

    it('a recipient corrected here after the mall changed it is kept, the history says so, and the job asks to check', async () => {
      const orders = await collected(1);
      const [mallOrderId] = [...orders.keys()];
      const [line] = orders.get(mallOrderId!)!;
      await mall.admin.event(mallOrderId!, 'address_change', NEW_ADDRESS);
      // The buyer phoned: the operator types an address of their own, after the change at the mall.
      const push = await s.call('POST', '/api/sheet/push', {
        rows: [
          { line_id: line!.line_id, line_version: line!.line_version, recipient_address1: '대전광역시 유성구 대학로 99', recipient_zip: '34134' },
        ],
      });
      assert.equal(push.body.results[0].result, 'applied', JSON.stringify(push.body));

      const { results } = await sync();
      assert.deepEqual(recipientResults(results, mallOrderId!), ['skipped:recipient_kept_ours', 'failed:recipient_check']);
      const order = await orderRow(line!.order_id);
      assert.equal(order.recipient_address1, '대전광역시 유성구 대학로 99');
      const history = await recipientHistory(order.id);
      assert.deepEqual(
        history.map((h: { action: string; actor_type: string }) => `${h.action}:${h.actor_type}`),
        ['edit_recipient:user', 'mall_recipient_change:job'],
      );
    });

    it('a zip corrected here before the buyer changed something else at the mall is not put back: ours is kept, the job asks to check', async () => {
      const orders = await collected(1);
      const [mallOrderId] = [...orders.keys()];
      const [line] = orders.get(mallOrderId!)!;
      const push = await s.call('POST', '/api/sheet/push', {
        rows: [{ line_id: line!.line_id, line_version: line!.line_version, recipient_zip: '34134' }],
      });
      assert.equal(push.body.results[0].result, 'applied', JSON.stringify(push.body));
      // Then, at the mall, the buyer changes the address (the mall still has the zip it always had wrong).
      await mall.admin.event(mallOrderId!, 'address_change', NEW_ADDRESS);
      const { results } = await sync();
      assert.deepEqual(recipientResults(results, mallOrderId!), ['skipped:recipient_kept_ours', 'failed:recipient_check']);
      assert.equal((await orderRow(line!.order_id)).recipient_zip, '34134', 'the correction stays');
    });

    it('a cancelled order is not changed: the change is only recorded', async () => {
      const orders = await collected(1);
      const [mallOrderId] = [...orders.keys()];
      const orderId = orders.get(mallOrderId!)![0]!.order_id;
      await mall.admin.event(mallOrderId!, 'address_change', NEW_ADDRESS);
      const { version } = await orderRow(orderId);
      const cancel = await s.call('POST', '/api/transitions', {
        action: 'claim',
        claim_type: 'cancel',
        claim_state: 'completed',
        reason: '고객 요청',
        items: [{ id: orderId, version }],
      });
      assert.equal(cancel.body.refused, 0, JSON.stringify(cancel.body));
      const before = await orderRow(orderId);

      const { results } = await sync();
      assert.deepEqual(recipientResults(results, mallOrderId!), ['skipped:recipient_not_applied']);
      const after = await orderRow(orderId);
      assert.equal(after.recipient_address1, before.recipient_address1);
      assert.equal(after.version, before.version);
      assert.deepEqual(
        (await recipientHistory(orderId)).map((h: { action: string }) => h.action),
        ['mall_recipient_change'],
      );
    });
  });
}
