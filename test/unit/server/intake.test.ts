// The one intake every source of orders goes through: an order with its numbered lines and their first history
// rows, texts cut to the column sizes, fields a source does not know left null.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { buildLines, buildOrder, historyOf, type IntakeOrigin } from '../../../server/modules/orders/intake.ts';

const origin: IntakeOrigin = { action: 'collect', actor: { type: 'job', id: 'job_1' }, batchId: 'job_1', reason: (l) => `naver ${l.mall_status}` };
const line = { product_name: '햇사과 10kg', quantity: 2, unit_price: 15000, amount: 30000, status: 'PAID', mall_status: 'PAYED' };

describe('intake', () => {
  it('builds an order with numbered lines of its own and one history row per line, all at one time', () => {
    const now = '2026-11-25T01:00:00.000Z';
    const built = buildOrder(
      { source: 'mall', mall_account_id: 'acc_1', channel_kind: 'mall', channel_name: '네이버', orderer_name: '김민준', total_amount: 60000 },
      [line, { ...line, status: 'NEW', mall_status: 'DISPATCHED' }],
      origin,
      now,
    );
    assert.match(built.order.id, /^ord_/);
    assert.equal(built.order.created_at, now);
    assert.deepEqual(
      [built.order.orderer_phone, built.order.recipient_name, built.order.ordered_at, built.order.created_by, built.order.shipping_fee],
      [null, null, null, null, 0],
    );
    assert.deepEqual(
      built.lines.map((l) => [l.order_id, l.line_no, l.status, l.mall_line_id, l.box_id]),
      [
        [built.order.id, 1, 'PAID', null, null],
        [built.order.id, 2, 'NEW', null, null],
      ],
    );
    assert.equal(new Set(built.lines.map((l) => l.id)).size, 2);
    assert.deepEqual(
      built.history.map((h) => [h.entity_id, h.order_id, h.action, h.from_status, h.to_status, h.actor_type, h.actor_id, h.reason, h.batch_id, h.at]),
      built.lines.map((l) => [l.id, built.order.id, 'collect', null, l.status, 'job', 'job_1', `naver ${l.mall_status}`, 'job_1', now]),
    );
  });

  it('cuts texts to the column sizes (PostgreSQL refuses longer ones)', () => {
    const built = buildOrder(
      {
        source: 'direct',
        channel_kind: 'direct',
        channel_name: '직거래',
        orderer_name: '가'.repeat(150),
        delivery_memo: 'm'.repeat(600),
        total_amount: 1,
      },
      [{ ...line, product_name: 'p'.repeat(400), option_text: 'o'.repeat(301) }],
      { ...origin, reason: 'direct trade' },
    );
    assert.equal(built.order.orderer_name.length, 100);
    assert.equal(built.order.delivery_memo!.length, 500);
    assert.equal(built.lines[0]!.product_name.length, 300);
    assert.equal(built.lines[0]!.option_text!.length, 300);
    assert.equal(built.history[0]!.reason, 'direct trade');
  });

  it("dates an order by the KST day it was paid, else ordered, else came in (the desk's order_date)", () => {
    const base = { source: 'mall', channel_kind: 'mall', channel_name: '네이버', orderer_name: '김민준', total_amount: 1 } as const;
    const now = '2026-11-25T16:00:00.000Z'; // 11-26 01:00 in Korea
    const day = (f: Partial<{ paid_at: string; ordered_at: string }>) => buildOrder({ ...base, ...f }, [line], origin, now).order.order_date;
    assert.equal(day({ paid_at: '2026-11-23T15:30:00.000Z', ordered_at: '2026-11-22T01:00:00.000Z' }), '2026-11-24');
    assert.equal(day({ ordered_at: '2026-11-22T14:59:59.000Z' }), '2026-11-22');
    assert.equal(day({}), '2026-11-26');
  });

  it('numbers lines added to an existing order after its last line', () => {
    const lines = buildLines('ord_x', 4, [line, line], '2026-11-25T01:00:00.000Z');
    assert.deepEqual(
      lines.map((l) => l.line_no),
      [4, 5],
    );
    assert.deepEqual(
      historyOf(lines, origin).map((h) => h.order_id),
      ['ord_x', 'ord_x'],
    );
  });
});
