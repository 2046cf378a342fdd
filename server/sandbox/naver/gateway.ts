// What Naver's API gateway does before a request reaches the pay-order service: Bearer token check
// (401 GW.AUTHN), a token bucket per API × application (429 GW.RATE_LIMIT with the GNCP-GW-RateLimit-* headers,
// mall-apis.md §2.8), plus the sandbox's own request log and injected faults.
import type { NextFunction, Request, Response } from 'express';
import type { FaultQueue } from '../faults.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { sendError } from './envelope.ts';
import type { NaverStore } from './store.ts';
import type { TokenIssuer } from './token.ts';

/** Only Naver's API goes through the gateway; /_sandbox and unknown paths do not. */
const isApi = (req: Request) => req.path.startsWith('/v1/');

/** Kept calls; a sandbox left running under `npm start` must not grow without end. */
const LOG_LIMIT = 10_000;

/** Every /v1 call, with its query and body, so tests can assert on what the connector sent. */
export function requestLog(store: NaverStore) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isApi(req)) return next();
    const isToken = req.path.endsWith('/oauth2/token');
    const entry = {
      method: req.method,
      path: req.path,
      query: Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, String(v)])),
      // The token form carries a signature: not worth keeping.
      body: isToken ? null : (req.body as unknown),
      status: 0,
      at: Date.now(),
    };
    store.requests.push(entry);
    if (store.requests.length > LOG_LIMIT) store.requests.splice(0, store.requests.length - LOG_LIMIT);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    next();
  };
}

export function injectFaults(faults: FaultQueue) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!isApi(req) || !(await faults.apply(req, res))) next();
  };
}

export function requireToken(tokens: TokenIssuer) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isApi(req)) return next();
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const clientId = token ? tokens.check(token) : null;
    if (!clientId) return sendError(res, 401, 'GW.AUTHN', '인증 토큰이 없거나 만료되었습니다.');
    res.locals.clientId = clientId;
    next();
  };
}

export function rateLimit(limiter: RateLimiter | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!limiter || !isApi(req)) return next();
    res.set('GNCP-GW-RateLimit-Replenish-Rate', String(limiter.rate));
    res.set('GNCP-GW-RateLimit-Burst-Capacity', String(limiter.burst));
    const wait = limiter.take(`${String(res.locals.clientId)} ${req.method} ${req.path}`);
    if (wait === 0) return next();
    res.set('GNCP-GW-RateLimit-Remaining', '0');
    res.set('Retry-After', String(wait));
    sendError(res, 429, 'GW.RATE_LIMIT', '요청이 너무 많습니다. 잠시 후 다시 시도하세요.');
  };
}
