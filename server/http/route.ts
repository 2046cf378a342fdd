// One declaration per API route: method, path, who may call it, the zod schemas of its input and of its answer, and
// the handler. The same declarations mount the Express routes (validating every input with its schema; with
// response checks on, every answer too) and produce the OpenAPI document, so the document cannot drift from what
// the server accepts and answers.
import { isDeepStrictEqual } from 'node:util';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { message } from '../../shared/i18n.ts';
import { hasRole, ROLE_LABELS, type Role } from '../../shared/roles.ts';
import type { Actor } from '../domain/actor.ts';
import { parseWith, unknownFieldsError } from '../domain/validation.ts';
import { httpMessages } from './messages.ts';
import { refuseNul } from './nul-bytes.ts';
import { toJson, type EdgeInfo } from './render.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type AnyZod = z.ZodType;

export type HandlerInput<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  info: EdgeInfo;
  req: Request;
  res: Response;
};

export type RouteSpec<P = unknown, Q = unknown, B = unknown> = {
  method: Method;
  /** Express path under /api, e.g. '/orders/:id'. */
  path: string;
  summary: string;
  tag: string;
  /** 'public' routes need no token; otherwise the least role allowed. */
  access: 'public' | Role;
  params?: AnyZod;
  query?: AnyZod;
  body?: AnyZod;
  /**
   * What a successful call answers: a JSON schema (shared/api/*.schema.ts), 'empty' (no body: 204 unless `status`
   * says otherwise), 'event-stream' (server-sent events the handler writes itself) or 'file' (a download the
   * handler streams itself, with its own content type and file name).
   */
  response: ResponseSpec;
  /**
   * The caller may instead present a single-use stream ticket as the `ticket` query parameter: only for event
   * streams, because a browser's EventSource cannot set headers. A bearer token is never taken from a URL.
   */
  ticketInQuery?: boolean;
  /** Reachable while the user still has to replace a one-time password (login, logout, me, change password). */
  allowPendingPassword?: boolean;
  /** HTTP status of a successful answer (200 unless said). */
  status?: number;
  /**
   * The answer holds recipients' personal data (names, phones, addresses, free text about them): every successful
   * call leaves one access record (PIPA safety standard §8) with the rows it returned and the filter it used (the
   * validated params and query without the cursor, unless `filter` says otherwise).
   */
  personalData?: PersonalDataSpec;
  handler: (input: HandlerInput<P, Q, B>) => Promise<unknown>;
};

export type ResponseSpec = AnyZod | 'empty' | 'event-stream' | 'file';

export type PersonalDataSpec = {
  rows: (result: any) => number;
  filter?: (input: { params: any; query: any; body: any }) => Record<string, unknown>;
};

/** What mountRoutes hands over for each successful read of personal data; the reason when the caller gave one. */
export type PersonalRead = {
  actor: Actor;
  info: EdgeInfo;
  endpoint: string;
  filter: Record<string, unknown>;
  rows: number;
  reason?: string | undefined;
  reasonText?: string | undefined;
};
export type RecordRead = (read: PersonalRead) => Promise<unknown>;

/** The reason a pull gives travels apart from its filter (shared/export-reasons.ts; `reason`, `reason_text`). */
export function withoutReason(query: Record<string, unknown>): Record<string, unknown> {
  const { reason: _reason, reason_text: _text, ...rest } = query;
  return rest;
}

function reasonOf(query: unknown): { reason?: string; reasonText?: string } {
  const q = (query ?? {}) as { reason?: unknown; reason_text?: unknown };
  return {
    ...(typeof q.reason === 'string' ? { reason: q.reason } : {}),
    ...(typeof q.reason_text === 'string' && q.reason_text ? { reasonText: q.reason_text } : {}),
  };
}

function defaultFilter(input: { params: unknown; query: unknown }): Record<string, unknown> {
  const { cursor: _cursor, ...query } = withoutReason((input.query ?? {}) as Record<string, unknown>);
  return { ...(input.params as Record<string, unknown>), ...query };
}

/** Typed helper: the handler sees the parsed types of the schemas it declares. */
export function route<PS extends AnyZod = z.ZodObject<{}>, QS extends AnyZod = z.ZodObject<{}>, BS extends AnyZod = z.ZodUnknown>(
  spec: Omit<RouteSpec, 'params' | 'query' | 'body' | 'handler' | 'personalData'> & {
    params?: PS;
    query?: QS;
    body?: BS;
    handler: (input: HandlerInput<z.infer<PS>, z.infer<QS>, z.infer<BS>>) => Promise<unknown>;
    personalData?: {
      rows: (result: any) => number;
      filter?: (input: { params: z.infer<PS>; query: z.infer<QS>; body: z.infer<BS> }) => Record<string, unknown>;
    };
  },
): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** Who is calling: from the Authorization header, or from a stream ticket where the route takes one. */
export type Authenticate = (authorization: string | undefined, info: EdgeInfo, ticket?: string) => Promise<Actor>;

function ticketOf(req: Request, spec: RouteSpec): string | undefined {
  const ticket = spec.ticketInQuery ? req.query.ticket : undefined;
  return typeof ticket === 'string' ? ticket : undefined;
}

// A bulk call of 50,000 items is a few MB of JSON; the add-in keeps each request under Excel's 5 MB anyway.
// JSON text can only carry a NUL as the escape \u0000 (a raw one is invalid JSON), and an unpaired surrogate only
// as an escape \uD800-\uDFFF (raw UTF-8 cannot spell one): bodies without such text skip the walk over every
// parsed value (a 50,000-item body would spend a third of a second there). The raw bytes spell the escapes in ASCII
// only in UTF-8; the parser also decodes bodies declared as UTF-16, UTF-32 or UTF-7, whose bytes never contain
// them, so those are always walked.
const SUSPECT_ESCAPES = ['\\u0000', '\\ud', '\\uD'].map((text) => Buffer.from(text));
const mayHoldBadCharacter = new WeakSet<Request>();
const isUtf8Body = (req: Request) => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.get('content-type') ?? '')?.[1];
  return charset === undefined || charset.toLowerCase() === 'utf-8';
};
const jsonParser = express.json({
  limit: '20mb',
  verify: (req, _res, buf) => {
    if (SUSPECT_ESCAPES.some((escape) => buf.includes(escape)) || !isUtf8Body(req as Request)) mayHoldBadCharacter.add(req as Request);
  },
});
/**
 * Methods whose body has no meaning here: never read, whatever the client sends. A DELETE's body is read only
 * where its route declares one (the reason of a deletion, which would otherwise travel in the URL).
 */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A body refused for its type: the error handler answers 415 naming the type (error-handler.ts). */
export class UnsupportedBodyType extends Error {
  constructor(readonly contentType: string) {
    super('request body is not JSON');
  }
}

/**
 * The type of a non-empty body sent as something other than JSON (text/plain, which fetch sends for a string when
 * no type is given; a form; none at all), or null for a JSON or empty body. The JSON parser leaves such a body
 * unread, and read as no body at all it would be `{}`: a PUT of settings would silently put back the defaults.
 */
function nonJsonBodyType(req: Request): string | null {
  const length = req.get('content-length');
  const hasBody = req.get('transfer-encoding') !== undefined || (length !== undefined && length.trim() !== '0');
  if (!hasBody || req.is('application/json')) return null;
  return req.get('content-type') ?? '';
}

/**
 * Parses the JSON body of a route that declares one, only once the caller is known (after authentication), so a
 * client without a token cannot make the server read and parse megabytes.
 */
function readBody(req: Request, res: Response, spec: RouteSpec): Promise<unknown> {
  if (!spec.body || BODYLESS.has(req.method)) return Promise.resolve(undefined);
  const otherType = nonJsonBodyType(req);
  if (otherType !== null) return Promise.reject(new UnsupportedBodyType(otherType));
  return new Promise((resolve, reject) => {
    jsonParser(req, res, (error?: unknown) => (error ? reject(error) : resolve(req.body)));
  });
}

/**
 * Paths of object keys in `wire` that parsing dropped: fields a body or an answer has but its schema does not
 * declare, as zod's issues give paths (items.3.version). A path is written only for a field found: the walk over
 * a 50,000-item body builds none (a few milliseconds).
 */
function undeclaredFields(wire: unknown, parsed: unknown, at: (string | number)[] = [], out: string[] = []): string[] {
  if (Array.isArray(wire)) {
    if (!Array.isArray(parsed)) return out;
    for (let i = 0; i < wire.length; i++) {
      const item: unknown = wire[i];
      if (item === null || typeof item !== 'object') continue;
      at.push(i);
      undeclaredFields(item, parsed[i], at, out);
      at.pop();
    }
  } else if (wire && typeof wire === 'object' && parsed && typeof parsed === 'object') {
    for (const [key, value] of Object.entries(wire)) {
      if (!Object.hasOwn(parsed, key)) out.push([...at, key].join('.'));
      else if (value !== null && typeof value === 'object') {
        at.push(key);
        undeclaredFields(value, (parsed as Record<string, unknown>)[key], at, out);
        at.pop();
      }
    }
  }
  return out;
}

/** The query parameters a route does not declare (an event stream's `ticket` is its own); none when it cannot tell. */
function undeclaredQuery(spec: RouteSpec, query: Record<string, unknown>): string[] {
  const shape = spec.query ? (spec.query as { shape?: Record<string, unknown> }).shape : {};
  if (!shape) return [];
  return Object.keys(query).filter((key) => !Object.hasOwn(shape, key) && !(key === 'ticket' && spec.ticketInQuery));
}

/**
 * Holds a successful answer to its route's declared response (`SHIPSHEET_VALIDATE_RESPONSES=1`, set by the tests):
 * the JSON as the client receives it must parse with the schema and have no field the schema does not declare, and
 * a route declared 'empty' must answer nothing. A mismatch is thrown as an unexpected error: a 500 whose cause (the
 * route, the field paths and zod's messages, never the values) goes to the log, so every API test checks the contract.
 */
export function checkResponse(spec: RouteSpec, result: unknown): void {
  const where = `${spec.method.toUpperCase()} /api${spec.path}`;
  if (spec.response === 'event-stream' || spec.response === 'file') return;
  if (spec.response === 'empty') {
    if (result !== undefined) throw new Error(`response of ${where} does not match its schema: declared empty, answered a body`);
    return;
  }
  if (result === undefined) throw new Error(`response of ${where} does not match its schema: answered no body`);
  const wire: unknown = JSON.parse(JSON.stringify(result));
  const parsed = spec.response.safeParse(wire);
  const problems = parsed.success
    ? undeclaredFields(wire, parsed.data).map((p) => `${p}: not declared`)
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  // A schema that transforms would hand back another value; response schemas only describe.
  if (parsed.success && !problems.length && !isDeepStrictEqual(wire, parsed.data)) problems.push('(root): the schema changed the value');
  if (problems.length) {
    const shown = problems.slice(0, 10).join('; ') + (problems.length > 10 ? ` (and ${problems.length - 10} more)` : '');
    throw new Error(`response of ${where} does not match its schema: ${shown}`);
  }
}

export type MountOptions = {
  /** Check every successful answer against its route's response schema (tests; see checkResponse). */
  validateResponses?: boolean;
};

export function mountRoutes(
  router: Router,
  routes: readonly RouteSpec[],
  authenticate: Authenticate,
  recordRead: RecordRead,
  options: MountOptions = {},
): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (req: Request, res: Response, next: NextFunction) => {
      try {
        const info = res.locals.info as EdgeInfo;
        const actor: Actor =
          spec.access === 'public' ? { type: 'system', id: null } : await authenticate(req.get('authorization'), info, ticketOf(req, spec));
        // For the access log line: who made the request.
        res.locals.userId = actor.id;
        if (spec.access !== 'public') {
          if (actor.type !== 'user' || !hasRole(actor.role, spec.access)) {
            throw new AppError('forbidden', 'forbidden', message(httpMessages.forbidden, { role: ROLE_LABELS[spec.access] }));
          }
          if (actor.mustChangePassword && !spec.allowPendingPassword) {
            throw new AppError('forbidden', 'password_change_required', message(httpMessages.password_change_required));
          }
        }
        const rawBody = await readBody(req, res, spec);
        // NULs and unpaired surrogates are refused before validation: zod would let them through to the database,
        // which cannot store them.
        refuseNul(req.params, 'params');
        refuseNul(req.query, 'query');
        if (mayHoldBadCharacter.has(req)) refuseNul(rawBody, 'body');
        const params = spec.params ? parseWith(spec.params, req.params, 'params') : req.params;
        const query = spec.query ? parseWith(spec.query, req.query, 'query') : {};
        // A misspelt filter (`statsu=PAID`) would otherwise be dropped and every row answered.
        const strayQuery = undeclaredQuery(spec, req.query);
        if (strayQuery.length) throw unknownFieldsError(strayQuery.slice(0, 100));
        const body = spec.body ? parseWith(spec.body, rawBody ?? {}, 'body') : undefined;
        if (spec.body && rawBody !== undefined) {
          const unknown = undeclaredFields(rawBody, body);
          // The first hundred named (a field added to every row of a 50,000-row push is one mistake).
          if (unknown.length) throw unknownFieldsError(unknown.slice(0, 100));
        }
        const result = await spec.handler({ params, query, body, actor, info, req, res });
        if (spec.personalData) {
          // Recorded before the answer leaves: a read that cannot be recorded is not answered.
          const filter = (spec.personalData.filter ?? defaultFilter)({ params, query, body });
          await recordRead({
            actor,
            info,
            endpoint: `${spec.method.toUpperCase()} /api${spec.path}`,
            filter,
            rows: spec.personalData.rows(result),
            ...reasonOf(query),
          });
        }
        if (res.headersSent) return;
        // The answer's Messages are rendered in the caller's language as it is serialised (render.ts); the check
        // reads what the client receives.
        const json = result === undefined ? undefined : toJson(result, info.lang);
        if (options.validateResponses) checkResponse(spec, json === undefined ? undefined : JSON.parse(json));
        if (json === undefined) res.status(spec.status ?? 204).end();
        else
          res
            .status(spec.status ?? 200)
            .type('json')
            .send(json);
      } catch (error) {
        next(error);
      }
    });
  }
}

/** The OpenAPI 3.1 document of the declared routes (JSON Schema 2020-12 is OpenAPI 3.1's schema dialect). */
export function buildOpenApi(routes: readonly RouteSpec[], info: { title: string; version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const jsonSchema = (schema: AnyZod, io: 'input' | 'output') => {
    const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
    return rest;
  };
  for (const spec of routes) {
    const openPath = '/api' + spec.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const shape = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(shape.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (shape.required ?? []).includes(name), schema: prop });
      }
    }
    const status = String(spec.status ?? (spec.response === 'empty' ? 204 : 200));
    const success =
      spec.response === 'empty'
        ? { description: 'No content' }
        : spec.response === 'event-stream'
          ? { description: 'Server-sent events', content: { 'text/event-stream': { schema: { type: 'string' } } } }
          : spec.response === 'file'
            ? {
                description: 'A file (XLSX or CSV); Content-Disposition names it',
                content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
              }
            : { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } };
    const operation: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method}${spec.path.replace(/[/:-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters,
      security: spec.access === 'public' ? [] : [{ bearer: [] }],
      'x-required-role': spec.access,
      ...(spec.personalData ? { 'x-personal-data': true } : {}),
      responses: {
        [status]: success,
        default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (spec.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } };
    }
    (paths[openPath] ??= {})[spec.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['type', 'code', 'message'],
              properties: {
                type: { type: 'string' },
                code: { type: 'string' },
                message: { type: 'string' },
                details: {},
                request_id: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
}
