// `npm start`: the whole product on the embedded default (or PostgreSQL when DATABASE_URL is set), with sandbox
// malls and an account connected to each unless SHIPSHEET_SANDBOX=off.
import { startBanner } from './banner.ts';
import { loadConfig } from './config.ts';
import { devCertificate, trustHint, type DevCertificate } from './dev-certificate.ts';
import { startDevSandboxes, type DevSandboxes } from './sandbox/dev-sandboxes.ts';
import { startServer } from './start.ts';

const config = loadConfig();
let certificate: DevCertificate | null = null;
if (config.https) {
  try {
    certificate = await devCertificate();
  } catch (error) {
    process.stderr.write(`Could not make a local HTTPS certificate (${(error as Error).message}); serving plain HTTP. Excel needs HTTPS.\n`);
  }
}
const started = await startServer(config, certificate ? { tls: certificate } : {});
const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.dataDir}/shipsheet.sqlite`;

let sandboxes: DevSandboxes | null = null;
if (config.sandbox) {
  sandboxes = await startDevSandboxes(started.deps);
  // Collect right away, so the first look at ShipSheet already shows orders.
  for (const account of sandboxes.accounts) {
    await started.deps.runner
      .start({ type: 'collect', accountId: account.id, actor: { type: 'system', id: null }, trigger: 'auto' })
      .catch((error: Error) => started.deps.log.warn('first sandbox collect not started', { mall_account_id: account.id, error }));
  }
}

// Printed to the console, never logged: this is the only time the one-time password is shown.
process.stdout.write(
  startBanner({
    url: started.url,
    database: where,
    sandboxes: sandboxes?.accounts ?? null,
    trustHint: certificate ? trustHint(certificate.caPath) : null,
    oneTimePassword: started.oneTimePassword ?? null,
  }),
);

const stop = async () => {
  await started.close();
  await sandboxes?.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
