import { z } from 'zod';
import { MALL_TYPES } from '../malls.ts';

/** The services an account runs (PRODUCT.md §5), each switched on or off by the operator. */
const serviceSwitches = z.object({
  active: z.boolean(),
  collect_enabled: z.boolean(),
  confirm_enabled: z.boolean(),
  send_invoice_enabled: z.boolean(),
  sync_enabled: z.boolean(),
  auto_confirm: z.boolean(),
});

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
  })
  .partial();
