import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(() => s.close());

describe('GET /api/openapi.json', () => {
  it('describes every route with the schemas the server validates with', async () => {
    const doc = (await s.call('GET', '/api/openapi.json', undefined, { token: null })).body;
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/orders', '/api/order-lines', '/api/orders/{id}', '/api/transitions', '/api/orders/direct', '/api/auth/login', '/api/mall-accounts', '/api/reports/sales', '/api/sheet/push', '/api/sheet/lines']) {
      assert.ok(paths.includes(p), p);
    }
    const bulk = doc.paths['/api/transitions'].post.requestBody.content['application/json'].schema;
    assert.ok(bulk.properties.items);
    assert.ok(bulk.properties.action.enum.includes('set_invoice'));
    assert.deepEqual(bulk.required.sort(), ['action', 'items']);
    const direct = doc.paths['/api/orders/direct'].post.requestBody.content['application/json'].schema;
    assert.ok(direct.required.includes('orderer_name') && direct.required.includes('total_amount'));
    const list = doc.paths['/api/orders'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of ['status', 'mall_account_id', 'channel', 'from', 'to', 'q', 'cursor', 'limit']) assert.ok(list.includes(name), name);
    assert.deepEqual(doc.paths['/api/health'].get.security, []);
    assert.deepEqual(doc.paths['/api/orders'].get.security, [{ bearer: [] }]);
  });
});
