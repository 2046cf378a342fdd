// 송장 대역 and 자동 채번 (PRODUCT.md §2 step 6): an admin registers a courier's band; an operator numbers selected
// lines' boxes from it — one number per box or order, through the rules a typed number meets; a refused row takes
// no number, numbers on a box already are skipped, bands run out into the next and then refuse; two operators at
// once never get one number.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { orderHistoryIn } from '../helpers/history.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { sheetRows } from '../helpers/xlsx.ts';

let s: TestServer;
let operator: string;
let viewer: string;

beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
  viewer = await s.tokenFor('viewer');
});
afterAll(() => s.close());

/** The shop's sender, which booking files and waybills name. */
const SENDER = { name: '쉽시트상회', phone: '0212345678', zip: '06236', address1: '서울특별시 강남구 테헤란로 123' };

/** A 12-digit number with its mod-7 check digit (korean-oms.md §1.2), from an 11-digit body. */
const mod7 = (body: bigint) => `${body}${body % 7n}`;

/** A fresh 11-digit body range per test (bands of one courier may not overlap). */
let base = 61_000_000_000n;
const freshBody = (size = 1000n) => {
  base += size;
  return base;
};

const register = (courier: string, first: string, last: string, token?: string) =>
  s.call('POST', '/api/tracking-bands', { courier, first_number: first, last_number: last }, { lang: 'en', ...(token ? { token } : {}) });

/** The lines with their versions, in the order given (the order the call names them). */
const lineVersions = async (ids: string[]) => {
  const rows = (await s.deps.db('order_lines').whereIn('id', ids).select('id', 'version')) as { id: string; version: number }[];
  const version = new Map(rows.map((r) => [r.id, r.version]));
  return ids.map((id) => ({ id, version: version.get(id)! }));
};

const issue = async (lineIds: string[], courier = 'CJ', token = operator) =>
  s.call('POST', '/api/tracking-bands/issue', { courier, items: await lineVersions(lineIds) }, { token, lang: 'en' });

const numberOf = async (lineId: string) => {
  const line = await s.deps.db('order_lines').where({ id: lineId }).first();
  if (!line.box_id) return null;
  return (await s.deps.db('boxes').where({ id: line.box_id }).first()).tracking_number as string | null;
};

/** Every CJ band off, so each test draws from its own. */
async function retireCjBands() {
  await s.deps.db('tracking_bands').where({ courier: 'CJ' }).update({ active: false });
}

describe('tracking number bands (송장 대역)', () => {
  it('registers a band an admin types as the courier prints it; refuses bad ends naming the field, overlaps, and non-admins', async () => {
    const b = freshBody();
    const res = await register('CJ대한통운', `${mod7(b).slice(0, 4)}-${mod7(b).slice(4)}`, mod7(b + 99n));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.courier, 'CJ');
    assert.equal(res.body.first_number, mod7(b));
    assert.equal(res.body.next_number, mod7(b));
    assert.equal(res.body.check_kind, 'mod7');
    assert.equal(res.body.remaining, 100);

    const list = await s.call('GET', '/api/tracking-bands', undefined, { token: viewer });
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((x: { id: string }) => x.id === res.body.id));

    // Two admins registering overlapping bands at the same moment: one is registered, the other refused.
    const c = freshBody();
    const both = await Promise.all([register('HANJIN', mod7(c), mod7(c + 10n)), register('HANJIN', mod7(c + 5n), mod7(c + 20n))]);
    assert.deepEqual(both.map((r) => r.status).sort(), [201, 409]);
    const overlap = await register('CJ', mod7(b + 50n), mod7(b + 150n));
    assert.equal(overlap.status, 409);
    assert.equal(overlap.body.error.code, 'band_overlap');
    // Lotte checks mod 7 strictly: a wrong check digit is refused on its field.
    const lotte = await register('LOTTE', `${b}${(b % 7n) + 1n}`.slice(0, 12), mod7(b + 10n));
    assert.equal(lotte.status, 400);
    assert.deepEqual(
      lotte.body.error.details.map((d: { field: string }) => d.field),
      ['first_number'],
    );
    const mixed = await register('CJ', `${b + 500n}${(((b + 500n) % 7n) + 1n) % 7n}`, mod7(b + 600n));
    assert.equal(mixed.status, 400);
    assert.equal(mixed.body.error.details[0].field, 'first_number');
    assert.match(mixed.body.error.message, /mod-7 check digit/);
    const reversed = await register('LOTTE', mod7(b + 10n), mod7(b));
    assert.equal(reversed.status, 400);
    assert.equal(reversed.body.error.details[0].field, 'last_number');
    const lengths = await register('HANJIN', mod7(b), mod7(b).slice(0, 10));
    assert.equal(lengths.status, 400);
    const ems = await register('EMS', 'EE123456785KR', 'EE123456799KR');
    assert.equal(ems.status, 400);
    assert.equal(ems.body.error.details[0].field, 'courier');
    assert.equal((await register('CJ', mod7(freshBody()), mod7(base + 5n), operator)).status, 403);

    const off = await s.call('PATCH', `/api/tracking-bands/${res.body.id}`, { active: false });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(off.body.active, false);
    assert.equal((await s.call('PATCH', '/api/tracking-bands/bnd_nope', { active: true })).status, 404);
    // Numbers are text: a JSON number (its leading zeros gone) is refused, naming the field.
    const asNumber = await s.call('POST', '/api/tracking-bands', { courier: 'CJ', first_number: 612345678906, last_number: '612345678932' });
    assert.equal(asNumber.status, 400);
    assert.equal(asNumber.body.error.details[0].field, 'first_number');
  });

  it('numbers one box per order or merged box; held, numbered and stale rows are refused on their row and take no number', async () => {
    await retireCjBands();
    const b = freshBody();
    const band = (await register('CJ', mod7(b), mod7(b + 9n))).body;
    const two = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const m1 = await makeOrder(s.deps.db, { status: 'READY' });
    const m2 = await makeOrder(s.deps.db, { status: 'READY' });
    await putInBox(s.deps.db, [m1.lineIds[0]!, m2.lineIds[0]!]); // merged (합포), no number yet
    const held = await makeOrder(s.deps.db, { status: 'READY' });
    await s.deps.db('orders').where({ id: held.id }).update({ hold: true, hold_reason: '주소 확인' });
    const numbered = await makeOrder(s.deps.db, { status: 'INVOICED' });
    await putInBox(s.deps.db, numbered.lineIds, { tracking: mod7(freshBody()) });
    const stale = await makeOrder(s.deps.db, { status: 'READY' });

    const items = await lineVersions([held.lineIds[0]!, ...two.lineIds, m1.lineIds[0]!, numbered.lineIds[0]!, m2.lineIds[0]!, stale.lineIds[0]!]);
    const staleItem = items.find((i) => i.id === stale.lineIds[0])!;
    staleItem.version += 1;
    const res = await s.call('POST', '/api/tracking-bands/issue', { courier: 'CJ', items }, { token: operator, lang: 'en' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byId = new Map(res.body.results.map((r: { id: string }) => [r.id, r]));
    const codeOf = (id: string) => (byId.get(id) as { result: string; code?: string }).code ?? (byId.get(id) as { result: string }).result;
    assert.equal(codeOf(held.lineIds[0]!), 'blocked');
    assert.equal(codeOf(numbered.lineIds[0]!), 'already_numbered');
    assert.equal(codeOf(stale.lineIds[0]!), 'stale_version');
    // The merged box's second row got the box's number with the first: applied, not 변경없음.
    assert.equal(codeOf(m2.lineIds[0]!), 'applied');
    // The first row that could take a number took the band's first, its order's other line the same; the merged box the next.
    assert.equal(await numberOf(two.lineIds[0]!), mod7(b));
    assert.equal(await numberOf(two.lineIds[1]!), mod7(b));
    assert.equal(await numberOf(m1.lineIds[0]!), mod7(b + 1n));
    assert.equal(await numberOf(m2.lineIds[0]!), mod7(b + 1n));
    assert.equal(await numberOf(held.lineIds[0]!), null);
    assert.equal(await numberOf(stale.lineIds[0]!), null);
    const statuses = await s.deps
      .db('order_lines')
      .whereIn('id', [...two.lineIds, m1.lineIds[0]!, m2.lineIds[0]!])
      .pluck('status');
    assert.ok(statuses.every((st: string) => st === 'INVOICED'));
    assert.deepEqual(res.body.numbers, { issued: 2, first: mod7(b), last: mod7(b + 1n) });
    assert.equal(res.body.remaining, 8);
    // Each applied row says which lines moved (the pane reads them again).
    assert.ok((byId.get(two.lineIds[0]!) as { lines?: unknown[] }).lines?.length);

    const after = (await s.call('GET', '/api/tracking-bands', undefined, { token: viewer })).body.items.find((x: { id: string }) => x.id === band.id);
    assert.equal(after.next_number, mod7(b + 2n));
    assert.equal(after.issued, 2);
    const history = await s.deps.db('status_history').where({ entity_id: two.lineIds[0], to_status: 'INVOICED' });
    assert.equal(history.length, 1);
    const audit = await s.deps.db('audit_log').where({ action: 'tracking_numbers_issued' }).orderBy('id', 'desc').first();
    assert.equal(JSON.parse(audit.detail).issued, 2);

    // The labels are printed from a booking file of the numbered boxes: the generic one carries each box's number.
    assert.equal((await s.call('PUT', '/api/settings/sender', SENDER)).status, 200);
    const boxes = (await s.deps.db('order_lines').whereIn('id', [two.lineIds[0]!, m1.lineIds[0]!]).pluck('box_id')) as string[];
    const file = await s.download(
      'POST',
      '/api/exports/booking',
      { template: 'generic', box_ids: boxes, format: 'xlsx', reason: 'shipping' },
      { token: operator },
    );
    assert.equal(file.status, 200);
    const [header, ...rows] = await sheetRows(file.bytes);
    const at = header!.indexOf('운송장번호');
    assert.deepEqual(rows.map((r) => r[at]).sort(), [mod7(b), mod7(b + 1n)]);
  });

  it('a unit whose first row is refused still gets the next number on its next row; orders are not items (a number goes to a box)', async () => {
    await retireCjBands();
    const b = freshBody();
    await register('CJ', mod7(b), mod7(b + 9n));
    const two = await makeOrder(s.deps.db, { status: 'READY', lines: 2 });
    const items = await lineVersions(two.lineIds);
    items[0]!.version += 1; // stale
    const res = await s.call('POST', '/api/tracking-bands/issue', { courier: 'CJ', items }, { token: operator, lang: 'en' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((r: { code?: string; result: string }) => r.code ?? r.result),
      ['stale_version', 'applied'],
    );
    assert.equal(await numberOf(two.lineIds[1]!), mod7(b));
    assert.deepEqual(res.body.numbers, { issued: 1, first: mod7(b), last: mod7(b) });
    // Why, in the reader's language, as the order detail shows it.
    const numberedIn = async (lang: 'ko' | 'en') =>
      (await orderHistoryIn(s, two.id, lang)).find((h) => h.entity_id === two.lineIds[1] && h.to_status === 'INVOICED')?.reason;
    assert.equal(await numberedIn('ko'), '송장 대역 자동 채번');
    assert.equal(await numberedIn('en'), 'Numbered from a tracking band');
    const order = await s.call(
      'POST',
      '/api/tracking-bands/issue',
      { courier: 'CJ', items: [{ id: two.id, version: 1 }] },
      { token: operator, lang: 'en' },
    );
    assert.equal(order.status, 400);
    assert.equal(order.body.error.details[0].field, 'items.0.id');
  });

  it('skips a number already typed on a box, runs from a used-up band into the next, then refuses the rest; without numbers left: 409', async () => {
    await retireCjBands();
    const b = freshBody();
    await register('CJ', mod7(b), mod7(b + 1n)); // two numbers
    const c = freshBody();
    await register('CJ', mod7(c), mod7(c)); // one number
    const typed = await makeOrder(s.deps.db, { status: 'INVOICED' });
    await putInBox(s.deps.db, typed.lineIds, { tracking: mod7(b) }); // the band's first, typed by hand
    const orders = await Promise.all([1, 2, 3].map(() => makeOrder(s.deps.db, { status: 'READY' })));
    const res = await issue(orders.map((o) => o.lineIds[0]!));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(await numberOf(orders[0]!.lineIds[0]!), mod7(b + 1n));
    assert.equal(await numberOf(orders[1]!.lineIds[0]!), mod7(c));
    assert.equal(res.body.results[2].code, 'band_exhausted');
    assert.equal(await numberOf(orders[2]!.lineIds[0]!), null);
    assert.equal(res.body.remaining, 0);
    const none = await issue([orders[2]!.lineIds[0]!]);
    assert.equal(none.status, 409);
    assert.equal(none.body.error.code, 'no_band');
  });

  it('two operators numbering at once never get the same number; viewers may not number', async () => {
    await retireCjBands();
    const b = freshBody();
    await register('CJ', mod7(b), mod7(b + 99n));
    const orders = await Promise.all(Array.from({ length: 20 }, () => makeOrder(s.deps.db, { status: 'READY' })));
    const halves = [orders.slice(0, 10), orders.slice(10)].map((h) => h.map((o) => o.lineIds[0]!));
    const [x, y] = (await Promise.all(halves.map((ids) => issue(ids)))) as [Awaited<ReturnType<typeof issue>>, Awaited<ReturnType<typeof issue>>];
    assert.equal(x.status, 200, JSON.stringify(x.body));
    assert.equal(y.status, 200, JSON.stringify(y.body));
    const numbers = await Promise.all(orders.map((o) => numberOf(o.lineIds[0]!)));
    assert.ok(numbers.every((n) => n !== null));
    assert.equal(new Set(numbers).size, 20);
    assert.equal(x.body.remaining + y.body.remaining >= 80, true);
    const last = (await s.call('GET', '/api/tracking-bands', undefined, { token: viewer })).body.items.find(
      (i: { courier: string; active: boolean }) => i.courier === 'CJ' && i.active,
    );
    assert.equal(last.issued, 20);
    assert.equal(last.next_number, mod7(b + 20n));
    assert.equal((await issue([orders[0]!.lineIds[0]!], 'CJ', viewer)).status, 403);
  });

  it("송장 출력: labels of the selected rows' numbered boxes as one HTML file — number, barcode, full address, name and phones masked, every text escaped — recorded with its reason", async () => {
    await retireCjBands();
    const b = freshBody();
    await register('CJ', mod7(b), mod7(b + 9n));
    const a = await makeOrder(s.deps.db, { status: 'READY', recipient: '홍길동', recipientMobile: '010-2345-6789', lines: 2 });
    await s.deps.db('orders').where({ id: a.id }).update({ delivery_memo: '<script>alert(1)</script> 문 앞, 부재시 010-2222-3333' });
    const plain = await makeOrder(s.deps.db, { status: 'READY' });
    assert.equal((await issue(a.lineIds)).status, 200);
    await s.deps.db('shop_settings').where({ key: 'sender' }).delete();
    const unsent = await s.download('POST', '/api/exports/labels', { line_ids: [a.lineIds[0]], reason: 'shipping' }, { token: operator });
    assert.deepEqual([unsent.status, unsent.json?.error?.code], [409, 'sender_not_set'], 'a waybill names its sender');
    assert.match(unsent.json.error.message, /waybill names its sender/);
    assert.equal((await s.call('PUT', '/api/settings/sender', SENDER)).status, 200);

    const file = await s.download(
      'POST',
      '/api/exports/labels',
      { line_ids: [a.lineIds[0], plain.lineIds[0]], reason: 'shipping' },
      { token: operator, lang: 'ko' },
    );
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-type')!, /^text\/html/);
    assert.match(decodeURIComponent(file.headers.get('content-disposition')!), /송장출력_\d{8}-\d{4}\.html/);
    const html = file.bytes.toString('utf8');
    const number = mod7(b);
    assert.equal((html.match(/<section class="label">/g) ?? []).length, 1, 'one label: the numbered box (the other row has no number)');
    assert.ok(html.includes(number.replace(/(\d{4})(?=\d)/g, '$1-')), 'the number as people read it');
    assert.ok(html.includes('<svg'), 'the barcode');
    assert.ok(html.includes('CJ대한통운'));
    assert.ok(html.includes('홍*동') && !html.includes('홍길동'), 'the name masked');
    assert.ok(html.includes('010-****-6789') && !html.includes('2345-6789'), 'the phone masked');
    assert.ok(html.includes('서울특별시 강남구 테헤란로 152'), 'the full address the courier delivers to');
    assert.ok(html.includes('&lt;script&gt;') && !html.includes('<script>alert'), 'a memo is shown, never run');
    assert.ok(!html.includes('2222-3333'), "a phone in the memo is masked like the recipient's");
    assert.ok(html.includes("default-src 'none'"), 'the file allows no script');
    assert.ok(html.includes('쉽시트상회'));
    const record = (await s.call('GET', '/api/audit/access-records?limit=1')).body.items[0];
    assert.deepEqual([record.endpoint, record.format, record.rows, record.reason], ['POST /api/exports/labels', 'html', 1, 'shipping']);

    const none = await s.download('POST', '/api/exports/labels', { line_ids: [plain.lineIds[0]], reason: 'shipping' }, { token: operator });
    assert.equal(none.status, 409);
    assert.equal(none.json.error.code, 'nothing_to_label');
    assert.equal((await s.download('POST', '/api/exports/labels', { reason: 'shipping' }, { token: viewer })).status, 403);
  });
});
