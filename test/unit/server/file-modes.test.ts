// Personal data and keys on disk are the owner's only: the data folder 700, the SQLite database with its -wal and
// -shm, the credentials key and the HTTPS key 600, when made and again after a restart with loosened modes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { devCertificate } from '../../../server/dev-certificate.ts';
import { startServer } from '../../../server/start.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-modes-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

describe('file modes', () => {
  const dataDir = path.join(root, 'data');
  const db = path.join(dataDir, 'shipsheet.sqlite');
  const privateFiles = [db, `${db}-wal`, `${db}-shm`, path.join(dataDir, 'secret.key')];
  const config = loadConfig({
    PORT: '0',
    SHIPSHEET_DATA_DIR: dataDir,
    SHIPSHEET_ADMIN_PASSWORD: 'modes-admin-password',
    LOG_LEVEL: 'silent',
    SHIPSHEET_COLLECT_EVERY_MINUTES: '0',
  });

  /** Starts the server, writes (the -wal grows, -shm is in use), and checks every file while it runs. */
  async function startWriteAndCheck(): Promise<void> {
    const s = await startServer(config);
    try {
      await s.deps.db('audit_log').insert({ at: new Date().toISOString(), actor_type: 'system', action: 'file_modes_test' });
      assert.equal(mode(dataDir), '700', 'data folder');
      for (const file of privateFiles) assert.equal(mode(file), '600', path.basename(file));
    } finally {
      await s.close();
    }
  }

  it('a new data folder is made owner-only, with the database, -wal, -shm and key 600', async () => {
    // The umask most systems run with: it alone would leave files 644 and folders 755.
    const previous = process.umask(0o022);
    try {
      await startWriteAndCheck();
    } finally {
      process.umask(previous);
    }
  });

  it('a restart tightens modes someone loosened', async () => {
    fs.chmodSync(dataDir, 0o755);
    for (const file of privateFiles) if (fs.existsSync(file)) fs.chmodSync(file, 0o644);
    // Left over from a run that stopped uncleanly, readable by all.
    fs.writeFileSync(`${db}-wal`, '', { mode: 0o644 });
    fs.chmodSync(`${db}-wal`, 0o644);
    const previous = process.umask(0o022);
    try {
      await startWriteAndCheck();
    } finally {
      process.umask(previous);
    }
  });

  it('the HTTPS key is 600 in a 700 folder, also after its mode was loosened', async () => {
    const dir = path.join(root, 'certs');
    const previous = process.umask(0o022);
    try {
      await devCertificate(dir);
      assert.equal(mode(dir), '700');
      assert.equal(mode(path.join(dir, 'localhost.key')), '600');
      fs.chmodSync(path.join(dir, 'localhost.key'), 0o644);
      fs.chmodSync(dir, 0o755);
      await devCertificate(dir);
      assert.equal(mode(dir), '700');
      assert.equal(mode(path.join(dir, 'localhost.key')), '600');
    } finally {
      process.umask(previous);
    }
  });
});
