// The catalogue over real HTTP, on SQLite and PostgreSQL: SKUs created and edited with versions, codes and barcodes
// unique (also when two creates race), the status rules, the audit rows, warehouses with one default, and the
// storefront queue a forced sold-out fills per matched mall product.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ID_PREFIX } from '../../server/db/ids.ts';
import { makeProductMatch } from '../helpers/builders.ts';
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

let n = 0;
const code = (prefix = 'A') => `${prefix}${1000 + ++n}`;
const sku = (over: Record<string, unknown> = {}) => ({ code: code(), name: '무선 이어폰', option_text: '화이트', price: 12900, cost: 7000, ...over });

async function create(body: Record<string, unknown>, token = operator) {
  return s.call('POST', '/api/catalogue/skus', body, { token });
}

describe('SKUs', () => {
  it('creates, reads, edits with the version, and refuses a stale version', async () => {
    const made = await create(sku({ barcodes: ['8801234567890', ' 8801234567891 ', '8801234567890'] }));
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.deepEqual(made.body.barcodes, ['8801234567890', '8801234567891']);
    assert.equal(made.body.status, 'active');
    assert.equal(made.body.version, 1);
    assert.ok(made.body.id.startsWith(`${ID_PREFIX.sku}_`), made.body.id);

    const got = await s.call('GET', `/api/catalogue/skus/${made.body.id}`, undefined, { token: viewer });
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, made.body);

    const edited = await s.call(
      'PATCH',
      `/api/catalogue/skus/${made.body.id}`,
      { version: 1, price: 13900, barcodes: ['8801234567891'] },
      { token: operator },
    );
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.price, 13900);
    assert.equal(edited.body.version, 2);
    assert.deepEqual(edited.body.barcodes, ['8801234567891']);
    // The barcode let go can be given to another SKU.
    assert.equal((await create(sku({ barcodes: ['8801234567890'] }))).status, 201);

    const stale = await s.call('PATCH', `/api/catalogue/skus/${made.body.id}`, { version: 1, name: '다른 이름' }, { token: operator });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'stale_version');

    const audit = await s.call('GET', `/api/audit/log?entity=sku&entity_id=${made.body.id}`);
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    const updated = audit.body.items.find((e: { action: string }) => e.action === 'sku_updated');
    assert.deepEqual(updated.detail, {
      before: { price: 12900, barcodes: ['8801234567890', '8801234567891'] },
      after: { price: 13900, barcodes: ['8801234567891'] },
    });
    assert.ok(audit.body.items.some((e: { action: string }) => e.action === 'sku_created'));
  });

  it('viewers read but do not write', async () => {
    assert.equal((await create(sku(), viewer)).status, 403);
    assert.equal((await s.call('GET', '/api/catalogue/skus', undefined, { token: viewer })).status, 200);
  });

  it('refuses a duplicate code and a barcode of another SKU, naming the field', async () => {
    const first = await create(sku({ barcodes: ['4900000000001'] }));
    const dupCode = await create(sku({ code: first.body.code }));
    assert.equal(dupCode.status, 409);
    assert.equal(dupCode.body.error.code, 'duplicate_code');
    assert.equal(dupCode.body.error.details[0].field, 'code');
    const dupBarcode = await create(sku({ barcodes: ['4900000000001'] }));
    assert.equal(dupBarcode.status, 409);
    assert.equal(dupBarcode.body.error.code, 'duplicate_barcode');
    assert.match(dupBarcode.body.error.message, new RegExp(first.body.code));
    const other = await create(sku());
    const taken = await s.call('PATCH', `/api/catalogue/skus/${other.body.id}`, { version: 1, code: first.body.code }, { token: operator });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.details[0].field, 'code');
  });

  it('two creates of the same code at once: one 201, the other 409, never a 500', async () => {
    for (let round = 0; round < 3; round++) {
      const same = code('RACE');
      const results = await Promise.all(Array.from({ length: 6 }, () => create(sku({ code: same }))));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409], JSON.stringify(results.map((r) => r.body)));
      for (const r of results.filter((x) => x.status === 409)) assert.equal(r.body.error.code, 'duplicate_code');
    }
    const barcode = `88099${Date.now() % 100000000}`;
    const results = await Promise.all(Array.from({ length: 4 }, () => create(sku({ barcodes: [barcode] }))));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409]);
  });

  it('status rules: a date for discontinued and reorder, a cap for limited; others drop them', async () => {
    const noDate = await create(sku({ status: 'discontinued' }));
    assert.equal(noDate.status, 400);
    assert.equal(noDate.body.error.details[0].field, 'status_date');
    const badDate = await create(sku({ status: 'reorder', status_date: '2026-02-30' }));
    assert.equal(badDate.status, 400);
    assert.equal(badDate.body.error.details[0].field, 'status_date');
    const noCap = await create(sku({ status: 'limited' }));
    assert.equal(noCap.status, 400);
    assert.equal(noCap.body.error.details[0].field, 'limit_quantity');
    assert.match((await create(sku({ status: 'limited' }))).body.error.message, /^Cap: /, 'the message names the column as the sheet does');

    const reorder = await create(sku({ status: 'reorder', status_date: '2026-12-01', limit_quantity: 5 }));
    assert.equal(reorder.status, 201, JSON.stringify(reorder.body));
    assert.equal(reorder.body.status_date, '2026-12-01');
    assert.equal(reorder.body.limit_quantity, null);
    const active = await s.call('PATCH', `/api/catalogue/skus/${reorder.body.id}`, { version: 1, status: 'active' }, { token: operator });
    assert.equal(active.status, 200);
    assert.equal(active.body.status_date, null);
    const limited = await s.call('PATCH', `/api/catalogue/skus/${reorder.body.id}`, { version: 2, status: 'limited' }, { token: operator });
    assert.equal(limited.status, 400);
    assert.equal(limited.body.error.details[0].field, 'limit_quantity');

    const missing = await create({ code: code(), name: '' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details[0].field, 'name');
  });

  it('lists by code with a cursor, finds by part of a code or name and by barcode, filters by status', async () => {
    const tag = `LST${Date.now() % 100000}`;
    for (let i = 0; i < 5; i++) {
      assert.equal((await create(sku({ code: `${tag}-${i}`, name: `가방 ${tag} ${i}`, barcodes: [`${tag}BC${i}`] }))).status, 201);
    }
    const first = await s.call('GET', `/api/catalogue/skus?q=${tag.toLowerCase()}&limit=3`);
    assert.equal(first.status, 200);
    assert.deepEqual(
      first.body.items.map((i: { code: string }) => i.code),
      [`${tag}-0`, `${tag}-1`, `${tag}-2`],
    );
    const second = await s.call('GET', `/api/catalogue/skus?q=${tag}&limit=3&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    assert.deepEqual(
      second.body.items.map((i: { code: string }) => i.code),
      [`${tag}-3`, `${tag}-4`],
    );
    assert.equal(second.body.next_cursor, null);
    const byBarcode = await s.call('GET', `/api/catalogue/skus?q=${tag}BC3`);
    assert.deepEqual(
      byBarcode.body.items.map((i: { code: string }) => i.code),
      [`${tag}-3`],
    );
    const soldOut = await s.call('GET', '/api/catalogue/skus?status=sold_out');
    assert.ok(soldOut.body.items.every((i: { status: string }) => i.status === 'sold_out'));
  });
});

describe('storefront queue', () => {
  it('a forced sold-out queues one entry per matched mall product, superseding unsent ones, as no_connector', async () => {
    const account = await s.call('POST', '/api/mall-accounts', {
      mall_type: 'coupang',
      display_name: '쿠팡 본점',
      credentials: { vendor_id: 'A00012345', access_key: 'a'.repeat(32), secret_key: 'b'.repeat(48) },
    });
    assert.equal(account.status, 201, JSON.stringify(account.body));
    const accountId = account.body.id as string;
    const made = await create(sku());
    const other = await create(sku());
    await makeProductMatch(s.deps.db, { channelKey: accountId, productKey: '7000001', optionKey: '80001', items: [{ skuId: made.body.id }] });
    // A set holding the SKU is a mall product of it too.
    await makeProductMatch(s.deps.db, {
      channelKey: accountId,
      productKey: '7000002',
      items: [{ skuId: made.body.id }, { skuId: other.body.id, quantity: 2 }],
    });
    // Orders without a mall account (an upload) have no storefront to change.
    await makeProductMatch(s.deps.db, { channelKey: 'upload:도매', productKey: '가방', items: [{ skuId: made.body.id }] });

    const soldOut = await s.call('PATCH', `/api/catalogue/skus/${made.body.id}`, { version: 1, status: 'sold_out' }, { token: operator });
    assert.equal(soldOut.status, 200, JSON.stringify(soldOut.body));
    const queue = await s.call('GET', `/api/catalogue/storefront-changes?sku_id=${made.body.id}`, undefined, { token: viewer });
    assert.equal(queue.status, 200, JSON.stringify(queue.body));
    assert.deepEqual(
      queue.body.items.map((e: Record<string, unknown>) => [e.mall_account_id, e.mall_product_id, e.mall_option_id, e.change, e.state]).sort(),
      [
        [accountId, '7000001', '80001', 'sold_out', 'no_connector'],
        [accountId, '7000002', null, 'sold_out', 'no_connector'],
      ],
    );
    assert.match(queue.body.items[0].detail, /connector/);
    const ko = await s.call('GET', `/api/catalogue/storefront-changes?sku_id=${made.body.id}`, undefined, { lang: 'ko' });
    assert.match(ko.body.items[0].detail, /연동이 없어/);

    // Editing something else queues nothing; resuming queues resume and supersedes the unsent sold-out entries.
    await s.call('PATCH', `/api/catalogue/skus/${made.body.id}`, { version: 2, price: 100 }, { token: operator });
    const resumed = await s.call('PATCH', `/api/catalogue/skus/${made.body.id}`, { version: 3, status: 'active' }, { token: operator });
    assert.equal(resumed.status, 200);
    const after = await s.call('GET', `/api/catalogue/storefront-changes?sku_id=${made.body.id}`);
    assert.deepEqual(after.body.items.map((e: { change: string; state: string }) => `${e.change}:${e.state}`).sort(), [
      'resume:no_connector',
      'resume:no_connector',
      'sold_out:superseded',
      'sold_out:superseded',
    ]);
    const open = await s.call('GET', '/api/catalogue/storefront-changes?state=no_connector');
    assert.ok(open.body.items.every((e: { state: string }) => e.state === 'no_connector'));

    const limited = await s.call(
      'PATCH',
      `/api/catalogue/skus/${other.body.id}`,
      { version: 1, status: 'limited', limit_quantity: 30 },
      { token: operator },
    );
    assert.equal(limited.status, 200);
    const capped = await s.call('GET', `/api/catalogue/storefront-changes?sku_id=${other.body.id}`);
    assert.deepEqual(
      capped.body.items.map((e: { change: string; quantity: number }) => [e.change, e.quantity]),
      [['limited', 30]],
    );
  });
});

describe('warehouses', () => {
  it('lists the default, adds a store, switches the default in one change', async () => {
    const list = await s.call('GET', '/api/catalogue/warehouses', undefined, { token: viewer });
    assert.equal(list.status, 200);
    const main = list.body.items.find((w: { is_default: boolean }) => w.is_default);
    assert.equal(main.code, 'MAIN');

    const store = await s.call('POST', '/api/catalogue/warehouses', { code: 'GANGNAM', name: '강남점', kind: 'store' }, { token: operator });
    assert.equal(store.status, 201, JSON.stringify(store.body));
    assert.equal(store.body.kind, 'store');
    assert.ok(store.body.id.startsWith(`${ID_PREFIX.warehouse}_`), store.body.id);
    const taken = await s.call('POST', '/api/catalogue/warehouses', { code: 'GANGNAM', name: '중복' }, { lang: 'ko' });
    assert.equal(taken.body.error.code, 'duplicate_code');
    // A warehouse's code is its 창고코드, not the 상품코드 the name means elsewhere; so in a refusal the schema makes.
    assert.equal(taken.body.error.message, '창고코드: GANGNAM은 이미 있는 창고코드입니다');
    const blank = await s.call('POST', '/api/catalogue/warehouses', { code: ' ', name: '빈 코드' }, { lang: 'ko' });
    assert.match(blank.body.error.message, /^창고코드: /);

    const switched = await s.call('PATCH', `/api/catalogue/warehouses/${store.body.id}`, { version: 1, is_default: true }, { token: operator });
    assert.equal(switched.status, 200, JSON.stringify(switched.body));
    const now = (await s.call('GET', '/api/catalogue/warehouses')).body.items;
    assert.deepEqual(
      now.filter((w: { is_default: boolean }) => w.is_default).map((w: { code: string }) => w.code),
      ['GANGNAM'],
    );
    const unset = await s.call('PATCH', `/api/catalogue/warehouses/${store.body.id}`, { version: 2, is_default: false });
    assert.equal(unset.status, 400);
    assert.equal(unset.body.error.details[0].field, 'is_default');

    // Two switches at once still leave exactly one default.
    const a = await s.call('POST', '/api/catalogue/warehouses', { code: 'WH-A', name: 'A' });
    const b = await s.call('POST', '/api/catalogue/warehouses', { code: 'WH-B', name: 'B' });
    await Promise.all([
      s.call('PATCH', `/api/catalogue/warehouses/${a.body.id}`, { version: 1, is_default: true }),
      s.call('PATCH', `/api/catalogue/warehouses/${b.body.id}`, { version: 1, is_default: true }),
    ]);
    const defaults = (await s.call('GET', '/api/catalogue/warehouses')).body.items.filter((w: { is_default: boolean }) => w.is_default);
    assert.equal(defaults.length, 1);
  });

  it('refuses to deactivate a warehouse that holds stock, saying how much', async () => {
    const wh = await s.call('POST', '/api/catalogue/warehouses', { code: 'STOCKED', name: '재고창고' });
    const made = await create(sku());
    await s.deps
      .db('stock')
      .insert({ sku_id: made.body.id, warehouse_id: wh.body.id, on_hand: 7, allocated: 0, version: 1, updated_at: new Date().toISOString() });
    const off = await s.call('PATCH', `/api/catalogue/warehouses/${wh.body.id}`, { version: 1, active: false }, { lang: 'ko' });
    assert.equal(off.status, 409);
    assert.equal(off.body.error.code, 'warehouse_has_stock');
    assert.match(off.body.error.message, /수량 7/);
    const empty = await s.call('POST', '/api/catalogue/warehouses', { code: 'EMPTY', name: '빈창고' });
    const ok = await s.call('PATCH', `/api/catalogue/warehouses/${empty.body.id}`, { version: 1, active: false });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.active, false);
  });
});
