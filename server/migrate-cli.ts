// `npm run migrate`: bring the configured database up to date without starting the server.
import path from 'node:path';
import { loadConfig } from './config.ts';
import { openDb } from './db/knex.ts';
import { migrateToLatest, withStartupLock } from './db/migrate.ts';

const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'shipsheet.sqlite') });
try {
  // Takes turns with servers starting on the same database.
  const ran = await withStartupLock(db, () => migrateToLatest(db));
  process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'already up to date\n');
} finally {
  await db.destroy();
}
