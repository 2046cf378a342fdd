// The CS lists (issue 12 §6): delayed return pickups (회수지연), claims waiting (클레임대기) and cancels withdrawn at
// the mall (취소철회: the order must ship again). Reads only; the actions on them are the transitions API's (hold,
// complete_claim, …), except acknowledging a withdrawn cancel, which only takes it off the list.
import { z } from 'zod';
import { CLAIM_TYPES, STATUSES } from '../lifecycle.ts';
import { instant, page } from './common.schema.ts';

const int = z.number().int();

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(400).optional(),
});

/** GET /api/cs/delayed-returns */
export const delayedReturnsQuery = listQuery;
/** GET /api/cs/claims: open claims, of one type or all. */
export const claimsQuery = listQuery.extend({ type: z.enum(CLAIM_TYPES).optional() });
/** GET /api/cs/withdrawn-cancels: cancels withdrawn in the last `days` days, not yet acknowledged. */
export const withdrawnCancelsQuery = listQuery.extend({ days: z.coerce.number().int().min(1).max(365).default(30) });

/** What every row says of its line and order (the versions are what the transitions API asks for). */
export const csLineItem = z.object({
  claim_id: z.string(),
  line_id: z.string(),
  line_version: int,
  order_id: z.string(),
  order_version: int,
  mall_order_id: z.string().nullable(),
  channel_name: z.string(),
  product_name: z.string(),
  option_text: z.string().nullable(),
  /** The seller's SKU code(s) the line is matched to (A100, A100×2+B200); null while unmatched. */
  sku_code: z.string().nullable(),
  quantity: int,
  status: z.enum(STATUSES),
  reason: z.string().nullable(),
  source: z.string(),
  requested_at: instant,
});

export const delayedReturnItem = csLineItem.extend({ /** Whole days since the return was requested. */ age_days: int });
export const delayedReturnsPage = page(delayedReturnItem).extend({
  /** After how many days a requested return counts as delayed (SHIPSHEET_RETURN_PICKUP_DAYS). */
  delay_days: int,
  /** Lines this read found overdue and flagged now. */
  flagged_now: int,
});
export type DelayedReturnsPage = z.infer<typeof delayedReturnsPage>;

export const claimItem = csLineItem.extend({ type: z.enum(CLAIM_TYPES), age_days: int });
export type ClaimItem = z.infer<typeof claimItem>;
export const claimsPage = page(claimItem);
export type ClaimsPage = z.infer<typeof claimsPage>;

export const withdrawnCancelItem = csLineItem.extend({ /** When the cancel was withdrawn. */ withdrawn_at: instant });
export type WithdrawnCancelItem = z.infer<typeof withdrawnCancelItem>;
export const withdrawnCancelsPage = page(withdrawnCancelItem);
export type WithdrawnCancelsPage = z.infer<typeof withdrawnCancelsPage>;

/** A row of any of the three lists: the line's fields, and what one list or another adds. */
export type CsListItem = z.infer<typeof csLineItem> & Partial<Pick<ClaimItem, 'type' | 'age_days'> & Pick<WithdrawnCancelItem, 'withdrawn_at'>>;

/** POST /api/cs/withdrawn-cancels/acknowledge */
export const acknowledgeBody = z.object({ claim_ids: z.array(z.string().min(1).max(40)).min(1).max(1000) });
export const acknowledgeResponse = z.object({
  acknowledged: int,
  results: z.array(z.object({ claim_id: z.string(), result: z.enum(['acknowledged', 'not_found']), message: z.string().optional() })),
});
export type AcknowledgeResponse = z.infer<typeof acknowledgeResponse>;

/** GET /api/cs/returns: return and exchange claims whose goods have not been received yet (반품입고), oldest first. */
export const returnsQuery = listQuery;
export const returnsPage = page(claimItem);
export type ReturnsPage = z.infer<typeof returnsPage>;

/** How returned goods came back: sellable (back on a shelf) or defective (recorded, no stock). */
export const RETURN_CONDITIONS = ['sellable', 'defective'] as const;

/** POST /api/cs/returns/receive: the goods of these lines came back, in this condition. */
export const receiveReturnsBody = z.object({
  condition: z.enum(RETURN_CONDITIONS),
  /** The warehouse (code) sellable goods go back to; the default warehouse when left out. */
  warehouse: z.string().trim().min(1).max(40).optional(),
  note: z.string().trim().min(1).max(500).optional(),
  line_ids: z.array(z.string().min(1).max(40)).min(1).max(5000),
});
export const RECEIPT_CODES = ['not_found', 'not_returning', 'already_received', 'no_skus', 'duplicate_item'] as const;
export const receiveReturnsResponse = z.object({
  batch_id: z.string(),
  received: int,
  refused: int,
  results: z.array(
    z.object({
      line_id: z.string(),
      result: z.enum(['received', 'refused']),
      code: z.enum(RECEIPT_CODES).optional(),
      message: z.string().optional(),
    }),
  ),
});
export type ReceiveReturnsResponse = z.infer<typeof receiveReturnsResponse>;
