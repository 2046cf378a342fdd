import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('direct trade / wholesale orders', () => {
  it('needs only the orderer and the total price; starts NEW without a tracking number', async () => {
    const res = await s.call('POST', '/api/orders/direct', { orderer_name: '동대문 도매상회', total_amount: 150000 });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.source, 'direct');
    assert.equal(res.body.channel_kind, 'direct');
    assert.equal(res.body.channel_name, '직거래');
    assert.equal(res.body.lines.length, 1);
    assert.equal(res.body.lines[0].status, 'NEW');
    assert.equal(res.body.lines[0].amount, 150000);
    assert.equal(res.body.history[0].to_status, 'NEW');
    // Its reason in the reader's language, as the order detail shows it (it read "direct trade", then Korean to all).
    assert.equal(res.body.history[0].reason, 'Direct order');
    assert.equal((await orderHistoryIn(s, res.body.id, 'ko'))[0]!.reason, '직접주문');
  });

  it('with a tracking number it starts SHIPPED in a box', async () => {
    const res = await s.call('POST', '/api/orders/direct', {
      orderer_name: '김도매',
      total_amount: 50000,
      courier: '롯데택배',
      tracking_number: '3123-4567-8901',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.lines[0].status, 'SHIPPED');
    assert.equal(res.body.boxes.length, 1);
    assert.equal(res.body.boxes[0].courier, 'LOTTE');
    assert.equal(res.body.boxes[0].tracking_number, '312345678901');
    // Every step says so in the reader's language.
    const reasonsIn = async (lang: 'ko' | 'en') => [...new Set((await orderHistoryIn(s, res.body.id, lang)).map((h) => h.reason))];
    assert.deepEqual(await reasonsIn('ko'), ['직접주문 (운송장번호와 함께 등록)']);
    assert.deepEqual(await reasonsIn('en'), ['Direct order (entered with its tracking number)']);
  });

  it('with a tracking number it is shipped by the engine: released, numbered and shipped in one batch', async () => {
    const res = await s.call('POST', '/api/orders/direct', {
      orderer_name: '최도매',
      total_amount: 9000,
      quantity: 2,
      courier: 'CJ',
      tracking_number: '6123-4567-8906',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const steps = (id: string) =>
      res.body.history
        .filter((h: { entity_id: string }) => h.entity_id === id)
        .map((h: { action: string; from_status: string | null; to_status: string }) => [h.action, h.from_status, h.to_status]);
    for (const line of res.body.lines) {
      assert.deepEqual(steps(line.id), [
        ['create_direct', null, 'NEW'],
        ['release', 'NEW', 'READY'],
        ['set_invoice', 'READY', 'INVOICED'],
        ['ship', 'INVOICED', 'SHIPPED'],
      ]);
    }
    assert.equal(new Set(res.body.history.map((h: { batch_id: string }) => h.batch_id)).size, 1);
    assert.match(res.body.history[0].batch_id, /^bat_/);
    // Both lines in the one box, shipped when it was entered.
    assert.equal(res.body.boxes.length, 1);
    assert.ok(res.body.boxes[0].shipped_at);
    assert.ok(res.body.lines.every((l: { box_id: string }) => l.box_id === res.body.boxes[0].id));
  });

  it('a quantity makes that many lines at once, the total split in whole won', async () => {
    const res = await s.call('POST', '/api/orders/direct', {
      orderer_name: '박사장',
      total_amount: 100000,
      quantity: 3,
      channel_kind: 'named',
      channel_name: '오프라인 박람회',
      product_name: '텀블러 500ml',
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.lines.length, 3);
    assert.deepEqual(
      res.body.lines.map((l: { amount: number }) => l.amount),
      [33334, 33333, 33333],
    );
    assert.ok(res.body.lines.every((l: { quantity: number; status: string }) => l.quantity === 1 && l.status === 'NEW'));
    assert.equal(res.body.channel_name, '오프라인 박람회');
  });

  it('bad input names the field and creates nothing', async () => {
    const before = (await s.call('GET', '/api/orders?reason=shipping&limit=1000')).body.items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ total_amount: 1000 }, 'orderer_name'],
      [{ orderer_name: 'x' }, 'total_amount'],
      [{ orderer_name: 'x', total_amount: 10.5 }, 'total_amount'],
      [{ orderer_name: 'x', total_amount: 1000, channel_kind: 'named' }, 'channel_name'],
      [{ orderer_name: 'x', total_amount: 1000, tracking_number: '312345678901' }, 'courier'],
      [{ orderer_name: 'x', total_amount: 1000, courier: 'LOTTE', tracking_number: '312345678900' }, 'tracking_number'],
      [{ orderer_name: 'x', total_amount: 1000, courier: '없는택배', tracking_number: '312345678901' }, 'courier'],
      [{ orderer_name: 'x', total_amount: 1000, quantity: 0 }, 'quantity'],
      // Year 0 is a valid ISO date but no PostgreSQL timestamp (was a 500 there).
      [{ orderer_name: 'x', total_amount: 1000, ordered_at: '0000-01-01T00:00:00Z' }, 'ordered_at'],
      [{ orderer_name: 'x', total_amount: 1000, ordered_at: '1969-12-31T23:59:59Z' }, 'ordered_at'],
      // Phones and zips follow the rule of the sheet's recipient cells and of order files (any text was stored).
      [{ orderer_name: 'x', total_amount: 1000, recipient_mobile: '=cmd|calc' }, 'recipient_mobile'],
      [{ orderer_name: 'x', total_amount: 1000, orderer_phone: 'hello' }, 'orderer_phone'],
      [{ orderer_name: 'x', total_amount: 1000, recipient_zip: 'abcdefghij' }, 'recipient_zip'],
    ];
    for (const [body, field] of cases) {
      const res = await s.call('POST', '/api/orders/direct', body);
      assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status}`);
      assert.equal(res.body.error.details[0].field, field, JSON.stringify(res.body));
      assert.match(res.body.error.message, new RegExp(field));
    }
    assert.equal((await s.call('GET', '/api/orders?reason=shipping&limit=1000')).body.items.length, before);
  });

  it('phones are stored hyphenated and the zip as 5 digits, as a file or the sheet stores them', async () => {
    const res = await s.call('POST', '/api/orders/direct', {
      orderer_name: '김도매',
      total_amount: 5000,
      orderer_phone: '+82 10 2345 6789',
      recipient_mobile: '01098765432',
      recipient_zip: ' 06236 ',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(
      [res.body.orderer_phone, res.body.recipient_phone, res.body.recipient_mobile, res.body.recipient_zip],
      ['010-2345-6789', '010-2345-6789', '010-9876-5432', '06236'],
    );
  });

  it('a CJ number whose check digit does not match is taken, and the answer says so (the sheet said nothing)', async () => {
    const res = await s.call(
      'POST',
      '/api/orders/direct',
      { orderer_name: '김도매', total_amount: 5000, courier: 'CJ', tracking_number: '640055555555' },
      { lang: 'ko' },
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.lines[0].status, 'SHIPPED');
    assert.equal(res.body.warnings?.length, 1, JSON.stringify(res.body.warnings));
    assert.match(res.body.warnings[0], /640055555555/);
    const plain = await s.call('POST', '/api/orders/direct', {
      orderer_name: '김도매',
      total_amount: 5000,
      courier: 'CJ',
      tracking_number: '640055555554',
    });
    assert.equal(plain.body.warnings, undefined);
  });

  it('a tracking number already used is a conflict', async () => {
    const body = { orderer_name: '이중등록', total_amount: 1000, courier: 'LOTTE', tracking_number: '412345678905' };
    assert.equal((await s.call('POST', '/api/orders/direct', body)).status, 201);
    const again = await s.call('POST', '/api/orders/direct', body);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'duplicate_tracking_number');
  });
});

describe('sales per channel', () => {
  it('counts orders, lines, quantity and won per KST day and channel, without cancelled lines', async () => {
    const fresh = await startTestServer();
    try {
      const day = '2026-11-02T03:00:00.000Z'; // 12:00 KST on the 2nd
      await fresh.call('POST', '/api/orders/direct', { orderer_name: 'a', total_amount: 10000, quantity: 2, ordered_at: day });
      await fresh.call('POST', '/api/orders/direct', { orderer_name: 'b', total_amount: 7000, ordered_at: day });
      const store = await fresh.call('POST', '/api/orders/direct', {
        orderer_name: 'c',
        total_amount: 3000,
        channel_kind: 'store_release',
        ordered_at: day,
      });
      const canceled = await fresh.call('POST', '/api/orders/direct', { orderer_name: 'd', total_amount: 9000, ordered_at: day });
      const l = canceled.body.lines[0];
      await fresh.call('POST', `/api/orders/${l.id}/transitions`, { action: 'claim', claim_type: 'cancel', version: l.version });
      const res = await fresh.call('GET', '/api/reports/sales?from=2026-11-02&to=2026-11-02');
      assert.equal(res.status, 200);
      assert.deepEqual(
        res.body.items,
        [
          { day: '2026-11-02', channel_kind: 'store_release', channel_name: '매장출고', orders: 1, lines: 1, quantity: 1, amount: 3000 },
          { day: '2026-11-02', channel_kind: 'direct', channel_name: '직거래', orders: 2, lines: 3, quantity: 3, amount: 17000 },
        ].sort((a, b) => a.channel_name.localeCompare(b.channel_name)),
      );
      assert.ok(store.body.id);
    } finally {
      await fresh.close();
    }
  });
});
