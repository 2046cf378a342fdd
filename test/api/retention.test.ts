// Retention (issue 10): recipient data of orders closed longer than SHIPSHEET_RETENTION_DAYS is masked for good, by
// the daily run or by an admin; a dry run counts first; each run is in the audit log.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { jobsMessages, mallReason } from '../../server/jobs/jobs.messages.ts';
import { startRetentionSchedule } from '../../server/jobs/retention.schedule.ts';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const DAY = 86400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** An order whose lines moved into `status` `days` ago (the history says when it closed). */
async function closedOrder(status: string, days: number, o: Parameters<typeof makeOrder>[1] = {}) {
  const order = await makeOrder(s.deps.db, { status, ...o });
  await s.deps
    .db('status_history')
    .where({ order_id: order.id })
    .update({ at: ago(days) });
  await s.deps
    .db('orders')
    .where({ id: order.id })
    .update({ updated_at: ago(days) });
  return order;
}

const orderRow = (id: string) => s.deps.db('orders').where({ id }).first();
const auditRuns = () => s.deps.db('audit_log').where({ action: 'retention.erase' }).orderBy('id');

let confirmed: { id: string; lineIds: string[] };
let canceled: { id: string; lineIds: string[] };
let recent: { id: string };
let open: { id: string };
let mixed: { id: string; lineIds: string[] };
let directShipped: { id: string };
let directRecent: { id: string };
let deleted: { id: string };

beforeAll(async () => {
  s = await startTestServer({ SHIPSHEET_RETENTION_DAYS: '90' });
  confirmed = await closedOrder('PURCHASE_CONFIRMED', 120, { recipient: '홍길동', recipientMobile: '010-1234-5678', ordererName: '김민준' });
  canceled = await closedOrder('CANCELED', 91, { recipient: '이서연' });
  recent = await closedOrder('PURCHASE_CONFIRMED', 30, { recipient: '박지훈' });
  open = await closedOrder('DELIVERED', 200, { recipient: '최지우' });
  // One line confirmed long ago, the other still delivered: the order is not closed.
  mixed = await closedOrder('PURCHASE_CONFIRMED', 200, { lines: 2, recipient: '정하늘' });
  await s.deps.db('order_lines').where({ id: mixed.lineIds[1] }).update({ status: 'DELIVERED' });
  // No mall will ever confirm a direct order: shipped long ago, it is closed; shipped lately, it is not.
  directShipped = await closedOrder('SHIPPED', 120, { source: 'direct', channelKind: 'direct', channel: '직거래', recipient: '한도윤' });
  directRecent = await closedOrder('SHIPPED', 30, { source: 'direct', channelKind: 'direct', channel: '직거래', recipient: '윤서아' });
  // Deleted long ago while still on the desk: kept as long as a closed order, then erased.
  deleted = await closedOrder('READY', 100, { recipient: '강하준' });
  await s.deps
    .db('orders')
    .where({ id: deleted.id })
    .update({ deleted_at: ago(100), deleted_by: null, delete_reason: '중복' });
  await s.deps.db('order_notes').insert({
    order_id: confirmed.id,
    kind: 'memo',
    body: '홍길동 010-1234-5678로 연락 후 재배송',
    author_id: null,
    created_at: ago(120),
  });
  // Its goods came back once (반품 입고), the operator's note naming the buyer.
  await s.deps.db('return_receipts').insert({
    line_id: confirmed.lineIds[0],
    order_id: confirmed.id,
    condition: 'defective',
    units: 1,
    note: '홍길동 고객 박스 파손 010-1234-5678',
    batch_id: 'bat_old',
    received_at: ago(121),
  });
  // Reasons operators typed: a claim's, a hold's and its release's, a status change's.
  await s.deps.db('claims').insert({
    id: 'clm_retention_1',
    order_id: confirmed.id,
    line_id: confirmed.lineIds[0],
    type: 'return',
    state: 'completed',
    quantity: 1,
    reason: '홍길동 고객 010-1234-5678 전화로 반품 요청',
    source: 'manual',
    requested_at: ago(125),
    created_at: ago(125),
    updated_at: ago(125),
  });
  await s.deps.db('holds').insert({
    order_id: confirmed.id,
    reason: '홍길동 주소 확인 010-1234-5678',
    held_at: ago(130),
    released_at: ago(129),
    release_reason: '홍길동님 통화 완료',
  });
  await s.deps.db('status_history').where({ order_id: confirmed.id }).update({ reason: '홍길동 010-1234-5678 요청' });
  // A sync's reason (a stored Message, no personal data in it) and a typed reason that only looks like one.
  const row = {
    entity: 'line',
    entity_id: canceled.lineIds[0],
    order_id: canceled.id,
    action: 'mark_delivered',
    to_status: 'DELIVERED',
    actor_type: 'job',
  };
  await s.deps.db('status_history').insert([
    { ...row, reason: SYNC_REASON, at: ago(95) },
    { ...row, action: 'memo', reason: LOOKALIKE, at: ago(94) },
  ]);
});
const SYNC_REASON = mallReason(jobsMessages.sync_reason, 'coupang', 'DELIVERED', 'FINAL_DELIVERY');
const LOOKALIKE = '{"i18n":"이서연 010-2222-3333","params":{"who":"이서연님 010-2222-3333"},"note":"이서연"}';
afterAll(() => s.close());

describe('retention', () => {
  it('only admins may look or run', async () => {
    const operator = await s.tokenFor('operator');
    assert.equal((await s.call('POST', '/api/admin/retention/dry-run', undefined, { token: operator })).status, 403);
    assert.equal((await s.call('POST', '/api/admin/retention/run', undefined, { token: operator })).status, 403);
  });

  it('a dry run counts the orders closed longer than the retention days and changes nothing', async () => {
    const res = await s.call('POST', '/api/admin/retention/dry-run');
    assert.equal(res.status, 200);
    assert.equal(res.body.days, 90);
    assert.equal(res.body.orders, 4);
    assert.ok(Math.abs(Date.parse(res.body.cutoff) - (Date.now() - 90 * DAY)) < 60_000);
    assert.equal((await orderRow(confirmed.id)).recipient_name, '홍길동');
    assert.equal((await auditRuns()).length, 0);
  });

  it('a run masks orderer and recipient data for good, and the audit log says how many and who', async () => {
    const me = (await s.call('GET', '/api/auth/me')).body.id;
    const res = await s.call('POST', '/api/admin/retention/run');
    assert.equal(res.status, 200);
    assert.equal(res.body.orders, 4);

    const row = await orderRow(confirmed.id);
    assert.equal(row.recipient_name, '홍*동');
    assert.equal(row.recipient_mobile, '010-****-5678');
    assert.equal(row.orderer_name, '김*준');
    assert.equal(row.orderer_phone, '010-****-5678');
    assert.equal(row.recipient_address1, '서울특별시 강남구 ***');
    assert.equal(row.recipient_address2, '***');
    assert.equal(row.delivery_memo, '***');
    assert.ok(row.personal_data_erased_at);
    // Irreversible: the originals are nowhere in the order's rows any more.
    const stored = JSON.stringify([
      row,
      await s.deps.db('order_notes').where({ order_id: confirmed.id }),
      await s.deps.db('return_receipts').where({ order_id: confirmed.id }),
      await s.deps.db('claims').where({ order_id: confirmed.id }),
      await s.deps.db('holds').where({ order_id: confirmed.id }),
      await s.deps.db('status_history').where({ order_id: confirmed.id }),
    ]);
    for (const original of ['홍길동', '1234-5678', '김민준', '테헤란로', '강남파이낸스센터', '문 앞에'])
      assert.ok(!stored.includes(original), original);
    assert.equal((await s.deps.db('claims').where({ id: 'clm_retention_1' }).first()).reason, '홍*동 고객 010-****-5678 전화로 반품 요청');
    assert.equal((await orderRow(canceled.id)).recipient_name, '이*연');
    // Lines, amounts and the order itself stay.
    assert.equal((await s.deps.db('order_lines').where({ order_id: confirmed.id })).length, 1);

    assert.equal((await orderRow(directShipped.id)).recipient_name, '한*윤', 'a direct order shipped long ago');
    assert.equal((await orderRow(deleted.id)).recipient_name, '강*준', 'an order deleted long ago');
    for (const kept of [
      [recent.id, '박지훈'],
      [open.id, '최지우'],
      [mixed.id, '정하늘'],
      [directRecent.id, '윤서아'],
    ] as const) {
      assert.equal((await orderRow(kept[0])).recipient_name, kept[1]);
    }

    const [run] = await auditRuns();
    assert.deepEqual([run.actor_type, run.actor_id], ['user', me]);
    assert.deepEqual(JSON.parse(run.detail), { orders: 4, days: 90, cutoff: res.body.cutoff, undo_records: 0 });

    // Erased orders are not counted again.
    assert.equal((await s.call('POST', '/api/admin/retention/dry-run')).body.orders, 0);
  });

  it('a job’s reason in the history stays a Message each reader gets in their language; a typed one that looks like it is masked', async () => {
    const rows = await s.deps.db('status_history').where({ order_id: canceled.id }).whereIn('action', ['mark_delivered', 'memo']).orderBy('id');
    assert.equal(rows[0].reason, SYNC_REASON, 'nothing personal in it: written back as it was');
    for (const original of ['이서연', '2222-3333']) assert.ok(!rows[1].reason.includes(original), original);
    const reasonIn = async (lang: string) =>
      (await s.call('GET', `/api/orders/${canceled.id}`, undefined, { lang })).body.history.find(
        (h: { action: string }) => h.action === 'mark_delivered',
      ).reason;
    assert.equal(await reasonIn('ko'), '쿠팡 동기화: 배송완료 (FINAL_DELIVERY)');
    assert.equal(await reasonIn('en'), 'Synced from Coupang: Delivered (FINAL_DELIVERY)');
  });

  it('the scheduled run erases what has become due, recorded as the system', async () => {
    const late = await closedOrder('RETURNED', 100, { recipient: '한가람' });
    const schedule = startRetentionSchedule({ db: s.deps.db, log: s.deps.log }, { days: 90, enabled: false });
    const result = await schedule.tick();
    schedule.stop();
    assert.equal(result?.orders, 1);
    assert.equal((await orderRow(late.id)).recipient_name, '한*람');
    const run = (await auditRuns()).at(-1);
    assert.deepEqual([run.actor_type, run.actor_id, JSON.parse(run.detail).orders], ['system', null, 1]);
  });

  it("bulk changes' undo records past the cutoff go with the run: a hold reason naming someone is not kept, and they are no longer undone", async () => {
    const o = await makeOrder(s.deps.db, { status: 'READY' });
    const line = await s.deps.db('order_lines').where({ id: o.lineIds[0] }).first();
    const held = await s.call('POST', '/api/transitions', {
      action: 'hold',
      reason: '홍길동 010-1234-5678 연락 대기',
      items: [{ id: line.id, version: line.version }],
    });
    const release = await s.call('POST', '/api/transitions', {
      action: 'release_hold',
      items: [{ id: line.id, version: held.body.results[0].version }],
    });
    assert.equal(release.body.undoable, true);
    const fresh = await s.call('POST', '/api/transitions', {
      action: 'hold',
      reason: '재고 확인',
      items: [{ id: line.id, version: release.body.results[0].version }],
    });
    // The release of the hold was 100 days ago; the last hold today.
    await s.deps
      .db('transition_batches')
      .where({ id: release.body.batch_id })
      .update({ created_at: ago(100) });

    const run = await s.call('POST', '/api/admin/retention/run');
    assert.equal(run.status, 200);
    assert.equal(JSON.parse((await auditRuns()).at(-1).detail).undo_records, 1);
    const kept = JSON.stringify(await s.deps.db('transition_batch_parts').select('undo'));
    assert.ok(!kept.includes('홍길동'), 'the old record, which kept the reason the release cleared, is gone');
    const undo = await s.call('POST', `/api/transitions/batches/${release.body.batch_id}/undo`, undefined, { lang: 'ko' });
    assert.equal(undo.status, 409);
    assert.match(undo.body.error.message, /보존 기간이 지나/);
    assert.ok((await s.deps.db('transition_batch_parts').where({ batch_id: fresh.body.batch_id })).length, "today's record stays");
  });
});
