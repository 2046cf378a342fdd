// Order upload (issue 10 §4): a wholesale buyer's or a connector-less mall's order sheet → orders, through an
// order-upload template. Preview answers one result per sheet row; register makes the valid orders in one batch
// (an upload), which can be deleted as a whole while none of its orders has moved on.
import { z } from 'zod';
import { instant, outcomeCounts, page } from './common.schema.ts';
import { templateDefinition } from './file-imports.schema.ts';
import { OWN_CHANNEL_KINDS } from './orders.schema.ts';
import { fileSource } from './files.schema.ts';

/** Channels an uploaded order can belong to: a mall's own orders come from its connector, so no 'mall'. */
export const UPLOAD_CHANNEL_KINDS = OWN_CHANNEL_KINDS;

/**
 * The template of an upload: a stored one by id (a built-in or a copy saved in the template store), or a definition
 * sent with the request (one being edited in the pane) in the store's own shape (`templateDefinition`), so a
 * definition that uploads is one that can be saved, and the other way round. It must be an order-upload one.
 */
export const orderUploadTemplateChoice = z.union([
  z.object({ id: z.string().trim().min(1).max(40) }).strict(),
  z.object({ definition: templateDefinition, name: z.string().trim().min(1).max(100).optional() }).strict(),
]);

export const orderUploadBody = z.object({
  source: fileSource,
  template: orderUploadTemplateChoice,
  /** The channel of every row whose file has no channel column or an empty cell (fixed values over the template's). */
  channel: z
    .object({
      channel_kind: z.enum(UPLOAD_CHANNEL_KINDS).optional(),
      channel_name: z.string().trim().min(1).max(100).optional(),
    })
    .optional(),
  /** 1-based header row chosen by the operator; otherwise searched below title rows. */
  header_row: z.number().int().min(1).max(1000).optional(),
  /** Register nothing when any row is invalid or a duplicate (default: register the valid orders, report the rest). */
  all_or_nothing: z.boolean().default(false),
});
export type OrderUploadBody = z.infer<typeof orderUploadBody>;

export const UPLOAD_ROW_RESULTS = ['ok', 'invalid', 'duplicate'] as const;

export const uploadRowResult = z.object({
  /** 1-based sheet row, as Excel shows it. */
  row: z.number().int(),
  result: z.enum(UPLOAD_ROW_RESULTS),
  /** The order this row is a line of (1, 2, … in file order); rows of one buyer + recipient + address (+ order number) share it. */
  order: z.number().int().nullable(),
  /** Why the row is invalid or a duplicate. */
  reasons: z.array(z.string()),
  /** What the operator should know of a row that is registered all the same (e.g. the product is not matched). */
  notes: z.array(z.string()),
  /** The existing order that already has this mall order number for the channel. */
  duplicate_of: z.string().nullable(),
  /** Whether the product was matched to the catalogue: 'unchecked' until the product catalogue exists. */
  product_match: z.enum(['unchecked']),
});

export const uploadCounts = outcomeCounts(UPLOAD_ROW_RESULTS).extend({
  /** Orders (and their lines) the ok rows make. */
  orders: z.number().int(),
  lines: z.number().int(),
});

export const orderUploadPreview = z.object({
  source_name: z.string(),
  template_id: z.string(),
  header_row: z.number().int(),
  unused_headers: z.array(z.string()),
  counts: uploadCounts,
  rows: z.array(uploadRowResult),
});

export const orderUploadView = z.object({
  id: z.string(),
  template_id: z.string(),
  template_name: z.string(),
  source_kind: z.enum(['sheet', 'file']),
  source_name: z.string(),
  channel_kind: z.string().nullable(),
  channel_name: z.string().nullable(),
  rows_total: z.number().int(),
  rows_registered: z.number().int(),
  rows_refused: z.number().int(),
  orders_created: z.number().int(),
  lines_created: z.number().int(),
  created_by: z.string().nullable(),
  created_at: instant,
  deleted_at: instant.nullable(),
  deleted_by: z.string().nullable(),
  delete_reason: z.string().nullable(),
});

export const orderUploadResult = orderUploadPreview.extend({
  /** The batch made, or null when nothing was registered (no valid order, or all-or-nothing with a bad row). */
  upload: orderUploadView.nullable(),
  orders: z.array(z.object({ id: z.string(), order: z.number().int(), rows: z.array(z.number().int()) })),
});

export const orderUploadsPage = page(orderUploadView);

export const orderUploadDetail = orderUploadView.extend({
  orders: z.array(
    z.object({
      id: z.string(),
      mall_order_id: z.string().nullable(),
      channel_name: z.string(),
      total_amount: z.number().int(),
      line_count: z.number().int(),
      quantity: z.number().int(),
      statuses: z.array(z.string()),
      deleted_at: instant.nullable(),
    }),
  ),
});

export const listOrderUploadsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  include_deleted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const deleteOrderUploadBody = z.object({ reason: z.string().trim().min(1).max(500) });
