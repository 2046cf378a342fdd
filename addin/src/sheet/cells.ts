// How a lines-view value becomes a sheet cell and how a cell the operator edited is read back. Pure: the Excel
// layer only moves these values in and out of the workbook.
import { findCourier } from '../../../shared/couriers.ts';
import { format, type Lang, type Messages } from '../../../shared/i18n.ts';
import { STATUS_LABELS, type Status } from '../../../shared/lifecycle.ts';
import { ORDER_COLUMNS, type SheetColumn } from '../../../shared/sheet/order-columns.ts';
import { kstDate } from '../../../shared/time.ts';

export type CellValue = string | number | boolean;

const SEND_STATUS_LABELS: Messages = {
  not_sent: { ko: '미전송', en: 'Not sent' },
  sent: { ko: '전송완료', en: 'Sent' },
  failed: { ko: '전송실패', en: 'Failed' },
};

export function courierLabel(code: unknown, lang: Lang): string {
  if (typeof code !== 'string' || !code) return '';
  const courier = findCourier(code);
  if (!courier) return code;
  return lang === 'ko' ? courier.nameKo : courier.nameEn;
}

/** The cell a column shows for one lines-view row. */
export function cellOf(column: SheetColumn, row: Record<string, unknown>, lang: Lang): CellValue {
  const v = row[column.id];
  switch (column.kind) {
    case 'result':
      return '';
    case 'version':
    case 'int':
    case 'won':
      return typeof v === 'number' ? v : v === null || v === undefined || v === '' ? '' : Number(v);
    case 'date':
      return typeof v === 'string' && v ? kstDate(v) : '';
    case 'datetime':
      return typeof v === 'string' && v ? v.replace('T', ' ').slice(0, 16) : '';
    case 'status': {
      const label = STATUS_LABELS[v as Status];
      return label ? label[lang] : String(v ?? '');
    }
    case 'courier':
      return courierLabel(v, lang);
    case 'bool':
      return v ? 'Y' : '';
    case 'send_status':
      // Only a box with a number or courier has anything to send.
      return row.courier && typeof v === 'string' && SEND_STATUS_LABELS[v] ? format(SEND_STATUS_LABELS[v]!, {}, lang) : '';
    default:
      return v === null || v === undefined ? '' : String(v);
  }
}

/** A row's cells in ORDER_COLUMNS order. */
export const rowCells = (row: Record<string, unknown>, lang: Lang): CellValue[] => ORDER_COLUMNS.map((c) => cellOf(c, row, lang));

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
