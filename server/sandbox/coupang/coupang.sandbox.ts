// A local Coupang WING (PRODUCT.md §5): the Open API paths of mall-apis.md §1 on 127.0.0.1, with CEA signature
// checks, the vendorId of the path bound to the key, day-window and page-size limits, per-item action results,
// a token bucket per vendor (429 + Retry-After, §1.9) and injectable faults, plus the admin API of admin.routes.ts.
import { listenOnLoopback } from '../listen.ts';
import express, { type NextFunction, type Request, type Response } from 'express';
import { RateLimiter } from '../rate-limit.ts';
import { adminRoutes } from './admin.routes.ts';
import { claimActionsRoutes } from './claim-actions.routes.ts';
import { claimsRoutes } from './claims.routes.ts';
import { createOrders } from './generate.ts';
import { invoicesRoutes } from './invoices.routes.ts';
import { ordersRoutes } from './orders.routes.ts';
import { queryOf } from './request.ts';
import { verifyCea } from './signature.ts';
import { CoupangStore } from './store.ts';
import { sendError } from './views.ts';

export type CoupangSandboxOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  vendorId: string;
  accessKey: string;
  secretKey: string;
  seed?: number;
  /** Paid orders created at start and after each reset. */
  initialOrders?: number;
  /** The seed of what is made after the initial orders (npm start gives each start its own). */
  laterSeed?: number;
  /** Requests a second and burst per vendor; Coupang allows about 10 a second (§1.9). */
  rateLimit?: { rate: number; burst: number };
};

export type CoupangSandbox = { url: string; store: CoupangStore; close(): Promise<void> };

const API_PREFIX = '/v2/';
const VENDOR_IN_PATH = /\/vendors\/([^/?]+)/;

export async function startCoupangSandbox(options: CoupangSandboxOptions): Promise<CoupangSandbox> {
  const store = new CoupangStore(options.vendorId, options.seed ?? 1);
  const seedOrders = () => {
    if (options.initialOrders) createOrders(store, { count: options.initialOrders });
  };
  seedOrders();
  if (options.laterSeed !== undefined) store.continueWith(options.laterSeed);
  const limiter = new RateLimiter(options.rateLimit?.rate ?? 10, options.rateLimit?.burst ?? 10);

  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/_sandbox',
    adminRoutes(store, () => {
      store.reset();
      seedOrders();
    }),
  );

  // Every API request is logged with its final status, for tests to count pages, windows and refusals.
  // Mounted without a path so that req.path stays whole: fault `path` filters match the full API path.
  const api = (req: Request) => req.path.startsWith(API_PREFIX);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!api(req)) return next();
    const q = queryOf(req);
    res.on('finish', () => {
      store.requests.push({
        method: req.method,
        path: req.originalUrl.split('?')[0]!,
        query: Object.fromEntries(q),
        status: res.statusCode,
        ...(typeof res.locals.items === 'number' ? { items: res.locals.items } : {}),
      });
    });
    next();
  });

  // Bodies stay text until parsed losslessly (request.ts), so 18-digit ids survive. Read before the faults, as a
  // real gateway receives the whole request first: a request held by a delay fault is still carried out after its
  // sender has gone (a server killed mid-call), like the Naver sandbox.
  app.use(API_PREFIX, express.text({ type: () => true, limit: '5mb' }));

  // The gateway in front: faults first (they stand for the gateway misbehaving), then signature, then the bucket.
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    if (!api(req)) return next();
    if (await store.faults.apply(req, res)) return;
    const verdict = verifyCea({
      header: req.get('authorization'),
      method: req.method,
      originalUrl: req.originalUrl,
      secretFor: (key) => (key === options.accessKey ? options.secretKey : undefined),
    });
    if (!verdict.ok) return sendError(res, 401, verdict.message);
    const vendor = VENDOR_IN_PATH.exec(req.originalUrl)?.[1];
    if (vendor !== undefined && decodeURIComponent(vendor) !== options.vendorId)
      return sendError(res, 403, 'vendorId does not belong to this access key');
    const wait = limiter.take(options.vendorId);
    if (wait > 0) {
      res.set('Retry-After', String(wait));
      return sendError(res, 429, 'Too many requests');
    }
    next();
  });

  app.use(ordersRoutes(store));
  app.use(invoicesRoutes(store));
  app.use(claimsRoutes(store));
  app.use(claimActionsRoutes(store));
  app.use((_req: Request, res: Response) => sendError(res, 404, 'Not Found'));
  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    if (!res.headersSent) sendError(res, 500, `sandbox error: ${error.message}`);
  });

  const { url, close } = await listenOnLoopback(app, options.port);
  return { url, store, close };
}
