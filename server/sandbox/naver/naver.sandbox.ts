// A local Naver Commerce API (mall-apis.md §2) for tests and `npm start`: the same paths as
// https://api.commerce.naver.com/external, bcrypt-signed tokens, paging, per-item results, rate limits and
// injectable faults, plus an admin API under /_sandbox. Listens on 127.0.0.1 only.
import { listenOnLoopback } from '../listen.ts';
import express, { type NextFunction, type Request, type Response } from 'express';
import { FaultQueue } from '../faults.ts';
import { RateLimiter } from '../rate-limit.ts';
import { adminRoutes } from './admin.routes.ts';
import { claimRoutes } from './claim.routes.ts';
import { dispatchRoutes } from './dispatch.routes.ts';
import { sendError } from './envelope.ts';
import { injectFaults, rateLimit, requestLog, requireToken } from './gateway.ts';
import { ordersRoutes } from './orders.routes.ts';
import { seedInitialOrders } from './seed.ts';
import { NaverStore } from './store.ts';
import { TokenIssuer } from './token.ts';

export type NaverSandboxOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  clientId: string;
  /** A bcrypt salt, as Naver issues secrets: `$2a$04$` + 22 characters. */
  clientSecret: string;
  seed?: number;
  /** Paid orders created at start, spread over the last three days. */
  initialOrders?: number;
  /** The seed of what is made after the initial orders (npm start gives each start its own). */
  laterSeed?: number;
  /** Requests per second and burst per API × application; no limit when omitted. */
  rateLimit?: { rate: number; burst: number };
  tokenTtlSeconds?: number;
};

export type NaverSandbox = { url: string; close(): Promise<void>; store: NaverStore };

export async function startNaverSandbox(options: NaverSandboxOptions): Promise<NaverSandbox> {
  if (!/^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{22}$/.test(options.clientSecret))
    throw new Error('clientSecret must be a bcrypt salt ($2a$04$ + 22 characters)');
  const store = new NaverStore(options.seed ?? 1);
  const faults = new FaultQueue();
  const tokens = new TokenIssuer(options.clientId, options.clientSecret, options.tokenTtlSeconds ?? 10800);
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit.rate, options.rateLimit.burst) : null;
  const reset = () => {
    store.reset();
    faults.clear();
    seedInitialOrders(store, options.initialOrders ?? 0);
  };
  seedInitialOrders(store, options.initialOrders ?? 0);
  if (options.laterSeed !== undefined) store.continueWith(options.laterSeed);

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '5mb' }));
  app.use(express.urlencoded({ extended: false }));
  app.use(adminRoutes({ store, faults, tokens, reset }));
  // Not mounted under /v1, so req.path stays the full path that fault filters and the request log see.
  app.use(requestLog(store), injectFaults(faults));
  app.post('/v1/oauth2/token', tokens.handler(store));
  app.use(requireToken(tokens), rateLimit(limiter));
  app.use(ordersRoutes(store));
  app.use(dispatchRoutes(store));
  app.use(claimRoutes(store));
  app.use((_req: Request, res: Response) => sendError(res, 404, '4040', '요청한 API를 찾을 수 없습니다.'));
  // Unreadable JSON and the like: a 400 in Naver's error shape.
  app.use((error: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    sendError(res, status, status === 500 ? '9999' : '4000', status === 500 ? '일시적인 오류입니다.' : '요청 본문을 읽을 수 없습니다.');
  });

  const { url, close } = await listenOnLoopback(app, options.port);
  return { url, store, close };
}
