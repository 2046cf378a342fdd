// A NUL character (U+0000) has no place in any ShipSheet input, and PostgreSQL cannot store one in text (it fails
// the statement, which would surface as a 500). Requests carrying one are refused at the edge, before any handler
// or database sees them, with a 400 naming where it was. So are unpaired UTF-16 surrogates (JSON's "\ud800" alone):
// no database can store one either, both drivers silently turn it into U+FFFD (the value read back is not the value
// sent), and encodeURIComponent throws on one (a file name made from it was a 500).
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../shared/errors.ts';
import { message } from '../../shared/i18n.ts';
import { httpMessages } from './messages.ts';
import { fieldLabel } from '../../shared/api/field-labels.ts';

export type BadCharacter = 'nul_character' | 'lone_surrogate';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badCharacterIn(text: string): BadCharacter | null {
  if (text.includes('\u0000')) return 'nul_character';
  return LONE_SURROGATE.test(text) ? 'lone_surrogate' : null;
}

/**
 * Where the first NUL or unpaired surrogate in a parsed value is: the field path (as zod names fields: `items.0.id`),
 * '' when the value itself is such a string, and which of the two; null when there is none. Object keys count too.
 * Walks with an explicit stack, so a deeply nested body cannot overflow the call stack.
 */
export function findBadCharacter(value: unknown): { at: string; code: BadCharacter } | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const code = badCharacterIn(v);
      if (code) return { at, code };
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        const code = badCharacterIn(key);
        if (code) return { at, code };
        stack.push([child, at ? `${at}.${key}` : key]);
      }
    }
  }
  return null;
}

/** Throws the 400 for a NUL or unpaired surrogate found in `value`; `where` names the field when it is not inside an object. */
export function refuseNul(value: unknown, where: string): void {
  const found = findBadCharacter(value);
  if (found === null) return;
  const field = found.at || where;
  const text = message(httpMessages[found.code], { field: fieldLabel(field) });
  throw new AppError('invalid_data', found.code, text, { details: [{ field, code: found.code, message: text }] });
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
