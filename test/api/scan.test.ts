// Scan-to-ship (송장 스캔 검수, issue 12 §5): a tracking number opens its box with the SKUs it should hold; a wrong or
// extra item is refused (nothing shipped), a short box says what is missing, a complete box ships with history, a
// box changed since it was opened is refused; a partial box is set aside (hold); and the same from a sheet of scans.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, makeSku, putInBox, setLineSkus } from '../helpers/builders.ts';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
let seq = 0;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const number = () => `5${String(Date.now()).slice(-8)}${String(++seq).padStart(3, '0')}`;

/** A box of two orders (merged): A ×2 (line quantity 2) and B ×1, INVOICED, with its number; and a SKU not in it. */
async function invoicedBox(o: { unmatched?: boolean } = {}) {
  const tag = `${Date.now().toString(36)}${++seq}`;
  const a = await makeSku(s.deps.db, { code: `SA${tag}`, barcodes: [`880A${tag}`] });
  const b = await makeSku(s.deps.db, { code: `SB${tag}`, barcodes: [`880B${tag}`] });
  const other = await makeSku(s.deps.db, { code: `SC${tag}`, barcodes: [`880C${tag}`] });
  const first = await makeOrder(s.deps.db, { status: 'INVOICED', quantity: 2 });
  const second = await makeOrder(s.deps.db, { status: 'INVOICED' });
  await setLineSkus(s.deps.db, first.lineIds[0]!, [a]);
  if (!o.unmatched) await setLineSkus(s.deps.db, second.lineIds[0]!, [b]);
  const tracking = number();
  const boxId = await putInBox(s.deps.db, [first.lineIds[0]!, second.lineIds[0]!], { tracking, status: 'INVOICED' });
  return { a, b, other, tag, tracking, boxId, lineIds: [first.lineIds[0]!, second.lineIds[0]!], orderIds: [first.id, second.id] };
}

const statuses = async (ids: string[]) => (await s.deps.db('order_lines').whereIn('id', ids).orderBy('id')).map((l) => l.status);

describe('scan-to-ship', () => {
  it('opens a box by its number with the SKUs and quantities it should hold', async () => {
    const box = await invoicedBox();
    const res = await s.call('POST', '/api/scan/box', { tracking_number: ` ${box.tracking} ` });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.box_id, box.boxId);
    assert.equal(res.body.tracking_number, box.tracking);
    assert.deepEqual(
      res.body.expected.map((e: { code: string; quantity: number; barcodes: string[] }) => [e.code, e.quantity, e.barcodes]),
      [
        [box.a.code, 2, [`880A${box.tag}`]],
        [box.b.code, 1, [`880B${box.tag}`]],
      ],
    );
    assert.equal(res.body.verifiable, true);
    assert.equal(res.body.versions.lines.length, 2);
    assert.equal(res.body.versions.orders.length, 2);
    const missing = await s.call('POST', '/api/scan/box', { tracking_number: '999999999999' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'box_not_found');
  });

  it('a wrong item is refused naming the barcode and what was expected; an extra item too; nothing is shipped', async () => {
    const box = await invoicedBox();
    const opened = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking }, { lang: 'ko' })).body;
    const wrong = await s.call(
      'POST',
      '/api/scan/verify',
      {
        box_id: box.boxId,
        versions: opened.versions,
        scans: [{ barcode: `880A${box.tag}`, count: 2 }, { barcode: `880C${box.tag}` }, { barcode: `880B${box.tag}` }],
      },
      { lang: 'ko' },
    );
    assert.equal(wrong.status, 200, JSON.stringify(wrong.body));
    assert.equal(wrong.body.result, 'refused');
    assert.equal(wrong.body.problems.length, 1);
    assert.equal(wrong.body.problems[0].code, 'wrong_item');
    assert.equal(wrong.body.problems[0].scan_index, 1);
    assert.equal(wrong.body.problems[0].sku_code, box.other.code);
    assert.match(wrong.body.message, new RegExp(`880C${box.tag}`));
    assert.match(wrong.body.message, new RegExp(`${box.a.code} ×2, ${box.b.code} ×1`));
    assert.deepEqual(await statuses(box.lineIds), ['INVOICED', 'INVOICED']);

    const extra = await s.call('POST', '/api/scan/verify', {
      box_id: box.boxId,
      versions: opened.versions,
      scans: [{ barcode: `880A${box.tag}`, count: 3 }, { barcode: box.b.code }],
    });
    assert.equal(extra.body.result, 'refused');
    assert.deepEqual(
      extra.body.problems.map((p: { code: string; expected: number; scanned: number }) => [p.code, p.expected, p.scanned]),
      [['extra_item', 2, 3]],
    );
    const unknown = await s.call('POST', '/api/scan/verify', { box_id: box.boxId, versions: opened.versions, scans: [{ barcode: 'NOPE-1' }] });
    assert.equal(unknown.body.problems[0].code, 'unknown_barcode');
    assert.deepEqual(await statuses(box.lineIds), ['INVOICED', 'INVOICED']);
    const line = await s.deps.db('order_lines').where({ id: box.lineIds[0] }).first();
    assert.equal(line.version, 1, 'a refused scan writes nothing');
  });

  it('a short box says what is missing; the complete box ships every line, with history', async () => {
    const box = await invoicedBox();
    const opened = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking })).body;
    const short = await s.call('POST', '/api/scan/verify', { box_id: box.boxId, versions: opened.versions, scans: [{ barcode: `880A${box.tag}` }] });
    assert.equal(short.body.result, 'short');
    assert.deepEqual(
      short.body.missing.map((m: { code: string; expected: number; scanned: number }) => [m.code, m.scanned, m.expected]),
      [
        [box.a.code, 1, 2],
        [box.b.code, 0, 1],
      ],
    );
    assert.deepEqual(await statuses(box.lineIds), ['INVOICED', 'INVOICED']);

    const done = await s.call('POST', '/api/scan/verify', {
      box_id: box.boxId,
      versions: opened.versions,
      // Lower case and a SKU code typed by hand count too.
      scans: [{ barcode: `880a${box.tag}` }, { barcode: `880A${box.tag}` }, { barcode: box.b.code.toLowerCase() }],
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.result, 'shipped');
    assert.deepEqual(await statuses(box.lineIds), ['SHIPPED', 'SHIPPED']);
    assert.deepEqual(
      done.body.lines.map((l: { status: string; version: number }) => [l.status, l.version]),
      [
        ['SHIPPED', 2],
        ['SHIPPED', 2],
      ],
    );
    // Each line's ship, its reason in the reader's language, as the order detail shows it.
    for (const [i, id] of box.lineIds.entries()) {
      for (const [lang, reason] of [
        ['ko', '스캔 검수'],
        ['en', 'Scan verified'],
      ] as const) {
        const h = (await orderHistoryIn(s, box.orderIds[i]!, lang)).find((r) => r.entity_id === id && r.action === 'ship')!;
        assert.deepEqual([h.from_status, h.to_status, h.reason, h.batch_id], ['INVOICED', 'SHIPPED', reason, done.body.batch_id]);
      }
    }
    assert.ok((await s.deps.db('boxes').where({ id: box.boxId }).first()).shipped_at);
    // Scanned again: the box has shipped and cannot be verified a second time.
    const again = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking })).body;
    assert.equal(again.verifiable, false);
    assert.equal(again.blocks[0].code, 'not_invoiced');
  });

  it('a box changed since it was opened is refused (409) and nothing ships', async () => {
    const box = await invoicedBox();
    const opened = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking })).body;
    const order = await s.call('GET', `/api/orders/${box.orderIds[1]}`);
    const memo = await s.call('POST', '/api/transitions', {
      action: 'set_flags',
      flags: { priority: true },
      items: [{ id: box.orderIds[1], version: order.body.version }],
    });
    assert.equal(memo.body.results[0].result, 'applied', JSON.stringify(memo.body));
    const res = await s.call('POST', '/api/scan/verify', {
      box_id: box.boxId,
      versions: opened.versions,
      scans: [{ barcode: `880A${box.tag}`, count: 2 }, { barcode: `880B${box.tag}` }],
    });
    assert.equal(res.status, 409, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'stale_version');
    assert.deepEqual(await statuses(box.lineIds), ['INVOICED', 'INVOICED']);
  });

  it('two operators verifying the same box at once ship it once; the other is told it changed', async () => {
    const box = await invoicedBox();
    const opened = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking })).body;
    const body = { box_id: box.boxId, versions: opened.versions, scans: [{ barcode: `880A${box.tag}`, count: 2 }, { barcode: `880B${box.tag}` }] };
    const answers = await Promise.all([s.call('POST', '/api/scan/verify', body), s.call('POST', '/api/scan/verify', body)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409], JSON.stringify(answers.map((a) => a.body)));
    assert.equal(answers.find((a) => a.status === 409)!.body.error.code, 'stale_version');
    for (const id of box.lineIds) assert.equal((await s.deps.db('status_history').where({ entity_id: id, action: 'ship' })).length, 1);
  });

  it('a box with an unmatched line names it and cannot be verified', async () => {
    const box = await invoicedBox({ unmatched: true });
    const opened = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking })).body;
    assert.equal(opened.verifiable, false);
    assert.deepEqual(
      opened.lines.map((l: { matched: boolean }) => l.matched),
      [true, false],
    );
    assert.equal(opened.blocks[0].code, 'unmatched_line');
    const res = await s.call('POST', '/api/scan/verify', {
      box_id: box.boxId,
      versions: opened.versions,
      scans: [{ barcode: `880A${box.tag}`, count: 2 }],
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'box_not_verifiable');
    assert.deepEqual(await statuses(box.lineIds), ['INVOICED', 'INVOICED']);
  });

  it('a partial box is set aside: its orders go on hold with the reason, and it cannot ship until released', async () => {
    const box = await invoicedBox();
    const opened = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking })).body;
    const res = await s.call('POST', '/api/scan/set-aside', { box_id: box.boxId, versions: opened.versions, reason: 'B 재고 부족' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    for (const id of box.orderIds) {
      const o = await s.deps.db('orders').where({ id }).first();
      assert.deepEqual([!!o.hold, o.hold_reason], [true, '스캔 보류: B 재고 부족']);
    }
    assert.equal((await s.deps.db('holds').whereIn('order_id', box.orderIds)).length, 2);
    const again = (await s.call('POST', '/api/scan/box', { tracking_number: box.tracking })).body;
    assert.equal(again.verifiable, false);
    assert.ok(again.blocks.some((b: { code: string }) => b.code === 'on_hold'));
    const stale = await s.call('POST', '/api/scan/set-aside', { box_id: box.boxId, versions: opened.versions, reason: 'again' });
    assert.equal(stale.status, 409);
  });

  it('a sheet of scans: a number then its barcodes (the number on the first row only), per box and per row', async () => {
    const good = await invoicedBox();
    const bad = await invoicedBox();
    const rows = [
      { tracking_number: good.tracking, barcode: `880A${good.tag}` },
      { tracking_number: null, barcode: `880A${good.tag}` },
      { tracking_number: '', barcode: `880B${good.tag}` },
      { tracking_number: null, barcode: null },
      { tracking_number: bad.tracking, barcode: null },
      { tracking_number: bad.tracking, barcode: `880C${bad.tag}` },
      { tracking_number: bad.tracking, barcode: `880A${bad.tag}` },
      { tracking_number: '111122223333', barcode: `880A${bad.tag}` },
    ];
    const res = await s.call('POST', '/api/scan/sheet', { rows }, { lang: 'ko' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.boxes.map((b: { tracking_number: string; result: string }) => [b.tracking_number, b.result]),
      [
        [good.tracking, 'shipped'],
        [bad.tracking, 'refused'],
        ['111122223333', 'not_found'],
      ],
    );
    assert.equal(res.body.shipped, 1);
    assert.deepEqual(
      res.body.rows.map((r: { result: string }) => r.result),
      ['counted', 'counted', 'counted', 'blank', 'box', 'wrong_item', 'counted', 'counted'],
    );
    assert.equal(res.body.rows[7].box_result, 'not_found');
    assert.match(res.body.rows[5].message, new RegExp(`880C${bad.tag}`));
    assert.deepEqual(await statuses(good.lineIds), ['SHIPPED', 'SHIPPED']);
    assert.deepEqual(await statuses(bad.lineIds), ['INVOICED', 'INVOICED']);
  });
});
