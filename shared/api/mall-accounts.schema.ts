import { z } from 'zod';
import { STATUSES } from '../lifecycle.ts';
import { COURIERS } from '../couriers.ts';
import { MALL_TYPES } from '../malls.ts';
import { instant, page } from './common.schema.ts';

/** The services an account runs (PRODUCT.md §5), each switched on or off by the operator. */
const serviceSwitches = z.object({
  active: z.boolean(),
  collect_enabled: z.boolean(),
  confirm_enabled: z.boolean(),
  send_invoice_enabled: z.boolean(),
  sync_enabled: z.boolean(),
  auto_confirm: z.boolean(),
  /** Lines confirmed (at the mall, or locally) move 신규 → 출고대기 in the same run (issue 13 §6). */
  auto_release: z.boolean(),
  /** A box that gets a valid tracking number ships in the same transaction. */
  auto_ship: z.boolean(),
  /** After a push or ship that shipped boxes of the account, a send job starts for it. */
  auto_send: z.boolean(),
});

/** The courier a line of the account takes when none is given (its code, shared/couriers.ts); null for none. */
const defaultCourier = z.enum(COURIERS.map((c) => c.code) as [string, ...string[]]).nullable();

/**
 * Another address for the mall's API (a sandbox, a proxy); without it the mall's own is used. Credentials travel
 * there, so plain http is only for this machine (the sandbox malls).
 */
const baseUrl = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), {
    message: 'https is required except for localhost',
  });

export const createMallAccountBody = serviceSwitches.partial().extend({
  default_courier: defaultCourier.optional(),
  base_url: baseUrl.optional(),
  mall_type: z.enum(MALL_TYPES),
  display_name: z.string().trim().min(1).max(100),
  /** Checked against the mall type's fields (shared/malls.ts). */
  credentials: z.record(z.string(), z.string()),
});

export const updateMallAccountBody = serviceSwitches
  .extend({
    display_name: z.string().trim().min(1).max(100),
    credentials: z.record(z.string(), z.string()),
    base_url: baseUrl.nullable(),
    default_courier: defaultCourier,
  })
  .partial();
export type UpdateMallAccountBody = z.input<typeof updateMallAccountBody>;

// ---- responses -------------------------------------------------------------------------------------------------

/** A mall account as the API shows it: its credentials never, only whether it has some and a masked hint. */
export const mallAccountView = z.object({
  id: z.string(),
  mall_type: z.enum(MALL_TYPES),
  display_name: z.string(),
  credentials_hint: z.string().nullable(),
  has_credentials: z.boolean(),
  /** `error` after the mall refused the credentials, until a call succeeds again. */
  status: z.enum(['normal', 'error']),
  last_error: z.string().nullable(),
  last_error_at: instant.nullable(),
  ...serviceSwitches.shape,
  default_courier: z.string().nullable(),
  last_collected_at: instant.nullable(),
  /** Where the mall's API is; null for the mall's production API. */
  base_url: z.string().nullable(),
  is_sandbox: z.boolean(),
  version: z.number().int(),
  created_at: instant,
  updated_at: instant,
});
export type MallAccountView = z.infer<typeof mallAccountView>;

/** The list adds each account's count of mall changes syncs could not apply yet. */
export const mallAccountListItem = mallAccountView.extend({ pending_changes: z.number().int() });
export type MallAccountListItem = z.infer<typeof mallAccountListItem>;
export const mallAccountsPage = page(mallAccountListItem);

export const connectionTestView = z.object({ ok: z.boolean(), kind: z.string().optional(), message: z.string() });

export const mismatchView = z.object({
  line_id: z.string(),
  order_id: z.string(),
  mall_order_id: z.string().nullable(),
  mall_line_id: z.string().nullable(),
  status: z.enum(STATUSES),
  mall_status: z.string().nullable(),
  mall_implied_status: z.enum(STATUSES),
  mall_status_at: instant.nullable(),
});

export const pendingChangeView = z.object({
  mall_line_id: z.string(),
  line_id: z.string(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  attempts: z.number().int(),
  first_failed_at: instant,
  last_tried_at: instant,
  mall_order_id: z.string().nullable(),
  mall_status: z.string().nullable(),
  changed_at: z.string().nullable(),
});

/** Lines that disagree with the mall (`items`) and the mall changes waiting to apply. */
export const mismatchesResponse = page(mismatchView).extend({ pending_changes: z.array(pendingChangeView) });

export const dismissedResponse = z.object({ dismissed: z.number().int() });
