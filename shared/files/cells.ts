// What a spreadsheet file we write is made of, and the guard every text cell passes through on its way out.
//
// Formula injection (OWASP "CSV Injection"): a cell whose text starts with = + - @ (or a tab / CR, which some
// programs skip before looking for those) is run as a formula by Excel or LibreOffice when the file is opened or
// the cell edited, e.g. =HYPERLINK(…) or a DDE call hidden in a buyer's name or memo. Such text gets a leading
// single quote, so it shows as text. Only strings are guarded: a negative amount is a number cell and stays one.
// The full-width forms (＝ ＋ － ＠) are included because spreadsheet programs may fold them to ASCII on entry.

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

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell as it is written: strings guarded, non-finite numbers (NaN, Infinity) left empty. */
export function safeCell(value: Cell | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return neutraliseFormula(value);
}
