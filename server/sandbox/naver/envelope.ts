// Naver's answer shapes: `{ timestamp, traceId, data }` on success, `{ code, message, timestamp, traceId }` on
// errors (mall-apis.md §2.8). Gateway codes are GW.*, business codes numeric strings.
import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { kst } from './views.ts';

const traceId = () => randomBytes(12).toString('hex');

export function sendData(res: Response, data: unknown): void {
  res.status(200).json({ timestamp: kst(Date.now()), traceId: traceId(), data });
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ code, message, timestamp: kst(Date.now()), traceId: traceId() });
}
