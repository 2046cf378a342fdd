// The one place where errors become HTTP answers. AppErrors keep their message, rendered here in the caller's
// language (render.ts); anything else is a 500 that says only the request id, while the cause goes to the log.
import type { NextFunction, Request, Response } from 'express';
import { AppError, type ErrorType } from '../../shared/errors.ts';
import { fieldLabel } from '../../shared/api/field-labels.ts';
import { message } from '../../shared/i18n.ts';
import type { Logger } from '../log.ts';
import { httpMessages } from './messages.ts';
import { errorBody, type EdgeInfo } from './render.ts';
import { UnsupportedBodyType } from './route.ts';

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
function fromExpress(error: unknown): { error: AppError; status: number } | null {
  if (error instanceof UnsupportedBodyType) {
    const text = message(httpMessages.body_not_json, { type: error.contentType.slice(0, 100) || '-' });
    const details = [{ field: 'content-type', code: 'unsupported_content_type', message: text }];
    return { error: new AppError('invalid_data', 'unsupported_content_type', text, { details }), status: 415 };
  }
  if (error instanceof URIError) {
    // The router could not decode a path parameter ("%FF"): the path is what is wrong.
    const value = /'(.*)'$/.exec(error.message)?.[1]?.slice(0, 100) ?? '-';
    const text = message(httpMessages.bad_path, { field: fieldLabel('path'), value });
    return { error: new AppError('invalid_data', 'bad_path', text, { details: [{ field: 'path', code: 'bad_path', message: text }] }), status: 400 };
  }
  const e = error as { type?: string; limit?: number; status?: unknown; statusCode?: unknown };
  if (e?.type === 'entity.parse.failed') return { error: new AppError('invalid_data', 'bad_json', message(httpMessages.bad_json)), status: 400 };
  if (e?.type === 'entity.too.large') {
    const limit = `${Math.round((e.limit ?? 0) / 1024 / 1024)} MB`;
    return { error: new AppError('invalid_data', 'body_too_large', message(httpMessages.body_too_large, { limit })), status: 413 };
  }
  const status = Number(e?.status ?? e?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return { error: new AppError('invalid_data', 'bad_request', message(httpMessages.bad_request, { status })), status };
  }
  return null;
}

export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const info = res.locals.info as EdgeInfo;
    const client = error instanceof AppError ? null : fromExpress(error);
    let appError = error instanceof AppError ? error : client?.error;
    if (!appError) {
      log.error('unexpected error', { request_id: info.requestId, method: req.method, route: req.route?.path ?? req.path, error });
      appError = new AppError('unexpected', 'unexpected', message(httpMessages.unexpected, { request_id: info.requestId }));
    } else if (appError.type === 'unexpected' || appError.type === 'upstream_failed') {
      log.warn('request failed', { request_id: info.requestId, code: appError.code, error: appError.cause ?? appError });
    }
    // A download that fails midway (its headers already sent) cannot become an error answer: the connection is cut,
    // so the client sees an incomplete file instead of one that looks whole.
    if (res.headersSent) {
      log.warn('response broken off', { request_id: info.requestId, code: appError.code });
      res.destroy();
      return;
    }
    const status = client?.status ?? HTTP_STATUS[appError.type];
    if (appError.retryAfter !== undefined) res.set('Retry-After', String(appError.retryAfter));
    res.status(status).json(errorBody(appError, info.lang, info.requestId));
  };
}
