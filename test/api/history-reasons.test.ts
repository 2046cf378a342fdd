// The reasons jobs and automatic steps write into an order's history are stored as Messages: the order detail says
// them in the reader's language (the mall's own status code kept as the mall sent it), while what an operator typed,
// and rows written before, read as they were written.
import assert from 'node:assert/strict';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { STATUS_LABELS, type Status } from '../../shared/lifecycle.ts';
import { MALL_NAMES } from '../../shared/malls.ts';
import { coupangMall, mallLinesOf, naverMall, runJob, shipOrders, type MallFixture } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type HistoryEntry = { entity: string; entity_id: string; action: string; to_status: string; actor_type: string; reason: string | null };
type Detail = { lines: { id: string; status: string; mall_status: string | null }[]; history: HistoryEntry[] };
const detailIn = async (orderId: string, lang: 'ko' | 'en') => (await s.call('GET', `/api/orders/${orderId}`, undefined, { lang })).body as Detail;

let serial = 80234567800;
const cj = () => {
  const body = String(++serial);
  return body + String(BigInt(body) % 7n);
};

const malls = [
  ['naver', naverMall],
  ['coupang', coupangMall],
] as const;

for (const [name, connect] of malls) {
  describe(`${name}: history reasons of jobs`, () => {
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeEach(async () => {
      mall = await connect(s, { initialOrders: 0 });
    });
    afterEach(() => mall.sandbox.close());

    it('a collected line says where it came from in Korean and in English, the mall status code as the mall sent it', async () => {
      await mall.admin.createOrders({ count: 1 });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      const [line] = await mallLinesOf(s, mall.accountId);
      const ko = await detailIn(line!.order_id, 'ko');
      const en = await detailIn(line!.order_id, 'en');
      const status = ko.lines[0]!.status as Status;
      const code = ko.lines[0]!.mall_status!;
      assert.ok(code, 'the mall gave a status code');
      const collectOf = (d: Detail) => d.history.find((h) => h.action === 'collect' && h.entity_id === line!.line_id)!.reason;
      assert.equal(collectOf(ko), `${MALL_NAMES[name].ko} 수집: ${STATUS_LABELS[status].ko} (${code})`);
      assert.equal(collectOf(en), `Collected from ${MALL_NAMES[name].en}: ${STATUS_LABELS[status].en} (${code})`);
    });

    it('a status a sync moves says so in each language; an operator’s typed reason and an old plain row stay as written', async () => {
      await mall.admin.createOrders({ count: 1 });
      await runJob(s, 'collect', mall.accountId);
      const collected = await mallLinesOf(s, mall.accountId);
      const orderId = collected[0]!.order_id;
      const paid = collected.filter((l) => l.status === 'PAID').map((l) => l.line_id);
      if (paid.length) await s.call('POST', '/api/jobs', { type: 'confirm', line_ids: paid });
      await s.deps.runner.idle();
      // An operator deletes the order with a typed reason and brings it back before shipping.
      for (const [action, reason] of [
        ['delete', '중복 주문으로 보여 삭제 (고객 확인 중)'],
        ['undelete', 'Not a duplicate after all'],
      ]) {
        const order = (await s.call('GET', `/api/orders/${orderId}`)).body;
        const res = await s.call('POST', '/api/transitions', { action, reason, items: [{ id: order.id, version: order.version }] });
        assert.equal(res.body.refused, 0, JSON.stringify(res.body.results));
      }
      await shipOrders(s, [orderId], cj);
      assert.equal((await runJob(s, 'send_invoices', mall.accountId)).job.state, 'succeeded');
      const moving = (await mallLinesOf(s, mall.accountId))[0]!;
      assert.equal(moving.status, 'IN_TRANSIT');
      const mallOrder = (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === moving.mall_order_id);
      const extra: Record<string, string> =
        name === 'coupang' ? { shipmentBoxId: moving.mall_shipment_id! } : { productOrderId: moving.mall_line_id };
      await mall.admin.event(String(mallOrder.orderId), 'deliver', extra);
      const synced = await runJob(s, 'sync', mall.accountId);
      assert.equal(synced.job.state, 'succeeded', JSON.stringify(synced.results));

      // A row as an older version stored it (plain Korean text).
      await s.deps.db('status_history').where({ entity_id: moving.line_id, action: 'collect' }).update({ reason: '쿠팡 수집: 신규주문 (ACCEPT)' });

      const ko = await detailIn(moving.order_id, 'ko');
      const en = await detailIn(moving.order_id, 'en');
      const code = ko.lines[0]!.mall_status!;
      assert.equal(ko.lines[0]!.status, 'DELIVERED');
      const deliveredOf = (d: Detail) => d.history.find((h) => h.entity_id === moving.line_id && h.to_status === 'DELIVERED')!;
      assert.equal(deliveredOf(ko).actor_type, 'job');
      assert.equal(deliveredOf(ko).reason, `${MALL_NAMES[name].ko} 동기화: 배송완료 (${code})`);
      assert.equal(deliveredOf(en).reason, `Synced from ${MALL_NAMES[name].en}: Delivered (${code})`);
      for (const d of [ko, en]) {
        const typed = (action: string) => d.history.find((h) => h.action === action)?.reason;
        assert.deepEqual(
          [typed('delete'), typed('undelete')],
          ['중복 주문으로 보여 삭제 (고객 확인 중)', 'Not a duplicate after all'],
          'typed as typed',
        );
        assert.equal(d.history.find((h) => h.action === 'collect' && h.entity_id === moving.line_id)!.reason, '쿠팡 수집: 신규주문 (ACCEPT)');
        assert.ok(!JSON.stringify(d.history).includes('i18n'), 'no stored Message reaches the reader as JSON');
      }
    });
  });
}
