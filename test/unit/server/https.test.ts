import assert from 'node:assert/strict';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { devCertificate, type DevCertificate } from '../../../server/dev-certificate.ts';
import { startServer, type Started } from '../../../server/start.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipsheet-https-'));
let cert: DevCertificate;
let s: Started;

beforeAll(async () => {
  cert = await devCertificate(path.join(dir, 'certs'));
  s = await startServer(
    loadConfig({
      PORT: '0',
      SHIPSHEET_DATA_DIR: path.join(dir, 'data'),
      SHIPSHEET_ADMIN_PASSWORD: 'https-admin-password',
      LOG_LEVEL: 'silent',
      SHIPSHEET_COLLECT_EVERY_MINUTES: '0',
    }),
    { tls: cert },
  );
});
afterAll(async () => {
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, ca ? { ca } : { rejectUnauthorized: true }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('HTTPS for Office', () => {
  it('serves https://localhost with a certificate the local CA signs', async () => {
    assert.match(s.url, /^https:\/\/localhost:\d+$/);
    const res = await get(`${s.url}/api/health`, cert.ca);
    assert.equal(res.status, 200);
    assert.equal(JSON.parse(res.body).status, 'ok');
  });

  it('a client that does not trust the local CA is refused', async () => {
    await assert.rejects(get(`${s.url}/api/health`), /self[- ]signed|unable to verify|certificate/i);
  });

  it('reuses a certificate that is still valid', async () => {
    const again = await devCertificate(path.join(dir, 'certs'));
    assert.equal(again.cert, cert.cert);
  });
});
