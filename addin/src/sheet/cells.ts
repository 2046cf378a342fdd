// How a lines-view value becomes a sheet cell and how a cell the operator edited is read back. Pure: the Excel
// layer only moves these values in and out of the workbook.
// The cell of a lines-view value lives in shared/ (the server's order-list export writes the same cells).
export { cellOf, courierLabel, rowCells, type CellValue } from '../../../shared/sheet/cell-values.ts';
import type { CellValue } from '../../../shared/sheet/cell-values.ts';
import { findCourier } from '../../../shared/couriers.ts';
import type { MessageText } from '../../../shared/i18n.ts';

/** A courier's name in both languages, for words put into a language later (a notice); the code itself when unknown. */
export function courierWords(code: string): MessageText | string {
  const courier = findCourier(code);
  return courier ? { ko: courier.nameKo, en: courier.nameEn } : code;
}

/** Scattered cells to write: sheet row (0-based) → column → value. The Excel layer writes them with few ranges. */
export type CellPatches = Map<number, Map<number, CellValue>>;

/**
 * What a cell holds, as text: numbers Excel made of digits come back without a trailing ".0", booleans as Y/blank.
 * Everything is trimmed so a stray space typed by the operator is not a change.
 */
export function textOf(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'Y' : '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

const TRUE_WORDS = new Set(['y', 'yes', 'true', '1', 'o', 'v', '예', '네', '보류', '✓', '✔']);
const FALSE_WORDS = new Set(['', 'n', 'no', 'false', '0', 'x', '아니오', '아니요', '해제']);

/** A hold cell: Y/O/1/예/보류/TRUE are on, blank/N/0/X/해제/FALSE off; anything else is not understood. */
export function boolOf(cell: unknown): boolean | undefined {
  const t = textOf(cell).toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

/**
 * Text Excel would take for a formula when written into a cell that is not text-formatted (a buyer's
 * "=HYPERLINK(…)", a memo "+82 부재시 …", an option "-감"): such a cell is made text ("@") before it is written, so
 * what the mall or the operator wrote is kept as written and never runs (formula injection). A dash or plus alone
 * (a 상세주소 of "-", common in Korean data) Excel keeps as text: no format is spent on it.
 */
export const readsAsFormula = (value: unknown): boolean => typeof value === 'string' && /^[=@]|^[+-]./.test(value);

/** The cells of `rows` (row and column within them) holding such text outside the columns already text-formatted. */
export function formulaLikeCells(rows: readonly (readonly CellValue[])[], textColumns: readonly number[] = []): [number, number][] {
  const text = new Set(textColumns);
  const out: [number, number][] = [];
  rows.forEach((row, r) => row.forEach((v, c) => readsAsFormula(v) && !text.has(c) && out.push([r, c])));
  return out;
}
