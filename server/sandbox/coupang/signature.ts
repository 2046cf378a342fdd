// Checks the CEA signature the way the WING gateway does (mall-apis.md §1.1): recomputed from the raw request
// target (path and query exactly as sent, split at the first '?'), the method and the signed-date, with the
// secret of the access key named in the header. Written apart from the connector's signer on purpose: a shared
// mistake would otherwise pass unnoticed.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The gateway's tolerance for clock skew is not published (§5); five minutes is the common assumption. */
export const MAX_SKEW_MS = 5 * 60_000;

export type Verdict = { ok: true; accessKey: string } | { ok: false; message: string };

/** `CEA algorithm=HmacSHA256, access-key=…, signed-date=…, signature=…`, with `, ` or `,` between fields. */
export function parseCeaHeader(header: string | undefined): Record<string, string> | null {
  const m = /^\s*CEA\s+(.+)$/i.exec(header ?? '');
  if (!m) return null;
  const fields: Record<string, string> = {};
  for (const part of m[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
  }
  return fields;
}

/** `yyMMddTHHmmssZ` (UTC) → epoch ms, or NaN. */
export function parseSignedDate(text: string): number {
  const m = /^(\d{2})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return NaN;
  const [, yy, mo, dd, hh, mi, ss] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(2000 + yy, mo - 1, dd, hh, mi, ss);
}

export function verifyCea(input: {
  header: string | undefined;
  method: string;
  originalUrl: string;
  secretFor: (accessKey: string) => string | undefined;
  now?: number;
}): Verdict {
  const fields = parseCeaHeader(input.header);
  if (!fields) return { ok: false, message: 'Missing or malformed CEA authorization header.' };
  const accessKey = fields['access-key'] ?? '';
  const date = fields['signed-date'] ?? '';
  const given = fields['signature'] ?? '';
  if (fields['algorithm'] !== 'HmacSHA256') return { ok: false, message: 'Unsupported algorithm.' };
  const secret = input.secretFor(accessKey);
  if (secret === undefined) return { ok: false, message: 'Invalid access key.' };
  const signedAt = parseSignedDate(date);
  if (Number.isNaN(signedAt)) return { ok: false, message: 'Invalid signed-date.' };
  if (Math.abs((input.now ?? Date.now()) - signedAt) > MAX_SKEW_MS) return { ok: false, message: 'Specified signature is expired.' };
  const q = input.originalUrl.indexOf('?');
  const path = q < 0 ? input.originalUrl : input.originalUrl.slice(0, q);
  const query = q < 0 ? '' : input.originalUrl.slice(q + 1);
  const expected = createHmac('sha256', secret).update(`${date}${input.method.toUpperCase()}${path}${query}`).digest();
  const actual = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(0);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, message: 'Invalid signature.' };
  return { ok: true, accessKey };
}
