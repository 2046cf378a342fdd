// CSV out, streamed: RFC 4180 (fields with a comma, quote or line break quoted, quotes doubled; CRLF line ends),
// in UTF-8, UTF-8 with a BOM (what Excel needs to open UTF-8 Korean text without mojibake) or CP949 (what most
// courier programs and older Excel installs read). Every string passes the formula guard (shared/files/cells.ts).
//
// CP949 cannot hold every character (emoji, some Hanja and symbols in memos and product names). Such a character
// is written as '?' and counted: the result says how many and on which rows, so the caller can tell the operator
// (refusing the whole file for one emoji in a delivery memo would block the day's booking for nothing).
import type { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { safeCell, type Cell, type CsvEncoding, type FileColumn } from '../../shared/files/cells.ts';
import { finished, letDrain, ROWS_PER_TURN, type RowSource } from './flow.ts';

export type CsvOptions = { columns: readonly FileColumn[]; rows: RowSource; encoding: CsvEncoding };

export type CsvResult = {
  rows: number;
  /** Characters CP949 cannot hold, written as '?'. Always 0 for UTF-8. */
  replaced: number;
  /** Data rows (1 = the first row under the header) where that happened; the first 100. */
  replacedRows: number[];
};

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: Cell | undefined): string {
  const cell = safeCell(value);
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ASCII and the 11,172 modern Hangul syllables are all in CP949: the common case needs no per-character look.
const SURELY_CP949 = /^[\u0000-\u007f\uac00-\ud7a3]*$/;
const cp949Known = new Map<number, boolean>();

function inCp949(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  let known = cp949Known.get(cp);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(ch, 'cp949'), 'cp949') === ch;
    cp949Known.set(cp, known);
  }
  return known;
}

/** The text with every character CP949 lacks replaced by '?', and how many were. NFC first: decomposed Hangul
 *  (as macOS writes file names and sometimes pasted text) is composed into the syllables CP949 has. */
export function toCp949Text(text: string): { text: string; replaced: number } {
  if (SURELY_CP949.test(text)) return { text, replaced: 0 };
  let out = '';
  let replaced = 0;
  for (const ch of text.normalize('NFC')) {
    if (SURELY_CP949.test(ch) || inCp949(ch)) out += ch;
    else {
      out += '?';
      replaced++;
    }
  }
  return { text: out, replaced };
}

/** Writes the header line and the rows to `out` and ends it. */
export async function writeCsv(out: Writable, options: CsvOptions): Promise<CsvResult> {
  const cp949 = options.encoding === 'cp949';
  const encoder = cp949 ? iconv.getEncoder('cp949') : undefined;
  const result: CsvResult = { rows: 0, replaced: 0, replacedRows: [] };
  const width = options.columns.length;
  const emit = (line: string, row: number): void => {
    if (!encoder) {
      out.write(line, 'utf8');
      return;
    }
    const safe = toCp949Text(line);
    if (safe.replaced) {
      result.replaced += safe.replaced;
      if (row > 0 && result.replacedRows.length < 100) result.replacedRows.push(row);
    }
    out.write(encoder.write(safe.text));
  };

  if (options.encoding === 'utf8-bom') out.write('\ufeff', 'utf8');
  emit(options.columns.map((c) => csvField(c.header)).join(',') + '\r\n', 0);
  for await (const row of options.rows) {
    let line = '';
    for (let i = 0; i < width; i++) line += (i ? ',' : '') + csvField(row[i]);
    emit(line + '\r\n', ++result.rows);
    if (result.rows % ROWS_PER_TURN === 0) await letDrain(out);
  }
  const tail = encoder?.end();
  if (tail?.length) out.write(tail);
  out.end();
  await finished(out);
  return result;
}
