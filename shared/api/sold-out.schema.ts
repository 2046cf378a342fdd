// The sold-out list (품절주문) and its release after a stock fix (품절해제): lines carrying the sold-out flag with
// the SKUs they need, each SKU's status and available stock, and whether the line could be released now.
import { z } from 'zod';
import { STATUSES } from '../lifecycle.ts';
import { page } from './common.schema.ts';

const int = z.number().int();

/** Why a line cannot be released (yet). */
export const RELEASE_REFUSALS = ['not_found', 'not_sold_out', 'sku_sold_out', 'stock_short'] as const;
export type ReleaseRefusal = (typeof RELEASE_REFUSALS)[number];

/** GET /api/sold-out */
export const soldOutQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(400).optional(),
});

export const soldOutSku = z.object({
  sku_id: z.string(),
  code: z.string(),
  name: z.string(),
  /** active | discontinued | reorder | sold_out (강제품절) | limited */
  status: z.string(),
  /** How many of this SKU the line needs: the line's quantity × the SKU's quantity per unit. */
  needed: int,
  /**
   * On hand − allocated over every warehouse, less what lines released from sold-out before still take without an
   * allocation (not shipped yet): what a release may count on.
   */
  available: int,
});

export const soldOutItem = z.object({
  line_id: z.string(),
  line_version: int,
  order_id: z.string(),
  mall_order_id: z.string().nullable(),
  channel_name: z.string(),
  status: z.enum(STATUSES),
  product_name: z.string(),
  option_text: z.string().nullable(),
  quantity: int,
  sku_code: z.string().nullable(),
  skus: z.array(soldOutSku),
  /** Whether 품절해제 would release the line now (no SKU forced sold-out, each SKU's stock covers it). */
  releasable: z.boolean(),
  /** Why not, when not releasable. */
  code: z.enum(RELEASE_REFUSALS).optional(),
  message: z.string().optional(),
});
export type SoldOutItem = z.infer<typeof soldOutItem>;

/** The list's page, and how many lines carry the flag in all. */
export const soldOutPage = page(soldOutItem).extend({ count: int });
export type SoldOutPage = z.infer<typeof soldOutPage>;

/** POST /api/sold-out/release: the given lines, or every flagged line when none are given; the reason is recorded. */
export const releaseSoldOutBody = z.object({
  line_ids: z.array(z.string().min(1).max(40)).min(1).max(5000).optional(),
  reason: z.string().trim().min(1).max(500),
});
export type ReleaseSoldOutBody = z.input<typeof releaseSoldOutBody>;

export const releaseResult = z.object({
  line_id: z.string(),
  result: z.enum(['released', 'refused']),
  code: z.enum(RELEASE_REFUSALS).optional(),
  message: z.string().optional(),
  /** The line's version after the release. */
  line_version: int.optional(),
});
export type ReleaseResult = z.infer<typeof releaseResult>;

export const releaseSoldOutResponse = z.object({
  released: int,
  refused: int,
  results: z.array(releaseResult),
  /** Each SKU of the lines asked with what it has available after the release (the list's `available` from now on). */
  stock: z.array(z.object({ sku_id: z.string(), available: int })),
});
export type ReleaseSoldOutResponse = z.infer<typeof releaseSoldOutResponse>;
