// Exports of personal data: the rows of an order list or a booking file, and the access record every export leaves.
// The record is written before the first byte of the file leaves (a transfer that cannot be recorded is not made)
// and completed with the number of rows once the file is written. Column headers and the file itself are the HTTP
// edge's (it knows the caller's language); this module hands out records.
import { LABELS_MAX } from '../../../shared/api/exports.schema.ts';
import { LINES_PAGE_MAX, type OrderFilter } from '../../../shared/api/orders.schema.ts';
import type { BookingLine } from '../../../shared/files/booking-rows.ts';
import type { Status } from '../../../shared/lifecycle.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import { seesRecipients, type Actor, type RequestInfo } from '../../domain/actor.ts';
import { insertAccessRecord, setAccessRecordRows } from '../audit/audit.repo.ts';
import { listLines } from '../orders/orders.service.ts';
import * as repo from '../orders/booking.repo.ts';
import { exportsMessages } from './exports.messages.ts';

/** Viewers get names and phones masked in files as in reads (PRODUCT.md §6.6). */
export const exportsMasked = (actor: Actor): boolean => !seesRecipients(actor);

/** Every line matching the filter, page by page (each page masked for viewers by the lines view itself). */
export async function* orderLineRecords(db: Db, actor: Actor, filter: OrderFilter): AsyncGenerator<Record<string, unknown>> {
  let cursor: string | undefined;
  do {
    const page = await listLines(db, actor, { ...filter, limit: LINES_PAGE_MAX, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

export async function bookingLines(
  db: Db,
  filter: { statuses?: readonly Status[] | undefined; boxIds?: readonly string[] | undefined },
): Promise<BookingLine[]> {
  const lines = await repo.bookingLines(db, filter);
  // An empty booking file uploaded to the courier books nothing and looks like success: refuse it instead.
  if (lines.length === 0) throw new AppError('conflict', 'nothing_to_book', message(exportsMessages.nothing_to_book));
  return lines;
}

/**
 * The lines of the boxes to label (송장 출력): those the selected lines are in, or the boxes in these statuses; the
 * same boxes a booking file takes (held, sold-out or stuck ones left out), as only numbered boxes get a label.
 */
export async function labelLines(
  db: Db,
  filter: { statuses?: readonly Status[] | undefined; lineIds?: readonly string[] | undefined },
): Promise<BookingLine[]> {
  const lines = (await repo.bookingLines(db, filter)).filter((l) => l.tracking_number);
  if (lines.length === 0) throw new AppError('conflict', 'nothing_to_label', message(exportsMessages.nothing_to_label));
  // A file of labels is printed at once: a day's desk, not a year's (and each barcode takes a while to draw).
  const boxes = new Set(lines.map((l) => l.box_id)).size;
  if (boxes > LABELS_MAX)
    throw new AppError('conflict', 'too_many_labels', message(exportsMessages.too_many_labels, { count: boxes, max: LABELS_MAX }));
  return lines;
}

export type ExportRecord = {
  endpoint: string;
  filter: Record<string, unknown>;
  format: 'xlsx' | 'csv' | 'html';
  reason: string;
  reasonText?: string | undefined;
};

/** Starts the access record of an export; `finish` sets how many rows the file held. */
export async function recordExport(db: Db, actor: Actor, info: Partial<RequestInfo>, record: ExportRecord) {
  const id = await insertAccessRecord(db, actor, info, { ...record, kind: 'export', rows: 0, masked: exportsMasked(actor) });
  return { finish: (rows: number) => setAccessRecordRows(db, id, rows) };
}
