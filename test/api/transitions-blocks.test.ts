// Bulk calls and sheet pushes bigger than a block (here 3 items, SHIPSHEET_BULK_BLOCK_ITEMS) are applied block by
// block, each block a transaction of its own; they must decide exactly what the call would decide in one go:
// duplicates, a line moved twice, an order then its line, a box shared by orders, numbers taken and refused, and one
// batch id for the whole call.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { startTestServer, testDialect, type TestServer } from '../helpers/server.ts';
import { skipWith } from '../helpers/skip.ts';
import { trackingNumber } from '../helpers/sheet-lines.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ SHIPSHEET_BULK_BLOCK_ITEMS: '3' });
});
afterAll(() => s.close());

type Result = { id: string; result: string; code?: string; message?: string; version?: number };
const bulk = (action: string, items: unknown[], params: Record<string, unknown> = {}) =>
  s.call('POST', '/api/transitions', { action, items, ...params });
const outcome = (res: { body: { results: Result[] } }) => res.body.results.map((r) => `${r.result}:${r.code ?? ''}`);
const detail = async (orderId: string) => (await s.call('GET', `/api/orders/${orderId}`)).body;
const line = async (orderId: string, lineId: string) => (await detail(orderId)).lines.find((l: { id: string }) => l.id === lineId);
const orders = async (n: number, status: string, lines = 1) => Promise.all(Array.from({ length: n }, () => makeOrder(s.deps.db, { status, lines })));
const batches = async (batchId: string) => s.deps.db('status_history').where({ batch_id: batchId }).select('entity_id');

let serial = 500;
const cj = () => trackingNumber(++serial);

/** How many transactions the work started: counted from the BEGIN statements knex sends. */
async function transactionsOf(work: () => Promise<unknown>): Promise<number> {
  let begins = 0;
  const listener = (q: { sql?: string }) => {
    if (/^\s*begin/i.test(q.sql ?? '')) begins++;
  };
  s.deps.db.on('query', listener);
  try {
    await work();
  } finally {
    s.deps.db.removeListener('query', listener);
  }
  return begins;
}

describe('a bulk call bigger than a block', () => {
  it('commits one transaction per block, all under one batch id, and answers in request order', async () => {
    const one = await orders(1, 'NEW');
    const base = await transactionsOf(() => bulk('release', [{ id: one[0]!.lineIds[0]!, version: 1 }]));
    const os = await orders(7, 'NEW');
    const items = os.map((o) => ({ id: o.lineIds[0]!, version: 1 }));
    let res: Awaited<ReturnType<typeof bulk>> | undefined;
    const count = await transactionsOf(async () => (res = await bulk('release', items)));
    assert.equal(count - base, 2, 'three blocks of at most three items: two more transactions than a one-item call');
    assert.equal(res!.status, 200);
    assert.deepEqual(
      res!.body.results.map((r: Result) => [r.id, r.result, r.version]),
      items.map((i) => [i.id, 'applied', 2]),
    );
    assert.deepEqual([res!.body.applied, res!.body.refused], [7, 0]);
    const history = await batches(res!.body.batch_id);
    assert.deepEqual(history.map((h) => h.entity_id).sort(), items.map((i) => i.id).sort());

    // Sent again (as after a connection lost mid-call): nothing applies twice; every item is already where the
    // action takes it, so it is unchanged, with its current version for the sheet.
    const again = await bulk('release', items);
    assert.deepEqual(
      outcome(again),
      items.map(() => 'applied:unchanged'),
    );
    assert.deepEqual(
      again.body.results.map((r: Result) => r.version),
      items.map(() => 2),
    );
    assert.equal((await batches(again.body.batch_id)).length, 0);
    // A stale item that is not where the action takes it is still refused: nothing is overwritten.
    const ship = await bulk('ship', items.slice(0, 1));
    assert.deepEqual(outcome(ship), ['refused:stale_version']);
  });

  it('a row another request changes between two blocks is read again before a later block decides on it', async () => {
    const os = await orders(7, 'NEW');
    const last = os[6]!;
    // When the first block commits, the last item's order is held by a write that knows nothing of this call (its
    // version does not move). On PostgreSQL that write's transaction locks the order before the call starts, so the
    // block that reads it under lock waits for it whatever the pool's timing; on SQLite (one connection) the write
    // queues before the second block begins.
    const holder = testDialect() === 'postgres' ? await s.deps.db.transaction() : null;
    if (holder) await holder('orders').where({ id: last.id }).forUpdate().select('id');
    const writer = holder ?? s.deps.db;
    let injected: Promise<unknown> | undefined;
    const listener = (q: { sql?: string }) => {
      if (!injected && /^\s*commit/i.test(q.sql ?? ''))
        injected = writer('orders')
          .where({ id: last.id })
          .update({ hold: true })
          .then(() => holder?.commit()); // a builder runs once then'd
    };
    s.deps.db.on('query', listener);
    let res: Awaited<ReturnType<typeof bulk>>;
    try {
      res = await bulk(
        'release',
        os.map((o) => ({ id: o.lineIds[0]!, version: 1 })),
      );
    } finally {
      s.deps.db.removeListener('query', listener);
      if (!injected) await holder?.rollback();
    }
    assert.ok(injected, 'the first block committed');
    await injected;
    assert.deepEqual(outcome(res), [...os.slice(0, 6).map(() => 'applied:'), 'refused:blocked']);
    assert.equal((await line(last.id, last.lineIds[0]!)).status, 'NEW');
  });

  it(
    'on SQLite, with nothing written in between, later blocks decide on the rows read before the first',
    skipWith(testDialect() === 'postgres' && 'PostgreSQL reads each block’s rows under lock, block by block'),
    async () => {
      const lineReads = async (work: () => Promise<unknown>) => {
        let reads = 0;
        const listener = (q: { sql?: string }) => {
          if (/^\s*select/i.test(q.sql ?? '') && /from "order_lines"/.test(q.sql ?? '')) reads++;
        };
        s.deps.db.on('query', listener);
        try {
          await work();
        } finally {
          s.deps.db.removeListener('query', listener);
        }
        return reads;
      };
      const one = await orders(1, 'NEW');
      const single = await lineReads(() => bulk('release', [{ id: one[0]!.lineIds[0]!, version: 1 }]));
      const os = await orders(7, 'NEW');
      const blocked = await lineReads(() =>
        bulk(
          'release',
          os.map((o) => ({ id: o.lineIds[0]!, version: 1 })),
        ),
      );
      assert.equal(blocked, single, 'three blocks read the lines as often as one');
    },
  );

  it('refuses an item named again far down the call as a duplicate, naming its place', async () => {
    const os = await orders(4, 'NEW');
    const items = [...os.map((o) => ({ id: o.lineIds[0]!, version: 1 })), { id: os[0]!.lineIds[0]!, version: 1 }];
    const res = await bulk('release', items, { reason: '확인' });
    assert.deepEqual(outcome(res), ['applied:', 'applied:', 'applied:', 'applied:', 'refused:duplicate_item']);
    assert.match(res.body.results[4].message, /appears twice/);
    assert.equal((await line(os[0]!.id, os[0]!.lineIds[0]!)).version, 2);
  });

  it('an order item and, further down, one of its lines: the line is already done and its version moves once', async () => {
    const target = await makeOrder(s.deps.db, { status: 'NEW', lines: 2 });
    const others = await orders(3, 'NEW');
    const items = [{ id: target.id, version: 1 }, ...others.map((o) => ({ id: o.lineIds[0]!, version: 1 })), { id: target.lineIds[1]!, version: 1 }];
    const res = await bulk('release', items);
    assert.deepEqual(outcome(res), ['applied:', 'applied:', 'applied:', 'applied:', 'applied:unchanged']);
    const d = await detail(target.id);
    assert.equal(d.version, 2);
    assert.deepEqual(
      d.lines.map((l: { status: string; version: number }) => [l.status, l.version]),
      [
        ['READY', 2],
        ['READY', 2],
      ],
    );
    assert.equal(res.body.results[4].version, 2);
  });

  it('an order held early and its line named late: the line sees the hold and it is recorded once', async () => {
    const target = await makeOrder(s.deps.db, { status: 'NEW', lines: 1 });
    const others = await orders(3, 'NEW');
    const held = await bulk(
      'hold',
      [{ id: target.id, version: 1 }, ...others.map((o) => ({ id: o.id, version: 1 })), { id: target.lineIds[0]!, version: 1 }],
      { reason: '주소 확인' },
    );
    assert.deepEqual(outcome(held), ['applied:', 'applied:', 'applied:', 'applied:', 'applied:unchanged']);
    const d = await detail(target.id);
    assert.deepEqual([d.hold, d.holds.length, d.version, d.lines[0].version], [true, 1, 2, 2]);
  });

  it('a box shared by two orders whose lines are far apart ships once, in one block', async () => {
    const a = await makeOrder(s.deps.db, { status: 'INVOICED' });
    const b = await makeOrder(s.deps.db, { status: 'INVOICED' });
    await putInBox(s.deps.db, [a.lineIds[0]!, b.lineIds[0]!], { tracking: cj() });
    const others = await orders(3, 'INVOICED');
    for (const o of others) await putInBox(s.deps.db, [o.lineIds[0]!], { tracking: cj() });
    const items = [a, ...others, b].map((o) => ({ id: o.lineIds[0]!, version: 1 }));
    const res = await bulk('ship', items);
    assert.deepEqual(outcome(res), ['applied:', 'applied:', 'applied:', 'applied:', 'applied:unchanged']);
    for (const o of [a, b]) {
      const l = await line(o.id, o.lineIds[0]!);
      assert.deepEqual([l.status, l.version], ['SHIPPED', 2]);
    }
    const history = await batches(res.body.batch_id);
    assert.equal(history.length, 5, 'one status change per line, the shared box shipped once');
  });

  it('a number refused in an early item is free for a later one; a number taken early refuses a later one', async () => {
    const held = await makeOrder(s.deps.db, { status: 'READY' });
    await s.call('POST', `/api/orders/${held.id}/transitions`, { action: 'hold', version: 1, reason: '주소 확인' });
    const heldLine = await line(held.id, held.lineIds[0]!);
    const os = await orders(5, 'READY');
    const [free, taken] = [cj(), cj()];
    const items = [
      { id: held.lineIds[0]!, version: heldLine.version, tracking_number: free },
      { id: os[0]!.lineIds[0]!, version: 1, tracking_number: taken },
      { id: os[1]!.lineIds[0]!, version: 1, tracking_number: cj() },
      { id: os[2]!.lineIds[0]!, version: 1, tracking_number: cj() },
      { id: os[3]!.lineIds[0]!, version: 1, tracking_number: free },
      { id: os[4]!.lineIds[0]!, version: 1, tracking_number: taken },
    ];
    const res = await bulk('set_invoice', items, { courier: 'CJ' });
    assert.deepEqual(outcome(res), ['refused:blocked', 'applied:', 'applied:', 'applied:', 'applied:', 'refused:duplicate_tracking_number']);
    assert.equal((await detail(os[3]!.id)).boxes[0].tracking_number, free);
    assert.equal((await detail(held.id)).boxes.length, 0);
  });
});

describe('a sheet push bigger than a block', () => {
  type RowResult = { line_id: string; result: string; code?: string };
  const push = (rows: unknown[]) => s.call('POST', '/api/sheet/push', { rows });

  it('applies rows of one box far apart as one push would, under one batch id, with every moved line', async () => {
    const a = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const others = await orders(4, 'READY');
    const [n1, n2] = [cj(), cj()];
    const rows = [
      { line_id: a.lineIds[0]!, line_version: 1, courier: 'CJ대한통운', tracking_number: n1 },
      ...others.map((o) => ({ line_id: o.lineIds[0]!, line_version: 1, courier: 'CJ대한통운', tracking_number: cj() })),
      // The same order's other line, asking its own number: a second box of the order, as in one push.
      { line_id: a.lineIds[1]!, line_version: 1, courier: 'CJ대한통운', tracking_number: n1 },
      { line_id: others[0]!.lineIds[0]!, line_version: 1, memo: '두 번째' },
      { line_id: others[1]!.lineIds[0]!, line_version: 1, courier: 'CJ대한통운', tracking_number: n2 },
    ];
    const res = await push(rows);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((r: RowResult) => `${r.result}:${r.code ?? ''}`),
      ['applied:', 'applied:', 'applied:', 'applied:', 'applied:', 'applied:', 'refused:duplicate_item', 'refused:duplicate_item'],
    );
    const d = await detail(a.id);
    assert.deepEqual([d.boxes.length, d.boxes[0].tracking_number, d.lines.map((l: { version: number }) => l.version)], [1, n1, [2, 2]]);
    const moved = (res.body.lines as { line_id: string; order_id: string }[]).map((l) => l.line_id);
    assert.deepEqual([...moved].sort(), [...a.lineIds, ...others.map((o) => o.lineIds[0]!)].sort());
    const keys = (res.body.lines as { line_id: string; order_id: string }[]).map((l) => `${l.order_id} ${l.line_id}`);
    assert.deepEqual(keys, [...keys].sort(), 'rows in the lines view order');
    assert.equal((await batches(res.body.batch_id)).length, 6);
  });
});
