// Stock per SKU × warehouse (issue 11): the list the 재고 sheet pulls, its history, and the three ways an operator
// changes it — a count (실사: a new on-hand), an adjustment (± a delta) and a transfer between warehouses. Every
// change names its reason and leaves a stock_history row (who, when, why, before → after).
import { z } from 'zod';
import { COLUMN_SIZES } from '../files/column-sizes.ts';
import { DB_INT_MAX, idPage, instant, page } from './common.schema.ts';
import { fileSource } from './files.schema.ts';

export const STOCK_PAGE_MAX = 5000;
export const STOCK_COUNT_MAX_ROWS = 20000;
export const STOCK_REASON_MAX = COLUMN_SIZES.stock_history.reason;

/** Record ids are 32-bit integers in PostgreSQL: a larger cursor is a client mistake, not a database error. */
const MAX_ID = DB_INT_MAX;

const code = (max: number) => z.string().trim().min(1).max(max);
/** A query flag as the pane writes it: true / 1. */
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const stockQuery = z.object({
  /** A warehouse code (MAIN …): only its rows. */
  warehouse: code(COLUMN_SIZES.warehouses.code).optional(),
  /** Part of a SKU code or name. */
  q: z.string().trim().max(100).optional(),
  /** Only rows with something on hand or allocated. */
  nonzero: flag,
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(STOCK_PAGE_MAX).default(1000),
});
export type StockQuery = z.infer<typeof stockQuery>;

/**
 * One SKU in one warehouse. Every SKU is listed in every active warehouse: a pair that never had stock reads 0 with
 * version 0 (its row is made by the first change), so a count can be typed for it like for any other.
 */
export const stockRow = z.object({
  sku_id: z.string(),
  sku_code: z.string(),
  sku_name: z.string(),
  option_text: z.string().nullable(),
  warehouse_id: z.string(),
  warehouse_code: z.string(),
  warehouse_name: z.string(),
  on_hand: z.number().int(),
  allocated: z.number().int(),
  /** on_hand − allocated, never stored. */
  available: z.number().int(),
  version: z.number().int(),
  updated_at: instant.nullable(),
});
export type StockRow = z.infer<typeof stockRow>;

export const stockPage = page(stockRow);

export const STOCK_HISTORY_KINDS = [
  'count',
  'adjust',
  'transfer_out',
  'transfer_in',
  'import',
  'allocate',
  'deallocate',
  'ship',
  'undo',
  'return_in',
] as const;

export const stockHistoryQuery = z.object({
  /** A SKU code. */
  sku: code(COLUMN_SIZES.skus.code).optional(),
  /** A warehouse code. */
  warehouse: code(COLUMN_SIZES.warehouses.code).optional(),
  /** The last id seen: the page goes on with older entries. */
  cursor: z.coerce.number().int().min(1).max(MAX_ID).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const stockHistoryEntry = z.object({
  id: z.number().int(),
  at: instant,
  sku_code: z.string(),
  sku_name: z.string(),
  warehouse_code: z.string(),
  kind: z.enum(STOCK_HISTORY_KINDS),
  on_hand_before: z.number().int(),
  on_hand_after: z.number().int(),
  allocated_before: z.number().int(),
  allocated_after: z.number().int(),
  reason: z.string().nullable(),
  /** Both halves of a transfer carry the same id. */
  transfer_id: z.string().nullable(),
  actor_type: z.enum(['user', 'job', 'system']),
  actor_id: z.string().nullable(),
  /** The user's name, when a user made the change. */
  actor_name: z.string().nullable(),
  job_id: z.string().nullable(),
});
export type StockHistoryEntry = z.infer<typeof stockHistoryEntry>;

export const stockHistoryPage = idPage(stockHistoryEntry);

/** Why stock changes: required on every change (the per-row checks of a count push refuse a row without one). */
const reason = z.string().trim().min(1).max(STOCK_REASON_MAX);

/**
 * One row of a count push (the 재고 sheet, or a stock-count file). `on_hand` and `reason` are checked per row by the
 * server (a negative count or a missing reason refuses that row, naming the field, never the whole push). The row
 * carries what the operator saw — `version` (0 for a pair without a row yet) and/or `expected_on_hand` — and is
 * refused as stale when the stock moved since, instead of overwriting a change made meanwhile.
 */
/** The largest count a stock row holds. */
export const STOCK_COUNT_MAX = 1_000_000_000;

export const stockCountRow = z.object({
  sku_code: code(COLUMN_SIZES.skus.code),
  /** Absent: the default warehouse. */
  warehouse_code: code(COLUMN_SIZES.warehouses.code).optional(),
  // Bounds and lengths past the stock's own are refused per row (count_too_large, reason_too_long), so one mistyped
  // cell of a 재고 sheet push does not refuse the whole push; these are only what a request may carry at all.
  on_hand: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  version: z.number().int().min(0).optional(),
  expected_on_hand: z.number().int().optional(),
  reason: z.string().trim().max(10_000).optional(),
});
export type StockCountRow = z.infer<typeof stockCountRow>;

export const stockCountBody = z.object({ rows: z.array(stockCountRow).min(1).max(STOCK_COUNT_MAX_ROWS) });
export type StockCountBody = z.input<typeof stockCountBody>;

/**
 * `unknown_sku`, `unknown_warehouse`, `negative_count` (field on_hand), `reason_required` (field reason),
 * `stale` (the stock changed since the sheet read it), `duplicate_row` (the same SKU × warehouse earlier in the push).
 * An applied row whose count equals the stock says `unchanged` and writes nothing; one whose count is below what
 * orders hold allocated says `below_allocated` (with a message: those allocations cannot all ship from it).
 */
export const STOCK_ROW_CODES = [
  'unchanged',
  'below_allocated',
  'unknown_sku',
  'unknown_warehouse',
  'negative_count',
  'count_too_large',
  'reason_required',
  'reason_too_long',
  'stale',
  'duplicate_row',
] as const;
export type StockRowCode = (typeof STOCK_ROW_CODES)[number];

export const stockCountResult = z.object({
  /** The row's place in the request (0-based). */
  index: z.number().int(),
  result: z.enum(['applied', 'refused']),
  code: z.enum(STOCK_ROW_CODES).optional(),
  /** The row's field the refusal is about. */
  field: z.string().optional(),
  message: z.string().optional(),
  /** The stock after the row (applied), or as it is now (stale), for the sheet to show. */
  stock: stockRow.optional(),
});
export type StockCountResult = z.infer<typeof stockCountResult>;

export const stockCountResponse = z.object({
  applied: z.number().int(),
  refused: z.number().int(),
  results: z.array(stockCountResult),
});

export const stockAdjustmentBody = z.object({
  sku_code: code(COLUMN_SIZES.skus.code),
  warehouse_code: code(COLUMN_SIZES.warehouses.code).optional(),
  /** Added to on-hand (negative takes away); on-hand may not go below zero. */
  delta: z
    .number()
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .refine((d) => d !== 0, { message: 'not 0' }),
  reason,
});
export type StockAdjustmentBody = z.input<typeof stockAdjustmentBody>;

export const stockChangeResponse = z.object({ history_id: z.number().int(), stock: stockRow });

export const stockTransferBody = z.object({
  sku_code: code(COLUMN_SIZES.skus.code),
  from_warehouse: code(COLUMN_SIZES.warehouses.code),
  to_warehouse: code(COLUMN_SIZES.warehouses.code),
  quantity: z.number().int().min(1).max(1_000_000_000),
  reason,
});
export type StockTransferBody = z.input<typeof stockTransferBody>;

export const stockTransferResponse = z.object({ transfer_id: z.string(), from: stockRow, to: stockRow });

// ---- counts from a file or the active sheet (the file pipeline) ------------------------------------------------

export const stockCountImportBody = z.object({
  source: fileSource,
  /** A stock_count template: the built-in one (상품코드, 창고, 수량, 사유) or a saved copy. */
  template_id: z.string().min(1).max(40).default('stock_count'),
  /** 1-based header row when the operator picked it; otherwise searched. */
  header_row: z.number().int().min(1).max(20).optional(),
  /** The reason of the rows without a 사유 cell. */
  reason: z.string().trim().max(STOCK_REASON_MAX).optional(),
});
export type StockCountImportBody = z.infer<typeof stockCountImportBody>;

export const stockCountImportRow = stockCountResult.omit({ index: true, code: true }).extend({
  /** 1-based sheet row, as Excel shows it. */
  row: z.number().int(),
  /** A count's code (STOCK_ROW_CODES), or the file cell's (invalid_…, required) or not_a_count. */
  code: z.string().optional(),
  sku_code: z.string().nullable(),
  warehouse_code: z.string().nullable(),
});

export const stockCountImportResponse = z.object({
  template_id: z.string(),
  header_row: z.number().int(),
  applied: z.number().int(),
  refused: z.number().int(),
  results: z.array(stockCountImportRow),
});
