// An uploaded spreadsheet → its sheets as rows of plain cells, the same shape the pane reads from the active sheet
// through Office.js, so both go through shared/files (normaliseCell, mapRows) alike. XLSX (also when protected with
// an open password), CSV in UTF-8 or CP949, and HTML tables saved as .xls (html-tables.ts). Everything a user can get wrong ends as an AppError invalid_data with a
// code and a message in the caller's language; nothing here logs cell contents (they are personal data).
import officeCrypto from 'officecrypto-tool';
import { AppError } from '../../shared/errors.ts';
import { HEADER_SEARCH_ROWS } from '../../shared/files/header.ts';
import { MAX_DATA_ROWS } from '../../shared/files/map-rows.ts';
import type { Cell } from '../../shared/files/normalise.ts';
import { message, type MessageParams } from '../../shared/i18n.ts';
import { decodeCsv, parseCsv, type CsvEncoding } from './csv.ts';
import { htmlTables, looksLikeHtml } from './html-tables.ts';
import { streamXlsx, type StreamedSheet } from './xlsx-stream.ts';
import { filesMessages, type FileErrorCode } from './files.messages.ts';

export type SheetRows = { name: string; hidden: boolean; rows: Cell[][] };
export type ReadWorkbook = { format: 'xlsx' | 'csv' | 'html'; encoding?: CsvEncoding; sheets: SheetRows[] };
export type ReadOptions = { filename?: string; password?: string };

/** 50,000 rows of a courier or wholesale file are 3–10 MB as XLSX or CSV; 20 MB leaves room and bounds memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Data rows plus the title and header rows above them. */
export const MAX_SHEET_ROWS = MAX_DATA_ROWS + HEADER_SEARCH_ROWS;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE compound file: an encrypted OOXML package (ECMA-376 §2.3) or an Excel 97-2003 .xls. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function fileError(code: FileErrorCode, params: MessageParams = {}, cause?: unknown): AppError {
  const details = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null));
  return new AppError('invalid_data', code, message(filesMessages[code], params), { details, cause });
}

/** 50000 → "50,000": Korean and English both group thousands with commas. */
const count = (n: number): string => n.toLocaleString('en-US');
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function readWorkbook(bytes: Buffer, options: ReadOptions = {}): Promise<ReadWorkbook> {
  if (bytes.length === 0) throw fileError('empty_file');
  if (bytes.length > MAX_FILE_BYTES) throw fileError('file_too_large', { size: megabytes(bytes.length), max: megabytes(MAX_FILE_BYTES) });
  if (bytes.subarray(0, CFB.length).equals(CFB)) return readXlsx(await decrypt(bytes, options.password));
  if (bytes.subarray(0, ZIP.length).equals(ZIP)) return readXlsx(bytes);
  const decoded = decodeCsv(bytes);
  // A seller center's "Excel" download that is a web page: its tables, as Excel opens them.
  if (looksLikeHtml(decoded.text)) return readHtml(decoded);
  // Not a workbook by its bytes: a CSV, unless the name says it should have been one (a damaged or renamed file).
  if (/\.(xlsx|xlsm|xls)$/i.test(options.filename ?? '')) throw fileError('unreadable_file');
  return readCsv(decoded);
}

function readHtml({ text, encoding }: ReturnType<typeof decodeCsv>): ReadWorkbook {
  const tables = htmlTables(text, MAX_SHEET_ROWS);
  if (!tables.length) throw fileError('unreadable_file');
  const over = tables.find((t) => t.filledRows > MAX_SHEET_ROWS);
  if (over) throw fileError('too_many_rows', { sheet: 'HTML', actual: count(over.filledRows), max: count(MAX_DATA_ROWS) });
  return { format: 'html', encoding, sheets: tables.map((t, i) => ({ name: `표 ${i + 1}`, hidden: false, rows: t.rows })) };
}

/**
 * The sheet to import: the one named (the operator picked it), else the first visible sheet with any rows; CSV
 * files have exactly one. Undefined when a name matches nothing.
 */
export function pickSheet(book: ReadWorkbook, name?: string): SheetRows | undefined {
  if (name !== undefined) return book.sheets.find((sheet) => sheet.name === name);
  return book.sheets.find((sheet) => !sheet.hidden && sheet.rows.length > 0) ?? book.sheets[0];
}

async function decrypt(bytes: Buffer, password: string | undefined): Promise<Buffer> {
  let encrypted: boolean;
  try {
    encrypted = officeCrypto.isEncrypted(bytes);
  } catch (error) {
    throw fileError('unreadable_file', {}, error);
  }
  if (!encrypted) throw fileError('old_xls_format');
  if (!password) throw fileError('password_required');
  try {
    return await officeCrypto.decrypt(bytes, { password });
  } catch (error) {
    // officecrypto-tool says so in words only (ecma376_agile.js / ecma376_standard.js).
    const wrong = error instanceof Error && /password is incorrect/i.test(error.message);
    throw fileError(wrong ? 'wrong_password' : 'unsupported_encryption', {}, error);
  }
}

async function readXlsx(bytes: Buffer): Promise<ReadWorkbook> {
  let sheets: StreamedSheet[];
  try {
    sheets = await streamXlsx(bytes, MAX_SHEET_ROWS);
  } catch (error) {
    throw fileError(bytes.subarray(0, CFB.length).equals(CFB) ? 'old_xls_format' : 'unreadable_file', {}, error);
  }
  const over = sheets.find((sheet) => sheet.filledRows > MAX_SHEET_ROWS);
  if (over) throw fileError('too_many_rows', { sheet: over.name, actual: count(over.filledRows), max: count(MAX_DATA_ROWS) });
  return { format: 'xlsx', sheets: sheets.map(({ name, hidden, rows }) => ({ name, hidden, rows })) };
}

async function readCsv({ text, encoding }: ReturnType<typeof decodeCsv>): Promise<ReadWorkbook> {
  // A binary file (an image, a zip with a stray header) decodes to text full of NULs: not a CSV. A stray NUL or two in
  // real text (a memo pasted from another program) is a damaged cell: the row that holds it is refused, and named.
  const nuls = text.length - text.replaceAll('\u0000', '').length;
  if (nuls > 1 && nuls * 100 > text.length) throw fileError('unreadable_file');
  // Refused before parsing when even the line count is far over the limit (lines ≥ records; a quoted line break
  // adds a line), so a 20 MB file of tiny rows never becomes millions of row objects.
  const lines = text.split('\n').length;
  if (lines > 4 * MAX_SHEET_ROWS) throw fileError('too_many_rows', { sheet: 'CSV', actual: count(lines), max: count(MAX_DATA_ROWS) });
  let rows: Cell[][];
  try {
    rows = await parseCsv(text);
  } catch (error) {
    throw fileError('unreadable_file', {}, error);
  }
  if (rows.length > MAX_SHEET_ROWS) throw fileError('too_many_rows', { sheet: 'CSV', actual: count(rows.length), max: count(MAX_DATA_ROWS) });
  return { format: 'csv', encoding, sheets: [{ name: 'CSV', hidden: false, rows }] };
}
