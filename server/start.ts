// Builds the dependencies from configuration and starts serving. Used by main.ts and by tests that need a
// whole server (same start-up path as `npm start`).
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import http from 'node:http';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createSecretBox, loadMasterKey } from './crypto/secret-box.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDb, type DbOptions } from './db/knex.ts';
import type { AppDeps } from './deps.ts';
import { createLogger } from './log.ts';
import { ensureFirstAdmin } from './modules/auth/auth.service.ts';
import { createLoginLimiter } from './modules/auth/login-limiter.ts';

export type Started = {
  deps: AppDeps;
  server: http.Server;
  url: string;
  oneTimePassword: string | undefined;
  close(): Promise<void>;
};

export async function startServer(
  config: Config,
  dbOptions: Partial<DbOptions> = {},
  /** Where log lines go (stderr unless given; tests capture them). */
  logWrite?: (line: string) => void,
): Promise<Started> {
  const log = createLogger(config.logLevel, logWrite);
  const db = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'shipsheet.sqlite'), ...dbOptions });
  const ran = await migrateToLatest(db);
  if (ran.length) log.info('migrations applied', { migrations: ran });
  const secrets = createSecretBox(loadMasterKey(config.secretKey, config.dataDir));
  const admin = await ensureFirstAdmin(db, config.adminPassword);
  const deps: AppDeps = { config, db, log, secrets, limiter: createLoginLimiter() };
  const server = http.createServer(createApp(deps));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    deps,
    server,
    url: `http://localhost:${port}`,
    oneTimePassword: admin.oneTimePassword,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await db.destroy();
    },
  };
}
