import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fromLineColumns } from '../../shared/api/order-views.schema.ts';
import { makeOrder } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer();
  const db = s.deps.db;
  // 2026-11-20 23:30 KST is still the 20th in Korea although it is the 20th 14:30 UTC; 2026-11-21 00:30 KST is 20th 15:30 UTC.
  ids.late20 = (await makeOrder(db, { paidAt: '2026-11-20T14:30:00.000Z', channel: '쿠팡', recipient: '박지훈' })).id;
  ids.early21 = (await makeOrder(db, { paidAt: '2026-11-20T15:30:00.000Z', channel: '네이버', recipient: '최유진', lines: 3 })).id;
  ids.ready = (await makeOrder(db, { status: 'READY', channel: '쿠팡', mallOrderId: '9100000000000000001' })).id;
  ids.held = (await makeOrder(db, { channel: '카페24' })).id;
  for (let i = 0; i < 25; i++) await makeOrder(db, { channel: '페이지', recipient: `페이지고객${i}`, lines: 2 });
  await db('orders').where({ id: ids.held }).update({ hold: true, hold_reason: '주소 확인' });
});
afterAll(() => s.close());

describe('GET /api/orders', () => {
  it('answers items and next_cursor, newest first', async () => {
    const res = await s.call('GET', '/api/orders?limit=5');
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 5);
    assert.ok(res.body.next_cursor);
    const got = res.body.items.map((o: { id: string }) => o.id);
    assert.deepEqual(got, [...got].sort().reverse());
    assert.equal(typeof res.body.items[0].line_count, 'number');
  });

  it('pages through everything exactly once with the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; next_cursor: string | null } } = await s.call(
        'GET',
        `/api/orders?reason=shipping&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((o) => o.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    assert.equal(seen.length, 29);
    assert.equal(new Set(seen).size, 29);
  });

  it('filters by status, channel, hold and KST period', async () => {
    const ready = await s.call('GET', '/api/orders?status=READY');
    assert.deepEqual(
      ready.body.items.map((o: { id: string }) => o.id),
      [ids.ready],
    );
    const coupang = await s.call('GET', `/api/orders?channel=${encodeURIComponent('쿠팡')}`);
    assert.deepEqual(coupang.body.items.map((o: { id: string }) => o.id).sort(), [ids.late20, ids.ready].sort());
    const held = await s.call('GET', '/api/orders?hold=true');
    assert.deepEqual(
      held.body.items.map((o: { id: string }) => o.id),
      [ids.held],
    );
    const day20 = await s.call('GET', '/api/orders?from=2026-11-20&to=2026-11-20');
    assert.deepEqual(
      day20.body.items.map((o: { id: string }) => o.id),
      [ids.late20],
    );
    const day21 = await s.call('GET', '/api/orders?from=2026-11-21&to=2026-11-21');
    assert.deepEqual(
      day21.body.items.map((o: { id: string }) => o.id),
      [ids.early21],
    );
    const both = await s.call('GET', '/api/orders?reason=shipping&status=READY,NEW&channel_kind=mall&limit=1000');
    assert.equal(both.body.items.length, 29);
  });

  it('searches order number, recipient and tracking number', async () => {
    const byNumber = await s.call('GET', '/api/orders?q=9100000000000000001');
    assert.deepEqual(
      byNumber.body.items.map((o: { id: string }) => o.id),
      [ids.ready],
    );
    const byName = await s.call('GET', `/api/orders?q=${encodeURIComponent('최유진')}`);
    assert.deepEqual(
      byName.body.items.map((o: { id: string }) => o.id),
      [ids.early21],
    );
    const order = await s.call('GET', `/api/orders/${ids.ready}`);
    const line = order.body.lines[0];
    const set = await s.call('POST', '/api/transitions', {
      action: 'set_invoice',
      items: [{ id: line.id, version: line.version, courier: 'CJ', tracking_number: '6012-3456-7894' }],
    });
    assert.equal(set.body.results[0].result, 'applied', JSON.stringify(set.body));
    const byTracking = await s.call('GET', '/api/orders?q=6012-3456-7894');
    assert.deepEqual(
      byTracking.body.items.map((o: { id: string }) => o.id),
      [ids.ready],
    );
    const like = await s.call('GET', `/api/orders?q=${encodeURIComponent('%')}`);
    assert.equal(like.body.items.length, 0, 'a % in the search is a character, not a wildcard');
  });

  it('refuses a bad cursor and bad filters naming the field', async () => {
    const cursor = await s.call('GET', '/api/orders?reason=shipping&cursor=garbage');
    assert.equal(cursor.status, 400);
    assert.equal(cursor.body.error.details[0].field, 'cursor');
    const status = await s.call('GET', '/api/orders?status=SHIPPED,NOPE');
    assert.equal(status.status, 400);
    assert.equal(status.body.error.details[0].field, 'status.1');
    const day = await s.call('GET', '/api/orders?from=2026-13-01');
    assert.equal(day.body.error.details[0].field, 'from');
    const limit = await s.call('GET', '/api/orders?reason=shipping&limit=5000');
    assert.equal(limit.body.error.details[0].field, 'limit');
  });
});

describe('GET /api/order-lines', () => {
  it('gives one row per line with order, box and versions, lines of an order together', async () => {
    const res = await s.call('GET', '/api/order-lines?reason=shipping&limit=10000');
    assert.equal(res.body.items.length, 1 + 3 + 1 + 1 + 50);
    const row = res.body.items.find((r: { order_id: string }) => r.order_id === ids.ready);
    for (const key of [
      'line_id',
      'line_version',
      'order_version',
      'status',
      'courier',
      'tracking_number',
      'recipient_name',
      'product_name',
      'quantity',
      'amount',
      'hold',
    ]) {
      assert.ok(key in row, key);
    }
    assert.equal(typeof row.tracking_number, 'string');
    assert.equal(typeof row.mall_order_id, 'string');
    const orderIds = res.body.items.map((r: { order_id: string }) => r.order_id);
    const firstIndex = new Map<string, number>();
    orderIds.forEach((id: string, i: number) => {
      if (firstIndex.has(id)) assert.equal(orderIds[i - 1], id, 'lines of one order are contiguous');
      else firstIndex.set(id, i);
    });
  });

  it('pages by cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { line_id: string }[]; next_cursor: string | null } } = await s.call(
        'GET',
        `/api/order-lines?reason=shipping&limit=8${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((r) => r.line_id));
      cursor = res.body.next_cursor;
    } while (cursor);
    assert.equal(seen.length, 56);
    assert.equal(new Set(seen).size, 56);
  });

  it('masks names and phones for viewers', async () => {
    const viewer = await s.tokenFor('viewer');
    const res = await s.call('GET', '/api/order-lines?reason=shipping&limit=10000', undefined, { token: viewer });
    const row = res.body.items.find((r: { order_id: string }) => r.order_id === ids.early21);
    assert.equal(row.recipient_name, '최*진');
    assert.match(row.recipient_mobile, /^010-\*{4}-5432$/);
    assert.equal(row.recipient_address2, '***');
    const detail = await s.call('GET', `/api/orders/${ids.early21}`, undefined, { token: viewer });
    assert.equal(detail.body.orderer_name, '김*준');
  });
});

describe('GET /api/order-lines/columns', () => {
  type ColumnsPage = { columns: string[]; rows: unknown[][]; next_cursor: string | null };

  it('answers the same rows as the items form, as column names once and one array per row', async () => {
    const items = await s.call('GET', '/api/order-lines?reason=shipping&limit=10000');
    const cols = await s.call('GET', '/api/order-lines/columns?reason=shipping&limit=10000');
    assert.equal(cols.status, 200);
    assert.equal(cols.body.items, undefined);
    assert.ok(cols.body.columns.includes('line_id') && cols.body.columns.includes('memo'));
    assert.ok(cols.body.rows.every((r: unknown[]) => Array.isArray(r) && r.length === cols.body.columns.length));
    assert.deepEqual(fromLineColumns(cols.body), items.body.items);
    assert.equal(cols.body.next_cursor, null);
  });

  it('pages by the same cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: ColumnsPage } = await s.call('GET', `/api/order-lines/columns?reason=shipping&limit=8${cursor ? `&cursor=${cursor}` : ''}`);
      const at = res.body.columns.indexOf('line_id');
      seen.push(...res.body.rows.map((r) => r[at] as string));
      cursor = res.body.next_cursor;
    } while (cursor);
    assert.equal(seen.length, 56);
    assert.equal(new Set(seen).size, 56);
  });

  it('with fields answers only those, with the values (masked for viewers) the full row has', async () => {
    const viewer = await s.tokenFor('viewer');
    const fields = ['line_id', 'status', 'recipient_name', 'recipient_mobile', 'hold', 'hold_reason', 'memo'];
    const items = await s.call('GET', '/api/order-lines?reason=shipping&limit=10000&status=NEW', undefined, { token: viewer });
    const cols = await s.call('GET', `/api/order-lines/columns?reason=shipping&limit=10000&status=NEW&fields=${fields.join(',')}`, undefined, {
      token: viewer,
    });
    assert.equal(cols.status, 200);
    assert.deepEqual(cols.body.columns, fields);
    const want = items.body.items.map((r: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, r[f]])));
    assert.deepEqual(fromLineColumns(cols.body), want);
    const held = fromLineColumns(cols.body).find((r) => r.hold);
    assert.equal(held?.hold_reason, '주소 확인');
    assert.ok(fromLineColumns(cols.body).some((r) => r.recipient_name === '최*진'));
  });

  it('refuses unknown fields, naming the field', async () => {
    const res = await s.call('GET', '/api/order-lines/columns?reason=shipping&fields=line_id,password_hash');
    assert.equal(res.status, 400);
    assert.ok(JSON.stringify(res.body.error.details).includes('fields'));
  });

  it('refuses a pull of personal fields without a reason, naming `reason`; fields without personal data need none', async () => {
    for (const q of ['limit=10', 'limit=10&fields=line_id,recipient_name', 'limit=10&fields=line_id,orderer_phone']) {
      const res = await s.call('GET', `/api/order-lines/columns?${q}`);
      assert.equal(res.status, 400, q);
      assert.deepEqual(
        res.body.error.details.map((d: { field: string }) => d.field),
        ['reason'],
        q,
      );
    }
    const plain = await s.call('GET', '/api/order-lines/columns?limit=10&fields=line_id,status,memo');
    assert.equal(plain.status, 200);
    assert.deepEqual(plain.body.columns, ['line_id', 'status', 'memo']);
  });

  it('is sent compressed to a client that accepts gzip', async () => {
    const res = await fetch(`${s.url}/api/order-lines/columns?reason=shipping&limit=10000`, {
      headers: { authorization: `Bearer ${await s.tokenFor('viewer')}`, 'accept-encoding': 'gzip' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    assert.ok(((await res.json()) as ColumnsPage).rows.length > 0);
  });
});

describe('GET /api/orders/:id', () => {
  it('has lines, boxes, claims, holds, notes and history', async () => {
    const res = await s.call('GET', `/api/orders/${ids.early21}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.lines.length, 3);
    for (const key of ['boxes', 'claims', 'holds', 'notes', 'history']) assert.ok(Array.isArray(res.body[key]), key);
    assert.equal(res.body.history.length, 3);
  });

  it('404 names the id', async () => {
    const res = await s.call('GET', '/api/orders/ord_missing');
    assert.equal(res.status, 404);
    assert.match(res.body.error.message, /ord_missing/);
  });

  it('memos and messages are added and listed', async () => {
    const memo = await s.call('POST', `/api/orders/${ids.early21}/notes`, { body: '고객 요청: 오후 배송' });
    assert.equal(memo.status, 201);
    const msg = await s.call('POST', `/api/orders/${ids.early21}/notes`, { kind: 'message', body: '배송 지연 안내 드립니다' });
    assert.equal(msg.status, 201);
    const res = await s.call('GET', `/api/orders/${ids.early21}`);
    assert.deepEqual(
      res.body.notes.map((n: { kind: string }) => n.kind),
      ['memo', 'message'],
    );
    const empty = await s.call('POST', `/api/orders/${ids.early21}/notes`, { body: '   ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.details[0].field, 'body');
  });
});

// Last: it adds orders the counts above do not expect.
describe('marks', () => {
  it('filters by the marks an operator sets (우선순위, 깃발, 합포금지, 회수지연) and by a memo written on the order', async () => {
    const db = s.deps.db;
    const marked = async (patch: Record<string, unknown>) => {
      const o = await makeOrder(db, { channel: '표시필터' });
      if (Object.keys(patch).length) await db('orders').where({ id: o.id }).update(patch);
      return o;
    };
    const urgent = await marked({ priority: true });
    const flagged = await marked({ flagged: true });
    const both = await marked({ priority: true, flagged: true, merge_locked: true });
    const memo = await marked({});
    await db('order_notes').insert({ order_id: memo.id, kind: 'memo', body: '포장 꼼꼼히', author_id: null, created_at: new Date().toISOString() });
    const late = await marked({});
    await db('order_lines').where({ id: late.lineIds[0] }).update({ return_pickup_delayed: true });
    const found = async (query: string) =>
      (await s.call('GET', `/api/orders?channel=${encodeURIComponent('표시필터')}&${query}`)).body.items.map((o: { id: string }) => o.id).sort();
    assert.deepEqual(await found('priority=true'), [urgent.id, both.id].sort());
    assert.deepEqual(await found('priority=true&flagged=true'), [both.id], 'every mark asked for');
    assert.deepEqual(await found('merge_locked=true'), [both.id]);
    assert.deepEqual(await found('has_memo=true'), [memo.id]);
    assert.deepEqual(await found('return_pickup_delayed=true'), [late.id]);
    assert.equal((await found('has_memo=false')).includes(memo.id), false);
    const lines = await s.call('GET', `/api/order-lines?channel=${encodeURIComponent('표시필터')}&flagged=true`);
    assert.deepEqual([...new Set(lines.body.items.map((l: { order_id: string }) => l.order_id))].sort(), [flagged.id, both.id].sort());
  });
});
