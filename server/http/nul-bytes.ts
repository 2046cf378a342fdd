// A NUL character (U+0000) has no place in any ShipSheet input, and PostgreSQL cannot store one in text (it fails
// the statement, which would surface as a 500). Requests carrying one are refused at the edge, before any handler
// or database sees them, with a 400 naming where it was.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../shared/errors.ts';
import { message } from '../../shared/i18n.ts';
import { httpMessages } from './messages.ts';

/**
 * The field path (as zod names fields: `items.0.id`) of the first NUL in a parsed value, '' when the value itself is
 * a string with one, or null when there is none. Object keys count too. Walks with an explicit stack, so a deeply
 * nested body cannot overflow the call stack.
 */
export function findNul(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return at;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return at;
        stack.push([child, at ? `${at}.${key}` : key]);
      }
    }
  }
  return null;
}

/** Throws the 400 for a NUL found in `value`; `where` names the field when it is not inside an object. */
export function refuseNul(value: unknown, where: string): void {
  const found = findNul(value);
  if (found === null) return;
  const field = found || where;
  const text = message(httpMessages.nul_character, { field });
  throw new AppError('invalid_data', 'nul_character', text, { details: [{ field, code: 'nul_character', message: text }] });
}

/** Express middleware: a NUL in the path (`%00`, still percent-encoded there) or in any query parameter is a 400. */
export function refuseNulInUrl(req: Request, res: Response, next: NextFunction): void {
  try {
    if (/%00/i.test(req.path)) refuseNul('\u0000', 'path');
    refuseNul(req.query, 'query');
    next();
  } catch (error) {
    next(error);
  }
}
