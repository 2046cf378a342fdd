// The sheet API: what the add-in sends when an operator pushes an order sheet, and how it re-reads rows.
// A push carries only the rows whose editable cells differ from the snapshot taken at pull time, each with the
// version it was pulled at and only the changed cells. The server applies each row whole or not at all and
// answers one result per row, plus the fresh lines-view rows of every line the push changed (a hold changes
// every line of the order, a tracking number every line of the box) so the sheet can refresh their versions.
import { z } from 'zod';
import { page } from './common.schema.ts';
import { startedJob } from './jobs.schema.ts';
import { lineViewRow } from './order-views.schema.ts';
import { ITEM_RESULT_CODES } from './orders.schema.ts';
import { RECIPIENT_FIELDS, RECIPIENT_MAX, type RecipientField } from '../sheet/recipient-edit.ts';

/**
 * Recipient cells (name, phones, zip, address, delivery memo): the order's, corrected by the operator and kept ours,
 * never sent to the mall. Checked per row by the server (phones, 5-digit zip, name and address not empty): a bad
 * cell refuses its row as `invalid_value` naming the column.
 */
const recipientCells = Object.fromEntries(RECIPIENT_FIELDS.map((f) => [f, z.string().max(RECIPIENT_MAX[f]).optional()])) as Record<
  RecipientField,
  z.ZodOptional<z.ZodString>
>;

export const SHEET_PUSH_MAX_ROWS = 50000;

export const sheetPushRow = z
  .object({
    line_id: z.string().min(1).max(40),
    /**
     * The line's version in the sheet; a line that moved since is refused as stale, unless the row asks for nothing
     * it does not have already (a push sent again): then it is unchanged, and its fresh row comes back.
     */
    line_version: z.number().int().min(1),
    /**
     * Courier and tracking number travel together when either changed. A number sets the box's number (replacing
     * one it had); an empty number clears it (for courier DIRECT, which ships without numbers, it sets DIRECT).
     */
    courier: z.string().trim().max(40).optional(),
    tracking_number: z.string().trim().max(100).optional(),
    /**
     * Hold of the whole order; putting on hold needs a reason: `hold_reason`, or the order's current one. A changed
     * reason alone, on an order on hold, holds it again with that reason. Releasing ignores `hold_reason`.
     */
    hold: z.boolean().optional(),
    hold_reason: z.string().trim().max(500).optional(),
    /**
     * A new memo for the order, added unless it repeats the order's latest memo. Memos are kept as a list (the sheet
     * shows the latest) and cannot be removed: an empty memo is refused as `invalid_value`.
     */
    memo: z.string().trim().max(2000).optional(),
    ...recipientCells,
  })
  .refine((row) => row.courier === undefined || row.tracking_number !== undefined, {
    path: ['tracking_number'],
    message: 'send the tracking number with the courier (empty to clear it)',
  });
export type SheetPushRow = z.infer<typeof sheetPushRow>;

export const sheetPushBody = z.object({
  rows: z.array(sheetPushRow).min(1).max(SHEET_PUSH_MAX_ROWS),
});
export type SheetPushBody = z.infer<typeof sheetPushBody>;

/**
 * Besides the transitions' codes: `hold_reason_required` (a hold with no reason in the row or on the order),
 * `courier_required` (a number without a courier), `invalid_value` (a cell the server cannot apply as it is: an
 * emptied memo, a hold reason on an order not on hold), `row_conflict` (an earlier row of the same push already
 * asked for another hold of the same order, or another number for the same box).
 */
export const SHEET_ROW_CODES = [
  ...ITEM_RESULT_CODES,
  'unchanged',
  'hold_reason_required',
  'courier_required',
  'invalid_value',
  'row_conflict',
] as const;
export type SheetRowCode = (typeof SHEET_ROW_CODES)[number];

export const sheetRowResult = z.object({
  line_id: z.string(),
  result: z.enum(['applied', 'refused']),
  /** Why refused; on applied rows only when nothing needed to change ('unchanged'). */
  code: z.enum(SHEET_ROW_CODES).optional(),
  /** Which sheet column the refusal is about, when it is about one (an id of ORDER_COLUMNS). */
  column: z.string().optional(),
  message: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});
export type SheetRowResult = z.infer<typeof sheetRowResult>;

/**
 * A line a push changed, read after it was written: the lines-view fields a push can change (ids, versions, status,
 * hold, courier, tracking number, send status and error, memo, and the recipient cells when a row changed them);
 * the rest of a row is as pulled.
 */
const PUSHED_FIELDS = [
  'line_id',
  'line_version',
  'order_id',
  'order_version',
  'status',
  'hold',
  'hold_reason',
  'courier',
  'tracking_number',
  'send_status',
  'send_error',
  'memo',
] as const;
export const pushedLine = z.object({
  ...Object.fromEntries(PUSHED_FIELDS.map((f) => [f, lineViewRow.shape[f]!])),
  // Only when the push corrected a recipient: the lines of those orders come back with their recipient cells.
  ...Object.fromEntries(RECIPIENT_FIELDS.map((f) => [f, lineViewRow.shape[f]!.optional()])),
});

export const sheetPushResponse = z.object({
  batch_id: z.string(),
  applied: z.number().int(),
  refused: z.number().int(),
  results: z.array(sheetRowResult),
  /** Every line the push changed. */
  lines: z.array(pushedLine),
  /** Send jobs started because the push shipped boxes of accounts that send once shipped (issue 13 §6). */
  auto_jobs: z.array(startedJob).optional(),
});
/** The server builds the changed lines from SQL rows; the response check in tests holds them to `pushedLine`. */
export type SheetPushResult = Omit<z.infer<typeof sheetPushResponse>, 'lines'> & { lines: Record<string, unknown>[] };

/** Re-reading rows of a sheet (refused rows, rows a push or a job changed): lines-view rows by line id. */
export const sheetLinesBody = z.object({
  line_ids: z.array(z.string().min(1).max(40)).min(1).max(SHEET_PUSH_MAX_ROWS),
});

/** The lines-view rows asked for, as a list like every other (never paged: the ids bound it). */
export const sheetLinesResponse = page(lineViewRow);

/**
 * The order and box each of the given lines is in (box null: in none yet; unknown ids are left out). The pane keeps
 * an order's and a box's rows in one part when it numbers or prints a selection in parts, whatever columns the
 * operator's sheet still shows.
 */
export const sheetBoxesResponse = page(z.object({ line_id: z.string(), order_id: z.string(), box_id: z.string().nullable() }));
