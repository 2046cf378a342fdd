// send-invoices: tracking numbers of 10,000 shipped boxes sent to a sandbox mall by a send-invoices job (reading
// boxes, dispatch calls of 30, marking boxes sent, moving lines to IN_TRANSIT with history, results), against
// the same dispatch calls for 10,000 boxes of a second sandbox with nothing around them, in the same run.
import type { InvoiceTarget } from '../server/connectors/types.ts';
import { listChanged, queryDetails } from '../server/connectors/naver/feed.ts';
import { dispatchBoxes } from '../server/connectors/naver/dispatch.ts';
import { benchServer, report, round, seconds } from './harness.ts';
import { naverWithOrders } from './mall-fixture.ts';

const BOXES = 10_000;

export async function run(): Promise<void> {
  const s = await benchServer();
  const db = s.deps.db;
  try {
    const main = await naverWithOrders(s.deps, BOXES, 201);
    const window = () => ({ from: new Date(Date.now() - 4 * 86400_000).toISOString(), to: new Date().toISOString() });
    await s.deps.runner.start({
      type: 'collect',
      accountId: main.accountId,
      params: window(),
      actor: { type: 'system', id: null },
      trigger: 'manual',
    });
    await s.deps.runner.idle();

    // Every collected order becomes one shipped box with its own number (setup, not timed).
    const now = new Date().toISOString();
    const orders = (await db('orders').where({ mall_account_id: main.accountId }).select('id')) as { id: string }[];
    const boxes = orders.map((o, i) => ({ id: `box_bench${i}`, order: o.id, number: String(300000000000 + i * 7) }));
    await db.transaction(async (trx) => {
      await trx.batchInsert(
        'boxes',
        boxes.map((b) => ({
          id: b.id,
          courier: 'CJ',
          tracking_number: b.number,
          invoiced_at: now,
          shipped_at: now,
          send_status: 'not_sent',
          version: 1,
          created_at: now,
          updated_at: now,
        })),
        500,
      );
      for (const b of boxes) await trx('order_lines').where({ order_id: b.order }).update({ box_id: b.id, status: 'SHIPPED' });
    });

    // The baseline sends the same kind of boxes to a second sandbox.
    const other = await naverWithOrders(s.deps, BOXES, 202);
    const details = await queryDetails(other.client, [...(await listChanged(other.client, window())).keys()]);
    const byOrder = new Map<string, InvoiceTarget>();
    for (const d of details) {
      const target = byOrder.get(d.orderId) ?? {
        boxId: `b${byOrder.size}`,
        courier: 'CJ',
        trackingNumber: String(500000000000 + byOrder.size * 7),
        lines: [],
      };
      target.lines.push({
        lineId: d.productOrderId,
        mallLineId: d.productOrderId,
        mallShipmentId: null,
        mallOrderId: d.orderId,
        mallProductId: null,
        mallOptionId: null,
      });
      byOrder.set(d.orderId, target);
    }
    const base = await seconds(async () => dispatchBoxes(other.client, [...byOrder.values()], new Date()));
    const job = await seconds(async () => {
      await s.deps.runner.start({ type: 'send_invoices', accountId: main.accountId, actor: { type: 'system', id: null }, trigger: 'manual' });
      await s.deps.runner.idle();
    });
    const sent = await db('boxes').where({ send_status: 'sent' }).count({ n: '*' });
    const moved = await db('order_lines').where({ mall_account_id: main.accountId, status: 'IN_TRANSIT' }).count({ n: '*' });
    if (Number(sent[0]!.n) !== BOXES) throw new Error(`expected ${BOXES} boxes sent, got ${sent[0]!.n}`);
    if (base.result.filter((o) => o.ok).length !== byOrder.size) throw new Error('baseline dispatch had failures');
    await main.sandbox.close();
    await other.sandbox.close();
    report({
      bench: 'send-invoices',
      database: 'sqlite',
      mall: 'naver sandbox',
      boxes: BOXES,
      lines_in_transit: Number(moved[0]!.n),
      seconds: round(job.seconds),
      boxes_per_second: Math.round(BOXES / job.seconds),
      baseline_seconds: round(base.seconds),
      baseline: 'the same dispatch calls (30 lines each) for 10,000 boxes, no database',
      ratio: round(job.seconds / base.seconds, 2),
      target_ratio: 2,
    });
  } finally {
    await s.close();
  }
}
