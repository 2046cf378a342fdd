// What the app needs from outside, built once in main.ts (or by a test) and handed to createApp.
import type { Config } from './config.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { Db } from './db/knex.ts';
import type { Logger } from './log.ts';
import type { JobEvents } from './jobs/job-events.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { ConnectorFactory } from './connectors/registry.ts';
import type { LoginLimiter } from './modules/auth/login-limiter.ts';

export type AppDeps = {
  config: Config;
  db: Db;
  log: Logger;
  secrets: SecretBox;
  limiter: LoginLimiter;
  events: JobEvents;
  runner: JobRunner;
  connectorFor: ConnectorFactory;
};
