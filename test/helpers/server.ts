// A whole ShipSheet server for one test file: the same start-up as `npm start`, on a random loopback port, with a
// fresh SQLite file in a temp folder, or a fresh schema in the PostgreSQL database named by
// SHIPSHEET_TEST_DATABASE_URL when SHIPSHEET_TEST_DB=postgres.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { loadConfig } from '../../server/config.ts';
import { startServer, type Started } from '../../server/start.ts';
import { createConnectorFactory } from '../../server/connectors/registry.ts';
import type { RetryPolicy } from '../../server/connectors/http.ts';

/** Retries as in production, but milliseconds apart. */
export const FAST_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 5, maxDelayMs: 50, timeoutMs: 3000, maxRetryAfterMs: 3000 };

export const ADMIN_PASSWORD = 'test-admin-password-1';

export type Api = {
  status: number;
  body: any;
  headers: Headers;
};

/** A file the server hands out: the raw bytes, and the parsed body when the answer is JSON (an error). */
export type Download = { status: number; bytes: Buffer; json: any; headers: Headers };

type CallOptions = { token?: string | null; lang?: string; raw?: string };

/** Where a test server keeps its data: another server may be started on the same store (a second instance, a restart). */
export type TestStore = { dataDir: string; pgSchema: string | undefined };

export type TestServer = Omit<Started, 'close'> & {
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  store: TestStore;
  /** Stops the server and deletes its data, unless `keepData` (default: kept when the store was reused). */
  close(options?: { keepData?: boolean }): Promise<void>;
  /** JSON over real HTTP. `token` defaults to the admin's. */
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<Api>;
  /** As `call`, for an answer that is a file (an export, a result or sample XLSX): its bytes, and its JSON when it is an error. */
  download(method: string, path: string, body?: unknown, options?: CallOptions): Promise<Download>;
  adminToken: string;
  /** Creates a user with the role and returns a token for them. */
  tokenFor(role: 'admin' | 'operator' | 'viewer'): Promise<string>;
};

export const testDialect = (): 'sqlite' | 'postgres' => (process.env.SHIPSHEET_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');

/** A fresh PostgreSQL schema for servers that share one database (several instances); dropped by the caller. */
export async function createTestSchema(): Promise<{ schema: string; databaseUrl: string; drop(): Promise<void> }> {
  const databaseUrl = process.env.SHIPSHEET_TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('SHIPSHEET_TEST_DB=postgres needs SHIPSHEET_TEST_DATABASE_URL');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: databaseUrl });
  await admin.raw(`create schema ${schema}`);
  await admin.destroy();
  return {
    schema,
    databaseUrl,
    async drop() {
      const a = knexFactory({ client: 'pg', connection: databaseUrl });
      await a.raw(`drop schema ${schema} cascade`);
      await a.destroy();
    },
  };
}

/**
 * `options.reuse`: the data folder or schema of another test server (a second instance, a restart), kept on
 * close. `options.pgSchema`: join a schema made by createTestSchema (another instance on the same database) instead of
 * making one; it is left for the caller to drop.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  logWrite?: (line: string) => void,
  options: { reuse?: TestStore; pgSchema?: string } = {},
): Promise<TestServer> {
  const dialect = testDialect();
  const dataDir = options.reuse?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-test-'));
  let pgSchema: string | undefined = options.reuse?.pgSchema;
  let databaseUrl: string | undefined;
  let ownSchema = false;
  if (dialect === 'postgres' && options.pgSchema) {
    databaseUrl = process.env.SHIPSHEET_TEST_DATABASE_URL;
    if (!databaseUrl) throw new Error('SHIPSHEET_TEST_DB=postgres needs SHIPSHEET_TEST_DATABASE_URL');
    pgSchema = options.pgSchema;
  } else if (dialect === 'postgres' && options.reuse) {
    databaseUrl = process.env.SHIPSHEET_TEST_DATABASE_URL;
  } else if (dialect === 'postgres') {
    ({ schema: pgSchema, databaseUrl } = await createTestSchema());
    ownSchema = true;
  }
  const config = loadConfig({
    PORT: '0',
    SHIPSHEET_DATA_DIR: dataDir,
    SHIPSHEET_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SHIPSHEET_COLLECT_EVERY_MINUTES: '0',
    // Retention runs are started by the tests that look at them, never by a timer in the middle of another test.
    SHIPSHEET_RETENTION_SCHEDULE: 'off',
    SHIPSHEET_RETURN_PICKUP_SCHEDULE: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    // Every answer of the API tests is held to its route's response schema: a mismatch fails the test with a 500.
    SHIPSHEET_VALIDATE_RESPONSES: '1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const started = await startServer(config, {
    ...(pgSchema ? { db: { pgSchema } } : {}),
    ...(logWrite ? { logWrite } : {}),
    connectorFor: createConnectorFactory(FAST_RETRY),
  });

  const request = (method: string, p: string, body: unknown, options: CallOptions) => {
    const headers: Record<string, string> = { 'accept-language': options.lang ?? 'en' };
    const token = options.token === undefined ? server.adminToken : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
    return fetch(started.url + p, { method, headers, body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  };
  const call: TestServer['call'] = async (method, p, body, options = {}) => {
    const res = await request(method, p, body, options);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const download: TestServer['download'] = async (method, p, body, options = {}) => {
    const res = await request(method, p, body, options);
    const bytes = Buffer.from(await res.arrayBuffer());
    const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString('utf8')) : null;
    return { status: res.status, bytes, json, headers: res.headers };
  };

  let users = 0;
  const server: TestServer = {
    ...started,
    dialect,
    dataDir,
    store: { dataDir, pgSchema },
    call,
    download,
    adminToken: '',
    async tokenFor(role) {
      const username = `${role}${++users}`;
      const password = `password-${role}-${users}`;
      const created = await call('POST', '/api/users', { username, password, role });
      if (created.status !== 201) throw new Error(`could not create ${role}: ${JSON.stringify(created.body)}`);
      const login = await call('POST', '/api/auth/login', { username, password }, { token: null });
      return login.body.token as string;
    },
    async close({ keepData = !!options.reuse } = {}) {
      await started.close();
      if (keepData) return;
      if (ownSchema && pgSchema && databaseUrl) {
        const admin = knexFactory({ client: 'pg', connection: databaseUrl });
        await admin.raw(`drop schema ${pgSchema} cascade`);
        await admin.destroy();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (config.adminPassword) {
    const login = await call('POST', '/api/auth/login', { username: 'admin', password: config.adminPassword }, { token: null });
    if (login.status !== 200) {
      await server.close();
      throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
    }
    server.adminToken = login.body.token;
  }
  return server;
}
