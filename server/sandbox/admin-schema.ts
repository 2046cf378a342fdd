// What every sandbox mall's admin API accepts (loopback test tool, not part of any mall's API): the same request
// shapes and events for all of them, so tests and demos drive any sandbox the same way.
import { z } from 'zod';

export const EVENTS = [
  'buyer_cancel',
  'cancel_complete',
  'return_request',
  'return_complete',
  'exchange_request',
  'exchange_complete',
  'claim_withdraw',
  'in_transit',
  'deliver',
  'purchase_confirm',
  // The buyer changes the delivery address at the mall (before the parcel leaves): `recipient` and `memo` of the
  // event body, or a fresh sample address when left out.
  'address_change',
] as const;
export type SandboxEvent = (typeof EVENTS)[number];

/**
 * One recipient for every order created (a test or demo crafting orders that ship together): name, zip and address,
 * and optionally `phone` (Naver's tel1, Coupang's safeNumber; a fresh 050x safe number when left out) and `mobile`
 * (Naver's tel2; Coupang hands out no receiver number, so it is not used there).
 */
export const recipientBody = z.object({
  name: z.string().trim().min(1).max(40),
  zip: z.string().regex(/^\d{5}$/),
  address1: z.string().trim().min(1).max(200),
  address2: z.string().trim().max(200).optional(),
  phone: z.string().trim().min(1).max(20).optional(),
  mobile: z.string().trim().min(1).max(20).optional(),
});
export type SandboxRecipient = z.infer<typeof recipientBody>;

/** What an address_change event may carry (eventExtras); the other events take none of it. */
export const addressChangeBody = z.object({ recipient: recipientBody.optional(), memo: z.string().max(200).optional() });
export type AddressChange = z.infer<typeof addressChangeBody>;

export const newOrdersBody = z.object({
  count: z.number().int().min(1).max(5000).optional(),
  status: z.enum(['paid', 'confirmed']).optional(),
  paidAt: z.iso.datetime({ offset: true }).optional(),
  recipient: recipientBody.optional(),
});

const target = { count: z.number().int().min(1).optional(), path: z.string().optional(), carrying: z.string().min(1).optional() };
const fault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.number().int().min(100).max(599), retryAfter: z.number().min(0).optional(), ...target }),
  z.object({ kind: z.literal('delay'), ms: z.number().int().min(0).max(600_000), ...target }),
  z.object({ kind: z.literal('hang'), ...target }),
  z.object({ kind: z.literal('malformed'), ...target }),
  z.object({ kind: z.literal('token_expiry') }),
]);
export const faultsBody = z.object({ faults: z.array(fault) });
