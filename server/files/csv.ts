// CSV files as Korean sellers get them: courier programs and older mall admin pages write CP949 (EUC-KR), Excel's
// "CSV UTF-8" writes a BOM, and newer tools write UTF-8 without one. The parsing itself (RFC 4180: quoted commas,
// doubled quotes, line breaks inside quotes) is fast-csv, through exceljs's CSV reader so no package is added.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell } from '../../shared/files/normalise.ts';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'cp949';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

/**
 * Text of a CSV file. Valid UTF-8 is taken as UTF-8 (CP949 Hangul is never valid UTF-8: its lead bytes 0xB0–0xC8 are
 * continuation bytes there); anything else is decoded as CP949, the superset of EUC-KR that Windows uses.
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: CsvEncoding } {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  // Excel's "Unicode text" export: UTF-16 LE with a BOM, tab-separated.
  if (bytes.subarray(0, 2).equals(UTF16LE_BOM)) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'cp949'), encoding: 'cp949' };
  }
}

/** Tab when the first line has more tabs than commas (outside quotes, roughly): Excel's text exports and .tsv files. */
function delimiterOf(text: string): ',' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/**
 * Records of a CSV text as rows of cells: every field stays the text it was (an empty field is null), so
 * "01012345678" keeps its 0 and numbers are judged by normaliseCell like a text cell typed into Excel.
 */
export async function parseCsv(text: string): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text]), {
    // exceljs would turn "0101…" into a number and "2025-11-30" into a Date: keep the text as it is.
    map: (value: unknown) => value,
    parserOptions: { delimiter: delimiterOf(text), quote: '"', escape: '"' },
  });
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    // Array.from, not map: `values` is sparse and map would keep its holes.
    rows[number - 1] = Array.from(values, (value) => (typeof value === 'string' && value !== '' ? value : null));
  });
  // eachRow skips rows exceljs never created (blank lines): keep their place so row numbers match the file.
  return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
}
