// Request shapes of the export API: an order list or a courier booking file, as XLSX or CSV, always with a reason
// (shared/export-reasons.ts). The answer is the file itself.
import { z } from 'zod';
import { STATUSES } from '../lifecycle.ts';
import { CSV_ENCODINGS } from '../files/cells.ts';
import { BOOKING_TEMPLATES } from '../files/booking-templates.ts';
import { reasonFields, requireTextForOther } from '../export-reasons.ts';
import { csvList, orderFilterSchema } from './orders.schema.ts';

const fileFields = {
  format: z.enum(['xlsx', 'csv']),
  /** CSV only: UTF-8 with a BOM when absent. */
  encoding: z.enum(CSV_ENCODINGS).optional(),
  /** XLSX only: an open password (ECMA-376 encryption). Never stored, never logged. */
  password: z.string().max(1000).optional(),
  ...reasonFields,
};

/** The filters of GET /api/order-lines (without paging: the file holds every matching line). */
export const orderLinesExportBody = orderFilterSchema.extend(fileFields).superRefine(requireTextForOther);
export type OrderLinesExportBody = z.infer<typeof orderLinesExportBody>;

export const BOOKING_TEMPLATE_IDS = BOOKING_TEMPLATES.map((t) => t.id) as [string, ...string[]];
/** Boxes waiting for a booking by default: released (출고대기) ones. */
export const DEFAULT_BOOKING_STATUSES = ['READY'] as const;
export const BOOKING_BOX_IDS_MAX = 50_000;

export const bookingExportBody = z
  .object({
    template: z.enum(BOOKING_TEMPLATE_IDS),
    /** Boxes whose (shipping) lines are in these statuses; READY when neither this nor box_ids is given. */
    status: csvList(z.enum(STATUSES)).optional(),
    /** Only these boxes. */
    box_ids: z.array(z.string().min(1).max(40)).min(1).max(BOOKING_BOX_IDS_MAX).optional(),
    ...fileFields,
    /** The template's own format when absent. */
    format: fileFields.format.optional(),
  })
  .superRefine(requireTextForOther);
export type BookingExportBody = z.infer<typeof bookingExportBody>;

/** Waybill labels (송장 출력) are made for boxes with a number: 운송장출력 ones by default. */
export const DEFAULT_LABEL_STATUSES = ['INVOICED'] as const;
export const LABEL_LINES_MAX = 10_000;
/** The most labels (boxes) one label file holds: a printer's afternoon, and a page the browser still opens. */
export const LABELS_MAX = 3000;

/** 송장 출력: labels of the boxes these lines are in (the selected rows), or of the boxes in these statuses. */
export const labelsExportBody = z
  .object({
    line_ids: z.array(z.string().min(1).max(40)).min(1).max(LABEL_LINES_MAX).optional(),
    status: csvList(z.enum(STATUSES)).optional(),
    ...reasonFields,
  })
  .superRefine(requireTextForOther);
export type LabelsExportBody = z.infer<typeof labelsExportBody>;
