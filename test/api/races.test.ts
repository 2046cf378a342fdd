// Concurrent writers on PostgreSQL (and SQLite, which serialises them): a unique index refusing the loser of a race
// is the domain refusal it stands for, and a deadlock victim is run again, never a 500.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const PARALLEL = 20;
const statuses = (results: { status: number }[]) =>
  results
    .map((r) => r.status)
    .sort()
    .join(',');

describe('races', () => {
  it('parallel pushes of one tracking number: one row wins, the others are refused as duplicates', async () => {
    const number = trackingNumber(900_001);
    const orders = await Promise.all(Array.from({ length: PARALLEL }, () => makeOrder(s.deps.db, { status: 'READY' })));
    const results = await Promise.all(
      orders.map((o) =>
        s.call('POST', '/api/sheet/push', { rows: [{ line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: number }] }),
      ),
    );
    assert.equal(results.filter((r) => r.status !== 200).length, 0, statuses(results));
    const rows = results.map((r) => r.body.results[0]);
    assert.equal(rows.filter((r: { result: string }) => r.result === 'applied').length, 1, JSON.stringify(rows));
    const refused = rows.filter((r: { result: string }) => r.result === 'refused');
    assert.equal(refused.length, PARALLEL - 1);
    assert.ok(
      refused.every((r: { code: string }) => r.code === 'duplicate_tracking_number'),
      JSON.stringify(refused),
    );
    assert.equal((await s.deps.db('boxes').where({ tracking_number: number })).length, 1);
  });

  it('parallel bulk set_invoice calls of one tracking number: one item wins, the others are refused', async () => {
    const number = trackingNumber(900_002);
    const orders = await Promise.all(Array.from({ length: PARALLEL }, () => makeOrder(s.deps.db, { status: 'READY' })));
    const results = await Promise.all(
      orders.map((o) =>
        s.call('POST', '/api/transitions', {
          action: 'set_invoice',
          courier: 'CJ',
          tracking_number: number,
          items: [{ id: o.lineIds[0]!, version: 1 }],
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status !== 200).length, 0, statuses(results));
    const items = results.map((r) => r.body.results[0]);
    assert.equal(items.filter((r: { result: string }) => r.result === 'applied').length, 1);
    assert.ok(items.filter((r: { result: string }) => r.result === 'refused').every((r: { code: string }) => r.code === 'duplicate_tracking_number'));
  });

  it('parallel direct orders with one tracking number: one is created, the others get 409 duplicate_tracking_number', async () => {
    const number = trackingNumber(900_003);
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        s.call('POST', '/api/orders/direct', { orderer_name: `주문자${i}`, total_amount: 1000, courier: 'CJ', tracking_number: number }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 201).length, 1, statuses(results));
    const losers = results.filter((r) => r.status !== 201);
    assert.ok(
      losers.every((r) => r.status === 409 && r.body.error.code === 'duplicate_tracking_number'),
      statuses(results),
    );
    assert.equal(losers[0]!.body.error.details[0].field, 'tracking_number');
  });

  it('parallel invoice imports giving one number to different boxes: one box gets it, the other rows are refused, never a 500', async () => {
    const number = trackingNumber(900_004);
    const boxes = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const o = await makeOrder(s.deps.db, { status: 'READY' });
        return putInBox(s.deps.db, o.lineIds, {});
      }),
    );
    const results = await Promise.all(
      boxes.map((boxId, i) =>
        s.call('POST', '/api/invoice-imports', {
          source: {
            kind: 'sheet',
            name: `운송장 ${i}`,
            rows: [
              ['고객주문번호', '운송장번호'],
              [boxId, number],
            ],
          },
          template_id: 'invoice_cj',
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status !== 200).length, 0, statuses(results));
    const rows = results.map((r) => r.body.results[0]);
    assert.equal(rows.filter((r: { outcome: string }) => r.outcome === 'new').length, 1, JSON.stringify(rows));
    const refused = rows.filter((r: { outcome: string }) => r.outcome === 'refused');
    assert.equal(refused.length, boxes.length - 1, JSON.stringify(rows));
    assert.ok(
      refused.every((r: { code: string }) => r.code === 'duplicate_tracking_number'),
      JSON.stringify(refused),
    );
    assert.equal((await s.deps.db('boxes').where({ tracking_number: number })).length, 1);
  });

  it('undoing an import while the number it puts back is pushed to another box: one of them wins, never a 500', async () => {
    for (let i = 0; i < 5; i++) {
      const [old, imported] = [trackingNumber(900_010 + 2 * i), trackingNumber(900_011 + 2 * i)];
      const a = await makeOrder(s.deps.db, { status: 'INVOICED' });
      const boxA = await putInBox(s.deps.db, a.lineIds, { tracking: old, status: 'INVOICED' });
      const rows = [
        ['고객주문번호', '운송장번호'],
        [boxA, imported],
      ];
      const done = await s.call('POST', '/api/invoice-imports', { source: { kind: 'sheet', rows }, template_id: 'invoice_cj', overwrite: true });
      assert.equal(done.body.counts.overwrite, 1, JSON.stringify(done.body));
      const b = await makeOrder(s.deps.db, { status: 'READY' });
      const [undo, push] = await Promise.all([
        s.call('POST', `/api/invoice-imports/${done.body.import_id}/undo`),
        s.call('POST', '/api/sheet/push', { rows: [{ line_id: b.lineIds[0]!, line_version: 1, courier: 'CJ', tracking_number: old }] }),
      ]);
      assert.ok(undo.status === 200 || (undo.status === 409 && undo.body.error.code === 'undo_blocked'), statuses([undo, push]));
      assert.equal(push.status, 200);
      // Exactly one of them has the old number: the undo put it back on box A, or the push put it on B's box.
      assert.equal(undo.status === 200, push.body.results[0].result === 'refused', JSON.stringify([undo.body, push.body.results]));
      assert.equal((await s.deps.db('boxes').where({ tracking_number: old })).length, 1);
    }
  });

  it('50 parallel writes on one order (notes, pushed memos, holds) all succeed: a deadlock victim is run again', async () => {
    const order = await makeOrder(s.deps.db, { status: 'READY', lines: 3 });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        if (i % 3 === 1)
          return s.call('POST', '/api/sheet/push', { rows: order.lineIds.map((id) => ({ line_id: id, line_version: 1, memo: `메모 ${i}` })) });
        if (i % 6 === 2) return s.call('POST', '/api/transitions', { action: 'hold', reason: `보류 ${i}`, items: [{ id: order.id, version: 1 }] });
        return s.call('POST', `/api/orders/${order.id}/notes`, { kind: i % 5 === 0 ? 'message' : 'memo', body: `메모 ${i}` });
      }),
    );
    assert.ok(
      results.every((r) => r.status < 300),
      statuses(results),
    );
    const notes = results.filter((_, i) => i % 3 !== 1 && i % 6 !== 2);
    assert.ok(notes.every((r) => r.status === 201));
    assert.equal(
      (
        await s.deps
          .db('order_notes')
          .where({ order_id: order.id })
          .whereIn(
            'body',
            notes.map((r) => r.body.body),
          )
      ).length,
      notes.length,
    );
  });
});
