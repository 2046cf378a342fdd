// Builds the dependencies from configuration and starts serving. Used by main.ts and by tests that need a
// whole server (same start-up path as `npm start`).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createConnectorFactory, type ConnectorFactory } from './connectors/registry.ts';
import { createSecretBox, loadMasterKey } from './crypto/secret-box.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDb, type DbOptions } from './db/knex.ts';
import type { AppDeps } from './deps.ts';
import { collectJob } from './jobs/collect.job.ts';
import { confirmJob } from './jobs/confirm.job.ts';
import { JobEvents } from './jobs/job-events.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { failAbandonedJobs } from './jobs/jobs.repo.ts';
import { jobsMessages } from './jobs/jobs.messages.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { sendInvoicesJob } from './jobs/send-invoices.job.ts';
import { syncJob } from './jobs/sync.job.ts';
import { createLogger } from './log.ts';
import { privateDir } from './private-files.ts';
import { ensureFirstAdmin } from './modules/auth/auth.service.ts';
import { createLoginLimiter } from './modules/auth/login-limiter.ts';

export type Started = {
  deps: AppDeps;
  server: http.Server | https.Server;
  url: string;
  oneTimePassword: string | undefined;
  scheduler: Scheduler;
  close(): Promise<void>;
};

export type StartOptions = {
  db?: Partial<DbOptions>;
  /** Where log lines go (stderr unless given; tests capture them). */
  logWrite?: (line: string) => void;
  /** How jobs reach the malls (tests use short retry delays). */
  connectorFor?: ConnectorFactory;
  /** Serve over HTTPS with this certificate (Office loads add-ins only over HTTPS). */
  tls?: { key: string; cert: string };
};

export async function startServer(config: Config, options: StartOptions = {}): Promise<Started> {
  const log = createLogger(config.logLevel, options.logWrite);
  // The data folder holds the SQLite database and the key to mall credentials: owner-only, also with PostgreSQL.
  privateDir(config.dataDir);
  const db = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'shipsheet.sqlite'), ...options.db });
  const ran = await migrateToLatest(db);
  if (ran.length) log.info('migrations applied', { migrations: ran });
  const secrets = createSecretBox(loadMasterKey(config.secretKey, config.dataDir));
  const admin = await ensureFirstAdmin(db, config.adminPassword);
  // Jobs of a server that stopped will not finish; say so rather than leave them "running" forever. A job beats
  // every 30 s while it runs, so two minutes of silence means its server is gone.
  await failAbandonedJobs(db, jobsMessages.server_stopped.ko, 120_000);

  const events = new JobEvents();
  const connectorFor = options.connectorFor ?? createConnectorFactory();
  const runner = new JobRunner({
    db,
    log,
    secrets,
    events,
    connectorFor,
    jobs: { collect: collectJob, confirm: confirmJob, send_invoices: sendInvoicesJob, sync: syncJob },
  });
  const deps: AppDeps = { config, db, log, secrets, limiter: createLoginLimiter(db), events, runner, connectorFor };
  const scheduler = startScheduler({ db, log, runner }, { everyMinutes: config.collectEveryMinutes });

  const app = createApp(deps);
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, app) : http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    deps,
    server,
    url: `${options.tls ? 'https' : 'http'}://localhost:${port}`,
    oneTimePassword: admin.oneTimePassword,
    scheduler,
    async close() {
      scheduler.stop();
      await runner.stopAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
    },
  };
}
