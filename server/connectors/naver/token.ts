// The OAuth2 client_credentials token (mall-apis.md §2.1): one per connector, reused until shortly before it
// expires, renewed on demand when Naver says it no longer works. Concurrent callers share one token request.
import { MallError, sendWithRetry, type RetryPolicy } from '../http.ts';
import { naverText } from './errors.ts';
import { clientSecretSign, isBcryptSalt } from './signature.ts';

export type TokenSourceOptions = {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  retry: RetryPolicy;
  now: () => Date;
  /** Ends the token request (a canceled job). */
  signal?: AbortSignal;
};

export type TokenSource = {
  get(): Promise<string>;
  /** Forget `token` (Naver answered 401 to it); the next get() asks for a new one. */
  invalidate(token: string): void;
};

/** Renew this long before expiry: 5 minutes for Naver's 3 h tokens, proportionally less for short ones. */
function renewMarginMs(expiresInSeconds: number): number {
  return Math.min(300, expiresInSeconds / 10) * 1000;
}

function mallDetail(body: unknown): string {
  if (body && typeof body === 'object') {
    const { code, message } = body as { code?: unknown; message?: unknown };
    return [code, message].filter((v) => typeof v === 'string' && v !== '').join(' ') || '-';
  }
  return '-';
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function request(): Promise<string> {
    if (!isBcryptSalt(options.clientSecret)) throw new MallError('auth', naverText('secret_format'));
    const res = await sendWithRetry(
      async () => {
        // A fresh timestamp (and signature) per attempt: Naver accepts it for 5 minutes only (§2.1).
        const timestamp = String(options.now().getTime());
        const form = new URLSearchParams({
          client_id: options.clientId,
          timestamp,
          grant_type: 'client_credentials',
          client_secret_sign: await clientSecretSign(options.clientId, timestamp, options.clientSecret),
          type: 'SELF',
        });
        return {
          method: 'POST',
          url: `${options.baseUrl}/v1/oauth2/token`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form.toString(),
        };
      },
      options.retry,
      { signal: options.signal },
    );
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      const detail = mallDetail(res.body);
      const code = (res.body as { code?: string } | null)?.code;
      const key = code === 'GW.IP_NOT_ALLOWED' ? 'ip_not_allowed' : 'auth_failed';
      throw new MallError('auth', naverText(key, { detail }), { status: res.status, body: res.body, ...(code ? { code } : {}) });
    }
    const body = res.body as { access_token?: unknown; expires_in?: unknown } | null;
    if (res.status !== 200 || !body || typeof body.access_token !== 'string' || body.access_token === '') {
      throw new MallError('bad_response', naverText('bad_response', { detail: `token HTTP ${res.status}` }), { status: res.status, body: res.body });
    }
    const expiresIn = Number(body.expires_in);
    const seconds = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 10800;
    cached = { token: body.access_token, renewAt: options.now().getTime() + seconds * 1000 - renewMarginMs(seconds) };
    return body.access_token;
  }

  return {
    async get() {
      if (cached && options.now().getTime() < cached.renewAt) return cached.token;
      pending ??= request().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
