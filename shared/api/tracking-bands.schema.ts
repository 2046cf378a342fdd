// 송장 대역 and 자동 채번: the courier's bands of tracking numbers the shop registered, and numbering selected
// lines' boxes from them (one number per box, or per order for lines not yet in one) through the same rules as a
// number typed into the sheet.
import { z } from 'zod';
import { instant, page } from './common.schema.ts';
import { DB_INT_MAX } from './common.schema.ts';
import { bulkTransitionResult } from './order-views.schema.ts';

const int = z.number().int();
/** Text, as tracking numbers always are here: a number in JSON would lose its leading zeros. */
const number = z.string().trim().min(1).max(60);

export const trackingBandBody = z.object({
  courier: z.string().trim().min(1).max(40),
  /** The band's first and last numbers as the courier gave them (with their check digit; spaces and hyphens allowed). */
  first_number: number,
  last_number: number,
});
export type TrackingBandBody = z.infer<typeof trackingBandBody>;

export const trackingBandPatch = z.object({ active: z.boolean() });

export const trackingBandView = z.object({
  id: z.string(),
  courier: z.string(),
  first_number: z.string(),
  last_number: z.string(),
  /** The next number to give; null once the band is used up. */
  next_number: z.string().nullable(),
  check_kind: z.enum(['mod7', 'none']),
  /** Numbers given to boxes so far, and how many are left. */
  issued: int,
  remaining: int,
  active: z.boolean(),
  version: int,
  created_at: instant,
});
export type TrackingBandView = z.infer<typeof trackingBandView>;
export const trackingBandList = page(trackingBandView);

export const TRACKING_ISSUE_MAX = 10_000;

export const trackingIssueBody = z.object({
  courier: z.string().trim().min(1).max(40),
  /**
   * Lines (lin_…, the selected rows) with the versions the caller saw. Lines, not orders: a number goes to a box,
   * and an order's lines may lie in several.
   */
  items: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^lin_\w+$/, 'a line key (lin_…)')
          .max(40),
        version: int.min(1).max(DB_INT_MAX),
      }),
    )
    .min(1)
    .max(TRACKING_ISSUE_MAX),
});
export type TrackingIssueBody = z.infer<typeof trackingIssueBody>;

export const trackingIssueResult = bulkTransitionResult.omit({ undoable: true, stock_short: true }).extend({
  /** Numbers given in this call: how many, the first and the last. */
  numbers: z.object({ issued: int, first: z.string().nullable(), last: z.string().nullable() }),
  /** What is left of the courier's active bands after the call. */
  remaining: int,
});
