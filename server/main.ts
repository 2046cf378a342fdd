// `npm start`: the whole product on the embedded default (or PostgreSQL when DATABASE_URL is set).
import { loadConfig } from './config.ts';
import { startServer } from './start.ts';

const config = loadConfig();
const started = await startServer(config);
const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.dataDir}/shipsheet.sqlite`;

// Printed to the console, never logged: this is the only time the one-time password is shown.
const lines = [
  '',
  `  ShipSheet is running: ${started.url}`,
  `  API:        ${started.url}/api/health  ·  ${started.url}/api/openapi.json`,
  `  Database:   ${where}`,
];
if (started.oneTimePassword) {
  lines.push(
    '',
    `  First sign-in: username "admin", one-time password ${started.oneTimePassword}`,
    '  (shown once; you will be asked to choose a new password)',
  );
}
process.stdout.write(lines.join('\n') + '\n\n');

const stop = async () => {
  await started.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
