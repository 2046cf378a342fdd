// Cells and addresses of the fake workbook: A1 notation, what Excel keeps when a value is written, and the error
// type the fake throws (shaped as Office.js's, so the pane's error handling is exercised).
import { columnLetter } from '../../sheet/column-letter.ts';

export class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export type Cell = { value: string | number | boolean; format: string };

export type SyncStats = { syncs: number; largestRequestBytes: number; largestResponseBytes?: number; requests: number[] };

/** Where a range lies on its sheet: zero-based first row and column, and its size. */
export type Area = { row: number; col: number; rows: number; cols: number };

/** A column as Excel names it (0 → A): one rule for the pane and the workbench. */
export const columnLetters = columnLetter;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "B2:D10", "A:C" (whole columns) → the area it covers. */
export function parseAddress(address: string): Area {
  const [from, to = from] = address.replace(/\$/g, '').split(':') as [string, string?];
  const cell = (a: string) => {
    const m = /^([A-Za-z]+)(\d*)$/.exec(a);
    if (!m) throw new OfficeLikeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
    return { col: columnIndex(m[1]!), row: m[2] ? Number(m[2]) - 1 : -1 };
  };
  const a = cell(from);
  const b = cell(to!);
  const whole = a.row < 0 || b.row < 0;
  return {
    row: whole ? 0 : Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rows: whole ? 1_048_576 : Math.abs(b.row - a.row) + 1,
    cols: Math.abs(b.col - a.col) + 1,
  };
}

export function addressOf(area: Area): string {
  const first = `${columnLetters(area.col)}${area.row + 1}`;
  const last = `${columnLetters(area.col + area.cols - 1)}${area.row + area.rows}`;
  return first === last ? first : `${first}:${last}`;
}

/**
 * What Excel keeps when a value is written into a cell of a given format: text formats keep strings as they
 * are; otherwise a string that reads as a number becomes that number, rounded to 15 significant digits (so an
 * 18-digit id or a leading zero is lost), and one that reads as a formula becomes one.
 */
export function storedValue(value: unknown, format: string): Cell['value'] {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (format === '@') return text;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return Number(Number(text).toPrecision(15));
  // Range.values takes a string starting with = + - or @ as a formula, as typing does: a buyer's "=HYPERLINK(…)"
  // becomes a live link, "-감" or "@SUM(1+1)" an error. The fake does not calculate: it keeps what Excel shows for a
  // name it cannot resolve, so the text is lost as it would be.
  if (text.length > 1 && /^[=+\-@]/.test(text)) return '#NAME?';
  return text;
}
