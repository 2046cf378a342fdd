// Stock allocation (재고할당, issue 12 §2): preview → apply → undo. The preview computes the plan from the current
// lines and stock and keeps it (with their versions) on a batch; apply carries out that batch's plan or refuses when
// anything in it moved; undo returns a batch's stock, splits and flags.
import { z } from 'zod';

const int = z.number().int();

/** complete 완배송 · available 선배송 · together 일괄배송 (README "Allocation" says how they differ). */
export const ALLOCATION_POLICIES = ['complete', 'available', 'together'] as const;
export type AllocationPolicy = (typeof ALLOCATION_POLICIES)[number];

/** After the priority flag and the channel priority: date (oldest first), quantity (fewest first), amount (largest first). */
export const ORDER_RULES = ['date', 'quantity', 'amount'] as const;
export type OrderRule = (typeof ORDER_RULES)[number];

const code = z.string().trim().min(1).max(100);

/** POST /api/allocation/preview */
export const allocationPreviewBody = z.object({
  policy: z.enum(ALLOCATION_POLICIES),
  order_rule: z.enum(ORDER_RULES).default('date'),
  /** Channel names, first served first; the stored setting when left out. */
  channel_priority: z.array(code).max(100).optional(),
  /** Warehouse codes in the order stock is drawn from; the default warehouse, then the others by code, when left out. */
  warehouses: z.array(code).min(1).max(100).optional(),
});
export type AllocationPreviewBody = z.input<typeof allocationPreviewBody>;

export const OUTCOMES = ['full', 'partial', 'none'] as const;
/** What happens to a line: allocated, split off to a new order (선배송), short (sold-out flag) or waiting (its order waits). */
/** `gift_short`: a gift line its order's stock run could not cover — left unallocated, never flagged or split. */
export const LINE_OUTCOMES = ['allocated', 'split', 'short', 'waiting', 'gift_short'] as const;

/** One row per line and SKU: what the sheet shows. */
export const allocationRow = z.object({
  order_id: z.string(),
  mall_order_id: z.string().nullable(),
  channel_name: z.string(),
  line_id: z.string(),
  line_version: int,
  product_name: z.string(),
  option_text: z.string().nullable(),
  sku_code: z.string(),
  need: int,
  /** Warehouse codes the stock comes from (`MAIN, W2` when one SKU spans two), empty when nothing is allocated. */
  warehouse: z.string(),
  allocated: int,
  outcome: z.enum(OUTCOMES),
  line_outcome: z.enum(LINE_OUTCOMES),
});
export type AllocationRow = z.infer<typeof allocationRow>;

export const allocationCounts = z.object({
  orders: int,
  full: int,
  partial: int,
  none: int,
  lines: int,
  lines_allocated: int,
  lines_split: int,
  lines_short: int,
  /** Gift lines left unallocated for want of stock (gift_short); 0 in plans kept before it was counted. */
  gifts_short: int.default(0),
  units: int,
});

export const allocationPreview = z.object({
  batch_id: z.string(),
  policy: z.enum(ALLOCATION_POLICIES),
  order_rule: z.enum(ORDER_RULES),
  counts: allocationCounts,
  rows: z.array(allocationRow),
  /** Stock rows the plan draws on, with the versions it saw. */
  stock: z.array(z.object({ sku_code: z.string(), warehouse_code: z.string(), version: int, available: int, allocate: int })),
});
export type AllocationPreview = z.infer<typeof allocationPreview>;

/** POST /api/allocation/apply */
export const allocationApplyBody = z.object({ batch_id: z.string().min(1).max(40) });

export const allocationApplied = z.object({
  batch_id: z.string(),
  counts: allocationCounts,
  /** The new orders the unserved lines moved to (선배송): original order → new order. */
  splits: z.array(z.object({ order_id: z.string(), new_order_id: z.string(), line_ids: z.array(z.string()) })),
});

/** POST /api/allocation/batches/:id/undo */
export const allocationUndone = z.object({ batch_id: z.string(), undo_batch_id: z.string(), lines: int, units: int });

export const allocationBatch = z.object({
  id: z.string(),
  state: z.enum(['previewed', 'applied', 'undone']),
  source: z.string(),
  lines: int,
  created_at: z.string(),
  applied_at: z.string().nullable(),
  undone_at: z.string().nullable(),
});
/** GET /api/allocation/batches: newest first. */
export const allocationBatches = z.object({ items: z.array(allocationBatch), next_cursor: z.string().nullable() });

/** The shop's allocation setting (GET/PUT /api/allocation/settings). */
export const allocationSettings = z.object({
  /** Whether held orders receive stock (default: no). */
  allocate_held: z.boolean().default(false),
  channel_priority: z.array(code).max(100).default([]),
});
export type AllocationSettings = z.infer<typeof allocationSettings>;
