// The one place where errors become HTTP answers. AppErrors keep their message (already in the caller's language);
// anything else is a 500 that says only the request id, while the cause goes to the log.
import type { NextFunction, Request, Response } from 'express';
import { AppError, type ErrorBody, type ErrorType } from '../../shared/errors.ts';
import { format } from '../../shared/i18n.ts';
import type { Logger } from '../log.ts';
import type { RequestInfo } from '../domain/actor.ts';
import { httpMessages } from './messages.ts';

export const HTTP_STATUS: Record<ErrorType, number> = {
  invalid_data: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream_failed: 502,
  unexpected: 500,
};

/**
 * Express and its body parser report client mistakes (bad JSON, an oversized body, an unsupported charset or
 * encoding, a malformed URL) as errors carrying a 4xx status; they stay 4xx, in our shape.
 */
function fromExpress(error: unknown, info: RequestInfo): { error: AppError; status: number } | null {
  const e = error as { type?: string; limit?: number; status?: unknown; statusCode?: unknown };
  if (e?.type === 'entity.parse.failed')
    return { error: new AppError('invalid_data', 'bad_json', format(httpMessages.bad_json, {}, info.lang)), status: 400 };
  if (e?.type === 'entity.too.large') {
    const limit = `${Math.round((e.limit ?? 0) / 1024 / 1024)} MB`;
    return { error: new AppError('invalid_data', 'body_too_large', format(httpMessages.body_too_large, { limit }, info.lang)), status: 413 };
  }
  const status = Number(e?.status ?? e?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return { error: new AppError('invalid_data', 'bad_request', format(httpMessages.bad_request, { status }, info.lang)), status };
  }
  return null;
}

export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const info = res.locals.info as RequestInfo;
    const client = error instanceof AppError ? null : fromExpress(error, info);
    let appError = error instanceof AppError ? error : client?.error;
    if (!appError) {
      log.error('unexpected error', { request_id: info.requestId, method: req.method, route: req.route?.path ?? req.path, error });
      appError = new AppError('unexpected', 'unexpected', format(httpMessages.unexpected, { request_id: info.requestId }, info.lang));
    } else if (appError.type === 'unexpected' || appError.type === 'upstream_failed') {
      log.warn('request failed', { request_id: info.requestId, code: appError.code, error: appError.cause ?? appError });
    }
    const status = client?.status ?? HTTP_STATUS[appError.type];
    if (appError.retryAfter !== undefined) res.set('Retry-After', String(appError.retryAfter));
    const body: ErrorBody = {
      error: {
        type: appError.type,
        code: appError.code,
        message: appError.message,
        ...(appError.details ? { details: appError.details } : {}),
        request_id: info.requestId,
      },
    };
    res.status(status).json(body);
  };
}
