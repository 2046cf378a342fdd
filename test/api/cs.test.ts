// The CS lists (issue 12 §6): a return requested more than N days ago (SHIPSHEET_RETURN_PICKUP_DAYS, 3 by default)
// and not completed is flagged return_pickup_delayed with history, by the check and on reading the list; open claims
// by type with their age; cancels withdrawn (the line ships again) listed until acknowledged.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startReturnPickupSchedule } from '../../server/jobs/return-pickup.schedule.ts';
import { makeOrder } from '../helpers/builders.ts';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const DAY = 86400_000;
const line = (id: string) => s.deps.db('order_lines').where({ id }).first();

/** A claim entered by hand on the single line of a new order in `status`; answers the order, line and claim ids. */
async function claimed(status: string, type: 'cancel' | 'return' | 'exchange', reason = '고객 변심') {
  const order = await makeOrder(s.deps.db, { status });
  const lineId = order.lineIds[0]!;
  const res = await s.call('POST', '/api/transitions', {
    action: 'claim',
    claim_type: type,
    claim_state: 'requested',
    reason,
    items: [{ id: lineId, version: (await line(lineId)).version }],
  });
  assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body));
  const claim = await s.deps.db('claims').where({ line_id: lineId }).first();
  return { orderId: order.id, lineId, claimId: claim.id as string };
}

const ago = (days: number) => new Date(Date.now() - days * DAY - 60_000).toISOString();

describe('CS lists', () => {
  it('a return requested more than 3 days ago and not completed is flagged (once, with history) and listed; a recent one is not', async () => {
    const old = await claimed('DELIVERED', 'return');
    const recent = await claimed('DELIVERED', 'return');
    const done = await claimed('DELIVERED', 'return');
    await s.deps
      .db('claims')
      .whereIn('id', [old.claimId, done.claimId])
      .update({ requested_at: ago(3) });
    await s.deps
      .db('claims')
      .where({ id: recent.claimId })
      .update({ requested_at: ago(2) });
    const completed = await s.call('POST', '/api/transitions', {
      action: 'complete_claim',
      items: [{ id: done.lineId, version: (await line(done.lineId)).version }],
    });
    assert.equal(completed.body.results[0].result, 'applied', JSON.stringify(completed.body));

    // The scheduled check flags the overdue return.
    const schedule = startReturnPickupSchedule({ db: s.deps.db, log: s.deps.log }, { days: 3, enabled: false });
    assert.equal(await schedule.tick(), 1);
    const flagged = await line(old.lineId);
    assert.equal(!!flagged.return_pickup_delayed, true);
    assert.equal(!!(await line(recent.lineId)).return_pickup_delayed, false);
    assert.equal(!!(await line(done.lineId)).return_pickup_delayed, false);
    // Why, in the reader's language, as the order detail shows it.
    const delayedIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, old.orderId, lang))
        .filter((h) => h.entity_id === old.lineId && h.action === 'return_pickup_delayed')
        .map((h) => [h.from_status, h.to_status, h.reason]);
    assert.deepEqual(await delayedIn('ko'), [['RETURN_REQUESTED', 'RETURN_REQUESTED', '반품 회수 지연: 요청 후 3일 경과']]);
    assert.deepEqual(await delayedIn('en'), [['RETURN_REQUESTED', 'RETURN_REQUESTED', 'Return pickup overdue: 3 days since requested']]);

    // The list shows it; reading it again flags nothing new, and the recent return joins once it is overdue.
    const viewer = await s.tokenFor('viewer');
    const res = await s.call('GET', '/api/cs/delayed-returns?limit=500', undefined, { token: viewer });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.delay_days, 3);
    assert.equal(res.body.flagged_now, 0);
    const item = res.body.items.find((i: { line_id: string }) => i.line_id === old.lineId);
    assert.ok(item);
    assert.deepEqual([item.claim_id, item.age_days, item.status, item.line_version], [old.claimId, 3, 'RETURN_REQUESTED', flagged.version]);
    assert.equal(
      res.body.items.some((i: { line_id: string }) => i.line_id === recent.lineId || i.line_id === done.lineId),
      false,
    );
    await s.deps
      .db('claims')
      .where({ id: recent.claimId })
      .update({ requested_at: ago(4) });
    const again = await s.call('GET', '/api/cs/delayed-returns?limit=500');
    assert.equal(again.body.flagged_now, 1);
    assert.ok(again.body.items.some((i: { line_id: string }) => i.line_id === recent.lineId));
    assert.equal((await s.deps.db('status_history').where({ entity_id: old.lineId, action: 'return_pickup_delayed' })).length, 1);
  });

  it('claims waiting: open claims by type, oldest first, with their age; completed and withdrawn ones are not waiting', async () => {
    const cancel = await claimed('READY', 'cancel');
    const exchange = await claimed('DELIVERED', 'exchange');
    await s.deps
      .db('claims')
      .where({ id: exchange.claimId })
      .update({ requested_at: ago(5) });
    const all = await s.call('GET', '/api/cs/claims?limit=500');
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const ids = all.body.items.map((i: { claim_id: string }) => i.claim_id);
    assert.ok(ids.includes(cancel.claimId) && ids.includes(exchange.claimId));
    assert.deepEqual([...ids].sort(), ids, 'oldest first');
    const ex = all.body.items.find((i: { claim_id: string }) => i.claim_id === exchange.claimId);
    assert.deepEqual([ex.type, ex.age_days, ex.status, ex.reason], ['exchange', 5, 'EXCHANGE_REQUESTED', '고객 변심']);
    const cancels = await s.call('GET', '/api/cs/claims?type=cancel&limit=500');
    assert.ok(cancels.body.items.every((i: { type: string }) => i.type === 'cancel'));
    assert.ok(cancels.body.items.some((i: { claim_id: string }) => i.claim_id === cancel.claimId));
    // Paging: one at a time reaches every claim.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { claim_id: string }[]; next_cursor: string | null } } = await s.call(
        'GET',
        `/api/cs/claims?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.claim_id));
      cursor = page.body.next_cursor;
    } while (cursor);
    assert.deepEqual(seen, ids);
    const bad = await s.call('GET', '/api/cs/claims?type=refund');
    assert.equal(bad.status, 400);
  });

  it('a withdrawn cancel is listed (the line is back to ship) until acknowledged, with history', async () => {
    const c = await claimed('READY', 'cancel');
    const withdrawn = await s.call('POST', '/api/transitions', {
      action: 'withdraw_claim',
      items: [{ id: c.lineId, version: (await line(c.lineId)).version }],
    });
    assert.equal(withdrawn.body.results[0].result, 'applied', JSON.stringify(withdrawn.body));
    const res = await s.call('GET', '/api/cs/withdrawn-cancels?limit=500');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const item = res.body.items.find((i: { claim_id: string }) => i.claim_id === c.claimId);
    assert.ok(item, 'listed');
    assert.equal(item.status, 'READY');
    assert.ok(item.withdrawn_at);
    const open = await s.call('GET', '/api/cs/claims?type=cancel&limit=500');
    assert.equal(
      open.body.items.some((i: { claim_id: string }) => i.claim_id === c.claimId),
      false,
    );

    const viewer = await s.tokenFor('viewer');
    const refused = await s.call('POST', '/api/cs/withdrawn-cancels/acknowledge', { claim_ids: [c.claimId] }, { token: viewer });
    assert.equal(refused.status, 403);
    const ack = await s.call('POST', '/api/cs/withdrawn-cancels/acknowledge', { claim_ids: [c.claimId, 'clm_nope'] });
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.equal(ack.body.acknowledged, 1);
    assert.deepEqual(
      ack.body.results.map((r: { result: string }) => r.result),
      ['acknowledged', 'not_found'],
    );
    const claim = await s.deps.db('claims').where({ id: c.claimId }).first();
    assert.ok(claim.acknowledged_at);
    assert.ok(claim.acknowledged_by);
    assert.equal((await s.deps.db('status_history').where({ entity_id: c.claimId, action: 'acknowledge_withdrawal' })).length, 1);
    const detail = await s.call('GET', `/api/orders/${c.orderId}`);
    assert.ok(detail.body.claims.find((x: { id: string }) => x.id === c.claimId).acknowledged_at, 'the order shows it acknowledged');
    const after = await s.call('GET', '/api/cs/withdrawn-cancels?limit=500');
    assert.equal(
      after.body.items.some((i: { claim_id: string }) => i.claim_id === c.claimId),
      false,
    );
    const twice = await s.call('POST', '/api/cs/withdrawn-cancels/acknowledge', { claim_ids: [c.claimId] });
    assert.equal(twice.body.results[0].result, 'not_found');
  });

  it('a withdrawn cancel a later claim took over is not listed as to ship again: the new claim waits in 클레임대기', async () => {
    const c = await claimed('READY', 'cancel');
    const withdraw = await s.call('POST', '/api/transitions', {
      action: 'withdraw_claim',
      items: [{ id: c.lineId, version: (await line(c.lineId)).version }],
    });
    assert.equal(withdraw.body.results[0].result, 'applied', JSON.stringify(withdraw.body));
    const listed = async () =>
      (await s.call('GET', '/api/cs/withdrawn-cancels?limit=500')).body.items.some((i: { claim_id: string }) => i.claim_id === c.claimId);
    assert.equal(await listed(), true);
    // The buyer cancels again (or a sync re-enters the mall's cancel).
    const again = await s.call('POST', '/api/transitions', {
      action: 'claim',
      claim_type: 'cancel',
      claim_state: 'requested',
      reason: '다시 취소 요청',
      items: [{ id: c.lineId, version: (await line(c.lineId)).version }],
    });
    assert.equal(again.body.results[0].result, 'applied', JSON.stringify(again.body));
    assert.equal(await listed(), false, 'the line is under an open cancel again, not back to ship');
    const waiting = await s.call('GET', '/api/cs/claims?type=cancel&limit=500');
    assert.ok(waiting.body.items.some((i: { line_id: string }) => i.line_id === c.lineId));
  });

  it('viewers read a claim reason that names the buyer masked in every list, as the order detail shows it them', async () => {
    // makeOrder's recipient is 이서연; the operator typed her name and number into the reason.
    const said = '이서연 고객 010-2345-6789 통화 후 요청';
    const masked = '이*연 고객 010-****-6789 통화 후 요청';
    const returned = await claimed('DELIVERED', 'return', said);
    await s.deps
      .db('claims')
      .where({ id: returned.claimId })
      .update({ requested_at: ago(5) });
    const canceled = await claimed('READY', 'cancel', said);
    await s.call('POST', '/api/transitions', {
      action: 'withdraw_claim',
      items: [{ id: canceled.lineId, version: (await line(canceled.lineId)).version }],
    });
    const viewer = await s.tokenFor('viewer');
    const reasonIn = async (path: string, claimId: string, token?: string) => {
      const res = await s.call('GET', path, undefined, token ? { token } : {});
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items.find((i: { claim_id: string }) => i.claim_id === claimId)?.reason;
    };
    for (const [path, claimId] of [
      ['/api/cs/claims?limit=500', returned.claimId],
      ['/api/cs/returns?limit=500', returned.claimId],
      ['/api/cs/delayed-returns?limit=500', returned.claimId],
      ['/api/cs/withdrawn-cancels?limit=500', canceled.claimId],
    ] as const) {
      assert.equal(await reasonIn(path, claimId, viewer), masked, path);
      assert.equal(await reasonIn(path, claimId), said, `${path}: operators and admins see what was typed`);
    }
    // The mall's answer to a decision sent for it may quote the buyer too (stored as text by an older server).
    await s.deps.db('claims').where({ id: returned.claimId }).update({ mall_decision_error: said });
    const detail = await s.call('GET', `/api/orders/${returned.orderId}`, undefined, { token: viewer });
    assert.equal(detail.body.claims[0].reason, masked);
    assert.equal(detail.body.claims[0].mall_decision_error, masked);
  });
});
