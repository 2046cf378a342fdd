// Configuration comes from environment variables only (README lists them); nothing else reads process.env.
import path from 'node:path';

/** Items per transaction of a big bulk call by default: on SQLite about a tenth of a second of work. */
export const DEFAULT_BULK_BLOCK_ITEMS = 2000;

export type Config = {
  port: number;
  dataDir: string;
  /** postgres://… to use PostgreSQL; undefined means the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  adminPassword: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Express "trust proxy": off unless a reverse proxy in front sets X-Forwarded-For (e.g. "loopback"). */
  trustProxy: string | false;
  /** Start the sandbox malls with one connected account each (the default for `npm start`). */
  sandbox: boolean;
  /** Minutes between automatic collections; 0 turns the schedule off. */
  collectEveryMinutes: number;
  /** How often the schedule looks for due accounts (ms); by default a twelfth of the interval, at most 5 s. */
  scheduleTickMs: number | undefined;
  /** How often a running job records that it is alive, and how long without that means nobody runs it (ms). */
  jobHeartbeatMs: number;
  jobStaleMs: number;
  /** `npm start` serves HTTPS with a local development certificate unless this is off. */
  https: boolean;
  /** The most items (or sheet rows) a bulk call applies in one transaction; a bigger call is applied in blocks. */
  bulkBlockItems: number;
  /** Every answer is checked against its route's response schema, a mismatch is a 500 (the tests turn this on). */
  validateResponses: boolean;
  /** Days an order stays closed before its recipient data is masked for good (server/modules/retention). */
  retentionDays: number;
  /** The daily retention run; off in tests, which run it by hand. */
  retentionSchedule: boolean;
  /** Days after which a requested, uncompleted return counts as a delayed pickup (회수지연, server/modules/cs). */
  returnPickupDays: number;
  /** The hourly delayed-return check; off in tests, which read the list (which checks too). */
  returnPickupSchedule: boolean;
};

function minutes(value: string | undefined): number {
  if (value === undefined || value === '') return 10;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`SHIPSHEET_COLLECT_EVERY_MINUTES must be a number of minutes (0 = off), got "${value}"`);
  return n;
}

/** A positive number of seconds from the environment (fractions allowed: tests use short ones), in ms. */
function seconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number of seconds, got "${value}"`);
  return n * 1000;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const heartbeat = seconds('SHIPSHEET_JOB_HEARTBEAT_SECONDS', env.SHIPSHEET_JOB_HEARTBEAT_SECONDS, 15);
  const stale = seconds('SHIPSHEET_JOB_STALE_SECONDS', env.SHIPSHEET_JOB_STALE_SECONDS, 60);
  // A live job must beat at least twice within the staleness, or a slow beat would close it.
  if (stale < heartbeat * 2) throw new Error('SHIPSHEET_JOB_STALE_SECONDS must be at least twice SHIPSHEET_JOB_HEARTBEAT_SECONDS');
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel))
    throw new Error(`LOG_LEVEL "${env.LOG_LEVEL}" is not one of debug, info, warn, error, silent`);
  return {
    port,
    dataDir: path.resolve(env.SHIPSHEET_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: env.SHIPSHEET_SECRET_KEY || undefined,
    adminPassword: env.SHIPSHEET_ADMIN_PASSWORD || undefined,
    logLevel,
    trustProxy: env.SHIPSHEET_TRUST_PROXY || false,
    // Sandbox orders are sample data: on by default only for the embedded database, never silently in PostgreSQL.
    sandbox: (env.SHIPSHEET_SANDBOX ?? (env.DATABASE_URL ? 'off' : 'on')) !== 'off',
    collectEveryMinutes: minutes(env.SHIPSHEET_COLLECT_EVERY_MINUTES),
    scheduleTickMs: env.SHIPSHEET_SCHEDULE_TICK_SECONDS
      ? seconds('SHIPSHEET_SCHEDULE_TICK_SECONDS', env.SHIPSHEET_SCHEDULE_TICK_SECONDS, 5)
      : undefined,
    jobHeartbeatMs: heartbeat,
    jobStaleMs: stale,
    https: (env.SHIPSHEET_HTTPS ?? 'on') !== 'off',
    bulkBlockItems: positiveInteger('SHIPSHEET_BULK_BLOCK_ITEMS', env.SHIPSHEET_BULK_BLOCK_ITEMS, DEFAULT_BULK_BLOCK_ITEMS),
    validateResponses: env.SHIPSHEET_VALIDATE_RESPONSES === '1',
    retentionDays: positiveInteger('SHIPSHEET_RETENTION_DAYS', env.SHIPSHEET_RETENTION_DAYS, 90),
    retentionSchedule: (env.SHIPSHEET_RETENTION_SCHEDULE ?? 'on') !== 'off',
    returnPickupDays: positiveInteger('SHIPSHEET_RETURN_PICKUP_DAYS', env.SHIPSHEET_RETURN_PICKUP_DAYS, 3),
    returnPickupSchedule: (env.SHIPSHEET_RETURN_PICKUP_SCHEDULE ?? 'on') !== 'off',
  };
}
