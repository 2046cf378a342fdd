// Response shapes of the orders API: the lines view (one row per order line, as a sheet shows it), orders as
// listed and in detail, notes, transition results and sales figures. Viewers get names, phones, addresses and
// free text masked: still text, so the shapes are the same for every role.
import { z } from 'zod';
import { exportReason, reasonText, requireTextForOther } from '../export-reasons.ts';
import { CLAIM_STATES, CLAIM_TYPES, STATUSES } from '../lifecycle.ts';
import { ORDER_COLUMNS, type ColumnKind, type OrderColumn } from '../sheet/order-columns.ts';
import { instant, page } from './common.schema.ts';
import { startedJob } from './jobs.schema.ts';
import { API_ACTIONS, CHANNEL_KINDS, csvList, itemResult, LINES_PAGE_MAX, listLinesQuery, orderFlags, SCREEN_ROWS } from './orders.schema.ts';
import { PERSONAL_FIELDS } from '../mask-record.ts';

const text = z.string().nullable();
const int = z.number().int();
const SEND_STATUSES = ['not_sent', 'sent', 'failed'] as const;
const ORDER_SOURCES = ['mall', 'manual', 'direct'] as const;

/** The value a sheet column holds in a lines-view row, by the column's kind. */
const COLUMN_VALUE = {
  key: z.string(),
  version: int,
  text,
  digits: text,
  int,
  won: int,
  datetime: instant.nullable(),
  date: z.string(),
  status: z.enum(STATUSES),
  // A line without a box has no courier, number or send status.
  courier: text,
  bool: z.boolean(),
  send_status: z.enum(SEND_STATUSES).nullable(),
} satisfies Record<Exclude<ColumnKind, 'result'>, z.ZodType>;

type SheetColumnShape = {
  [C in OrderColumn as C['kind'] extends 'result' ? never : C['id']]: (typeof COLUMN_VALUE)[Exclude<C['kind'], 'result'>];
};

/**
 * Every sheet column is a lines-view field of its kind's type (the result columns are the add-in's own), so a column
 * added to the sheet is part of the contract at once; the typed fields after it are the row's identity and the
 * lines-view fields the sheet does not show.
 */
const sheetColumnFields = Object.fromEntries(
  ORDER_COLUMNS.flatMap((c) => (c.kind === 'result' ? [] : [[c.id, COLUMN_VALUE[c.kind]]])),
) as SheetColumnShape;

export const lineViewRow = z.object({
  ...sheetColumnFields,
  line_id: z.string(),
  line_version: int,
  order_id: z.string(),
  order_version: int,
  line_no: int,
  source: z.enum(ORDER_SOURCES),
  mall_account_id: text,
  mall_shipment_id: text,
  channel_kind: z.enum(CHANNEL_KINDS),
  paid_at: instant.nullable(),
  orderer_name: z.string(),
  orderer_phone: text,
  mall_product_id: text,
  unit_price: int,
  sku_code: text,
  ...orderFlags.shape,
  box_id: text,
  deleted_at: instant.nullable(),
});
export type LineViewRow = z.infer<typeof lineViewRow>;
export const lineViewPage = page(lineViewRow);

/** The lines view's fields in the order the column-array form lists them. */
export const LINE_VIEW_FIELDS = Object.keys(lineViewRow.shape) as (keyof LineViewRow)[];
const fieldSchema = lineViewRow.shape as Record<string, z.ZodType>;

/**
 * GET /api/order-lines/columns: the lines view's filter and paging, and the fields a client wants (all by default):
 * a sheet that shows 27 of the ~50 fields has the server read and send just those.
 */
export const lineColumnsQuery = listLinesQuery
  .extend({
    fields: csvList(z.enum(LINE_VIEW_FIELDS as [string, ...string[]])).optional(),
    // Why the lines are pulled (shared/export-reasons.ts): recorded with the read apart from its filter.
    reason: exportReason.optional(),
    reason_text: reasonText.optional(),
  })
  .superRefine(requireTextForOther)
  .superRefine((value, ctx) => {
    // A pull into a sheet that asks for any personal field must say why (issue 10 §6; the pane asks once a
    // session). No `fields` means every field, recipients included.
    const personal = !value.fields || value.fields.some((f) => PERSONAL_FIELDS.includes(f));
    if (personal && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required when personal data fields are pulled (names, phones, address)' });
    }
  });

/**
 * GET /api/order-lines: the lines filter, a page of a screenful by default, and why (recorded with the read). A page
 * of more than 100 rows with recipients as they are is a download and must say why (orders.service.ts SCREEN_ROWS);
 * a pull into a sheet (lineColumnsQuery) always must.
 */
export const pullLinesQuery = listLinesQuery
  .extend({
    limit: z.coerce.number().int().min(1).max(LINES_PAGE_MAX).default(SCREEN_ROWS),
    reason: exportReason.optional(),
    reason_text: reasonText.optional(),
  })
  .superRefine(requireTextForOther);

/**
 * The lines view as column arrays (GET /api/order-lines/columns): the field names once, then each row as an array in that
 * order, so 50,000 rows do not repeat the names each (less to send, parse and decompress). Same rows, same values,
 * same paging as the items form; every value is held to its field's type.
 */
export const lineColumnsPage = z
  .object({
    columns: z.array(z.enum(LINE_VIEW_FIELDS as [string, ...string[]])),
    rows: z.array(z.array(z.unknown())),
    next_cursor: z.string().nullable(),
  })
  .superRefine((page, ctx) => {
    page.rows.forEach((row, r) => {
      if (row.length !== page.columns.length) ctx.addIssue({ code: 'custom', path: ['rows', r], message: `expected ${page.columns.length} values` });
      page.columns.forEach((field, c) => {
        const checked = fieldSchema[field]!.safeParse(row[c]);
        if (!checked.success)
          ctx.addIssue({ code: 'custom', path: ['rows', r, c], message: `${field}: ${checked.error.issues[0]?.message ?? 'invalid'}` });
      });
    });
  });
export type LineColumnsPage = { columns: string[]; rows: unknown[][]; next_cursor: string | null };

/** Rows of the lines view as column arrays (the server's side of GET /api/order-lines/columns). */
export function toLineColumns(
  page: { items: readonly Record<string, unknown>[]; next_cursor: string | null },
  fields: readonly string[] = LINE_VIEW_FIELDS,
): LineColumnsPage {
  return {
    columns: [...fields],
    rows: page.items.map((row) => fields.map((f) => row[f])),
    next_cursor: page.next_cursor,
  };
}

/**
 * Lines-view rows back from column arrays (the client's side), by the names the page lists: a server with more or
 * fewer fields than this client knows still gives rows keyed by the right names.
 */
export function fromLineColumns(page: Pick<LineColumnsPage, 'columns' | 'rows'>): LineViewRow[] {
  const { columns } = page;
  return page.rows.map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
    return row as LineViewRow;
  });
}

/** An order's own fields. */
export const orderView = z.object({
  id: z.string(),
  source: z.enum(ORDER_SOURCES),
  mall_account_id: text,
  mall_order_id: text,
  channel_kind: z.enum(CHANNEL_KINDS),
  channel_name: z.string(),
  orderer_name: z.string(),
  orderer_phone: text,
  orderer_email: text,
  recipient_name: text,
  recipient_phone: text,
  recipient_mobile: text,
  recipient_zip: text,
  recipient_address1: text,
  recipient_address2: text,
  delivery_memo: text,
  ordered_at: instant.nullable(),
  paid_at: instant.nullable(),
  order_date: z.string(),
  total_amount: int,
  shipping_fee: int,
  hold: z.boolean(),
  hold_reason: text,
  priority: z.boolean(),
  flagged: z.boolean(),
  merge_locked: z.boolean(),
  version: int,
  created_by: text,
  created_at: instant,
  updated_at: instant,
  deleted_at: instant.nullable(),
  deleted_by: text,
  delete_reason: text,
  /** When the retention task erased its recipient data for good (README, "Retention"); null while it is kept. */
  personal_data_erased_at: instant.nullable(),
});

/** An order as listed: with a summary of its lines. */
export const orderListItem = orderView.extend({
  line_count: int,
  quantity: int,
  statuses: z.array(z.enum(STATUSES)),
  tracking_numbers: z.array(z.string()),
});
export const ordersPage = page(orderListItem);

export const lineView = z.object({
  id: z.string(),
  order_id: z.string(),
  line_no: int,
  mall_account_id: text,
  mall_line_id: text,
  mall_shipment_id: text,
  mall_product_id: text,
  mall_option_id: text,
  product_name: z.string(),
  option_text: text,
  quantity: int,
  unit_price: int,
  amount: int,
  sku_code: text,
  /** The remembered match the line was matched by (catalogue); its SKUs are the line's own copy. */
  match_id: text,
  status: z.enum(STATUSES),
  sold_out: z.boolean(),
  unmatched: z.boolean(),
  return_pickup_delayed: z.boolean(),
  box_id: text,
  version: int,
  created_at: instant,
  updated_at: instant,
  /** What the mall last said about the line (collected lines). */
  mall_status: text,
  mall_implied_status: z.enum(STATUSES).nullable(),
  mall_status_at: instant.nullable(),
  mall_confirmed_at: instant.nullable(),
  /** The gift rule that added the line as a gift (사은품), null for the order's own lines. */
  gift_rule_id: text,
  /** A gift line set aside while its order is on hold (back when the hold is released). */
  gift_set_aside: z.boolean(),
});

export const boxView = z.object({
  id: z.string(),
  courier: text,
  tracking_number: text,
  invoiced_at: instant.nullable(),
  shipped_at: instant.nullable(),
  send_status: z.enum(SEND_STATUSES),
  send_error: text,
  sent_at: instant.nullable(),
  version: int,
  created_at: instant,
  updated_at: instant,
});

export const claimView = z.object({
  id: z.string(),
  order_id: z.string(),
  line_id: z.string(),
  type: z.enum(CLAIM_TYPES),
  state: z.enum(CLAIM_STATES),
  quantity: int,
  reason: text,
  source: z.enum(['mall', 'manual']),
  mall_claim_id: text,
  requested_at: instant,
  completed_at: instant.nullable(),
  created_by: text,
  /** A withdrawn cancel seen by an operator (the CS list 취소철회 shows it until then); null otherwise. */
  acknowledged_at: instant.nullable(),
  acknowledged_by: text,
  /**
   * A mall's claim decided here, and whether its mall has been told (클레임 처리 전송): approve (completed) or reject
   * (withdrawn); pending, sent, failed (with the mall's reason; sent again by the next run) or unsupported (the mall
   * has no call for it: decide it in the seller center). Null for claims nobody decided here, and for manual ones.
   */
  mall_decision: z.enum(['approve', 'reject']).nullable().optional(),
  mall_decision_status: z.enum(['pending', 'sent', 'failed', 'unsupported']).nullable().optional(),
  mall_decided_at: instant.nullable().optional(),
  mall_decided_by: text.optional(),
  mall_sent_at: instant.nullable().optional(),
  mall_decision_error: text.optional(),
  /** The operator's reason for the decision (a refusal tells the mall). */
  mall_decision_reason: text.optional(),
  version: int,
  created_at: instant,
  updated_at: instant,
});

export const noteView = z.object({
  id: int,
  order_id: z.string(),
  kind: z.enum(['memo', 'message']),
  body: z.string(),
  author_id: text,
  created_at: instant,
});

export const historyView = z.object({
  id: int,
  entity: z.enum(['line', 'box', 'claim', 'order']),
  entity_id: z.string(),
  order_id: text,
  action: z.string(),
  from_status: text,
  to_status: z.string(),
  actor_type: z.enum(['user', 'job', 'system']),
  actor_id: text,
  reason: text,
  batch_id: text,
  at: instant,
});

export const holdView = z.object({
  id: int,
  order_id: z.string(),
  reason: z.string(),
  held_at: instant,
  held_by: text,
  released_at: instant.nullable(),
  released_by: text,
  release_reason: text,
});

/** One order with everything about it. */
export const orderDetail = orderView.extend({
  lines: z.array(lineView),
  boxes: z.array(boxView),
  claims: z.array(claimView),
  notes: z.array(noteView),
  history: z.array(historyView),
  holds: z.array(holdView),
  /** Usernames of the users named in the history, notes, holds and claims, by user id (GET /api/orders/:id). */
  user_names: z.record(z.string(), z.string()).optional(),
});

/** A direct order as created: its detail, and what the tracking number's checks warned of (a check digit off). */
export const directOrderResult = orderDetail.extend({ warnings: z.array(z.string()).optional() });
export type OrderDetail = z.infer<typeof orderDetail>;

export const bulkTransitionResult = z.object({
  batch_id: z.string(),
  applied: int,
  refused: int,
  results: z.array(itemResult),
  /** Send jobs started because the call shipped boxes of accounts that send once shipped (issue 13 §6). */
  auto_jobs: z.array(startedJob).optional(),
  /** Whether the call can be undone as a unit (POST /api/transitions/batches/{batch_id}/undo) while nothing after depends on it. */
  undoable: z.boolean().optional(),
  /** Stock rows the call's ships left below zero (the shelf said more than it had), to be counted. */
  stock_short: z.array(z.object({ sku_code: z.string(), warehouse_code: z.string(), on_hand: int })).optional(),
});
/** An operator's bulk change kept for undo (GET /api/transitions/batches). */
export const transitionBatch = z.object({
  id: z.string(),
  action: z.enum(API_ACTIONS),
  lines: int,
  /** Not undone yet, and its record covers all it changed (whether nothing changed since is known only on undo). */
  undoable: z.boolean(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  undone_at: z.string().nullable(),
});
export const transitionBatchList = z.object({ items: z.array(transitionBatch) });
export const transitionBatchParams = z.object({ id: z.string().min(1).max(40) });
export const transitionUndoResult = z.object({
  batch_id: z.string(),
  undo_batch_id: z.string(),
  lines: int,
  /** The lines the undo moved back: the sheet reads their rows again. */
  line_ids: z.array(z.string()),
});
export type TransitionUndoResult = z.infer<typeof transitionUndoResult>;

export const singleTransitionResult = itemResult.extend({
  batch_id: z.string(),
  /** A send job started because the call shipped a box of an account that sends once shipped (issue 13 §6). */
  auto_jobs: z.array(startedJob).optional(),
});

export const salesRow = z.object({
  day: z.string(),
  channel_kind: z.enum(CHANNEL_KINDS),
  channel_name: z.string(),
  orders: int,
  lines: int,
  quantity: int,
  amount: int,
});
export const salesPage = page(salesRow);
