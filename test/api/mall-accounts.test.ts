import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const SECRET = 'cp-secret-7f3a9b2c4d5e6f708192a3b4c5d6e7f8';
const ACCESS = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';

describe('mall accounts', () => {
  it('credentials are encrypted at rest and never appear in any response', async () => {
    const created = await s.call('POST', '/api/mall-accounts', {
      mall_type: 'coupang',
      display_name: '쿠팡 본점',
      credentials: { vendor_id: 'A00012345', access_key: ACCESS, secret_key: SECRET },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.credentials_hint, 'vendor A00012345 · key a1b2****');
    assert.equal(created.body.has_credentials, true);
    const id = created.body.id;

    const responses = [
      created,
      await s.call('GET', '/api/mall-accounts'),
      await s.call('GET', `/api/mall-accounts/${id}`),
      await s.call('PATCH', `/api/mall-accounts/${id}`, { display_name: '쿠팡 본점 (메인)', collect_enabled: false }),
      await s.call('GET', '/api/mall-accounts', undefined, { token: await s.tokenFor('viewer') }),
    ];
    for (const res of responses) {
      const text = JSON.stringify(res.body);
      assert.ok(!text.includes(SECRET), 'secret key leaked');
      assert.ok(!text.includes(ACCESS), 'access key leaked');
      assert.ok(!text.includes('credentials_enc'), 'sealed column leaked');
    }
    assert.equal(responses[3]!.body.collect_enabled, false);

    const row = await s.deps.db('mall_accounts').where({ id }).first();
    assert.ok(row.credentials_enc.startsWith('v1:'));
    assert.ok(!row.credentials_enc.includes(SECRET));
    assert.deepEqual(JSON.parse(s.deps.secrets.open(row.credentials_enc, id)), { vendor_id: 'A00012345', access_key: ACCESS, secret_key: SECRET });
    assert.throws(() => s.deps.secrets.open(row.credentials_enc, 'acc_other'), 'sealed to its own account id');
  });

  it('replacing credentials re-seals them; wrong fields are named', async () => {
    const created = await s.call('POST', '/api/mall-accounts', {
      mall_type: 'naver',
      display_name: '스마트스토어',
      credentials: { client_id: 'naverClient01', client_secret: '$2a$04$abcdefghijklmnopqrstuv' },
    });
    assert.equal(created.status, 201);
    const bad = await s.call('PATCH', `/api/mall-accounts/${created.body.id}`, { credentials: { client_id: 'x' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.details[0].field, 'credentials.client_secret');
    const missing = await s.call('POST', '/api/mall-accounts', { mall_type: 'coupang', display_name: 'x', credentials: { vendor_id: 'A1' } });
    assert.equal(missing.body.error.details[0].field, 'credentials.access_key');
    const type = await s.call('POST', '/api/mall-accounts', { mall_type: 'amazon', display_name: 'x', credentials: {} });
    assert.equal(type.body.error.details[0].field, 'mall_type');
    const changed = await s.call('PATCH', `/api/mall-accounts/${created.body.id}`, {
      credentials: { client_id: 'naverClient02', client_secret: 'new-secret' },
    });
    assert.equal(changed.body.credentials_hint, 'client nave****');
    const audit = await s.deps.db('audit_log').where({ entity_id: created.body.id });
    assert.ok(audit.length >= 2);
    assert.ok(!JSON.stringify(audit).includes('new-secret'));
  });
});
