import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ORDER_COLUMNS } from '../../shared/sheet/order-columns.ts';
import { apiRoutes } from '../../server/app.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('GET /api/openapi.json', () => {
  it('describes every route with the schemas the server validates with', async () => {
    const doc = (await s.call('GET', '/api/openapi.json', undefined, { token: null })).body;
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/orders',
      '/api/order-lines',
      '/api/orders/{id}',
      '/api/transitions',
      '/api/orders/direct',
      '/api/auth/login',
      '/api/mall-accounts',
      '/api/reports/sales',
      '/api/sheet/push',
      '/api/sheet/lines',
      '/api/order-uploads/preview',
      '/api/order-uploads/{id}',
    ]) {
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

  it('declares what every operation answers: a JSON schema, no content (204), the event stream or a file', async () => {
    const doc = (await s.call('GET', '/api/openapi.json', undefined, { token: null })).body;
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>,
    ).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })));
    assert.equal(operations.length, apiRoutes(s.deps).length);
    const kinds = { json: 0, empty: 0, stream: 0, file: 0 };
    for (const { name, op } of operations) {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      assert.equal(success.length, 1, name);
      const [status, response] = success[0]!;
      if (status === '204') {
        assert.equal(response.content, undefined, name);
        kinds.empty++;
      } else if (response.content?.['text/event-stream']) {
        assert.equal(name, 'GET /api/jobs/events');
        kinds.stream++;
      } else if (response.content?.['application/octet-stream']) {
        assert.match(name, /^POST \/api\/exports\/|^GET \/api\/file-templates\/\{id\}\/sample$|^POST \/api\/invoice-imports\/.*result\.xlsx$/);
        kinds.file++;
      } else {
        const schema = response.content?.['application/json']?.schema;
        assert.ok(schema && (schema.type === 'object' || schema.anyOf), `${name} declares its answer`);
        kinds.json++;
      }
    }
    // Order uploads add 5 JSON answers; templates and invoice imports (file-imports.routes.ts) 8 JSON answers, a
    // delete, a sample file and 2 result files (downloads); exports 2 files, retention 2 JSON answers, the audit log 1 and
    // the sender setting 2 (read, set); matching 4 (unmatched, matches, save, remove); stock 6 (list, history, counts,
    // count imports, adjustments, transfers); the catalogue 10 (SKUs 6, warehouses 3, the storefront queue 1); the
    // sold-out list and its release 2; allocation 6 (preview, apply, undo, batches, settings read and write); gifts 7
    // (rules list, create, update; preview, apply, batches, undo) and a delete; scan-to-ship 4 (box, verify, set aside,
    // sheet); the CS lists 4 (three lists and acknowledging a withdrawn cancel); merge-packing 7 (preview by GET and
    // POST, apply, batches, undo, auto-merge read and set); a bulk transition's undo 2 (batches, undo); returns to receive 2 (list, receive); tracking number bands 4 (list, register, switch, issue) and their labels 1 file; the sheet's
    // boxes of lines 1 (parts of a numbering keep a box whole).
    assert.deepEqual(kinds, { json: 113, empty: 6, stream: 1, file: 6 });
  });

  it('lists answer items and next_cursor; the lines view has every sheet column', async () => {
    const doc = (await s.call('GET', '/api/openapi.json', undefined, { token: null })).body;
    const answer = (path: string, method: string) => {
      const responses = doc.paths[path][method].responses;
      return (responses['200'] ?? responses['201'] ?? responses['202']).content['application/json'].schema;
    };
    for (const [path, method] of [
      ['/api/orders', 'get'],
      ['/api/order-lines', 'get'],
      ['/api/sheet/lines', 'post'],
      ['/api/sheet/boxes', 'post'],
      ['/api/jobs', 'get'],
      ['/api/jobs', 'post'],
      ['/api/mall-accounts', 'get'],
      ['/api/users', 'get'],
      ['/api/tokens', 'get'],
      ['/api/reports/sales', 'get'],
      ['/api/audit/access-records', 'get'],
      ['/api/jobs/{id}/results', 'get'],
      ['/api/mall-accounts/{id}/mismatches', 'get'],
      ['/api/stock', 'get'],
      ['/api/stock/history', 'get'],
    ] as const) {
      assert.ok(answer(path, method).required.includes('items') && answer(path, method).required.includes('next_cursor'), `${method} ${path}`);
    }
    const row = answer('/api/sheet/lines', 'post').properties.items.items;
    for (const column of ORDER_COLUMNS.filter((c) => c.kind !== 'result')) assert.ok(row.required.includes(column.id), column.id);
    assert.deepEqual(answer('/api/order-lines', 'get').properties.items.items, row);
  });
});
