// Merge-packing (합포장): the preview (which orders would share a box, and which only maybe), the apply of the groups
// the operator keeps, and the undo of an applied batch. Orders travel with the versions the preview read: an apply
// refuses when one of them moved since.
import { z } from 'zod';
import { exportReason, reasonText, requireTextForOther } from '../export-reasons.ts';

const int = z.number().int();

export const REVIEW_REASONS = ['phone_unknown', 'safe_number', 'phones_differ', 'details_differ'] as const;

const orderVersion = z.object({ id: z.string().min(1).max(40), version: int.min(1) });

/** One line of the preview sheet: its group (or review group), its order and product, and the box it is in now. */
export const mergePreviewLine = z.object({
  /** M1, M2 …: the merge group; null for a line only in a review group. */
  group: z.string().nullable(),
  /** R1, R2 …: the review group the line's order is in, when it is in one. */
  review: z.string().nullable(),
  review_reason: z.enum(REVIEW_REASONS).nullable(),
  line_id: z.string(),
  order_id: z.string(),
  mall_order_id: z.string().nullable(),
  channel_name: z.string(),
  /** Masked for viewers, as every read of recipients is. */
  recipient_name: z.string().nullable(),
  recipient_address: z.string().nullable(),
  product_name: z.string(),
  option_text: z.string().nullable(),
  quantity: int,
  box_id: z.string().nullable(),
});
export type MergePreviewLine = z.infer<typeof mergePreviewLine>;

export const mergeGroupView = z.object({ group: z.string(), orders: z.array(orderVersion) });
export const mergeReviewView = z.object({
  review: z.string(),
  reason: z.enum(REVIEW_REASONS),
  /** What merges anyway: a merge group's orders together, every other order alone. */
  clusters: z.array(z.array(z.string())),
  orders: z.array(orderVersion),
});

/**
 * GET/POST /api/merge/preview: why, when the preview shows more than a screenful of recipients as they are (a
 * download of personal data, as a pull of the order lines is; recorded with the read).
 */
export const mergePreviewQuery = z.object({ reason: exportReason.optional(), reason_text: reasonText.optional() }).superRefine(requireTextForOther);

/** GET/POST /api/merge/preview */
export const mergePreview = z.object({
  /** Lines on the shipping desk that may merge (released, no number, not held, claimed, unmatched, sold out or locked). */
  candidates: int,
  groups: z.array(mergeGroupView),
  reviews: z.array(mergeReviewView),
  lines: z.array(mergePreviewLine),
});
export type MergePreview = z.infer<typeof mergePreview>;

/**
 * POST /api/merge/apply: the groups to put each in one box (the preview's merge groups, and the review groups the
 * operator accepted, all of a review group's orders as one group), and the review groups the operator rejected
 * (not offered again for the same orders).
 */
export const mergeApplyBody = z.object({
  groups: z.array(z.object({ orders: z.array(orderVersion).min(2).max(1000) })).max(100_000),
  rejected: z
    .array(z.object({ orders: z.array(orderVersion).min(2).max(1000) }))
    .max(100_000)
    .default([]),
});
export type MergeApplyBody = z.input<typeof mergeApplyBody>;

export const mergeApplyResult = z.object({
  /** The batch (its history rows' batch_id, and what undo names); null when nothing changed. */
  batch_id: z.string().nullable(),
  groups: int,
  lines: int,
  rejected: int,
});
export type MergeApplyResult = z.infer<typeof mergeApplyResult>;

export const mergeBatch = z.object({
  id: z.string(),
  source: z.enum(['manual', 'auto']),
  groups: int,
  lines: int,
  created_at: z.string(),
  created_by: z.string().nullable(),
  undone_at: z.string().nullable(),
});
export type MergeBatch = z.infer<typeof mergeBatch>;
export const mergeBatchList = z.object({ items: z.array(mergeBatch) });

export const mergeBatchParams = z.object({ id: z.string().min(1).max(40) });
export const mergeUndoResult = z.object({ batch_id: z.string(), undo_batch_id: z.string(), lines: int });
export type MergeUndoResult = z.infer<typeof mergeUndoResult>;

/** GET/PUT /api/settings/auto-merge: merge the exact groups by themselves when orders are released. */
export const autoMergeSetting = z.object({ enabled: z.boolean() });
