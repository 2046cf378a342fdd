// Authenticated calls to the Commerce API: Bearer token, JSON, retries through sendWithRetry, and one token renewal
// when Naver answers 401 GW.AUTHN (a token expired or was revoked early, mall-apis.md §2.1). Any other non-2xx
// answer becomes a MallError carrying Naver's code, so callers can turn it into per-line outcomes.
import { MallError, sendWithRetry, type RetryPolicy } from '../http.ts';
import { describeCode, naverText } from './errors.ts';
import type { TokenSource } from './token.ts';

export type NaverClient = {
  get(path: string, query: Record<string, string>): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
};

function naverError(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== 'object') return {};
  const { code, message } = body as { code?: unknown; message?: unknown };
  return { ...(typeof code === 'string' ? { code } : {}), ...(typeof message === 'string' ? { message } : {}) };
}

export function createNaverClient(baseUrl: string, tokens: TokenSource, retry: RetryPolicy, signal?: AbortSignal): NaverClient {
  async function call(method: 'GET' | 'POST', path: string, query: Record<string, string> | null, body: unknown): Promise<unknown> {
    // URLSearchParams encodes the `+` of `+09:00` as %2B, as Naver requires (§2.2); a raw `+` would read as a space.
    const url = `${baseUrl}${path}${query ? `?${new URLSearchParams(query).toString()}` : ''}`;
    const send = (token: string) =>
      sendWithRetry(
        () => ({
          method,
          url,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        retry,
        { signal },
      );

    let token = await tokens.get();
    let res = await send(token);
    if (res.status === 401) {
      tokens.invalidate(token);
      token = await tokens.get();
      res = await send(token);
      if (res.status === 401) {
        const { code, message } = naverError(res.body);
        throw new MallError('auth', naverText('token_rejected', { detail: [code, message].filter(Boolean).join(' ') || 'HTTP 401' }), {
          status: 401,
          body: res.body,
          ...(code ? { code } : {}),
        });
      }
    }
    if (res.status >= 200 && res.status < 300) {
      if (!res.body || typeof res.body !== 'object') {
        throw new MallError('bad_response', naverText('bad_response', { detail: `${path}: HTTP ${res.status} without JSON` }), {
          status: res.status,
        });
      }
      return res.body;
    }
    const { code, message } = naverError(res.body);
    if (res.status === 403) {
      throw new MallError(
        'auth',
        code === 'GW.IP_NOT_ALLOWED'
          ? naverText('ip_not_allowed')
          : naverText('forbidden', { detail: [code, message].filter(Boolean).join(' ') || 'HTTP 403' }),
        {
          status: 403,
          body: res.body,
          ...(code ? { code } : {}),
        },
      );
    }
    // The range limit has its own operator text; other whole-call refusals show Naver's code and words.
    const detail = code === '104139' ? describeCode(code) : [code ?? `HTTP ${res.status}`, message].filter(Boolean).join(' ');
    throw new MallError('rejected', naverText('call_rejected', { detail }), {
      status: res.status,
      body: res.body,
      ...(code ? { code } : {}),
    });
  }

  return {
    get: (path, query) => call('GET', path, query, undefined),
    post: (path, body) => call('POST', path, null, body),
  };
}
