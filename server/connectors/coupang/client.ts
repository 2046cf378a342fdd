// One signed call to the WING Open API: the query string is built once and signed exactly as it goes on the wire
// (mall-apis.md §1.1), the signature is recomputed on every attempt, bodies are read losslessly, and refusals
// become MallErrors with Korean messages. 2xx answers are checked against a zod shape by the caller's schema.
import type { z } from 'zod';
import { DEFAULT_RETRY, MallError, sendWithRetry, type RetryPolicy } from '../http.ts';
import { coupangText } from './coupang.messages.ts';
import { parseLossless, stringifyLossless } from './json.ts';
import { ceaAuthorization } from './signature.ts';

export type CoupangCredentials = { vendor_id: string; access_key: string; secret_key: string };

export type ClientOptions = {
  baseUrl: string;
  credentials: CoupangCredentials;
  retry?: RetryPolicy;
  now?: () => Date;
  /** Ends every call of this client (a canceled job). */
  signal?: AbortSignal;
};

/** Query parameters in the order they are sent; undefined values are left out. */
export type Query = ReadonlyArray<readonly [string, string | number | undefined]>;

export type CoupangClient = {
  readonly vendorId: string;
  /** `/v2/providers/openapi/apis/api/{version}/vendors/{vendorId}/{rest}`. */
  vendorPath(version: 'v4' | 'v6', rest: string): string;
  get<S extends z.ZodType>(schema: S, path: string, query?: Query): Promise<z.output<S>>;
  send<S extends z.ZodType>(schema: S, method: 'PATCH' | 'PUT' | 'POST', path: string, body: unknown): Promise<z.output<S>>;
};

export function encodeQuery(query: Query): string {
  return query
    .filter((pair): pair is readonly [string, string | number] => pair[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function mallMessage(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['message', 'errorMessage', 'error']) if (typeof b[key] === 'string' && b[key]) return b[key] as string;
  }
  return typeof body === 'string' && body ? body.slice(0, 200) : '-';
}

/** Coupang's envelope `code` when the HTTP status says success: 200, "200" or "SUCCESS" (§1.3, parse leniently). */
function envelopeOk(body: unknown): boolean {
  if (!body || typeof body !== 'object' || !('code' in body)) return true;
  const code = (body as { code: unknown }).code;
  return code === undefined || code === null || String(code) === '200' || String(code).toUpperCase() === 'SUCCESS';
}

export function createCoupangClient(options: ClientOptions): CoupangClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const { vendor_id: vendorId, access_key: accessKey, secret_key: secretKey } = options.credentials;
  const retry = options.retry ?? DEFAULT_RETRY;
  const now = options.now ?? (() => new Date());

  async function call(method: string, path: string, query: string, body: string | undefined): Promise<unknown> {
    const res = await sendWithRetry(
      () => ({
        method,
        url: `${baseUrl}${path}${query ? `?${query}` : ''}`,
        headers: {
          Authorization: ceaAuthorization({ accessKey, secretKey, method, path, query, now: now() }),
          'Content-Type': 'application/json;charset=UTF-8',
          'X-Requested-By': vendorId,
        },
        ...(body !== undefined ? { body } : {}),
      }),
      retry,
      { parse: parseLossless, signal: options.signal },
    );
    const message = mallMessage(res.body);
    if (res.status === 401) {
      // §1.1: "Invalid signature" or "Specified signature is expired" (clock skew).
      const expired = /expired/i.test(message);
      throw new MallError('auth', coupangText(expired ? 'signature_expired' : 'auth_failed'), { status: 401, body: res.body });
    }
    if (res.status === 403) throw new MallError('auth', coupangText('forbidden'), { status: 403, body: res.body });
    if (res.status >= 400 || res.status < 200) {
      throw new MallError('rejected', coupangText('rejected', { status: res.status, message }), { status: res.status, body: res.body });
    }
    if (!envelopeOk(res.body)) {
      const code = String((res.body as { code: unknown }).code);
      throw new MallError('rejected', coupangText('rejected', { status: res.status, message: `${code} ${message}` }), {
        status: res.status,
        code,
        body: res.body,
      });
    }
    return res.body;
  }

  function decode<S extends z.ZodType>(schema: S, body: unknown, path: string): z.output<S> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const detail = `${path}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unexpected shape'}`;
    throw new MallError('bad_response', coupangText('bad_response', { detail }), { body });
  }

  return {
    vendorId,
    vendorPath: (version, rest) => `/v2/providers/openapi/apis/api/${version}/vendors/${encodeURIComponent(vendorId)}/${rest}`,
    async get(schema, path, query = []) {
      return decode(schema, await call('GET', path, encodeQuery(query), undefined), path);
    },
    async send(schema, method, path, body) {
      return decode(schema, await call(method, path, '', stringifyLossless(body)), path);
    },
  };
}
