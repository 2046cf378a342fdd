// Product matching with memory over real HTTP: nothing is unmatched while the catalogue is empty; the first SKU
// flags the waiting lines; a match saved once is applied to every waiting line of its product + option and to the
// next collect from a sandbox mall; sets and 1+1 quantities give each line its own SKU copies; removing a match
// returns the waiting lines to unmatched while shipped lines keep theirs; an unmatched line keeps its whole order
// from release; order uploads and direct orders get remembered matches.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ID_PREFIX } from '../../server/db/ids.ts';
import { makeOrder, makeSku, putInBox, putStock } from '../helpers/builders.ts';
import { naverMall, runJob } from '../helpers/malls.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let operator: string;
beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
});
afterAll(() => s.close());

type Line = {
  line_id: string;
  line_version: number;
  order_id: string;
  order_version: number;
  product_name: string;
  option_text: string | null;
  mall_product_id: string | null;
  mall_option_id: string | null;
  sku_code: string | null;
  unmatched: boolean;
  match_id: string | null;
  status: string;
};
type Group = {
  channel_key: string;
  product_key: string;
  option_key: string;
  product_name: string;
  option_text: string | null;
  lines: number;
  suggestions: { sku_code: string; reason: string }[];
};

const api = (method: string, path: string, body?: unknown) => s.call(method, path, body, { token: operator });
/** The lines view as the sheet reads it, with the match id and mall option id read beside it from the database. */
const linesOf = async (query: string): Promise<Line[]> => {
  const res = await api('GET', `/api/order-lines?reason=shipping&${query}&limit=5000`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const items: Line[] = res.body.items;
  const stored = new Map(
    (
      await s.deps
        .db('order_lines')
        .select('id', 'match_id', 'mall_option_id')
        .whereIn(
          'id',
          items.map((l) => l.line_id),
        )
    ).map((r: { id: string }) => [r.id, r]),
  );
  return items.map((l) => ({ ...l, ...(stored.get(l.line_id) as object), line_id: l.line_id }));
};
const unmatched = async (): Promise<{ catalogue_in_use: boolean; items: Group[] }> => {
  const res = await api('GET', '/api/matching/unmatched');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};
const save = async (matches: unknown[]) => {
  const res = await api('POST', '/api/matching/matches', { matches });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};
const lineSkus = async (lineId: string) =>
  (
    await s.deps
      .db('line_skus as ls')
      .join('skus as k', 'k.id', 'ls.sku_id')
      .select('k.code', 'ls.quantity')
      .where('ls.line_id', lineId)
      .orderBy('k.code')
  ).map((r: { code: string; quantity: number | string }) => [r.code, Number(r.quantity)]);
const keyOf = (l: Line, channel: string) => `${channel}|${l.mall_product_id ?? l.product_name}|${l.mall_option_id ?? l.option_text ?? ''}`;

// The first describe runs while the shop has no SKU at all (each test file has its own server and database).
describe('matching: the catalogue in use', () => {
  it('no line is unmatched while the catalogue is empty; the first SKU flags every waiting line without a match', async () => {
    const order = await makeOrder(s.deps.db, { status: 'NEW', channel: '빈카탈로그몰', products: ['빈 상품'] });
    assert.equal((await linesOf('channel=빈카탈로그몰'))[0]!.unmatched, false);
    const empty = await unmatched();
    assert.deepEqual([empty.catalogue_in_use, empty.items.length], [false, 0]);
    // Release is not held back either: a seller without a catalogue ships as before.
    const released = await api('POST', '/api/transitions', { action: 'release', items: [{ id: order.lineIds[0], version: 1 }] });
    assert.equal(released.body.results[0].result, 'applied', JSON.stringify(released.body));

    const waiting = await makeOrder(s.deps.db, { status: 'PAID', channel: '빈카탈로그몰', products: ['빈 상품 2'] });
    await makeSku(s.deps.db, { code: 'FIRST-1', name: '첫 상품' });
    const list = await unmatched();
    assert.equal(list.catalogue_in_use, true);
    const lines = await linesOf('channel=빈카탈로그몰');
    const byId = new Map(lines.map((l) => [l.line_id, l]));
    assert.equal(byId.get(order.lineIds[0]!)!.unmatched, true, 'READY waits too');
    assert.equal(byId.get(waiting.lineIds[0]!)!.unmatched, true);
    assert.equal(byId.get(waiting.lineIds[0]!)!.line_version, 2, 'a flag change gives the line a new version');
    const history = await s.deps.db('status_history').where({ entity_id: waiting.lineIds[0], action: 'flag_unmatched' });
    assert.equal(history.length, 1);
    // makeOrder gives both the same mall product id (P1000) and option: one product + option, two lines.
    assert.ok(list.items.some((g) => g.channel_key === 'mall:빈카탈로그몰' && g.product_key === 'P1000' && g.lines === 2));
  });
});

describe('matching: memory over a sandbox mall collect', () => {
  it('matching each product + option once matches every waiting line of it, and the next collect arrives matched', async () => {
    const mall = await naverMall(s, { initialOrders: 0 });
    try {
      await mall.admin.createOrders({ count: 30, status: 'paid' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      const first = await linesOf(`mall_account_id=${mall.accountId}`);
      assert.ok(first.length >= 30 && first.every((l) => l.unmatched && !l.match_id), 'collected lines arrive unmatched');
      const groups = (await unmatched()).items.filter((g) => g.channel_key === mall.accountId);
      assert.ok(groups.length > 1 && groups.length < first.length, 'lines of one product + option are one group');
      assert.equal(
        groups.reduce((n, g) => n + g.lines, 0),
        first.length,
      );
      // One SKU per group; the operator saves them all at once (the 매칭 sheet's push).
      for (const [i] of groups.entries()) await makeSku(s.deps.db, { code: `NV-${i}` });
      const saved = await save(
        groups.map((g, i) => ({
          channel_key: g.channel_key,
          product_key: g.product_key,
          option_key: g.option_key,
          items: [{ sku_code: `NV-${i}`, quantity: 1 }],
        })),
      );
      assert.equal(saved.saved, groups.length, JSON.stringify(saved.results.filter((r: { result: string }) => r.result !== 'saved')));
      assert.deepEqual(
        saved.results.map((r: { lines_matched: number }) => r.lines_matched),
        groups.map((g) => g.lines),
      );
      const matched = await linesOf(`mall_account_id=${mall.accountId}`);
      assert.ok(matched.every((l) => l.match_id && !l.unmatched && /^NV-\d+$/.test(l.sku_code!)));
      assert.deepEqual(await lineSkus(matched[0]!.line_id), [[matched[0]!.sku_code, 1]]);
      assert.equal(matched[0]!.line_version, first[0]!.line_version + 1);

      // The next collect: lines of products matched before arrive matched, the rest unmatched.
      const known = new Map(groups.map((g, i) => [`${g.channel_key}|${g.product_key}|${g.option_key}`, `NV-${i}`]));
      await mall.admin.createOrders({ count: 30, status: 'paid' });
      assert.equal((await runJob(s, 'collect', mall.accountId)).job.state, 'succeeded');
      const seen = new Set(first.map((l) => l.line_id));
      const next = (await linesOf(`mall_account_id=${mall.accountId}`)).filter((l) => !seen.has(l.line_id));
      const again = next.filter((l) => known.has(keyOf(l, mall.accountId)));
      assert.ok(again.length > 0, 'some products come again');
      for (const l of again) {
        assert.equal(l.sku_code, known.get(keyOf(l, mall.accountId)));
        assert.equal(l.unmatched, false);
        assert.deepEqual(await lineSkus(l.line_id), [[l.sku_code, 1]]);
      }
      for (const l of next.filter((x) => !known.has(keyOf(x, mall.accountId)))) assert.deepEqual([l.unmatched, l.match_id], [true, null]);
    } finally {
      await mall.sandbox.close();
    }
  });
});

describe('matching: sets, 1+1 and removal', () => {
  it('a set and a 1+1 give each line its own SKU copies and a summary', async () => {
    await makeSku(s.deps.db, { code: 'SET-A', name: '텀블러 본체' });
    await makeSku(s.deps.db, { code: 'SET-B', name: '텀블러 뚜껑' });
    const set = await makeOrder(s.deps.db, { status: 'NEW', channel: '세트몰', products: ['텀블러 세트'], option: '' });
    const plus = await makeOrder(s.deps.db, { status: 'PAID', channel: '세트몰', products: ['텀블러 1+1'], option: '블랙', quantity: 3 });
    const res = await save([
      {
        channel_key: 'mall:세트몰',
        product_key: 'P1000',
        option_key: '',
        items: [
          { sku_code: 'SET-A', quantity: 1 },
          { sku_code: 'SET-B', quantity: 2 },
        ],
      },
    ]);
    // makeOrder gives every first line product id P1000: both orders are the same mall product, the options differ.
    assert.equal(res.results[0].lines_matched, 1);
    assert.equal(res.results[0].sku_summary, 'SET-A+SET-B×2');
    await save([{ channel_key: 'mall:세트몰', product_key: 'P1000', option_key: '블랙', items: [{ sku_code: 'SET-A', quantity: 2 }] }]);
    const lines = new Map((await linesOf('channel=세트몰')).map((l) => [l.line_id, l]));
    assert.equal(lines.get(set.lineIds[0]!)!.sku_code, 'SET-A+SET-B×2');
    assert.deepEqual(await lineSkus(set.lineIds[0]!), [
      ['SET-A', 1],
      ['SET-B', 2],
    ]);
    assert.equal(lines.get(plus.lineIds[0]!)!.sku_code, 'SET-A×2');
    assert.deepEqual(await lineSkus(plus.lineIds[0]!), [['SET-A', 2]], 'per unit of the line: 3 units need 6');
  });

  it('refuses unknown SKU codes, a code twice, replacing a match without its version and an unknown channel, per row', async () => {
    await makeSku(s.deps.db, { code: 'R-1' });
    const res = await save([
      { channel_key: 'named:거절몰', product_key: 'X1', option_key: '', items: [{ sku_code: 'NOPE', quantity: 1 }] },
      {
        channel_key: 'named:거절몰',
        product_key: 'X2',
        option_key: '',
        items: [
          { sku_code: 'R-1', quantity: 1 },
          { sku_code: 'R-1', quantity: 2 },
        ],
      },
      { channel_key: 'named:거절몰', product_key: 'X3', option_key: '', items: [{ sku_code: 'R-1', quantity: 1 }] },
      { channel_key: 'named:거절몰', product_key: 'X3', option_key: '', items: [{ sku_code: 'R-1', quantity: 1 }] },
    ]);
    assert.deepEqual(
      res.results.map((r: { result: string; code?: string }) => r.code ?? r.result),
      ['unknown_sku', 'duplicate_sku', 'saved', 'duplicate_row'],
    );
    assert.match(res.results[0].message, /NOPE/);
    const again = await save([{ channel_key: 'named:거절몰', product_key: 'X3', option_key: '', items: [{ sku_code: 'R-1', quantity: 2 }] }]);
    assert.equal(again.results[0].code, 'already_matched');
    const stale = await save([
      { channel_key: 'named:거절몰', product_key: 'X3', option_key: '', items: [{ sku_code: 'R-1', quantity: 2 }], version: 9 },
    ]);
    assert.equal(stale.results[0].code, 'stale_version');
    // A channel no line can have (not a mall account's key, not kind:name) is refused on its row, not remembered.
    const odd = await save([
      { channel_key: 'nonexistent:chan', product_key: 'X4', option_key: '', items: [{ sku_code: 'R-1', quantity: 1 }] },
      { channel_key: 'acc_none', product_key: 'X4', option_key: '', items: [{ sku_code: 'R-1', quantity: 1 }] },
      { channel_key: 'named: ', product_key: 'X4', option_key: '', items: [{ sku_code: 'R-1', quantity: 1 }] },
      { channel_key: 'mall:없는몰', product_key: 'X4', option_key: '', items: [{ sku_code: 'R-1', quantity: 1 }] },
      { channel_key: 'direct:직거래', product_key: 'X4', option_key: '', items: [{ sku_code: 'R-1', quantity: 1 }] },
    ]);
    assert.deepEqual(
      odd.results.map((r: { result: string; code?: string }) => r.code ?? r.result),
      ['unknown_channel', 'unknown_channel', 'unknown_channel', 'unknown_channel', 'saved'],
    );
    const viewer = await s.call('POST', '/api/matching/matches', { matches: [] }, { token: await s.tokenFor('viewer') });
    assert.equal(viewer.status, 403);
  });

  it('saving the same match again is unchanged, not refused: a sheet pushed twice keeps its rows matched', async () => {
    await makeSku(s.deps.db, { code: 'AG-1' });
    await makeSku(s.deps.db, { code: 'AG-2' });
    const order = await makeOrder(s.deps.db, { status: 'NEW', channel: '재저장몰', products: ['재저장 상품'] });
    const rows = [
      {
        channel_key: 'mall:재저장몰',
        product_key: 'P1000',
        option_key: '색상: 화이트',
        items: [
          { sku_code: 'AG-1', quantity: 2 },
          { sku_code: 'AG-2', quantity: 1 },
        ],
      },
      { channel_key: 'named:재저장', product_key: 'Y1', option_key: '', items: [{ sku_code: 'NOPE-1', quantity: 1 }] },
    ];
    const first = await save(rows);
    assert.deepEqual(
      first.results.map((r: { result: string; code?: string }) => r.code ?? r.result),
      ['saved', 'unknown_sku'],
    );
    assert.equal(first.results[0].lines_matched, 1);
    const [line] = await linesOf('channel=재저장몰');
    // The whole sheet again, the fixed row now right and the saved row's items in another order.
    const again = await save([
      { ...rows[0], items: [...rows[0]!.items].reverse() },
      { ...rows[1], items: [{ sku_code: 'AG-1', quantity: 1 }] },
    ]);
    assert.deepEqual(
      again.results.map((r: { result: string; code?: string }) => [r.result, r.code ?? null]),
      [
        ['saved', 'unchanged'],
        ['saved', null],
      ],
    );
    assert.equal(again.results[0].match_id, first.results[0].match_id);
    assert.equal(again.results[0].version, first.results[0].version, 'nothing written: the version stays');
    assert.equal(again.results[0].lines_matched, 0);
    assert.match(again.results[0].message, /AG-1×2\+AG-2/);
    assert.doesNotMatch(again.results[0].message, /다른 곳/);
    const [after] = await linesOf('channel=재저장몰');
    assert.equal(after!.line_version, line!.line_version, 'the matched line is not touched again');
    assert.equal(after!.match_id, first.results[0].match_id);
    assert.equal(order.lineIds[0], after!.line_id);
    // A different quantity without the version read is still another match: refused, as before.
    const other = await save([{ ...rows[0], items: [{ sku_code: 'AG-1', quantity: 3 }] }]);
    assert.equal(other.results[0].code, 'already_matched');
  });

  it('removing a match returns the waiting lines to unmatched; shipped lines keep what they shipped', async () => {
    await makeSku(s.deps.db, { code: 'RM-1' });
    const waiting = await makeOrder(s.deps.db, { status: 'NEW', channel: '제거몰', products: ['제거 상품'] });
    const shipped = await makeOrder(s.deps.db, { status: 'NEW', channel: '제거몰', products: ['제거 상품'] });
    const res = await save([
      { channel_key: 'mall:제거몰', product_key: 'P1000', option_key: '색상: 화이트', items: [{ sku_code: 'RM-1', quantity: 2 }] },
    ]);
    assert.equal(res.results[0].lines_matched, 2);
    assert.ok(res.results[0].match_id.startsWith(`${ID_PREFIX.match}_`), res.results[0].match_id);
    await putInBox(s.deps.db, shipped.lineIds, { tracking: '612345678906', status: 'SHIPPED' });
    const list = await api('GET', '/api/matching/matches?q=RM-1');
    assert.deepEqual(
      list.body.items.map((m: { id: string; items: unknown[] }) => [m.id, m.items]),
      [[res.results[0].match_id, [{ sku_code: 'RM-1', sku_name: '상품 RM-1', quantity: 2 }]]],
    );
    const before = new Map((await linesOf('channel=제거몰')).map((l) => [l.line_id, l]));

    const removed = await api('DELETE', `/api/matching/matches/${res.results[0].match_id}`);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal(removed.body.lines_unmatched, 1);
    const after = new Map((await linesOf('channel=제거몰')).map((l) => [l.line_id, l]));
    const w = after.get(waiting.lineIds[0]!)!;
    assert.deepEqual([w.unmatched, w.match_id, w.sku_code], [true, null, null]);
    assert.equal(w.line_version, before.get(waiting.lineIds[0]!)!.line_version + 1);
    assert.ok(w.order_version > before.get(waiting.lineIds[0]!)!.order_version);
    assert.deepEqual(await lineSkus(waiting.lineIds[0]!), []);
    const sh = after.get(shipped.lineIds[0]!)!;
    assert.deepEqual([sh.status, sh.unmatched, sh.sku_code], ['SHIPPED', false, 'RM-1×2']);
    assert.deepEqual(await lineSkus(shipped.lineIds[0]!), [['RM-1', 2]]);
    assert.equal((await s.deps.db('status_history').where({ entity_id: waiting.lineIds[0], action: 'unmatch' })).length, 1);
    assert.equal((await api('DELETE', `/api/matching/matches/${res.results[0].match_id}`)).status, 404);
  });
});

describe('matching: a match changed after its lines were allocated', () => {
  it('gives the old SKU’s allocated units back: the lines need other SKUs now', async () => {
    const old = await makeSku(s.deps.db, { code: 'RA-1' });
    await makeSku(s.deps.db, { code: 'RA-2' });
    await putStock(s.deps.db, old.id, 5);
    const o = await makeOrder(s.deps.db, { status: 'READY', channel: '할당몰', products: ['할당 상품'] });
    const key = { channel_key: 'mall:할당몰', product_key: 'P1000', option_key: '색상: 화이트' };
    const first = await save([{ ...key, items: [{ sku_code: 'RA-1', quantity: 1 }] }]);
    assert.equal(first.results[0].lines_matched, 1, JSON.stringify(first));
    const p = await api('POST', '/api/allocation/preview', { policy: 'complete' });
    assert.equal((await api('POST', '/api/allocation/apply', { batch_id: p.body.batch_id })).status, 200);
    const stock = async () => s.deps.db('stock').where({ sku_id: old.id, warehouse_id: 'wh_default' }).first();
    assert.equal((await stock()).allocated, 1);

    const changed = await save([{ ...key, version: 1, items: [{ sku_code: 'RA-2', quantity: 1 }] }]);
    assert.equal(changed.results[0].result, 'saved', JSON.stringify(changed));
    assert.deepEqual([(await stock()).on_hand, (await stock()).allocated], [5, 0]);
    assert.equal((await s.deps.db('line_allocations').where({ line_id: o.lineIds[0] })).length, 0);
    const history = await s.deps.db('stock_history').where({ sku_id: old.id, kind: 'deallocate' });
    assert.deepEqual(
      history.map((h: { line_id: string; reason: string }) => [h.line_id, h.reason]),
      [[o.lineIds[0], '매칭 변경']],
    );
  });
});

describe('matching: release and the other ways orders come in', () => {
  it('an unmatched line keeps its whole order from release, naming the line; matching it frees the order', async () => {
    await makeSku(s.deps.db, { code: 'REL-1' });
    const order = await makeOrder(s.deps.db, { status: 'NEW', channel: '출고몰', lines: 2, products: ['출고 상품 A', '출고 상품 B'] });
    await unmatched(); // flags the waiting lines (the catalogue is in use)
    await save([{ channel_key: 'mall:출고몰', product_key: 'P1000', option_key: '색상: 화이트', items: [{ sku_code: 'REL-1', quantity: 1 }] }]);
    const lines = await linesOf('channel=출고몰');
    const [a, b] = [lines.find((l) => l.line_id === order.lineIds[0])!, lines.find((l) => l.line_id === order.lineIds[1])!];
    assert.deepEqual([a.unmatched, b.unmatched], [false, true]);
    const res = await s.call(
      'POST',
      '/api/transitions',
      { action: 'release', items: [{ id: a.line_id, version: a.line_version }] },
      { token: operator, lang: 'ko' },
    );
    assert.equal(res.body.results[0].result, 'refused');
    assert.equal(res.body.results[0].code, 'blocked');
    assert.match(res.body.results[0].message, /출고 상품 B/);
    const orderVersion = async () => (await linesOf('channel=출고몰'))[0]!.order_version;
    const whole = await api('POST', '/api/transitions', { action: 'release', items: [{ id: order.id, version: await orderVersion() }] });
    assert.equal(whole.body.results[0].result, 'refused', JSON.stringify(whole.body));

    await save([{ channel_key: 'mall:출고몰', product_key: 'P1001', option_key: '색상: 화이트', items: [{ sku_code: 'REL-1', quantity: 1 }] }]);
    const freed = await api('POST', '/api/transitions', { action: 'release', items: [{ id: order.id, version: await orderVersion() }] });
    assert.equal(freed.body.results[0].result, 'applied', JSON.stringify(freed.body));
  });

  it('a direct order and an order upload get the remembered match of their channel', async () => {
    await makeSku(s.deps.db, { code: 'TUM-500' });
    await save([
      { channel_key: 'direct:직거래', product_key: '텀블러 500ml', option_key: '', items: [{ sku_code: 'TUM-500', quantity: 1 }] },
      { channel_key: 'direct:매칭도매', product_key: '텀블러 500ml', option_key: '블랙', items: [{ sku_code: 'TUM-500', quantity: 2 }] },
    ]);
    const direct = await api('POST', '/api/orders/direct', { orderer_name: '동대문 상회', total_amount: 20000, product_name: '텀블러 500ml' });
    assert.equal(direct.status, 201, JSON.stringify(direct.body));
    const other = await api('POST', '/api/orders/direct', { orderer_name: '남대문 상회', total_amount: 20000, product_name: '모르는 상품' });
    const directLines = new Map((await linesOf('channel=직거래')).map((l) => [l.order_id, l]));
    assert.deepEqual([directLines.get(direct.body.id)!.sku_code, directLines.get(direct.body.id)!.unmatched], ['TUM-500', false]);
    assert.deepEqual([directLines.get(other.body.id)!.sku_code, directLines.get(other.body.id)!.unmatched], [null, true]);

    const header = ['주문번호', '거래처', '수취인', '휴대폰', '우편번호', '주소', '상세주소', '상품명', '옵션', '수량', '금액', '배송비', '메모'];
    const rows = [
      header,
      ['M-1', '매칭도매', '홍길동', '010-1234-5678', '06236', '서울 강남구 테헤란로 1', '101호', '텀블러 500ml', '블랙', 2, 30000, 0, null],
    ];
    const up = await api('POST', '/api/order-uploads', { source: { kind: 'sheet', name: '도매', rows }, template: { id: 'order_wholesale' } });
    assert.equal(up.status, 200, JSON.stringify(up.body));
    const uploaded = await linesOf('channel=매칭도매');
    assert.equal(uploaded.length, 2, 'a line per unit');
    for (const l of uploaded) {
      assert.deepEqual([l.sku_code, l.unmatched], ['TUM-500×2', false]);
      assert.deepEqual(await lineSkus(l.line_id), [['TUM-500', 2]]);
    }
  });

  it('suggests the SKU with the same code or barcode, else the closest name, without applying it', async () => {
    await makeSku(s.deps.db, { code: 'SG-BAR', name: '전혀 다른 이름', barcodes: ['8801234567890'] });
    await makeSku(s.deps.db, { code: 'SG-NAME', name: '유기농 사과', option: '5kg 선물용' });
    await makeOrder(s.deps.db, { status: 'NEW', channel: '제안몰', products: ['[무료배송] 유기농사과 5kg 선물용'], option: '' });
    const coded = await makeOrder(s.deps.db, { status: 'NEW', channel: '제안몰2', products: ['아무 이름'] });
    await s.deps.db('order_lines').where({ id: coded.lineIds[0] }).update({ mall_option_id: '8801234567890' });
    const groups = (await unmatched()).items;
    const byName = groups.find((g) => g.channel_key === 'mall:제안몰')!;
    assert.equal(byName.suggestions[0]!.sku_code, 'SG-NAME');
    assert.equal(byName.suggestions[0]!.reason, 'similar_name');
    const byCode = groups.find((g) => g.channel_key === 'mall:제안몰2')!;
    assert.deepEqual(
      byCode.suggestions.map((x) => [x.sku_code, x.reason]),
      [['SG-BAR', 'same_code']],
    );
    assert.equal((await linesOf('channel=제안몰'))[0]!.unmatched, true, 'a suggestion is never applied by itself');
  });
});
