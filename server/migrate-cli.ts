// `npm run migrate`: bring the configured database up to date without starting the server.
import path from 'node:path';
import { loadConfig } from './config.ts';
import { openDb } from './db/knex.ts';
import { migrateToLatest } from './db/migrate.ts';

const config = loadConfig();
const db = openDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'shipsheet.sqlite') });
try {
  const ran = await migrateToLatest(db);
  process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'already up to date\n');
} finally {
  await db.destroy();
}
