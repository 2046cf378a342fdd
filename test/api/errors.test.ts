import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createSecretBox } from '../../server/crypto/secret-box.ts';
import { openDb } from '../../server/db/knex.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/log.ts';
import { ensureFirstAdmin } from '../../server/modules/auth/auth.service.ts';
import { createLoginLimiter } from '../../server/modules/auth/login-limiter.ts';
import { testDialect } from '../helpers/server.ts';

// A server whose log lines are captured, to check what reaches the log. SQLite only: the failure below is made by
// dropping a table, which needs a database of its own.
const logLines: string[] = [];
let url = '';
let server: http.Server;
let token = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-errors-'));
const db = openDb({ sqliteFile: path.join(dir, 'db.sqlite') });

async function call(method: string, p: string, body?: unknown, raw?: string) {
  const res = await fetch(url + p, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

before(async () => {
  await migrateToLatest(db);
  await ensureFirstAdmin(db, 'errors-admin-password');
  const deps = {
    config: loadConfig({ SHIPSHEET_DATA_DIR: dir }),
    db,
    log: createLogger('debug', (line) => logLines.push(line)),
    secrets: createSecretBox(Buffer.alloc(32, 7)),
    limiter: createLoginLimiter(),
  };
  server = http.createServer(createApp(deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  token = (await call('POST', '/api/auth/login', { username: 'admin', password: 'errors-admin-password' })).body.token;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('errors', { skip: testDialect() !== 'sqlite' }, () => {
  it('bad JSON is a 400 that says so', async () => {
    const res = await call('POST', '/api/orders/direct', undefined, '{"orderer_name": ');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'bad_json');
  });

  it('an unknown route is a 404 naming it', async () => {
    const res = await call('GET', '/api/nothing-here');
    assert.equal(res.status, 404);
    assert.match(res.body.error.message, /\/api\/nothing-here/);
  });

  it('an unexpected failure is a 500 without internals; the cause is logged with the request id', async () => {
    const made = await call('POST', '/api/orders/direct', { orderer_name: '정하늘', total_amount: 1000, recipient_mobile: '010-2222-3333' });
    assert.equal(made.status, 201);
    await db.schema.dropTable('order_notes');
    const res = await call('POST', `/api/orders/${made.body.id}/notes`, { body: '비밀메모: 현관 비밀번호 1234' });
    assert.equal(res.status, 500);
    assert.equal(res.body.error.type, 'unexpected');
    const text = JSON.stringify(res.body);
    assert.ok(!/sqlite|order_notes|SQL|stack|insert/i.test(text), text);
    const requestId = res.headers.get('x-request-id')!;
    assert.equal(res.body.error.request_id, requestId);
    const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.level === 'error' && l.request_id === requestId);
    assert.ok(logged, 'the cause is logged under the request id');
    assert.match(JSON.stringify(logged.error), /no such table/);
    assert.ok(!JSON.stringify(logLines).includes('현관 비밀번호'), 'bound values of the failed statement stay out of the log');
  });

  it('no personal data or secrets reach the log', async () => {
    await call('POST', '/api/auth/login', { username: 'admin', password: 'a-wrong-password-999' });
    await call('GET', `/api/orders?q=${encodeURIComponent('정하늘')}`);
    const all = logLines.join('\n');
    for (const secret of ['정하늘', '010-2222-3333', 'a-wrong-password-999', 'errors-admin-password', token]) {
      assert.ok(!all.includes(secret), `log contains ${secret}`);
    }
    assert.ok(logLines.some((l) => JSON.parse(l).msg === 'request'), 'requests are logged');
  });
});
