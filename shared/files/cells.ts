// What a spreadsheet file we write is made of, and the guard every text cell passes through on its way out.
//
// Formula injection (OWASP "CSV Injection"): a cell whose text starts with = + - @ (or a tab / CR, which some
// programs skip before looking for those) is run as a formula by Excel or LibreOffice when the file is opened or
// the cell edited, e.g. =HYPERLINK(…) or a DDE call hidden in a buyer's name or memo. In a CSV such text gets a
// leading single quote, so it shows as text. An XLSX cell is typed: a string cell is never run when the file
// opens, so it keeps its text as it is ("-부재시 문앞" prints as typed on a waybill) and gets the text format (@),
// under which Excel keeps an edit text too (xlsx-writer.ts). Only strings are guarded: a negative amount is a
// number cell and stays one. The full-width forms (＝ ＋ － ＠) are included because spreadsheet programs may fold
// them to ASCII on entry.

/** One cell: a string is always written as text (ids, tracking numbers, phones, zips keep their digits), a
 *  number as a number (money, quantities), null as an empty cell. */
export type Cell = string | number | null;

export type FileColumn = {
  header: string;
  /** Width in Excel character units (XLSX only). */
  width?: number;
  /** A column of digit strings: the XLSX cells also get the text format (@), so an edit keeps them text. */
  text?: boolean;
};

/** CSV text encodings: UTF-8, UTF-8 with a BOM (so Excel reads Korean correctly), CP949 (courier programs). */
export const CSV_ENCODINGS = ['utf8', 'utf8-bom', 'cp949'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** Whether a spreadsheet program would take this text for a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** The cell as a CSV writes it: as typedCell, strings guarded. */
export function safeCell(value: Cell | undefined): Cell {
  const cell = typedCell(value);
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

/** The cell as an XLSX writes it: strings as they are (xlsx-writer.ts types them), non-finite numbers left empty. */
export function typedCell(value: Cell | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}
