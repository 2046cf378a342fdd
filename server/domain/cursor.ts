// Keyset cursors of the lists: the key of the last row sent, as opaque base64url JSON. A cursor a list did not hand
// out is refused as a bad `cursor` field (400), never a 500 from a query over garbage.
import { defineMessages } from '../../shared/i18n.ts';
import { fieldError } from './validation.ts';

const cursorMessages = defineMessages('cursor', {
  bad_cursor: { ko: '{field}: 잘못된 페이지 커서입니다', en: '{field}: not a cursor this list returned' },
});

export const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The key inside `cursor` when it has the shape `valid` checks; undefined for the first page. */
export function decodeCursor<T>(cursor: string | undefined, valid: (v: unknown) => v is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (valid(value)) return value;
  } catch {
    // fall through to the refusal below
  }
  throw fieldError('cursor', cursorMessages.bad_cursor, {}, { code: 'bad_cursor' });
}

export const isString = (v: unknown): v is string => typeof v === 'string';
/** The common key: (sort value, id). */
export const isPair = (v: unknown): v is [string, string] => Array.isArray(v) && v.length === 2 && v.every(isString);
