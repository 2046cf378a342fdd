// The sender (보내는 분) of courier booking files (issue 10 §5): set by admins, read by operators, phones checked and
// hyphenated, each change in the audit log by field name; a booking file with sender columns is refused until one is
// set, and carries it on every row once it is.
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeOrder, putInBox } from '../helpers/builders.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { sheetRows } from '../helpers/xlsx.ts';

let s: TestServer;
let operator: string;
let viewer: string;
let boxes: string[];

const SENDER = {
  name: '쉽시트상회',
  phone: '0212345678',
  mobile: '+82 10-9876-5432',
  zip: '06236',
  address1: '서울특별시 강남구 테헤란로 123',
  address2: '4층',
};

const booking = (body: Record<string, unknown>, token = operator) =>
  s.download('POST', '/api/exports/booking', { box_ids: boxes, format: 'xlsx', reason: 'shipping', ...body }, { token, lang: 'ko' });

const auditOf = async () => (await s.call('GET', '/api/audit/log?action=sender_changed')).body.items as Record<string, any>[];

beforeAll(async () => {
  s = await startTestServer();
  operator = await s.tokenFor('operator');
  viewer = await s.tokenFor('viewer');
  const a = await makeOrder(s.deps.db, { recipient: '홍길동', recipientMobile: '010-1234-5678', products: ['텀블러'] });
  const b = await makeOrder(s.deps.db, { recipient: '김철수', recipientMobile: '010-2222-3333', products: ['머그컵'] });
  boxes = [await putInBox(s.deps.db, a.lineIds, { status: 'READY' }), await putInBox(s.deps.db, b.lineIds, { status: 'READY' })];
});
afterAll(() => s.close());

describe('sender not set', () => {
  it('GET answers null; a booking file with sender columns is refused with a 409 that says to set it, leaving no record', async () => {
    const got = await s.call('GET', '/api/settings/sender', undefined, { token: operator });
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, { sender: null, updated_at: null, updated_by: null });

    const before = (await s.call('GET', '/api/audit/access-records?limit=1')).body.items[0]?.id ?? 0;
    const res = await booking({ template: 'cj' });
    assert.equal(res.status, 409);
    assert.equal(res.json.error.code, 'sender_not_set');
    assert.match(res.json.error.message, /^보내는 분이 설정되지 않았습니다/);
    const en = await s.call(
      'POST',
      '/api/exports/booking',
      { template: 'generic', box_ids: boxes, format: 'csv', reason: 'shipping' },
      { token: operator },
    );
    assert.equal(en.status, 409);
    assert.match(en.body.error.message, /Set the sender first/);
    assert.equal((await s.call('GET', '/api/audit/access-records?limit=1')).body.items[0]?.id ?? 0, before);

    // A template without sender columns (the courier program fills its registered shipper) still exports.
    assert.equal((await booking({ template: 'hanjin' })).status, 200);
  });
});

describe('setting the sender', () => {
  it('admins set it: phones normalised and hyphenated, blanks as none; operators read it; the change is audited by field name', async () => {
    const put = await s.call('PUT', '/api/settings/sender', { ...SENDER, address2: '  ' });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual(put.body.sender, { ...SENDER, phone: '02-1234-5678', mobile: '010-9876-5432', address2: null });
    const me = (await s.call('GET', '/api/auth/me')).body.id;
    assert.equal(put.body.updated_by, me);

    const got = await s.call('GET', '/api/settings/sender', undefined, { token: operator });
    assert.deepEqual(got.body, put.body);

    const [entry] = await auditOf();
    assert.deepEqual([entry!.actor_id, entry!.entity, entry!.entity_id], [me, 'shop_settings', 'sender']);
    assert.deepEqual(entry!.detail, { fields: ['name', 'phone', 'mobile', 'zip', 'address1'] });

    // A second save names only what changed; the same values again change nothing and write nothing.
    await s.call('PUT', '/api/settings/sender', SENDER);
    assert.deepEqual((await auditOf())[0]!.detail, { fields: ['address2'] });
    assert.equal((await s.call('PUT', '/api/settings/sender', SENDER)).status, 200);
    assert.equal((await auditOf()).length, 2);
    assert.doesNotMatch(JSON.stringify(await auditOf()), /쉽시트상회|1234-5678|테헤란로/, 'field names, never values');
  });

  it('refuses input naming the field: a phone that is not Korean, a zip that is not 5 digits, a missing name', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...SENDER, phone: '12345' }, 'phone', /^전화번호: 올바른 전화번호가 아닙니다/],
      [{ ...SENDER, mobile: '010-12' }, 'mobile', /^휴대폰: 올바른 전화번호가 아닙니다/],
      [{ ...SENDER, zip: '135-080' }, 'zip', /^우편번호: /],
      [{ ...SENDER, name: ' ' }, 'name', /^이름: /],
      [{ ...SENDER, address1: undefined }, 'address1', /^주소: /],
    ];
    for (const [body, field, text] of cases) {
      const res = await s.call('PUT', '/api/settings/sender', body, { lang: 'ko' });
      assert.equal(res.status, 400, field);
      assert.equal(res.body.error.details[0].field, field);
      assert.match(res.body.error.message, text);
    }
    const en = await s.call('PUT', '/api/settings/sender', { ...SENDER, phone: 'abc' });
    assert.equal(en.body.error.message, 'phone: not a Korean phone number (e.g. 02-1234-5678, 010-1234-5678)');
    assert.equal((await s.call('GET', '/api/settings/sender')).body.sender.phone, '02-1234-5678', 'nothing refused was stored');
  });

  it('operators and viewers may not set it; viewers may not read it', async () => {
    assert.equal((await s.call('PUT', '/api/settings/sender', SENDER, { token: operator })).status, 403);
    assert.equal((await s.call('PUT', '/api/settings/sender', SENDER, { token: viewer })).status, 403);
    assert.equal((await s.call('GET', '/api/settings/sender', undefined, { token: viewer })).status, 403);
    assert.equal((await s.call('GET', '/api/settings/sender', undefined, { token: null })).status, 401);
  });
});

describe('booking rows carry the sender', () => {
  it('every row of the CJ file has the sender, phones hyphenated; the generic CSV has every sender column', async () => {
    const res = await booking({ template: 'cj' });
    assert.equal(res.status, 200);
    const [header, ...rows] = await sheetRows(res.bytes);
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.equal(row[header!.indexOf('보내는분성명')], '쉽시트상회');
      assert.equal(row[header!.indexOf('보내는분전화번호')], '02-1234-5678');
      assert.equal(row[header!.indexOf('보내는분주소(전체, 분할)')], '서울특별시 강남구 테헤란로 123 4층');
    }

    const csv = await booking({ template: 'generic', format: 'csv', encoding: 'cp949' });
    const [head, ...lines] = iconv.decode(csv.bytes, 'cp949').trim().split('\r\n');
    assert.ok(head!.endsWith('보내는분,보내는분전화,보내는분휴대폰,보내는분우편번호,보내는분주소'), head);
    assert.equal(lines.length, 2);
    for (const line of lines) assert.ok(line.endsWith('쉽시트상회,02-1234-5678,010-9876-5432,06236,서울특별시 강남구 테헤란로 123 4층'), line);
  });
});
