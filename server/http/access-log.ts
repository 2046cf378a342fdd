// One access log line per request (pino-http), written when the answer is sent or the client goes away: who
// (the user id once the token was checked, PIPA safety standard §8) and from where, what, how it ended and how long
// it took. The path is logged without its query string: searches carry names and phone numbers.
import type { Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { RequestInfo } from '../domain/actor.ts';
import type { Logger } from '../log.ts';

function accessFields(req: Request, res: Response, ms: number) {
  const info = res.locals.info as RequestInfo;
  return {
    method: req.method,
    path: req.originalUrl.split('?')[0],
    status: res.statusCode,
    user_id: (res.locals.userId as string | null | undefined) ?? null,
    ip: info.ip ?? null,
    ms,
  };
}

/** Mounted after the request's info (id, address, language) is known. */
export function accessLog(log: Logger) {
  return pinoHttp<Request, Response>({
    logger: log.pino,
    genReqId: (_req, res) => (res.locals.info as RequestInfo).requestId,
    customAttributeKeys: { reqId: 'request_id', responseTime: 'ms' },
    // Only the fields above: no headers (the Authorization header holds the token), no bodies.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: () => 'info',
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req, res, val: { ms: number }) => accessFields(req, res, val.ms),
    customErrorObject: (req, res, _error, val: { ms: number }) => accessFields(req, res, val.ms),
  });
}
