// The HTTPS certificate `npm start` serves with: Office only loads add-ins over HTTPS, also from localhost. It is
// made offline by office-addin-dev-certs (a local CA and a localhost certificate, pure JS) in the same folder the
// Office tools use (~/.office-addin-dev-certs), so a CA the user trusted once is reused. Trusting the CA needs
// admin rights, so it is not done here; `trustHint` says how.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import devCerts from 'office-addin-dev-certs';
import { privateDir, privateFileIfPresent, withPrivateUmask } from './private-files.ts';

export type DevCertificate = { key: string; cert: string; ca: string; caPath: string };

const RENEW_BEFORE_MS = 2 * 86400_000;

function stillGood(certPath: string): boolean {
  try {
    const cert = new X509Certificate(fs.readFileSync(certPath));
    return Date.parse(cert.validTo) - Date.now() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

export async function devCertificate(dir = path.join(os.homedir(), '.office-addin-dev-certs')): Promise<DevCertificate> {
  const caPath = path.join(dir, 'ca.crt');
  const certPath = path.join(dir, 'localhost.crt');
  const keyPath = path.join(dir, 'localhost.key');
  // The private key is the owner's only (600, folder 700): written so, and tightened again on every start.
  privateDir(dir);
  if (!fs.existsSync(keyPath) || !stillGood(certPath)) {
    await withPrivateUmask(() => devCerts.generateCertificates(caPath, certPath, keyPath, 30));
  }
  privateFileIfPresent(keyPath);
  return { key: fs.readFileSync(keyPath, 'utf8'), cert: fs.readFileSync(certPath, 'utf8'), ca: fs.readFileSync(caPath, 'utf8'), caPath };
}

/** How to make browsers and Office trust the local CA, for this operating system. */
export function trustHint(caPath: string): string {
  switch (process.platform) {
    case 'win32':
    case 'darwin':
      return 'npx office-addin-dev-certs install';
    default:
      return `sudo cp ${caPath} /usr/local/share/ca-certificates/office-addin-dev-certs.crt && sudo update-ca-certificates`;
  }
}
