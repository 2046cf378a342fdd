// HTTP to the malls: one request with a timeout, retried with backoff when the failure is transient (429, 5xx,
// timeouts, connection errors, unreadable bodies), honouring Retry-After. Every attempt prepares its request
// again, so signatures carry a fresh timestamp and tokens can be renewed. Failures surface as MallError; a caller's
// abort signal (a canceled job, a stopping server) ends the request and any wait between retries at once, with
// the signal's AbortError.

import { render, type Text } from '../../shared/i18n.ts';

export type MallErrorKind = 'auth' | 'rate_limited' | 'transient' | 'rejected' | 'bad_response';

export class MallError extends Error {
  /** What an operator reads: a Message the edge renders in their language, or plain words (the mall's own). */
  readonly text: Text;
  constructor(
    readonly kind: MallErrorKind,
    text: Text,
    readonly details: { status?: number; code?: string; retryAfterSeconds?: number; body?: unknown } = {},
  ) {
    super(render(text, 'ko')); // as logs and stack traces read it; people read `text`
    this.name = 'MallError';
    this.text = text;
  }
}

export type RetryPolicy = {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  /** A Retry-After longer than this is not waited for: the call fails as rate-limited. */
  maxRetryAfterMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 300, maxDelayMs: 8000, timeoutMs: 20000, maxRetryAfterMs: 60000 };

export type PreparedRequest = { method: string; url: string; headers: Record<string, string>; body?: string };

export type MallResponse = { status: number; headers: Headers; body: unknown };

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** The error a caller's abort surfaces as (an AbortError unless the caller gave its own reason). */
function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted', 'AbortError');
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** How a body is read; malls whose ids outgrow JS numbers (Coupang's 18-digit box ids) pass a lossless parser. */
export type SendOptions = { parse?: (text: string) => unknown; signal?: AbortSignal | undefined };

async function attempt(req: PreparedRequest, timeoutMs: number, parse: (text: string) => unknown, caller?: AbortSignal): Promise<MallResponse> {
  let res: Response;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
  try {
    res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal });
  } catch (error) {
    if (caller?.aborted) throw abortReason(caller);
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new MallError('transient', timedOut ? `no answer within ${timeoutMs} ms` : `connection failed: ${(error as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  if (caller?.aborted) throw abortReason(caller);
  let body: unknown = null;
  if (text) {
    try {
      body = parse(text);
    } catch {
      // A gateway error page or a cut-off body: worth another try, then it is the mall's fault.
      throw new MallError('bad_response', `unreadable answer (HTTP ${res.status})`, { status: res.status });
    }
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * Sends `prepare()`'s request until it gets a final answer. 2xx and 4xx answers (other than 429) are returned
 * to the caller, which knows what its mall's 400/401/404 mean; what stays transient after the retries throws.
 */
export async function sendWithRetry(
  prepare: () => Promise<PreparedRequest> | PreparedRequest,
  policy: RetryPolicy = DEFAULT_RETRY,
  options: SendOptions = {},
): Promise<MallResponse> {
  const parse = options.parse ?? JSON.parse;
  let last: MallError | null = null;
  for (let n = 0; n <= policy.retries; n++) {
    if (n > 0) {
      const wait = last?.details.retryAfterSeconds !== undefined ? last.details.retryAfterSeconds * 1000 : backoff(n, policy);
      await sleep(wait, options.signal);
    }
    if (options.signal?.aborted) throw abortReason(options.signal);
    try {
      const res = await attempt(await prepare(), policy.timeoutMs, parse, options.signal);
      if (res.status === 429) {
        const after = retryAfterMs(res.headers);
        if (after !== undefined && after > policy.maxRetryAfterMs) {
          throw new MallError('rate_limited', `rate limited for ${Math.round(after / 1000)} s`, {
            status: 429,
            retryAfterSeconds: after / 1000,
            body: res.body,
          });
        }
        last = new MallError('rate_limited', 'rate limited', {
          status: 429,
          body: res.body,
          ...(after !== undefined ? { retryAfterSeconds: after / 1000 } : {}),
        });
        continue;
      }
      if (res.status >= 500) {
        last = new MallError('transient', `HTTP ${res.status}`, { status: res.status, body: res.body });
        continue;
      }
      return res;
    } catch (error) {
      if (!(error instanceof MallError) || (error.kind !== 'transient' && error.kind !== 'bad_response')) throw error;
      last = error;
    }
  }
  throw last ?? new MallError('transient', 'no answer');
}

/** Exponential backoff with full jitter, so many accounts retrying at once do not march in step. */
export function backoff(attemptNumber: number, policy: RetryPolicy): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptNumber - 1));
  return Math.round(cap / 2 + (Math.random() * cap) / 2);
}
