// Gifts (사은품): each rule condition alone and all together; apply adds a gift line once per order; a hold sets the
// gift aside and its release brings it back; a cancel cancels it; preview → apply → undo leaves the database as
// before; an order that moved since the preview refuses the apply.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { newId, ID_PREFIX } from '../../server/db/ids.ts';
import { makeOrder, makeSku, setLineSkus } from '../helpers/builders.ts';
import { skipWith } from '../helpers/skip.ts';
import { tableSnapshot } from '../helpers/db-snapshot.ts';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, testDialect, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let accountA: string;
let accountB: string;
let skuA: { id: string; code: string };
let skuB: { id: string; code: string };
let gift: { id: string; code: string };

async function makeAccount(name: string): Promise<string> {
  const id = newId('acc');
  const now = new Date().toISOString();
  await s.deps.db('mall_accounts').insert({ id, mall_type: 'naver', display_name: name, version: 1, created_at: now, updated_at: now });
  return id;
}

beforeAll(async () => {
  s = await startTestServer();
  accountA = await makeAccount('스토어 A');
  accountB = await makeAccount('스토어 B');
  skuA = await makeSku(s.deps.db, { name: '텀블러' });
  skuB = await makeSku(s.deps.db, { name: '머그컵' });
  gift = await makeSku(s.deps.db, { name: '사은품 파우치', option: '사은품 옵션' });
});
afterAll(() => s.close());

type LineSpec = { sku?: { id: string; code: string }; quantity?: number; unit?: number; amount?: number };
type OrderSpec = { account?: string | null; channel?: string; lines?: LineSpec[]; shipping?: number; paidAt?: string; status?: string };

/** An order of matched lines (SKU A × 1 at 10,000 won unless said), written straight into the database. */
async function order(o: OrderSpec = {}) {
  const specs = o.lines ?? [{}];
  const made = await makeOrder(s.deps.db, {
    lines: specs.length,
    mallAccountId: o.account ?? null,
    channel: o.channel ?? '쿠팡',
    status: o.status ?? 'NEW',
    ...(o.paidAt ? { paidAt: o.paidAt } : {}),
  });
  for (const [i, l] of specs.entries()) {
    const id = made.lineIds[i]!;
    await setLineSkus(s.deps.db, id, [l.sku ?? skuA]);
    const quantity = l.quantity ?? 1;
    const unit = l.unit ?? 10000;
    await s.deps
      .db('order_lines')
      .where({ id })
      .update({ quantity, unit_price: unit, amount: l.amount ?? unit * quantity });
  }
  await s.deps
    .db('orders')
    .where({ id: made.id })
    .update({ shipping_fee: o.shipping ?? 0 });
  return made;
}

async function rule(body: Record<string, unknown>) {
  const res = await s.call('POST', '/api/gifts/rules', { name: '구매 사은품', gift_sku_code: gift.code, ...body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; version: number };
}

const preview = (orderIds: string[], ruleIds: string[]) => s.call('POST', '/api/gifts/preview', { order_ids: orderIds, rule_ids: ruleIds });

/** Whether the rule `body` gives order `spec` its gift, in a preview of just these two. */
async function holds(body: Record<string, unknown>, spec: OrderSpec): Promise<boolean> {
  const r = await rule(body);
  const o = await order(spec);
  const res = await preview([o.id], [r.id]);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items.some((i: { order_id: string }) => i.order_id === o.id);
}

const giftLines = (orderId: string) => s.deps.db('order_lines').where({ order_id: orderId }).whereNotNull('gift_rule_id').orderBy('line_no');
const orderVersion = async (id: string) => (await s.deps.db('orders').where({ id }).first()).version as number;

/** Preview these orders with this rule and apply all of it. */
async function previewAndApply(orderIds: string[], ruleId: string) {
  const p = await preview(orderIds, [ruleId]);
  assert.equal(p.status, 200, JSON.stringify(p.body));
  const items = p.body.items.map((i: { order_id: string; version: number; gifts: { rule_id: string }[] }) => ({
    order_id: i.order_id,
    version: i.version,
    rule_ids: i.gifts.map((g) => g.rule_id),
  }));
  return s.call('POST', '/api/gifts/apply', { items });
}

describe('gift rule conditions', () => {
  it('mall account: the order is of one of the accounts named', async () => {
    assert.equal(await holds({ mall_account_ids: [accountA] }, { account: accountA }), true);
    assert.equal(await holds({ mall_account_ids: [accountA] }, { account: accountB }), false);
    assert.equal(await holds({ mall_account_ids: [accountA] }, { account: null }), false);
  });

  it('channel: the order is of one of the channels named', async () => {
    assert.equal(await holds({ channel_names: ['스마트스토어', '11번가'] }, { channel: '11번가' }), true);
    assert.equal(await holds({ channel_names: ['스마트스토어'] }, { channel: '쿠팡' }), false);
  });

  it('SKU bought: a line of the order needs any of the SKUs named', async () => {
    assert.equal(await holds({ sku_codes: [skuB.code, skuA.code] }, { lines: [{ sku: skuB }] }), true);
    assert.equal(await holds({ sku_codes: [skuA.code] }, { lines: [{ sku: skuB }] }), false);
  });

  it('amount threshold: paid or order amount, shipping included or not', async () => {
    // 2 × 20,000 won listed (order amount 40,000), 30,000 paid after a discount, 3,000 shipping.
    const spec: OrderSpec = { lines: [{ quantity: 2, unit: 20000, amount: 30000 }], shipping: 3000 };
    const paid = { amount_basis: 'paid' };
    const listed = { amount_basis: 'order' };
    assert.equal(await holds({ ...paid, amount_min: 30000 }, spec), true);
    assert.equal(await holds({ ...paid, amount_min: 30001 }, spec), false);
    assert.equal(await holds({ ...paid, amount_min: 33000, amount_with_shipping: true }, spec), true);
    assert.equal(await holds({ ...paid, amount_min: 33001, amount_with_shipping: true }, spec), false);
    assert.equal(await holds({ ...listed, amount_min: 40000 }, spec), true);
    assert.equal(await holds({ ...listed, amount_min: 40001 }, spec), false);
    assert.equal(await holds({ ...listed, amount_min: 43000, amount_with_shipping: true }, spec), true);
    assert.equal(await holds({ ...listed, amount_min: 43001, amount_with_shipping: true }, spec), false);
  });

  it('minimum quantity: units of the SKUs named (every line when none are)', async () => {
    assert.equal(await holds({ min_quantity: 3 }, { lines: [{ quantity: 2 }, { sku: skuB, quantity: 1 }] }), true);
    assert.equal(await holds({ min_quantity: 3 }, { lines: [{ quantity: 2 }] }), false);
    assert.equal(await holds({ min_quantity: 3, sku_codes: [skuA.code] }, { lines: [{ quantity: 1 }, { sku: skuB, quantity: 5 }] }), false);
    assert.equal(await holds({ min_quantity: 3, sku_codes: [skuA.code] }, { lines: [{ quantity: 3 }, { sku: skuB, quantity: 1 }] }), true);
  });

  it('period: the KST day of payment, both ends included', async () => {
    const period = { period_from: '2026-11-21', period_to: '2026-11-22' };
    // 2026-11-20T15:00Z is 2026-11-21 00:00 KST; 2026-11-22T14:59Z is 23:59 KST the same day.
    assert.equal(await holds(period, { paidAt: '2026-11-20T15:00:00.000Z' }), true);
    assert.equal(await holds(period, { paidAt: '2026-11-22T14:59:00.000Z' }), true);
    assert.equal(await holds(period, { paidAt: '2026-11-20T14:59:00.000Z' }), false);
    assert.equal(await holds(period, { paidAt: '2026-11-22T15:00:00.000Z' }), false);
  });

  it('all conditions together: the gift only when every one holds', async () => {
    const all = {
      mall_account_ids: [accountA],
      channel_names: ['스마트스토어'],
      sku_codes: [skuA.code],
      amount_min: 50000,
      amount_basis: 'paid',
      amount_with_shipping: true,
      min_quantity: 2,
      period_from: '2026-11-01',
      period_to: '2026-11-30',
    };
    const good: OrderSpec = {
      account: accountA,
      channel: '스마트스토어',
      lines: [{ quantity: 2, unit: 25000, amount: 48000 }],
      shipping: 2000,
      paidAt: '2026-11-15T03:00:00.000Z',
    };
    assert.equal(await holds(all, good), true);
    for (const bad of [
      { account: accountB },
      { channel: '쿠팡' },
      { lines: [{ sku: skuB, quantity: 2, unit: 25000, amount: 48000 }] },
      { shipping: 1999 },
      { lines: [{ quantity: 1, unit: 50000, amount: 48000 }] },
      { paidAt: '2026-12-01T03:00:00.000Z' },
    ] as OrderSpec[]) {
      assert.equal(await holds(all, { ...good, ...bad }), false, JSON.stringify(bad));
    }
  });

  it('only orders waiting in NEW / READY, matched and not on hold; inactive rules give nothing', async () => {
    const r = await rule({});
    const invoiced = await order({ status: 'INVOICED' });
    const held = await order();
    await s.deps.db('orders').where({ id: held.id }).update({ hold: true, hold_reason: '주소 확인' });
    const unmatched = await order();
    await s.deps.db('order_lines').where({ id: unmatched.lineIds[0] }).update({ unmatched: true });
    const ready = await order({ status: 'READY' });
    const res = await preview([invoiced.id, held.id, unmatched.id, ready.id], [r.id]);
    assert.deepEqual(
      res.body.items.map((i: { order_id: string }) => i.order_id),
      [ready.id],
    );
    const off = await rule({ active: false });
    assert.equal((await preview([ready.id], [off.id])).body.items.length, 0);
  });
});

describe('gift rules API', () => {
  it('refuses unknown SKU codes by field, a reversed period, stale versions and deleting a rule in use', async () => {
    let res = await s.call('POST', '/api/gifts/rules', { name: 'x', gift_sku_code: 'NOPE-1' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details[0].field, 'gift_sku_code');
    res = await s.call('POST', '/api/gifts/rules', { name: 'x', gift_sku_code: gift.code, sku_codes: ['NOPE-2'] });
    assert.equal(res.body.error.details[0].field, 'sku_codes');
    res = await s.call('POST', '/api/gifts/rules', { name: 'x', gift_sku_code: gift.code, period_from: '2026-12-02', period_to: '2026-12-01' });
    assert.equal(res.body.error.details[0].field, 'period_to');

    const r = await rule({ sku_codes: [skuA.code], channel_names: ['쿠팡'] });
    assert.ok(r.id.startsWith(`${ID_PREFIX.giftRule}_`), r.id);
    const list = await s.call('GET', '/api/gifts/rules', undefined, { token: await s.tokenFor('viewer') });
    const listed = list.body.items.find((i: { id: string }) => i.id === r.id);
    assert.deepEqual([listed.sku_codes, listed.gift_sku_code, listed.channel_names], [[skuA.code], gift.code, ['쿠팡']]);
    res = await s.call('PATCH', `/api/gifts/rules/${r.id}`, { version: 1, gift_quantity: 2 });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.version, res.body.gift_quantity], [2, 2]);
    res = await s.call('PATCH', `/api/gifts/rules/${r.id}`, { version: 1, name: 'late' });
    assert.deepEqual([res.status, res.body.error.code], [409, 'stale_version']);

    const o = await order();
    assert.equal((await previewAndApply([o.id], r.id)).status, 200);
    res = await s.call('DELETE', `/api/gifts/rules/${r.id}?version=2`);
    assert.deepEqual([res.status, res.body.error.code], [409, 'rule_in_use']);
    const unused = await rule({});
    res = await s.call('DELETE', `/api/gifts/rules/${unused.id}?version=1`);
    assert.equal(res.status, 204);
  });

  it('numbers past what an integer column holds are a 400 naming the field, or a stale version: never a 500', async () => {
    // PostgreSQL's integer is 32-bit: 2,147,483,648 failed the statement there (SQLite took it).
    for (const field of ['amount_min', 'min_quantity']) {
      const res = await s.call('POST', '/api/gifts/rules', { name: 'x', gift_sku_code: gift.code, [field]: 2 ** 31 });
      assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.details[0].field, field);
    }
    const r = await rule({});
    for (const body of [{ amount_min: 2 ** 31 }, { min_quantity: 2 ** 53 - 1 }, { version: 2 ** 31 }]) {
      const res = await s.call('PATCH', `/api/gifts/rules/${r.id}`, { version: 1, ...body });
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.details[0].field, Object.keys(body)[0]);
    }
    // The largest version a column holds is only stale: the rule is at version 1, and stays there.
    const top = await s.call('PATCH', `/api/gifts/rules/${r.id}`, { version: 2 ** 31 - 1, name: 'late' });
    assert.deepEqual([top.status, top.body.error.code], [409, 'stale_version']);
    const gone = await s.call('DELETE', `/api/gifts/rules/${r.id}?version=${2 ** 31}`);
    assert.deepEqual([gone.status, gone.body.error.details[0].field], [400, 'version']);
    const kept = await s.call('PATCH', `/api/gifts/rules/${r.id}`, { version: 1, amount_min: 2 ** 31 - 1 });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    assert.deepEqual([kept.body.version, kept.body.amount_min], [2, 2 ** 31 - 1]);
  });
});

describe(
  'gift rule delete racing an apply (PostgreSQL row locks)',
  skipWith(testDialect() === 'postgres' ? false : "row-lock waits are PostgreSQL's (SQLite has one writer)"),
  () => {
    // A transaction of the test plays the other request: it holds the rule as the other side would, then writes and commits.
    it('a delete waiting on an apply that adds a gift line is refused rule_in_use, not a 500', async () => {
      const r = await rule({});
      const o = await order();
      const trx = await s.deps.db.transaction();
      await trx('gift_rules').where({ id: r.id }).forShare().first();
      const deleting = s.call('DELETE', `/api/gifts/rules/${r.id}?version=1`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await trx('order_lines').where({ id: o.lineIds[0] }).update({ gift_rule_id: r.id });
      await trx.commit();
      const res = await deleting;
      assert.deepEqual([res.status, res.body.error?.code], [409, 'rule_in_use'], JSON.stringify(res.body));
    });

    it('an apply waiting on a delete of its rule is refused rule_no_longer_holds, not a 500', async () => {
      const r = await rule({});
      const o = await order();
      const p = await preview([o.id], [r.id]);
      const trx = await s.deps.db.transaction();
      await trx('gift_rules').where({ id: r.id }).delete();
      const applying = s.call('POST', '/api/gifts/apply', { items: [{ order_id: o.id, version: p.body.items[0].version, rule_ids: [r.id] }] });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await trx.commit();
      const res = await applying;
      assert.deepEqual([res.status, res.body.error?.code], [409, 'rule_no_longer_holds'], JSON.stringify(res.body));
      assert.equal((await s.deps.db('order_lines').where({ order_id: o.id }).whereNotNull('gift_rule_id')).length, 0);
    });
  },
);

const snapshot = () =>
  tableSnapshot(s.deps.db, /^(status_history|audit_log|access_records|stock_history|gift_batches|knex_migrations|knex_migrations_lock)$/);

describe('apply, hold, cancel and undo', () => {
  it('apply adds the gift line once per order: SKU, quantity, unit price 0, its SKUs, history under the batch, a new order version', async () => {
    const r = await rule({ gift_quantity: 2, sku_codes: [skuA.code] });
    const o = await order({ status: 'READY' });
    // The preview names the gift with its option (the 사은품 sheet shows both).
    const seen = (await preview([o.id], [r.id])).body.items[0].gifts[0];
    assert.deepEqual([seen.sku_code, seen.sku_name, seen.sku_option, seen.quantity], [gift.code, '사은품 파우치', '사은품 옵션', 2]);
    const res = await previewAndApply([o.id], r.id);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.orders, res.body.lines], [1, 1]);
    const [line] = await giftLines(o.id);
    assert.deepEqual(
      [line.gift_rule_id, line.sku_code, line.quantity, line.unit_price, line.amount, line.status, line.line_no, !!line.gift_set_aside],
      [r.id, gift.code, 2, 0, 0, 'READY', 2, false],
    );
    // Marked as a gift in its name (every sheet and file shows it so), with its SKU's option.
    assert.deepEqual([line.product_name, line.option_text], ['[사은품] 사은품 파우치', '사은품 옵션']);
    assert.deepEqual(res.body.items[0].lines, [{ id: line.id, rule_id: r.id }]);
    assert.equal(res.body.items[0].version, await orderVersion(o.id));
    const skus = await s.deps.db('line_skus').where({ line_id: line.id });
    assert.deepEqual(
      skus.map((k) => [k.sku_id, k.quantity]),
      [[gift.id, 1]],
    );
    const hist = await s.deps.db('status_history').where({ entity_id: line.id });
    assert.deepEqual(
      hist.map((h) => [h.action, h.to_status, h.batch_id]),
      [['gift_add', 'READY', res.body.batch_id]],
    );

    // Once per order: a second preview offers nothing, and applying the rule again is refused.
    assert.equal((await preview([o.id], [r.id])).body.items.length, 0);
    const again = await s.call('POST', '/api/gifts/apply', { items: [{ order_id: o.id, version: await orderVersion(o.id), rule_ids: [r.id] }] });
    assert.deepEqual([again.status, again.body.error.code], [409, 'rule_no_longer_holds']);
    assert.equal((await giftLines(o.id)).length, 1);

    // A rule that does not deduct stock adds a gift line needing no SKU (allocation and shipping leave stock alone).
    const free = await rule({ deduct_stock: false });
    assert.equal((await previewAndApply([o.id], free.id)).status, 200);
    const lines = await giftLines(o.id);
    assert.equal(lines.length, 2);
    assert.equal((await s.deps.db('line_skus').where({ line_id: lines[1].id })).length, 0);
    assert.equal(!!lines[1].unmatched, false);
  });

  it('an order that moved since the preview refuses the whole apply, naming it; nothing is added', async () => {
    const r = await rule({});
    const a = await order();
    const b = await order();
    const p = await preview([a.id, b.id], [r.id]);
    assert.equal(p.body.items.length, 2);
    const released = await s.call('POST', '/api/transitions', { action: 'release', items: [{ id: b.id, version: p.body.items[1].version }] });
    assert.equal(released.body.results[0].result, 'applied', JSON.stringify(released.body));
    const items = p.body.items.map((i: { order_id: string; version: number }) => ({ order_id: i.order_id, version: i.version, rule_ids: [r.id] }));
    const res = await s.call('POST', '/api/gifts/apply', { items }, { lang: 'ko' });
    assert.deepEqual([res.status, res.body.error.code], [409, 'order_moved']);
    assert.deepEqual(res.body.error.details.orders, [b.id]);
    assert.match(res.body.error.message, new RegExp(b.id));
    assert.equal((await giftLines(a.id)).length + (await giftLines(b.id)).length, 0);
  });

  it('a hold sets the gift line aside and the release of the hold brings it back; a cancel of the order cancels it', async () => {
    const r = await rule({});
    const o = await order();
    assert.equal((await previewAndApply([o.id], r.id)).status, 200);
    const [line] = await giftLines(o.id);
    let res = await s.call('POST', '/api/transitions', {
      action: 'hold',
      reason: '주소 확인',
      items: [{ id: o.id, version: await orderVersion(o.id) }],
    });
    assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body));
    assert.equal(!!(await giftLines(o.id))[0].gift_set_aside, true);
    res = await s.call('POST', '/api/transitions', {
      action: 'release_hold',
      reason: '확인',
      items: [{ id: o.id, version: await orderVersion(o.id) }],
    });
    assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body));
    assert.equal(!!(await giftLines(o.id))[0].gift_set_aside, false);
    const actions = (await s.deps.db('status_history').where({ entity_id: line.id }).orderBy('id')).map((h) => h.action);
    assert.deepEqual(actions, ['gift_add', 'gift_set_aside', 'gift_restore']);

    // The mall cancels its line: the gift is canceled with it.
    const own = await s.deps.db('order_lines').where({ id: o.lineIds[0] }).first();
    res = await s.call('POST', '/api/transitions', {
      action: 'claim',
      claim_type: 'cancel',
      reason: '고객 변심',
      items: [{ id: own.id, version: own.version }],
    });
    assert.equal(res.body.results[0].result, 'applied', JSON.stringify(res.body));
    assert.equal((await giftLines(o.id))[0].status, 'CANCELED');
  });

  it('a batch of many orders keeps its undo record packed on its row, and its undo reads it back', async () => {
    const r = await rule({});
    const orders = [];
    for (let i = 0; i < 80; i++) orders.push(await order()); // an undo record of about 4.6 KB: packed from 4 KB
    const before = await snapshot();
    const applied = await previewAndApply(
      orders.map((o) => o.id),
      r.id,
    );
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    const row = await s.deps.db('gift_batches').where({ id: applied.body.batch_id }).first();
    assert.ok(row.undo.startsWith('H4sI'), 'gzipped, in base64 (packed-text.ts)');
    const undo = await s.call('POST', `/api/gifts/batches/${applied.body.batch_id}/undo`);
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.deepEqual([undo.body.orders, undo.body.lines], [80, 80]);
    assert.deepEqual(await snapshot(), before);
  });

  it('preview → apply → undo leaves every table as before; undo is refused once an order moved, and done once', async () => {
    const r = await rule({});
    const a = await order();
    const b = await order({ status: 'READY', lines: [{}, { sku: skuB }] });
    const before = await snapshot();
    const applied = await previewAndApply([a.id, b.id], r.id);
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal(applied.body.lines, 2);
    assert.notDeepEqual(await snapshot(), before);

    const batches = await s.call('GET', '/api/gifts/batches');
    assert.equal(batches.body.items[0].id, applied.body.batch_id);
    const undo = await s.call('POST', `/api/gifts/batches/${applied.body.batch_id}/undo`);
    assert.equal(undo.status, 200, JSON.stringify(undo.body));
    assert.deepEqual([undo.body.orders, undo.body.lines], [2, 2]);
    assert.deepEqual(await snapshot(), before);
    const removed = await s.deps.db('status_history').where({ batch_id: undo.body.undo_batch_id });
    assert.deepEqual(
      removed.map((h) => h.action),
      ['gift_remove', 'gift_remove'],
    );
    // The order detail says why in the reader's language: the apply, then its undo naming the batch.
    const giftsIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, a.id, lang)).filter((h) => h.action.startsWith('gift_')).map((h) => [h.action, h.reason]);
    assert.deepEqual(await giftsIn('ko'), [
      ['gift_add', '사은품 적용'],
      ['gift_remove', `사은품 적용 취소 ${applied.body.batch_id}`],
    ]);
    assert.deepEqual(await giftsIn('en'), [
      ['gift_add', 'Gifts applied'],
      ['gift_remove', `Gifts undone ${applied.body.batch_id}`],
    ]);
    const twice = await s.call('POST', `/api/gifts/batches/${applied.body.batch_id}/undo`);
    assert.deepEqual([twice.status, twice.body.error.code], [409, 'batch_undone']);

    // Applied again, then the order is held: its gift was set aside since, so the undo is refused, naming it.
    const again = await previewAndApply([a.id], r.id);
    await s.call('POST', '/api/transitions', { action: 'hold', reason: '주소 확인', items: [{ id: a.id, version: await orderVersion(a.id) }] });
    const blocked = await s.call('POST', `/api/gifts/batches/${again.body.batch_id}/undo`);
    assert.deepEqual([blocked.status, blocked.body.error.code, blocked.body.error.details.orders], [409, 'undo_blocked', [a.id]]);
    // Named by the mall order number the operator knows, not our key.
    const { mall_order_id: number } = await s.deps.db('orders').where({ id: a.id }).first();
    assert.ok(blocked.body.error.message.includes(number) && !blocked.body.error.message.includes(a.id), blocked.body.error.message);
    assert.equal((await giftLines(a.id)).length, 1);
  });
});
