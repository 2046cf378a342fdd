// Reading a request as the gateway sees it: the query from the raw target (never re-decoded by Express), the
// body parsed losslessly so 18-digit ids stay exact, and ids accepted as JSON numbers or digit strings.
import type { Request } from 'express';
import { parseLossless } from '../../connectors/coupang/json.ts';

export function queryOf(req: Request): URLSearchParams {
  const q = req.originalUrl.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : req.originalUrl.slice(q + 1));
}

/** The JSON body, or undefined when absent or unreadable. */
export function bodyOf(req: Request): Record<string, unknown> | undefined {
  if (typeof req.body !== 'string' || !req.body) return undefined;
  try {
    const body = parseLossless(req.body);
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An id given as a JSON number (safe, or kept as digits by the lossless parse) or a digit string. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  if (typeof value === 'string') return /^\d+$/.test(value) ? value : null;
  return null;
}
