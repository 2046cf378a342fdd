// One cell of a seller's or courier's spreadsheet → the value our domain stores. Shared so that a file read on the
// server (exceljs, CSV) and the active sheet read by the pane (Office.js values) come out identical. What Excel does
// to such files is the reason for most rules here (korean-oms.md §1.2, §2.1): long numbers typed into a General
// cell become numbers (leading 0 gone, digits after the 15th replaced, or shown as 6.89E+11), dates become serials.
import { findCourier } from '../couriers.ts';
import { normalizePhone } from '../phone.ts';
import type { CellIssueCode, CellIssueParams } from './cell-messages.ts';

/** A cell as read: exceljs and Office.js give numbers, strings, booleans; exceljs gives Date for date-formatted cells. */
export type Cell = string | number | boolean | Date | null;

export type CellKind = 'text' | 'code' | 'digits' | 'phone' | 'zip' | 'money' | 'quantity' | 'date' | 'courier';

export type CellValue<K extends CellKind> = K extends 'money' | 'quantity' ? number : string;

/** Empty cells are `ok` with value null: whether a field may be empty is the template's business, not the cell's. */
export type CellResult<T> = { ok: true; value: T | null } | { ok: false; code: CellIssueCode; params: CellIssueParams };

export type NormaliseOptions = {
  /** Money only: whether a negative amount is allowed (a refund line) — the caller knows the field. */
  allowNegative?: boolean;
};

export const MAX_QUANTITY = 99_999;

/** Excel keeps 15 significant digits; a number cell with more digits has lost some already. */
const EXCEL_DIGITS = 15;
const EXCEL_ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA']);
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** NUL and the other C0 controls except tab and line breaks (which Alt+Enter puts inside address cells), plus DEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/**
 * A UTF-16 surrogate without its pair: what a file's `_xD800_` or `&#xD800;` decodes to. No database keeps one (both
 * drivers store U+FFFD instead, so the value read back is not the one sent); the API refuses it in JSON (400
 * lone_surrogate), and a file's cell is refused on its row the same way.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const LEADING_APOSTROPHE = /^['\u2018\u2019`]+/;
/**
 * Printable ASCII without spaces: text every rule here leaves as it is (NFC/NFKC, trimming, line breaks, control
 * characters) — most cells of a file (ids, numbers), so 50,000 rows skip those steps.
 */
const PLAIN = /^[\x21-\x7e]+$/;
const DIGITS = /^[0-9]+$/;

const fail = (code: CellIssueCode, value: unknown): { ok: false; code: CellIssueCode; params: CellIssueParams } => ({
  ok: false,
  code,
  params: { value: display(value) },
});

function display(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
  return String(value);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The calendar date of a Date read from a file (exceljs builds them at UTC midnight). */
function isoDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, and serial 60 is the 1900-02-29 that never was (Lotus's leap-year
 * bug, kept by Excel). From 61 on, counting from 1899-12-30 gives the right day; before 60, from 1899-12-31.
 * The 1904 system (old Mac workbooks) never reaches us as a serial: exceljs turns those into Dates itself.
 */
export function excelSerialToDate(serial: number): string | null {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day === 60 || day > 2_958_465) return null;
  const epoch = day > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return isoDate(new Date(epoch + day * 86_400_000));
}

/**
 * The digits of a whole number Excel could not keep (its text, to name it on the row), or null when it is exact:
 * beyond 15 digits Excel itself has replaced the tail with zeros, and ≥ 2^53 cannot be exact in any program.
 */
function excelLostDigits(value: number): string | null {
  const digits = BigInt(value).toString();
  return !Number.isSafeInteger(value) || digits.replace('-', '').length > EXCEL_DIGITS ? digits : null;
}

/** A cell's text holding a character no column keeps, refused with the character shown as '?' or '\uFFFD'. */
function badCharacter(text: string): { ok: false; code: CellIssueCode; params: CellIssueParams } | null {
  if (CONTROL.test(text)) return fail('control_chars', text.replace(/[\u0000-\u001f\u007f]/g, '?'));
  if (LONE_SURROGATE.test(text)) return fail('lone_surrogate', text.replace(LONE_SURROGATES, '\uFFFD'));
  return null;
}

/** Text as typed: NFKC (full-width digits and letters → ASCII), leading apostrophe and a number cell's ".0" gone. */
function cleanText(text: string): string {
  return text.normalize('NFKC').trim().replace(LEADING_APOSTROPHE, '').trim();
}

function normaliseText(value: Cell): CellResult<string> {
  if (typeof value === 'string' && PLAIN.test(value)) return { ok: true, value };
  // A number of more than 15 digits in a cell: Excel has already replaced its tail (a key or an order number typed
  // into a General cell), so it is named, not read as the text it no longer is.
  const lost = typeof value === 'number' && Number.isInteger(value) ? excelLostDigits(value) : null;
  if (lost) return fail('excel_precision_lost', lost);
  if (value instanceof Date) return { ok: true, value: isoDate(value) };
  const text = String(value);
  const bad = badCharacter(text);
  if (bad) return bad;
  // Line breaks inside a cell (Alt+Enter) become spaces: a label or an API field takes one line.
  const oneLine = text
    .normalize('NFC')
    .replace(/\s*[\r\n\t]+\s*/g, ' ')
    .trim();
  return { ok: true, value: oneLine === '' ? null : oneLine };
}

/**
 * A product code, or barcodes separated by commas: text, as codes may hold letters, but a part Excel showed in
 * scientific notation ("8.80123E+12", saved so into a CSV) has lost its digits as a number's would, and is refused
 * as one. Only a signed exponent, the form Excel writes, counts: a code such as "2E10" may be meant.
 */
function normaliseCode(value: Cell): CellResult<string> {
  const text = normaliseText(value);
  if (!text.ok || text.value === null) return text;
  const lost = text.value.split(/[,;\s]+/).find((part) => /e[+-]/i.test(part) && SCIENTIFIC.test(part.normalize('NFKC')));
  return lost ? fail('excel_scientific', lost) : text;
}

/** An identifier Excel may have stored as a number: tracking numbers, mall order and line numbers. */
function normaliseDigits(value: Cell): CellResult<string> {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return fail('invalid_number_text', value);
    const lost = excelLostDigits(value);
    if (lost) return fail('excel_precision_lost', lost);
    return { ok: true, value: String(value) };
  }
  if (typeof value !== 'string') return fail('invalid_number_text', value);
  if (DIGITS.test(value)) return { ok: true, value };
  const bad = badCharacter(value);
  if (bad) return bad;
  const text = cleanText(value);
  // "6.89E+11" is what Excel showed for a long number; what was typed after the third digit is gone for good.
  if (SCIENTIFIC.test(text)) return fail('excel_scientific', text);
  const withoutTail = text.replace(/^(\d+)\.0+$/, '$1');
  return { ok: true, value: withoutTail === '' ? null : withoutTail };
}

function normalisePhone(value: Cell): CellResult<string> {
  const digits = normaliseDigits(value);
  if (!digits.ok || digits.value === null) return digits;
  // normalizePhone restores the leading 0 a number cell lost (1012345678 → 010-1234-5678, 212345678 → 02-1234-5678:
  // every Korean number starts with 0, so this one digit has one answer). Kept hyphenated, as the malls send them.
  const phone = normalizePhone(digits.value);
  return phone.kind === 'invalid' ? fail('invalid_phone', digits.value) : { ok: true, value: phone.formatted };
}

/** 5-digit 국가기초구역번호; a number cell loses the leading 0 of Seoul's 01xxx–09xxx (korean-oms.md §2.2). */
function normaliseZip(value: Cell): CellResult<string> {
  const digits = normaliseDigits(value);
  if (!digits.ok || digits.value === null) return digits;
  const text = digits.value.replace(/[\s-]/g, '');
  if (typeof value === 'number' && text.length < 5) return { ok: true, value: text.padStart(5, '0') };
  // Four digits as text: a number cell's lost 0 saved into a CSV, most likely — said so, not guessed.
  if (/^\d{4}$/.test(text)) return fail('zip_zero_lost', text);
  // A 6-digit zip (XXX-XXX) is legacy data from before 2015; kept so the operator sees it, not silently cut.
  return /^\d{5,6}$/.test(text) ? { ok: true, value: text } : fail('invalid_zip', value);
}

/** `129,000원`, `₩129,000`, ` 129000 `, `KRW 129,000`, `-1,000` → whole won. */
function normaliseMoney(value: Cell, options: NormaliseOptions): CellResult<number> {
  let amount: number;
  if (typeof value === 'number') {
    amount = value;
  } else if (typeof value === 'string') {
    const text = value.normalize('NFKC').trim();
    const stripped = text.replace(/^(?:KRW|₩|\\)\s*|\s*(?:원|KRW)$/gi, '').replace(/[\s,]/g, '');
    if (!/^[+-]?\d+(?:\.\d+)?$/.test(stripped)) return fail('invalid_money', text);
    amount = Number(stripped);
  } else {
    return fail('invalid_money', value);
  }
  if (!Number.isFinite(amount)) return fail('invalid_money', value);
  // A price computed in Excel (129000 * 1.1) can carry float noise; anything further from a whole won is refused.
  const rounded = Math.round(amount);
  if (Math.abs(amount - rounded) > 1e-6 || !Number.isSafeInteger(rounded)) return fail('money_not_whole', value);
  if (rounded < 0 && !options.allowNegative) return fail('money_negative', value);
  return { ok: true, value: rounded === 0 ? 0 : rounded };
}

/** `3`, `3개`, `3 EA` → 3; zero and fractions are refused. */
function normaliseQuantity(value: Cell): CellResult<number> {
  let quantity: number;
  if (typeof value === 'number') quantity = value;
  else if (typeof value === 'string') {
    const text = value
      .normalize('NFKC')
      .trim()
      .replace(/\s*(?:개|ea|pcs|set|세트|박스|box)$/i, '')
      .replace(/,/g, '');
    if (!/^[+-]?\d+(?:\.\d+)?$/.test(text)) return fail('invalid_quantity', value);
    quantity = Number(text);
  } else return fail('invalid_quantity', value);
  if (!Number.isInteger(quantity)) return fail('invalid_quantity', value);
  if (quantity < 1) return fail('quantity_not_positive', value);
  if (quantity > MAX_QUANTITY) return { ok: false, code: 'quantity_too_large', params: { value: display(value), max: MAX_QUANTITY } };
  return { ok: true, value: quantity };
}

/** `2025-11-30`, `2025.11.30`, `2025. 11. 30.` (Korean display), `2025/11/30`, `20251130`, a time after it ignored. */
const DATE_TEXT = /^(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

function normaliseDate(value: Cell): CellResult<string> {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail('invalid_date', value) : { ok: true, value: isoDate(value) };
  if (typeof value === 'number') {
    const date = excelSerialToDate(value);
    return date ? { ok: true, value: date } : fail('invalid_date', value);
  }
  if (typeof value !== 'string') return fail('invalid_date', value);
  const text = value.normalize('NFKC').trim();
  const match = DATE_TEXT.exec(text) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(text);
  if (!match) return fail('invalid_date', text);
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March; a date that does not survive the round trip never existed.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail('invalid_date', text);
  return { ok: true, value: isoDate(date) };
}

function normaliseCourier(value: Cell): CellResult<string> {
  const text = normaliseText(value);
  if (!text.ok || text.value === null) return text;
  const courier = findCourier(text.value);
  return courier ? { ok: true, value: courier.code } : fail('unknown_courier', text.value);
}

function isEmpty(value: Cell | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Normalises one cell for a field of the given kind. Excel error values (#N/A …) are refused for every kind:
 * exceljs and Office.js both hand them over as their text.
 */
export function normaliseCell<K extends CellKind>(value: Cell | undefined, kind: K, options: NormaliseOptions = {}): CellResult<CellValue<K>> {
  if (isEmpty(value)) return { ok: true, value: null };
  // Every error value starts with '#': other text skips the trimmed, upper-cased copy.
  if (typeof value === 'string' && value.includes('#') && EXCEL_ERRORS.has(value.trim().toUpperCase())) return fail('excel_error', value.trim());
  if (typeof value === 'number' && !Number.isFinite(value)) return fail('excel_error', value);
  const result = normaliseByKind(value, kind, options);
  return result as CellResult<CellValue<K>>;
}

function normaliseByKind(value: Cell, kind: CellKind, options: NormaliseOptions): CellResult<string | number> {
  switch (kind) {
    case 'text':
      return normaliseText(value);
    case 'code':
      return normaliseCode(value);
    case 'digits':
      return normaliseDigits(value);
    case 'phone':
      return normalisePhone(value);
    case 'zip':
      return normaliseZip(value);
    case 'money':
      return normaliseMoney(value, options);
    case 'quantity':
      return normaliseQuantity(value);
    case 'date':
      return normaliseDate(value);
    case 'courier':
      return normaliseCourier(value);
  }
}
