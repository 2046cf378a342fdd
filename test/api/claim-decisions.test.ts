// A buyer's claim that came from the mall and was decided here reaches the mall (클레임 처리 전송): the operator's
// complete_claim starts a claim-decisions job, the sandbox mall's own state shows the claim approved, and the next
// sync finds nothing to disagree about. A refused return goes to Naver as return/reject; Coupang has no call for a
// refusal and says so. A claim entered by hand is never sent.
import assert from 'node:assert/strict';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { coupangMall, naverMall, runJob, type MallFixture, mallLinesOf, type MallLine } from '../helpers/malls.ts';
import { cjNumbers } from '../helpers/sheet-lines.ts';
import { waitFor } from '../helpers/wait.ts';
import type { Scheduler } from '../../server/jobs/scheduler.ts';
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

const cj = cjNumbers(60123456700);

let schedule: Scheduler | undefined;

const MALLS = [
  ['naver', naverMall],
  ['coupang', coupangMall],
] as const;

for (const [name, connect] of MALLS) {
  describe(`${name}: claim decisions reach the mall`, () => {
    let mall: MallFixture<{ close(): Promise<void> }>;
    beforeEach(async () => {
      mall = await connect(s, { initialOrders: 0 });
    });
    afterEach(() => mall.sandbox.close());

    /** One confirmed order collected: its line, NEW. */
    const collectedLine = async (): Promise<Row> => {
      const [order] = await mall.admin.createOrders({ count: 1, status: 'confirmed' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      return (await linesOf(mall.accountId)).find((r) => r.mall_order_id === String(order.orderId))!;
    };
    const fresh = async (row: Row) => (await linesOf(mall.accountId)).find((r) => r.line_id === row.line_id)!;
    /** The statuses of every line of the row's order (a Coupang shipment may hold several items, decided together). */
    const statusesOf = async (row: Row) => [
      ...new Set((await linesOf(mall.accountId)).filter((r) => r.order_id === row.order_id).map((r) => r.status)),
    ];
    /** An action on the row's whole order, as an operator acting on a mall order does. */
    const act = async (action: string, row: Row, extra: Record<string, unknown> = {}) => {
      const order = (await s.call('GET', `/api/orders/${row.order_id}`)).body;
      assert.ok(order.id, JSON.stringify([row, order]));
      return s.call('POST', '/api/transitions', { action, ...extra, items: [{ id: order.id, version: order.version }] });
    };
    /** Something happens at the mall to this line's parcel. */
    const atMall = (row: Row, event: string) =>
      mall.admin.event(
        row.mall_order_id,
        event,
        name === 'coupang' ? { shipmentBoxId: row.mall_shipment_id! } : { productOrderId: row.mall_line_id },
      );
    const mallOrder = async (row: Row) => (await mall.admin.listOrders()).find((o: { orderId: string }) => String(o.orderId) === row.mall_order_id);
    const mismatchesOf = async (row: Row) =>
      (await s.call('GET', `/api/mall-accounts/${mall.accountId}/mismatches`)).body.items.filter(
        (m: { order_id: string }) => m.order_id === row.order_id,
      );
    /** The claim-decisions job a call started, run to its end, with its results. */
    const followAuto = async (res: { status: number; body: any }) => {
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const started = (res.body.auto_jobs ?? []).find(
        (j: { started: boolean; job?: { type: string } }) => j.started && j.job?.type === 'claim_decisions',
      );
      assert.ok(started, `a claim-decisions job started: ${JSON.stringify(res.body)}`);
      await s.deps.runner.idle();
      const job = (await s.call('GET', `/api/jobs/${started.job.id}`)).body;
      const results = (await s.call('GET', `/api/jobs/${started.job.id}/results`)).body.items;
      return { job, results };
    };
    /** A line shipped here and sent to the mall (in transit there). */
    const shippedLine = async (): Promise<Row> => {
      const row = await collectedLine();
      assert.equal((await act('release', row)).body.applied, 1);
      assert.equal((await act('set_invoice', row, { courier: 'CJ', tracking_number: cj() })).body.applied, 1);
      const shipped = await act('ship', row);
      assert.equal(shipped.body.applied, 1, JSON.stringify(shipped.body));
      const sent = await runJob(s, 'send_invoices', mall.accountId);
      assert.equal(sent.job.state, 'succeeded', JSON.stringify(sent.results));
      return fresh(row);
    };

    /** The path of the mall's claim calls (a fault there keeps a decision from reaching the mall). */
    const claimCalls = name === 'naver' ? '/claim/' : '/returnRequests/';
    /** The row's claim as the order detail shows it. */
    const claimShown = async (row: Row) => {
      const order = (await s.call('GET', `/api/orders/${row.order_id}`)).body;
      return order.claims.find((c: { line_id: string }) => c.line_id === row.line_id);
    };
    /** One schedule round, run to its end: the claim-decisions jobs it started for this account. */
    const scheduleRound = async (): Promise<string[]> => {
      // One schedule for the file: the lease it takes is held for a while, and another instance would stand by.
      schedule ??= (await import('../../server/jobs/scheduler.ts')).startScheduler(
        { db: s.deps.db, log: s.deps.log, runner: s.deps.runner },
        { everyMinutes: 0 },
      );
      const started = await schedule.tick();
      await s.deps.runner.idle();
      return s.deps.db('jobs').whereIn('id', started).where({ mall_account_id: mall.accountId, type: 'claim_decisions' }).pluck('id');
    };
    /** Whether the mall shows the row's cancel approved. */
    const cancelApprovedThere = async (row: Row) => {
      const there = await mallOrder(row);
      if (name === 'naver') {
        const po = there.productOrders.find((p: { productOrderId: string }) => p.productOrderId === row.mall_line_id);
        return po.claimStatus === 'CANCEL_DONE';
      }
      return there.receipts.every((r: { receiptStatus: string }) => r.receiptStatus === 'RETURNS_COMPLETED');
    };
    it('a decision made while the account’s job is at the mall goes in the same run; one never sent is sent by the schedule', async () => {
      const [a, b] = [await collectedLine(), await collectedLine()];
      for (const row of [a, b]) await atMall(row, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      // The mall sits on the first decision while the operator approves the second.
      await mall.admin.addFaults([{ kind: 'delay', ms: 1500, path: name === 'naver' ? '/claim/' : '/returnRequests/', count: 1 }]);
      const first = await act('complete_claim', a, { reason: '승인' });
      assert.ok(
        (first.body.auto_jobs ?? []).some((j: { started: boolean }) => j.started),
        JSON.stringify(first.body.auto_jobs),
      );
      await waitFor('the first decision at the mall', async () => ((await mall.admin.listFaults()).length === 0 ? true : undefined));
      const second = await act('complete_claim', b, { reason: '승인' });
      assert.equal(second.body.results[0].result, 'applied');
      await s.deps.runner.idle();
      const statusOf = async (row: Row) => (await s.deps.db('claims').where({ line_id: row.line_id }).first()).mall_decision_status;
      assert.deepEqual([await statusOf(a), await statusOf(b)], ['sent', 'sent'], 'both sent by the run under way');

      // A decision left unsent (a run that stopped, say): the schedule runs the account's job for it.
      await s.deps.db('claims').where({ line_id: b.line_id }).update({ mall_decision_status: 'pending' });
      // One schedule for the file: the lease it takes is held for a while, and another instance would stand by.
      schedule ??= (await import('../../server/jobs/scheduler.ts')).startScheduler(
        { db: s.deps.db, log: s.deps.log, runner: s.deps.runner },
        { everyMinutes: 0 },
      );
      const started = await schedule.tick();
      const types = await s.deps.db('jobs').whereIn('id', started).where({ mall_account_id: mall.accountId }).pluck('type');
      assert.ok(types.includes('claim_decisions'), JSON.stringify(types));
      await s.deps.runner.idle();
      assert.notEqual(await statusOf(b), 'pending');
      // One restored since, its decision never sent, is not sent, nor does it start an empty run every round.
      await s.deps.db('claims').where({ line_id: b.line_id }).update({ mall_decision_status: 'pending', state: 'restored' });
      await s.deps.db('jobs').where({ mall_account_id: mall.accountId, type: 'claim_decisions' }).update({ created_at: '2000-01-01T00:00:00.000Z' });
      const again = await schedule.tick();
      const later = await s.deps.db('jobs').whereIn('id', again).where({ mall_account_id: mall.accountId }).pluck('type');
      assert.ok(!later.includes('claim_decisions'), JSON.stringify(later));
      await s.deps.runner.idle();
    });

    it('an approval the mall could not take for now goes again with the schedule’s next round; its reason shows until it is sent', async () => {
      const row = await collectedLine();
      await atMall(row, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      await mall.admin.addFaults([{ kind: 'status', status: 503, path: claimCalls, count: 1000 }]);
      const { results } = await followAuto(await act('complete_claim', row, { reason: '구매자 요청 승인' }));
      const failed = results.find((r: { ref_id: string }) => r.ref_id === row.line_id);
      assert.equal(failed?.result, 'failed', JSON.stringify(results));
      assert.equal(failed.code, name === 'naver' ? 'TRANSIENT' : 'UNAVAILABLE');
      // The order detail says it waits to be sent, with what the mall said.
      const waiting = await claimShown(row);
      assert.equal(waiting.mall_decision_status, 'pending', JSON.stringify(waiting));
      assert.ok(waiting.mall_decision_error, JSON.stringify(waiting));

      // The mall still down: the next round tries again, once (no run of its own goes round and round).
      assert.equal((await scheduleRound()).length, 1);
      assert.equal((await claimShown(row)).mall_decision_status, 'pending');
      assert.equal(await cancelApprovedThere(row), false);
      // The mall back: the next round sends it, and the reason goes.
      await mall.admin.clearFaults();
      assert.equal((await scheduleRound()).length, 1);
      const sent = await claimShown(row);
      assert.deepEqual([sent.mall_decision_status, sent.mall_decision_error ?? null], ['sent', null]);
      assert.equal(await cancelApprovedThere(row), true);
      assert.deepEqual(await scheduleRound(), [], 'nothing left to send');
    });

    it('an approval the mall refused for good waits for an operator: the schedule does not send it again', async () => {
      const row = await collectedLine();
      await atMall(row, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      await mall.admin.addFaults([{ kind: 'status', status: 400, path: claimCalls, count: 1000 }]);
      await followAuto(await act('complete_claim', row, { reason: '구매자 요청 승인' }));
      const refused = await claimShown(row);
      assert.equal(refused.mall_decision_status, 'failed', JSON.stringify(refused));
      assert.ok(refused.mall_decision_error);
      assert.deepEqual(await scheduleRound(), []);
      // Nor does the run another decision starts, the mall answering again: it goes only when an operator says so.
      await mall.admin.clearFaults();
      const other = await collectedLine();
      await atMall(other, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      const { results } = await followAuto(await act('complete_claim', other, { reason: '구매자 요청 승인' }));
      assert.ok(results.length > 0 && results.every((r: { ref_id: string }) => r.ref_id !== row.line_id), JSON.stringify(results));
      assert.equal((await claimShown(row)).mall_decision_status, 'failed');
      assert.equal(await cancelApprovedThere(row), false);
      // An operator's run from the jobs tab sends it again.
      assert.equal((await runJob(s, 'claim_decisions', mall.accountId)).job.state, 'succeeded');
      assert.equal((await claimShown(row)).mall_decision_status, 'sent');
      assert.equal(await cancelApprovedThere(row), true);
    });

    it('a decision on a deleted order waits without starting a run every round; undeleted, the next round sends it', async () => {
      const row = await collectedLine();
      await atMall(row, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      // The mall cannot take it now: the decision waits for the next round.
      await mall.admin.addFaults([{ kind: 'status', status: 503, path: claimCalls, count: 1000 }]);
      await followAuto(await act('complete_claim', row, { reason: '구매자 요청 승인' }));
      await mall.admin.clearFaults();
      assert.equal((await claimShown(row)).mall_decision_status, 'pending');

      const deleted = await act('delete', row, { reason: '중복 주문' });
      assert.equal(deleted.body.results[0].result, 'applied', JSON.stringify(deleted.body));
      assert.deepEqual(await scheduleRound(), []);
      assert.deepEqual(await scheduleRound(), []);
      assert.equal(await cancelApprovedThere(row), false);

      const back = await act('undelete', row, { reason: '삭제 취소' });
      assert.equal(back.body.results[0].result, 'applied', JSON.stringify(back.body));
      assert.equal((await scheduleRound()).length, 1);
      assert.equal((await claimShown(row)).mall_decision_status, 'sent');
      assert.equal(await cancelApprovedThere(row), true);
    });

    it('a claim restored while its approval was at the mall: the history says the mall took it after the restore', async () => {
      const row = await collectedLine();
      await atMall(row, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      // The mall sits on the approval while the operator restores the claim.
      await mall.admin.addFaults([{ kind: 'delay', ms: 1500, path: claimCalls, count: 1 }]);
      const approved = await act('complete_claim', row, { reason: '구매자 요청 승인' });
      assert.equal(approved.body.results[0].result, 'applied');
      await waitFor('the approval at the mall', async () => ((await mall.admin.listFaults()).length === 0 ? true : undefined));
      const restored = await act('restore', row, { reason: '잘못 승인' });
      assert.equal(restored.body.results[0].result, 'applied', JSON.stringify(restored.body));
      await s.deps.runner.idle();

      assert.equal(await cancelApprovedThere(row), true, 'the mall took it');
      const claim = await s.deps.db('claims').where({ line_id: row.line_id }).first();
      assert.deepEqual([claim.state, claim.mall_decision, claim.mall_decision_status], ['restored', null, null]);
      const history = await s.deps
        .db('status_history')
        .where({ entity: 'claim', entity_id: claim.id })
        .whereIn('action', ['mall_approve_sent', 'mall_approve_failed'])
        .select('action', 'from_status', 'to_status');
      // Said as it is now: the claim restored here, its approval taken by the mall.
      assert.deepEqual(history, [{ action: 'mall_approve_sent', from_status: 'restored', to_status: 'restored' }]);
    });

    it("a buyer's cancel approved here is approved at the mall; the next sync leaves no mismatch", async () => {
      const row = await collectedLine();
      await atMall(row, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      assert.deepEqual(await statusesOf(row), ['CANCEL_REQUESTED']);

      const done = await act('complete_claim', row, { reason: '구매자 요청 승인' });
      assert.equal(done.body.results[0].result, 'applied');
      assert.ok(
        (done.body.results[0].warnings ?? []).some((w: string) => /쇼핑몰에 전송|sent to the mall/.test(w)),
        JSON.stringify(done.body),
      );
      const { job, results } = await followAuto(done);
      assert.equal(job.state, 'succeeded', JSON.stringify(results));
      assert.ok(results.length >= 1 && results.every((r: { result: string }) => r.result === 'ok'));
      assert.ok(results.some((r: { ref_id: string }) => r.ref_id === row.line_id));

      const there = await mallOrder(row);
      if (name === 'naver') {
        const po = there.productOrders.find((p: { productOrderId: string }) => p.productOrderId === row.mall_line_id);
        assert.equal(po.claimStatus, 'CANCEL_DONE');
        assert.equal(po.productOrderStatus, 'CANCELED');
      } else {
        assert.deepEqual(
          there.receipts.map((r: { receiptType: string; receiptStatus: string }) => [r.receiptType, r.receiptStatus]),
          [['CANCEL', 'RETURNS_COMPLETED']],
        );
        assert.ok(there.boxes[0].items.every((i: { shippingCount: number }) => i.shippingCount === 0));
      }
      const claim = await s.deps.db('claims').where({ line_id: row.line_id }).first();
      assert.equal(claim.mall_decision, 'approve');
      assert.equal(claim.mall_decision_status, 'sent');
      const history = await s.deps.db('status_history').where({ entity: 'claim', entity_id: claim.id, action: 'mall_approve_sent' });
      assert.equal(history.length, 1);
      assert.equal(history[0].actor_type, 'job');

      assert.notEqual((await runJob(s, 'sync', mall.accountId)).job.state, 'failed');
      assert.deepEqual(await statusesOf(row), ['CANCELED']);
      assert.deepEqual(await mismatchesOf(row), []);
      // Told once: a later run has nothing to send.
      assert.equal((await runJob(s, 'claim_decisions', mall.accountId)).job.total, 0);
    });

    it('an approval the mall refused, then restored here, is dropped: the detail does not wait on it and no run sends it', async () => {
      const row = await collectedLine();
      await atMall(row, 'buyer_cancel');
      assert.equal((await runJob(s, 'sync', mall.accountId)).job.state, 'succeeded');
      await mall.admin.addFaults([{ kind: 'status', status: 400, path: name === 'naver' ? '/claim/' : '/returnRequests/', count: 10 }]);
      const { results } = await followAuto(await act('complete_claim', row, { reason: '구매자 요청 승인' }));
      assert.ok(
        results.some((r: { result: string }) => r.result === 'failed'),
        JSON.stringify(results),
      );
      const claimOf = async () => {
        const order = (await s.call('GET', `/api/orders/${row.order_id}`)).body;
        return order.claims.find((c: { line_id: string }) => c.line_id === row.line_id);
      };
      assert.deepEqual([(await claimOf()).mall_decision, (await claimOf()).mall_decision_status], ['approve', 'failed']);

      const restored = await act('restore', row, { reason: '잘못 승인' });
      assert.equal(restored.body.results[0].result, 'applied', JSON.stringify(restored.body));
      const claim = await claimOf();
      assert.equal(claim.state, 'restored');
      assert.equal(claim.mall_decision ?? null, null, JSON.stringify(claim));
      assert.equal(claim.mall_decision_status ?? null, null, 'no 전송 대기 / 전송 실패 left on a claim nobody will send');

      await mall.admin.clearFaults();
      assert.equal((await runJob(s, 'claim_decisions', mall.accountId)).job.total, 0);
      const there = await mallOrder(row);
      if (name === 'naver') {
        const po = there.productOrders.find((p: { productOrderId: string }) => p.productOrderId === row.mall_line_id);
        assert.equal(po.claimStatus, 'CANCEL_REQUEST', 'the mall still waits for the seller');
      } else {
        assert.deepEqual(
          there.receipts.map((r: { receiptType: string; receiptStatus: string }) => r.receiptStatus),
          ['RELEASE_STOP_UNCHECKED'],
        );
      }
    });

    it("a buyer's return approved here is approved at the mall; the next sync leaves no mismatch", async () => {
      const row = await shippedLine();
      await atMall(row, 'return_request');
      assert.notEqual((await runJob(s, 'sync', mall.accountId)).job.state, 'failed');
      assert.deepEqual(await statusesOf(row), ['RETURN_REQUESTED']);

      const { job, results } = await followAuto(await act('complete_claim', row));
      assert.equal(job.state, 'succeeded', JSON.stringify(results));

      const there = await mallOrder(row);
      if (name === 'naver') {
        const po = there.productOrders.find((p: { productOrderId: string }) => p.productOrderId === row.mall_line_id);
        assert.equal(po.claimStatus, 'RETURN_DONE');
        assert.equal(po.productOrderStatus, 'RETURNED');
      } else {
        assert.deepEqual(
          there.receipts.map((r: { receiptType: string; receiptStatus: string }) => [r.receiptType, r.receiptStatus]),
          [['RETURN', 'RETURNS_COMPLETED']],
        );
        assert.equal(there.boxes[0].returned, true);
      }
      assert.notEqual((await runJob(s, 'sync', mall.accountId)).job.state, 'failed');
      assert.deepEqual(await statusesOf(row), ['RETURNED']);
      assert.deepEqual(await mismatchesOf(row), []);
    });

    it('a return refused here is refused at Naver; Coupang, which has no call for it, says so once', async () => {
      const row = await shippedLine();
      await atMall(row, 'return_request');
      assert.notEqual((await runJob(s, 'sync', mall.accountId)).job.state, 'failed');
      const { job, results } = await followAuto(await act('withdraw_claim', row, { reason: '회수 상품 훼손' }));
      const claim = await s.deps.db('claims').where({ line_id: row.line_id }).first();
      assert.equal(claim.mall_decision, 'reject');
      if (name === 'naver') {
        assert.equal(job.state, 'succeeded', JSON.stringify(results));
        const po = (await mallOrder(row)).productOrders.find((p: { productOrderId: string }) => p.productOrderId === row.mall_line_id);
        assert.equal(po.claimStatus, 'RETURN_REJECT');
        // The operator's reason, not the buyer's (the claim's own, as the mall reported it).
        assert.equal(po.claimRejectReason, '회수 상품 훼손');
        assert.notEqual((await runJob(s, 'sync', mall.accountId)).job.state, 'failed');
        assert.deepEqual(await statusesOf(row), ['IN_TRANSIT']);
        assert.deepEqual(await mismatchesOf(row), []);
      } else {
        assert.equal(job.state, 'failed');
        assert.equal(results[0].code, 'UNSUPPORTED_DECISION');
        assert.match(results[0].message, /WING/);
        assert.equal(claim.mall_decision_status, 'unsupported');
        assert.equal((await runJob(s, 'claim_decisions', mall.accountId)).job.total, 0, 'not sent again');
        // WING still shows the request: the next sync does not enter it again over the operator's refusal, it names
        // it as a disagreement to settle in WING.
        const synced = await runJob(s, 'sync', mall.accountId);
        assert.deepEqual(await statusesOf(row), ['IN_TRANSIT'], JSON.stringify(synced.results));
        const refused = synced.results.find((r: { ref_id: string }) => r.ref_id === row.line_id);
        assert.equal(refused?.code, 'refused_here', JSON.stringify(synced.results));
        assert.match(refused.message, /WING/);
        assert.equal(
          await s.deps
            .db('claims')
            .where({ line_id: row.line_id })
            .count({ n: '*' })
            .first()
            .then((r) => Number(r!.n)),
          1,
        );
        assert.ok((await mismatchesOf(row)).length > 0, 'shown as a disagreement with the mall');
      }
    });

    it('a claim entered by hand is never sent to the mall', async () => {
      const row = await collectedLine();
      const res = await act('claim', row, { claim_type: 'cancel', claim_state: 'completed', reason: '전화로 취소 요청' });
      assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body));
      assert.equal(res.body.auto_jobs, undefined);
      const claim = await s.deps.db('claims').where({ line_id: row.line_id }).first();
      assert.equal(claim.source, 'manual');
      assert.equal(claim.mall_decision_status, null);
      assert.equal((await runJob(s, 'claim_decisions', mall.accountId)).job.total, 0);
    });
  });
}
