// CEA request signing for the Coupang WING Open API (mall-apis.md §1.1). Every request carries its own signature
// over the signed-date, the method, the path and the raw query as sent; the body is not signed. Signing happens
// per attempt (sendWithRetry's prepare), so a retried request carries a fresh signed-date.
import { createHmac } from 'node:crypto';

/** UTC time as `yyMMdd'T'HHmmss'Z'` (two-digit year), e.g. `250301T061522Z`. */
export function signedDate(now: Date): string {
  const iso = now.toISOString(); // 2025-03-01T06:15:22.123Z
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** signed-date + METHOD + path + query, with no separators; `query` is the encoded string after `?`, or ''. */
export function stringToSign(date: string, method: string, path: string, query: string): string {
  return date + method.toUpperCase() + path + query;
}

/** Lowercase hex HMAC-SHA256 of the message, keyed with the secret key's UTF-8 bytes. */
export function ceaSignature(secretKey: string, message: string): string {
  return createHmac('sha256', Buffer.from(secretKey, 'utf8')).update(message, 'utf8').digest('hex');
}

export type SignInput = { accessKey: string; secretKey: string; method: string; path: string; query: string; now: Date };

/** The Authorization header value for one request. */
export function ceaAuthorization({ accessKey, secretKey, method, path, query, now }: SignInput): string {
  const date = signedDate(now);
  const signature = ceaSignature(secretKey, stringToSign(date, method, path, query));
  return `CEA algorithm=HmacSHA256, access-key=${accessKey}, signed-date=${date}, signature=${signature}`;
}
