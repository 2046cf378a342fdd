// The Express app without listen(): main.ts serves it, tests drive it over real HTTP on a random port.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type NextFunction } from 'express';
import { AppError } from '../shared/errors.ts';
import { format, pickLang } from '../shared/i18n.ts';
import type { AppDeps } from './deps.ts';
import type { RequestInfo } from './http/context.ts';
import { errorHandler } from './http/error-handler.ts';
import { mountPane } from './http/pane.ts';
import { httpMessages } from './http/messages.ts';
import { buildOpenApi, mountRoutes, route, type RouteSpec } from './http/route.ts';
import { authRoutes } from './http/routes/auth.routes.ts';
import { mallAccountRoutes } from './http/routes/mall-accounts.routes.ts';
import { jobRoutes } from './http/routes/jobs.routes.ts';
import { orderRoutes } from './http/routes/orders.routes.ts';
import { sheetRoutes } from './http/routes/sheet.routes.ts';
import { authMessages } from './modules/auth/auth.messages.ts';
import { authenticate, authenticateTicket } from './modules/auth/auth.service.ts';

export const API_VERSION = '0.1.0';

export function apiRoutes(deps: AppDeps): RouteSpec[] {
  const health = route({
    method: 'get',
    path: '/health',
    tag: 'health',
    summary: 'Liveness and database check',
    access: 'public',
    handler: async () => {
      await deps.db.raw('select 1');
      return { status: 'ok', version: API_VERSION, database: deps.db.client.config.client === 'pg' ? 'postgresql' : 'sqlite' };
    },
  });
  return [health, ...authRoutes(deps), ...orderRoutes(deps), ...sheetRoutes(deps), ...mallAccountRoutes(deps), ...jobRoutes(deps)];
}

export function createApp(deps: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  // Client addresses (rate limits, audit log) come from the socket unless a proxy is configured to be trusted.
  app.set('trust proxy', deps.config.trustProxy);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const info: RequestInfo = {
      requestId: (req.get('x-request-id') ?? '').slice(0, 40) || randomUUID(),
      ip: req.ip?.slice(0, 64),
      lang: pickLang(req.get('accept-language')),
    };
    res.locals.info = info;
    res.set('X-Request-Id', info.requestId);
    // The access log keeps the path without its query string: searches carry names and phone numbers.
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      deps.log.info('request', {
        request_id: info.requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    next();
  });

  const api = express.Router();
  const routes = apiRoutes(deps);
  // No body is parsed for a caller without a token, except on the routes that need none.
  const publicPaths = new Set(routes.filter((r) => r.access === 'public').map((r) => `${r.method.toUpperCase()} ${r.path}`));
  api.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || publicPaths.has(`${req.method} ${req.path}`) || /^Bearer\s+\S+$/i.test(req.get('authorization') ?? '')) return next();
    const info = res.locals.info as RequestInfo;
    next(new AppError('unauthorized', 'unauthorized', format(authMessages.unauthorized, {}, info.lang)));
  });
  // A bulk call of 50,000 items is a few MB of JSON; the add-in keeps each request under Excel's 5 MB anyway.
  api.use(express.json({ limit: '20mb' }));
  const openapi = buildOpenApi(routes, { title: 'ShipSheet API', version: API_VERSION });
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  mountRoutes(api, routes, (authorization, info, ticket) =>
    ticket !== undefined ? authenticateTicket(deps.db, ticket, info.lang) : authenticate(deps.db, authorization, info.lang),
  );
  api.use((req: Request, res: Response) => {
    const info = res.locals.info as RequestInfo;
    throw new AppError('not_found', 'no_route', format(httpMessages.not_found_route, { method: req.method, path: req.originalUrl.split('?')[0] }, info.lang));
  });
  app.use('/api', api);
  mountPane(app);
  app.use((req: Request, res: Response) => {
    const info = res.locals.info as RequestInfo;
    throw new AppError('not_found', 'no_route', format(httpMessages.not_found_route, { method: req.method, path: req.path }, info.lang));
  });
  app.use(errorHandler(deps.log));
  return app;
}
