// How a lines-view value becomes a cell, for every place that writes order lines as cells: the pane's order
// sheet (addin/src/sheet/cells.ts) and the server's order-list export (shared/files/order-list.ts). Pure.
import { findCourier } from '../couriers.ts';
import { format, isMessage, render, type Lang, type Messages } from '../i18n.ts';
import { NO_SEND_OF_ITS_OWN, STATUS_LABELS, type Status } from '../lifecycle.ts';
import { ORDER_COLUMNS, type SheetColumn } from './order-columns.ts';
import { kstDate } from '../time.ts';

export type CellValue = string | number | boolean;

/** Whether a box's tracking number reached the mall: the sheet's 전송상태 cell and the pane's order detail. */
export const SEND_STATUS_LABELS: Messages = {
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
      // Only a box with a number or courier has anything to send, and only for lines that go out in it.
      if (NO_SEND_OF_ITS_OWN.includes(row.status as Status)) return '';
      return row.courier && typeof v === 'string' && SEND_STATUS_LABELS[v] ? format(SEND_STATUS_LABELS[v]!, {}, lang) : '';
    default:
      // A stored Message (a box's send error, read by the server's own export) in the file's language.
      return v === null || v === undefined ? '' : isMessage(v) ? render(v, lang) : String(v);
  }
}

/** A row's cells in ORDER_COLUMNS order. */
export const rowCells = (row: Record<string, unknown>, lang: Lang): CellValue[] => ORDER_COLUMNS.map((c) => cellOf(c, row, lang));
