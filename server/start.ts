// Builds the dependencies from configuration and starts serving. Used by main.ts and by tests that need a
// whole server (same start-up path as `npm start`).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createConnectorFactory, type ConnectorFactory } from './connectors/registry.ts';
import { createSecretBox, loadMasterKey } from './crypto/secret-box.ts';
import { migrateToLatest, withStartupLock } from './db/migrate.ts';
import { isPostgres, openDb, type DbOptions } from './db/knex.ts';
import { openPgChannel, type PgChannel } from './db/pg-channel.ts';
import type { AppDeps } from './deps.ts';
import { collectJob } from './jobs/collect.job.ts';
import { confirmJob } from './jobs/confirm.job.ts';
import { JobEvents } from './jobs/job-events.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { runnerAlive } from './jobs/jobs.repo.ts';
import { startScheduler, type Scheduler } from './jobs/scheduler.ts';
import { startRetentionSchedule } from './jobs/retention.schedule.ts';
import { startReturnPickupSchedule } from './jobs/return-pickup.schedule.ts';
import { sendInvoicesJob } from './jobs/send-invoices.job.ts';
import { claimDecisionsJob } from './jobs/claim-decisions.job.ts';
import { syncJob } from './jobs/sync.job.ts';
import { createLogger } from './log.ts';
import { privateDir } from './private-files.ts';
import { ensureFirstAdmin } from './modules/auth/auth.service.ts';
import { createLoginLimiter } from './modules/auth/login-limiter.ts';
import { answerClientErrors } from './http/client-errors.ts';

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
  const db = openDb({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'shipsheet.sqlite'),
    onCheckpointError: (error) => log.warn('sqlite checkpoint failed', { error }),
    ...options.db,
  });
  // Instances starting together on one PostgreSQL database take turns: migrations and the first admin once.
  const admin = await withStartupLock(db, async () => {
    const ran = await migrateToLatest(db);
    if (ran.length) log.info('migrations applied', { migrations: ran });
    return ensureFirstAdmin(db, config.adminPassword);
  });
  const secrets = createSecretBox(loadMasterKey(config.secretKey, config.dataDir));

  const instanceId = `instance-${randomUUID()}`;
  const events = new JobEvents();
  // PostgreSQL: several instances may share the database; they hear each other's jobs and tell who is alive.
  let channel: PgChannel | null = null;
  if (isPostgres(db)) {
    channel = await openPgChannel(db, { instanceId, log });
    events.connect(channel, instanceId, log);
  }
  const connectorFor = options.connectorFor ?? createConnectorFactory();
  const runner = new JobRunner({
    db,
    log,
    secrets,
    events,
    connectorFor,
    jobs: { collect: collectJob, confirm: confirmJob, send_invoices: sendInvoicesJob, sync: syncJob, claim_decisions: claimDecisionsJob },
    instanceId,
    heartbeatMs: config.jobHeartbeatMs,
    blockItems: config.bulkBlockItems,
    staleMs: config.jobStaleMs,
    ...(channel ? { runnerAlive: (id: string) => runnerAlive(db, id) } : {}),
  });
  // Jobs of a server that stopped will not finish: closed as failed with the reason, now and from now on.
  await runner.open();
  const deps: AppDeps = { config, db, log, secrets, limiter: createLoginLimiter(db), events, runner, connectorFor };
  const scheduler = startScheduler({ db, log, runner }, { everyMinutes: config.collectEveryMinutes, tickMs: config.scheduleTickMs });
  const retention = startRetentionSchedule({ db, log }, { days: config.retentionDays, enabled: config.retentionSchedule });
  const returnPickup = startReturnPickupSchedule({ db, log }, { days: config.returnPickupDays, enabled: config.returnPickupSchedule });

  const app = createApp(deps);
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, app) : http.createServer(app);
  answerClientErrors(server);
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
      retention.stop();
      returnPickup.stop();
      await runner.stopAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await channel?.close();
      await db.destroy();
    },
  };
}
