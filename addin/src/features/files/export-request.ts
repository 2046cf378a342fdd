// What the export section asks the server for, worked out from the form (no browser needed: unit-tested): an order
// list with the orders pane's filters, or a courier booking file from its template; XLSX or CSV (with its
// encoding); an open password for XLSX only; always a reason.
import type { z } from 'zod';
import type { bookingExportBody, orderLinesExportBody } from '../../../../shared/api/exports.schema.ts';
import { BOOKING_TEMPLATES } from '../../../../shared/files/booking-templates.ts';
import type { CsvEncoding } from '../../../../shared/files/cells.ts';
import { EMPTY_LINE_FILTER, markFields, type LineFilter } from '../orders/line-filter.ts';
import { reasonOfChoice, type Reason, type ReasonChoice, type ReasonProblem } from '../reason/session-reason.ts';

export type ExportWhat = 'orders' | 'booking';
export type ExportFormat = 'xlsx' | 'csv';

export type ExportChoice = {
  what: ExportWhat;
  /** A booking template id (shared/files/booking-templates.ts). */
  template: string;
  format: ExportFormat;
  encoding: CsvEncoding;
  password: string;
  /** The orders pane's filter fields (GET /api/order-lines). */
  filter: LineFilter;
};

export type ExportCall =
  | { kind: 'orders'; body: z.input<typeof orderLinesExportBody>; reason: Reason }
  | { kind: 'booking'; body: z.input<typeof bookingExportBody>; reason: Reason };

export type ExportProblem = ReasonProblem | 'dates_reversed';

export const DEFAULT_EXPORT: ExportChoice = {
  what: 'orders',
  template: 'cj',
  format: 'xlsx',
  encoding: 'utf8-bom',
  password: '',
  filter: EMPTY_LINE_FILTER,
};

/** The choice with another courier template: its own format and CSV encoding (most courier programs read CP949). */
export function withTemplate(choice: ExportChoice, id: string): ExportChoice {
  const template = BOOKING_TEMPLATES.find((t) => t.id === id);
  if (!template) return choice;
  return { ...choice, template: id, format: template.format, encoding: template.csvEncoding };
}

/** The request the choice makes, or what is missing. A password goes only with XLSX (a CSV cannot be encrypted). */
export function exportCall(choice: ExportChoice, reasonChoice: ReasonChoice): { call: ExportCall } | { problem: ExportProblem } {
  const given = reasonOfChoice(reasonChoice);
  if ('problem' in given) return { problem: given.problem };
  const { reason } = given;
  const file = {
    format: choice.format,
    ...(choice.format === 'csv' ? { encoding: choice.encoding } : {}),
    ...(choice.format === 'xlsx' && choice.password ? { password: choice.password } : {}),
    ...reason,
  };
  if (choice.what === 'booking') return { call: { kind: 'booking', body: { template: choice.template, ...file }, reason } };
  const f = choice.filter;
  if (f.from && f.to && f.from > f.to) return { problem: 'dates_reversed' };
  const q = f.q.trim();
  const filter = {
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.mall_account_id ? { mall_account_id: f.mall_account_id } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(q ? { q } : {}),
    ...markFields(f.marks),
  };
  return { call: { kind: 'orders', body: { ...filter, ...file }, reason } };
}

/** "12.3 KB": a file's size for the notice. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
