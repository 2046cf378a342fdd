// client_secret_sign for the Naver token request (mall-apis.md §2.1): bcrypt of `${client_id}_${timestamp}` with the
// application's client secret as the salt (the secret *is* a bcrypt salt, `$2a$04$` + 22 characters), then standard
// Base64 of the resulting hash text. The secret itself never leaves this process.
import bcrypt from 'bcryptjs';

/** A bcrypt salt as Naver issues secrets: version, two-digit cost, 22 characters of bcrypt's Base64 alphabet. */
const SALT_SHAPE = /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{22}/;

export function isBcryptSalt(secret: string): boolean {
  return SALT_SHAPE.test(secret);
}

/** Async so that a higher-cost secret does not block the event loop while a job runs. */
export async function clientSecretSign(clientId: string, timestamp: string, clientSecret: string): Promise<string> {
  if (!isBcryptSalt(clientSecret)) throw new TypeError('client secret is not a bcrypt salt');
  const hashed = await bcrypt.hash(`${clientId}_${timestamp}`, clientSecret);
  return Buffer.from(hashed, 'utf8').toString('base64');
}
