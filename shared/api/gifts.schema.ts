// Gifts (사은품): rules that add a gift SKU to orders meeting all their conditions, and the preview → apply → undo
// of adding them. SKUs are named by the seller's codes here; the server keeps their ids.
import { z } from 'zod';
import { isValidDay } from '../time.ts';
import { DB_INT_MAX } from './common.schema.ts';

const int = z.number().int();
/** Amounts, quantities and versions stored in integer columns. */
const dbInt = int.max(DB_INT_MAX);
const day = z.string().refine(isValidDay, 'YYYY-MM-DD');
const names = (max: number) => z.array(z.string().trim().min(1).max(max)).max(200);

export const AMOUNT_BASES = ['paid', 'order'] as const;

/** A rule as written: every condition left out or empty always holds. */
export const giftRuleBody = z.object({
  name: z.string().trim().min(1).max(100),
  active: z.boolean().default(true),
  mall_account_ids: names(40).default([]),
  channel_names: names(100).default([]),
  /** SKUs bought: the order has a line needing any of them. */
  sku_codes: names(64).default([]),
  /** The order's amount must reach this (won), on `amount_basis`, with its shipping fee or not. */
  amount_min: dbInt.min(0).nullable().default(null),
  /** paid: Σ line amounts (what was paid for the products); order: Σ unit price × quantity. */
  amount_basis: z.enum(AMOUNT_BASES).default('paid'),
  amount_with_shipping: z.boolean().default(false),
  /** Units bought: of the SKUs named (when some are), else of every line. */
  min_quantity: dbInt.min(1).nullable().default(null),
  /** KST days, against the order's day of payment, both included. */
  period_from: day.nullable().default(null),
  period_to: day.nullable().default(null),
  gift_sku_code: z.string().trim().min(1).max(64),
  gift_quantity: int.min(1).max(999).default(1),
  /** Whether the gift takes stock: with it, the gift line needs its SKU like any line (allocation, shipping). */
  deduct_stock: z.boolean().default(true),
});
export type GiftRuleBody = z.input<typeof giftRuleBody>;

export const giftRulePatchBody = giftRuleBody.partial().extend({ version: dbInt.min(1) });

export const giftRuleView = z.object({
  id: z.string(),
  name: z.string(),
  active: z.boolean(),
  mall_account_ids: z.array(z.string()),
  channel_names: z.array(z.string()),
  sku_codes: z.array(z.string()),
  amount_min: int.nullable(),
  amount_basis: z.enum(AMOUNT_BASES),
  amount_with_shipping: z.boolean(),
  min_quantity: int.nullable(),
  period_from: z.string().nullable(),
  period_to: z.string().nullable(),
  gift_sku_code: z.string(),
  gift_sku_name: z.string(),
  gift_quantity: int,
  deduct_stock: z.boolean(),
  version: int,
  created_at: z.string(),
  updated_at: z.string(),
});
export type GiftRuleView = z.infer<typeof giftRuleView>;
export const giftRuleList = z.object({ items: z.array(giftRuleView) });
export const giftRuleDeleteQuery = z.object({ version: z.coerce.number().int().min(1).max(DB_INT_MAX) });

/** POST /api/gifts/preview: which orders (NEW / READY, matched, not on hold) get which gifts; all when none named. */
export const giftPreviewBody = z.object({
  order_ids: z.array(z.string().min(1).max(40)).min(1).max(100000).optional(),
  rule_ids: z.array(z.string().min(1).max(40)).min(1).max(500).optional(),
});

export const giftToAdd = z.object({
  rule_id: z.string(),
  rule_name: z.string(),
  sku_code: z.string(),
  sku_name: z.string(),
  /** The gift SKU's option (a hoodie's colour and size), when it has one. */
  sku_option: z.string().nullable().optional(),
  quantity: int,
});

export const giftPreviewItem = z.object({
  order_id: z.string(),
  /** The order's version now: apply refuses the order if it moved since. */
  version: int,
  mall_order_id: z.string().nullable(),
  channel_name: z.string(),
  gifts: z.array(giftToAdd),
});
export const giftPreviewResponse = z.object({ orders: int, lines: int, items: z.array(giftPreviewItem) });
export type GiftPreviewResponse = z.infer<typeof giftPreviewResponse>;

/** POST /api/gifts/apply: the preview's orders with their versions and the rules to apply to each. */
export const giftApplyBody = z.object({
  items: z
    .array(
      z.object({
        order_id: z.string().min(1).max(40),
        version: int.min(1),
        rule_ids: z.array(z.string().min(1).max(40)).min(1).max(500),
      }),
    )
    .min(1)
    .max(100000),
});
export type GiftApplyBody = z.input<typeof giftApplyBody>;

export const giftApplyResponse = z.object({
  batch_id: z.string(),
  orders: int,
  lines: int,
  items: z.array(z.object({ order_id: z.string(), version: int, lines: z.array(z.object({ id: z.string(), rule_id: z.string() })) })),
});

export const giftBatchView = z.object({
  id: z.string(),
  orders: int,
  lines: int,
  created_at: z.string(),
  created_by: z.string().nullable(),
  undone_at: z.string().nullable(),
});
export const giftBatchQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const giftBatchList = z.object({ items: z.array(giftBatchView) });
export const giftUndoResponse = z.object({ batch_id: z.string(), undo_batch_id: z.string(), orders: int, lines: int });
