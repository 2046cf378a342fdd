// The Express app without listen(): main.ts serves it, tests drive it over real HTTP on a random port.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type NextFunction } from 'express';
import { healthView } from '../shared/api/auth.schema.ts';
import { AppError } from '../shared/errors.ts';
import { message, pickLang } from '../shared/i18n.ts';
import type { AppDeps } from './deps.ts';
import { isPostgres, ping } from './db/knex.ts';
import { accessLog } from './http/access-log.ts';
import { errorHandler } from './http/error-handler.ts';
import { mountPane } from './http/pane.ts';
import { httpMessages } from './http/messages.ts';
import { refuseNulInUrl } from './http/nul-bytes.ts';
import type { EdgeInfo } from './http/render.ts';
import { compress, noStore, securityHeaders } from './http/security.ts';
import { buildOpenApi, mountRoutes, route, type RouteSpec } from './http/route.ts';
import { auditRoutes } from './http/routes/audit.routes.ts';
import { catalogueRoutes } from './http/routes/catalogue.routes.ts';
import { authRoutes } from './http/routes/auth.routes.ts';
import { exportRoutes } from './http/routes/exports.routes.ts';
import { mallAccountRoutes } from './http/routes/mall-accounts.routes.ts';
import { matchingRoutes } from './http/routes/matching.routes.ts';
import { jobRoutes } from './http/routes/jobs.routes.ts';
import { boardRoutes } from './http/routes/board.routes.ts';
import { orderRoutes } from './http/routes/orders.routes.ts';
import { orderUploadRoutes } from './http/routes/order-uploads.routes.ts';
import { retentionRoutes } from './http/routes/retention.routes.ts';
import { settingsRoutes } from './http/routes/settings.routes.ts';
import { sheetRoutes } from './http/routes/sheet.routes.ts';
import { stockRoutes } from './http/routes/stock.routes.ts';
import { soldOutRoutes } from './http/routes/sold-out.routes.ts';
import { allocationRoutes } from './http/routes/allocation.routes.ts';
import { giftsRoutes } from './http/routes/gifts.routes.ts';
import { scanRoutes } from './http/routes/scan.routes.ts';
import { csRoutes } from './http/routes/cs.routes.ts';
import { mergeRoutes } from './http/routes/merge.routes.ts';
import { preferencesRoutes } from './http/routes/preferences.routes.ts';
import { fileImportRoutes } from './http/routes/file-imports.routes.ts';
import { trackingBandRoutes } from './http/routes/tracking-bands.routes.ts';
import { seesRecipients } from './domain/actor.ts';
import { insertAccessRecord } from './modules/audit/audit.repo.ts';
import { authenticate, authenticateTicket } from './modules/auth/auth.service.ts';

export const API_VERSION = '0.1.0';

export function apiRoutes(deps: AppDeps): RouteSpec[] {
  const health = route({
    method: 'get',
    path: '/health',
    tag: 'health',
    summary: 'Liveness and database check',
    access: 'public',
    response: healthView,
    handler: async () => {
      await ping(deps.db);
      return { status: 'ok', version: API_VERSION, database: isPostgres(deps.db) ? 'postgresql' : 'sqlite' };
    },
  });
  return [
    health,
    ...authRoutes(deps),
    ...orderRoutes(deps),
    ...boardRoutes(deps),
    ...orderUploadRoutes(deps),
    ...sheetRoutes(deps),
    ...fileImportRoutes(deps),
    ...mallAccountRoutes(deps),
    ...jobRoutes(deps),
    ...auditRoutes(deps),
    ...exportRoutes(deps),
    ...retentionRoutes(deps),
    ...settingsRoutes(deps),
    ...matchingRoutes(deps),
    ...stockRoutes(deps),
    ...catalogueRoutes(deps),
    ...soldOutRoutes(deps),
    ...allocationRoutes(deps),
    ...giftsRoutes(deps),
    ...scanRoutes(deps),
    ...csRoutes(deps),
    ...mergeRoutes(deps),
    ...preferencesRoutes(deps),
    ...trackingBandRoutes(deps),
  ];
}

/**
 * A caller's X-Request-Id (a proxy's, to follow a request through both logs) when it is a plain token of up to 40
 * characters; otherwise a new one. A header is read as Latin-1, so other text came back garbled, and an id goes
 * into the log and the audit records as it is.
 */
const REQUEST_ID = /^[\w.:-]{1,40}$/;
function requestIdOf(given: string | undefined): string {
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

export function createApp(deps: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on answers sent with res.send: every /api answer is no-store, so none is ever revalidated, and Express
  // would hash each whole body for it (SHA-1 over a 50,000-row import's 10 MB answer). The pane's static files keep
  // theirs (serve-static makes its own).
  app.set('etag', false);
  // Client addresses (rate limits, audit log) come from the socket unless a proxy is configured to be trusted.
  app.set('trust proxy', deps.config.trustProxy);

  app.use((req: Request, res: Response, next: NextFunction) => {
    const info: EdgeInfo = {
      requestId: requestIdOf(req.get('x-request-id')),
      ip: req.ip?.slice(0, 64),
      lang: pickLang(req.get('accept-language')),
    };
    res.locals.info = info;
    res.set('X-Request-Id', info.requestId);
    next();
  });
  app.use(accessLog(deps.log));

  app.use(securityHeaders(), compress());
  // A NUL in any path or query, of a known route or not, is a 400 before anything else looks at it.
  app.use(refuseNulInUrl);
  const api = express.Router();
  api.use(noStore);
  const routes = apiRoutes(deps);
  // Bodies are read by the route layer, after authentication and only for routes that declare one (route.ts).
  const openapi = buildOpenApi(routes, { title: 'ShipSheet API', version: API_VERSION });
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  mountRoutes(
    api,
    routes,
    (authorization, info, ticket) => (ticket !== undefined ? authenticateTicket(deps.db, ticket) : authenticate(deps.db, authorization)),
    ({ actor, info, ...read }) => insertAccessRecord(deps.db, actor, info, { ...read, masked: !seesRecipients(actor) }),
    { validateResponses: deps.config.validateResponses },
  );
  api.use((req: Request) => {
    throw new AppError('not_found', 'no_route', message(httpMessages.not_found_route, { method: req.method, path: req.originalUrl.split('?')[0] }));
  });
  app.use('/api', api);
  mountPane(app);
  app.use((req: Request) => {
    throw new AppError('not_found', 'no_route', message(httpMessages.not_found_route, { method: req.method, path: req.path }));
  });
  app.use(errorHandler(deps.log));
  return app;
}
