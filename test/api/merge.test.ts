// Merge-packing (합포장, issue 12 §1/§4): the preview groups the shipping desk's orders to one recipient, the apply
// puts each group in one box as one batch, the undo splits it back exactly; review groups are the operator's call;
// held, locked, claimed, unmatched, sold-out and numbered lines never merge; versions guard the apply and the undo.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { tableSnapshot } from '../helpers/db-snapshot.ts';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let operator: string;
let viewer: string;

beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
  viewer = await s.tokenFor('viewer');
});
afterAll(() => s.close());

let seq = 0;
/** A fresh recipient name, so each test's orders group only with each other. */
const person = () => `수령인${++seq}호`;

/** A released order to `name` on the desk; phone none unless given, mobile as given (a number the key compares). */
async function deskOrder(name: string, o: { mobile?: string; phone?: string | null; lines?: number; status?: string } = {}) {
  const order = await makeOrder(s.deps.db, {
    status: o.status ?? 'READY',
    recipient: name,
    recipientMobile: o.mobile ?? '010-2222-3333',
    lines: o.lines ?? 1,
  });
  await s.deps
    .db('orders')
    .where({ id: order.id })
    .update({ recipient_phone: o.phone ?? null });
  return order;
}

type Preview = { groups: { group: string; orders: { id: string; version: number }[] }[]; reviews: any[]; lines: any[] };

async function preview(token = operator): Promise<Preview> {
  const res = await s.call('POST', '/api/merge/preview?reason=shipping', undefined, { token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** The preview's group (or review group) holding exactly these orders. */
const groupOf = (p: Preview, ids: string[]) =>
  p.groups.find((g) =>
    sameSet(
      g.orders.map((o) => o.id),
      ids,
    ),
  );
const reviewOf = (p: Preview, ids: string[]) =>
  p.reviews.find((r) =>
    sameSet(
      r.orders.map((o: { id: string }) => o.id),
      ids,
    ),
  );
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const boxOf = async (lineId: string) => (await s.deps.db('order_lines').where({ id: lineId }).first()).box_id as string | null;

const apply = (body: unknown, token = operator) => s.call('POST', '/api/merge/apply', body, { token, lang: 'en' });

/** Every table but the history, audit and batch records, without versions and update times, rows in a fixed order. */
const snapshot = () =>
  tableSnapshot(s.deps.db, /^(status_history|audit_log|access_records|merge_batches|knex_.*|api_tokens|login_attempts|stream_tickets|jobs.*)$/);

describe('merge-packing: preview, apply, undo', () => {
  it('round trip: exact groups and an accepted review group merge into one box each; a rejected one is not offered again; the undo restores every table', async () => {
    const [a, b, c, d] = [person(), person(), person(), person()];
    const a1 = await deskOrder(a, { lines: 2 });
    const a2 = await deskOrder(a, { mobile: '010 2222 3333' }); // the same number written otherwise
    const boxA2 = await putInBox(s.deps.db, [a2.lineIds[0]!]); // a box of its own already: kept
    const b1 = await deskOrder(b);
    const b2 = await deskOrder(b);
    const boxB1 = await putInBox(s.deps.db, [b1.lineIds[0]!]);
    const boxB2 = await putInBox(s.deps.db, [b2.lineIds[0]!]);
    const c1 = await deskOrder(c, { mobile: '010-1111-0001' });
    const c2 = await deskOrder(c, { mobile: '010-1111-0002' }); // phones differ: review
    const d1 = await deskOrder(d, { phone: '0504-1234-5678' }); // a safe number: review
    const d2 = await deskOrder(d);
    const before = await snapshot();

    const p = await preview();
    const gA = groupOf(p, [a1.id, a2.id]);
    const gB = groupOf(p, [b1.id, b2.id]);
    assert.ok(gA && gB, 'exact groups offered');
    const rC = reviewOf(p, [c1.id, c2.id]);
    const rD = reviewOf(p, [d1.id, d2.id]);
    assert.equal(rC.reason, 'phones_differ');
    assert.equal(rD.reason, 'safe_number'); // the same mobile on both: only the 050x number differs
    assert.equal(groupOf(p, [c1.id, c2.id]), undefined);
    const sheet = p.lines.filter((l) => l.order_id === a1.id);
    assert.equal(sheet.length, 2);
    assert.equal(sheet[0].group, gA!.group);
    assert.equal(sheet[0].recipient_name, a);
    assert.equal(p.lines.find((l) => l.order_id === c1.id).review_reason, 'phones_differ');

    const res = await apply({ groups: [{ orders: gA!.orders }, { orders: gB!.orders }, { orders: rC.orders }], rejected: [{ orders: rD.orders }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.groups, 3);
    assert.equal(res.body.rejected, 1);
    const batch = res.body.batch_id as string;

    // A: every line in A2's box; B: one box (the lowest id kept), the other removed; C: a new box for both.
    for (const id of [...a1.lineIds, ...a2.lineIds]) assert.equal(await boxOf(id), boxA2);
    const kept = [boxB1, boxB2].sort()[0]!;
    const gone = [boxB1, boxB2].sort()[1]!;
    assert.equal(await boxOf(b1.lineIds[0]!), kept);
    assert.equal(await boxOf(b2.lineIds[0]!), kept);
    assert.equal(await s.deps.db('boxes').where({ id: gone }).first(), undefined);
    const boxC = await boxOf(c1.lineIds[0]!);
    assert.ok(boxC);
    assert.equal(await boxOf(c2.lineIds[0]!), boxC);
    assert.equal(await boxOf(d1.lineIds[0]!), null);
    const history = await s.deps.db('status_history').where({ batch_id: batch, action: 'merge' });
    assert.equal(history.length, 2 + 1 + 2); // the lines that moved: A1's two, one of B's, both of C's
    // The next preview: the merged groups are one box now (still a group, nothing to move), D is not offered again.
    const again = await preview();
    assert.equal(reviewOf(again, [d1.id, d2.id]), undefined);
    assert.equal(reviewOf(again, [c1.id, c2.id]), undefined, 'an accepted review group is one box now: not asked again');

    const undo = await s.call('POST', `/api/merge/batches/${batch}/undo`, undefined, { token: operator });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.deepEqual(await snapshot(), before);
    assert.ok(reviewOf(await preview(), [d1.id, d2.id]), 'a rejection is undone with its batch');
    assert.ok(reviewOf(await preview(), [c1.id, c2.id]), 'an acceptance too');
    // The order detail says both in the reader's language.
    const mergesIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, a1.id, lang)).filter((h) => h.action === 'merge' || h.action === 'merge_undo').map((h) => [h.action, h.reason]);
    assert.deepEqual(await mergesIn('ko'), [
      ['merge', '합포장'],
      ['merge', '합포장'],
      ['merge_undo', '합포장 취소'],
      ['merge_undo', '합포장 취소'],
    ]);
    assert.deepEqual(await mergesIn('en'), [
      ['merge', 'Merged'],
      ['merge', 'Merged'],
      ['merge_undo', 'Merge undone'],
      ['merge_undo', 'Merge undone'],
    ]);
    const twice = await s.call('POST', `/api/merge/batches/${batch}/undo`, undefined, { token: operator, lang: 'en' });
    assert.equal(twice.status, 409);
    const batches = await s.call('GET', '/api/merge/batches', undefined, { token: viewer });
    assert.ok(batches.body.items.find((x: { id: string; undone_at: string | null }) => x.id === batch && x.undone_at));
  });

  it("the order sheet's 합포 column names a merged box on each of its lines (first mall order number + how many more), and is empty again after the undo", async () => {
    const name = person();
    const o1 = await deskOrder(name, { lines: 2 });
    const o2 = await deskOrder(name);
    const aloneName = person();
    const alone = await deskOrder(aloneName);
    await putInBox(s.deps.db, [alone.lineIds[0]!]); // a box of one order's line: no 합포
    const lines = async (q: string) =>
      (await s.call('GET', `/api/order-lines?limit=100&q=${encodeURIComponent(q)}`, undefined, { token: operator })).body.items as Record<
        string,
        unknown
      >[];
    assert.ok((await lines(name)).every((l) => l.box_group === null));

    const p = await preview();
    const res = await apply({ groups: [{ orders: groupOf(p, [o1.id, o2.id])!.orders }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const numbers = (await s.deps.db('orders').whereIn('id', [o1.id, o2.id]).pluck('mall_order_id')) as string[];
    const label = `${numbers.sort()[0]}+1`;
    const merged = await lines(name);
    assert.equal(merged.length, 3);
    assert.deepEqual(
      merged.map((l) => l.box_group),
      [label, label, label],
    );
    assert.deepEqual(
      (await lines(aloneName)).map((l) => [l.box_id !== null, l.box_group]),
      [[true, null]],
    );
    // The column form reads the box only for the label, and does not answer it when not asked.
    const cols = await s.call('GET', `/api/order-lines/columns?limit=100&q=${encodeURIComponent(name)}&fields=line_id,box_group`, undefined, {
      token: operator,
    });
    assert.equal(cols.status, 200, JSON.stringify(cols.body));
    assert.deepEqual(cols.body.columns, ['line_id', 'box_group']);
    assert.deepEqual(
      cols.body.rows.map((r: unknown[]) => r[1]),
      [label, label, label],
    );

    const undo = await s.call('POST', `/api/merge/batches/${res.body.batch_id}/undo`, undefined, { token: operator });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.ok((await lines(name)).every((l) => l.box_group === null));

    // Merged again, then one order cancelled: its line left the box, which holds one order now — no 합포.
    const again = await apply({ groups: [{ orders: groupOf(await preview(), [o1.id, o2.id])!.orders }] });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    const gone = await s.deps.db('order_lines').where({ id: o2.lineIds[0] }).first();
    const cancel = await s.call('POST', '/api/transitions', {
      action: 'claim',
      claim_type: 'cancel',
      claim_state: 'completed',
      reason: '고객 취소',
      items: [{ id: gone.id, version: gone.version }],
    });
    assert.equal(cancel.body.applied, 1, JSON.stringify(cancel.body));
    assert.deepEqual(
      (await lines(name)).filter((l) => l.order_id === o1.id).map((l) => l.box_group),
      [null, null],
    );
  });

  it('a merge of many groups keeps its undo record packed on its row, and its undo reads it back', async () => {
    const names = Array.from({ length: 40 }, person);
    for (const name of names) for (let i = 0; i < 2; i++) await deskOrder(name);
    const before = await snapshot();
    const p = await preview();
    const groups = p.groups.filter(
      (g) => g.orders.length === 2 && names.some((n) => p.lines.some((l) => l.order_id === g.orders[0]!.id && l.recipient_name === n)),
    );
    assert.equal(groups.length, 40);
    const res = await apply({ groups: groups.map((g) => ({ orders: g.orders })), rejected: [] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const row = await s.deps.db('merge_batches').where({ id: res.body.batch_id }).first();
    assert.ok(row.undo.startsWith('H4sI'), 'gzipped, in base64 (packed-text.ts)');
    const undo = await s.call('POST', `/api/merge/batches/${res.body.batch_id}/undo`, undefined, { token: operator });
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.deepEqual(await snapshot(), before);
  });

  it('a preview writing more than a screenful of recipients says why, and the access record keeps it; viewers (masked) need none', async () => {
    const names = Array.from({ length: 60 }, person);
    for (const name of names) for (let i = 0; i < 2; i++) await deskOrder(name);
    const bare = await s.call('POST', '/api/merge/preview', undefined, { token: operator });
    assert.equal(bare.status, 400, JSON.stringify(bare.body).slice(0, 300));
    assert.equal(bare.body.error.code, 'reason_required');
    const said = await s.call('POST', '/api/merge/preview?reason=shipping', undefined, { token: operator });
    assert.equal(said.status, 200);
    const record = await s.deps.db('access_records').where({ endpoint: 'POST /api/merge/preview' }).orderBy('id', 'desc').first();
    assert.equal(record.reason, 'shipping');
    assert.ok(record.rows > 100);
    assert.equal((await s.call('POST', '/api/merge/preview', undefined, { token: await s.tokenFor('viewer') })).status, 200);
  });

  it('held, merge-locked, claimed, unmatched, sold-out and numbered lines never merge; a locked order named in an apply is refused', async () => {
    const name = person();
    const ok1 = await deskOrder(name);
    const ok2 = await deskOrder(name);
    const held = await deskOrder(name);
    await s.deps.db('orders').where({ id: held.id }).update({ hold: true });
    const locked = await deskOrder(name);
    await s.deps.db('orders').where({ id: locked.id }).update({ merge_locked: true });
    const claimed = await deskOrder(name, { lines: 2 });
    await s.deps.db('order_lines').where({ id: claimed.lineIds[1] }).update({ status: 'CANCEL_REQUESTED' });
    const unmatched = await deskOrder(name);
    await s.deps.db('order_lines').where({ id: unmatched.lineIds[0] }).update({ unmatched: true });
    const soldOut = await deskOrder(name);
    await s.deps.db('order_lines').where({ id: soldOut.lineIds[0] }).update({ sold_out: true });
    const numbered = await deskOrder(name);
    await putInBox(s.deps.db, numbered.lineIds, { tracking: '612345678906' });
    const notReleased = await deskOrder(name, { status: 'NEW' });

    const p = await preview();
    assert.ok(groupOf(p, [ok1.id, ok2.id]), 'only the two mergeable orders form the group');
    for (const o of [held, locked, claimed, unmatched, soldOut, numbered, notReleased]) {
      assert.equal(
        p.lines.some((l) => l.order_id === o.id),
        false,
        o.id,
      );
    }
    const version = (await s.deps.db('orders').where({ id: locked.id }).first()).version;
    const res = await apply({ groups: [{ orders: [...groupOf(p, [ok1.id, ok2.id])!.orders, { id: locked.id, version }] }] });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'order_not_mergeable');
    const lockedOrder = await s.deps.db('orders').where({ id: locked.id }).first();
    assert.ok(res.body.error.message.includes(lockedOrder.mall_order_id), res.body.error.message);
    assert.equal(await boxOf(ok1.lineIds[0]!), null, 'nothing applied');
  });

  it('names written differently (spaces, full-width digits) are one recipient: the desk is narrowed by the name the plan compares', async () => {
    const name = person();
    const wide = `  ${name.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))} `;
    const o1 = await deskOrder(name, { lines: 2 });
    const o2 = await deskOrder(wide);
    const alone = await deskOrder(person());
    const p = await preview();
    const g = groupOf(p, [o1.id, o2.id]);
    assert.ok(g, 'the two orders are one merge group');
    const sheet = p.lines.filter((l) => l.group === g.group);
    assert.deepEqual(sheet.map((l) => l.line_id).sort(), [...o1.lineIds, ...o2.lineIds].sort());
    assert.equal(sheet.find((l) => l.order_id === o2.id).recipient_name, wide);
    assert.equal(typeof sheet[0].product_name, 'string');
    assert.equal(
      p.lines.find((l) => l.order_id === alone.id),
      undefined,
      'an order no other shares a name with is not shown',
    );
  });

  it('an order changed since the preview refuses the whole apply, naming it', async () => {
    const name = person();
    const o1 = await deskOrder(name);
    const o2 = await deskOrder(name);
    const g = groupOf(await preview(), [o1.id, o2.id])!;
    const order = (await s.call('GET', `/api/orders/${o2.id}`)).body;
    const memo = await s.call('POST', '/api/transitions', {
      action: 'set_flags',
      flags: { priority: true },
      items: [{ id: o2.id, version: order.version }],
    });
    assert.equal(memo.body.results[0].result, 'applied', JSON.stringify(memo.body));
    const res = await apply({ groups: [{ orders: g.orders }] });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'order_moved');
    assert.ok(res.body.error.message.includes(order.mall_order_id), res.body.error.message);
    assert.equal(await boxOf(o1.lineIds[0]!), null);
  });

  it('the same merge applied twice at once: one merges, the other is told the orders moved (PostgreSQL answered 500)', async () => {
    const name = person();
    const orders = [await deskOrder(name), await deskOrder(name), await deskOrder(name)];
    const g = groupOf(
      await preview(),
      orders.map((o) => o.id),
    )!;
    const both = await Promise.all([0, 1].map(() => apply({ groups: [{ orders: g.orders }] })));
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409], JSON.stringify(both.map((r) => r.body)));
    assert.equal(both.find((r) => r.status === 409)!.body.error.code, 'order_moved');
  });

  it('the undo is refused once a number was entered for the merged box', async () => {
    const name = person();
    const o1 = await deskOrder(name);
    const o2 = await deskOrder(name);
    const g = groupOf(await preview(), [o1.id, o2.id])!;
    const res = await apply({ groups: [{ orders: g.orders }] });
    assert.equal(res.status, 200);
    const line = await s.deps.db('order_lines').where({ id: o1.lineIds[0] }).first();
    const numbered = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      courier: 'CJ',
      tracking_number: '612345678917',
      items: [{ id: line.id, version: line.version }],
    });
    assert.equal(numbered.body.results[0].result, 'applied', JSON.stringify(numbered.body));
    // The number went to the whole merged box: both orders' lines.
    assert.equal((await s.deps.db('order_lines').where({ id: o2.lineIds[0] }).first()).status, 'INVOICED');
    const undo = await s.call('POST', `/api/merge/batches/${res.body.batch_id}/undo`, undefined, { token: operator, lang: 'en' });
    assert.equal(undo.status, 409);
    assert.equal(undo.body.error.code, 'undo_blocked');
    assert.equal(await boxOf(o2.lineIds[0]!), await boxOf(o1.lineIds[0]!));
  });

  it('viewers see the preview masked and may not apply', async () => {
    const name = person();
    const o1 = await deskOrder(name);
    await deskOrder(name);
    const p = await preview(viewer);
    const line = p.lines.find((l) => l.order_id === o1.id);
    assert.notEqual(line.recipient_name, name);
    assert.ok(line.recipient_name.includes('*'));
    assert.equal((await apply({ groups: [] }, viewer)).status, 403);
  });

  it('auto-merge at release: on, the released orders join their merge group in a batch; off, nothing merges', async () => {
    const release = async (ids: string[]) => {
      const items = await Promise.all(ids.map(async (id) => ({ id, version: (await s.call('GET', `/api/orders/${id}`)).body.version })));
      const res = await s.call('POST', '/api/transitions', { action: 'release', items });
      assert.equal(res.body.applied, ids.length, JSON.stringify(res.body));
    };
    const off = person();
    const f1 = await deskOrder(off);
    const f2 = await deskOrder(off, { status: 'NEW' });
    await release([f2.id]);
    assert.equal(await boxOf(f2.lineIds[0]!), null, 'off: no merge');

    assert.equal((await s.call('PUT', '/api/settings/auto-merge', { enabled: true }, { token: operator })).status, 403);
    const on = await s.call('PUT', '/api/settings/auto-merge', { enabled: true });
    assert.deepEqual(on.body, { enabled: true });
    const name = person();
    const w = await deskOrder(name); // already waiting on the desk
    const n1 = await deskOrder(name, { status: 'NEW' });
    await release([n1.id]);
    const box = await boxOf(n1.lineIds[0]!);
    assert.ok(box, 'merged at release');
    assert.equal(await boxOf(w.lineIds[0]!), box);
    const batches = (await s.call('GET', '/api/merge/batches', undefined, { token: viewer })).body.items;
    assert.equal(batches[0].source, 'auto');
    assert.equal(await boxOf(f1.lineIds[0]!), null, 'groups without a released order are left to the operator');
    await s.call('PUT', '/api/settings/auto-merge', { enabled: false });
  });
});
