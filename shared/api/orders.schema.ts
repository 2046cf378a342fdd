// Request shapes of the orders API, shared by the server (validation, OpenAPI) and the add-in (typed client).
import { z } from 'zod';
import { exportReason, reasonText, requireTextForOther } from '../export-reasons.ts';
import type { MessageText } from '../i18n.ts';
import { ACTION_RULES, CLAIM_TYPES, LINE_ACTIONS, STATUSES, type LineAction } from '../lifecycle.ts';
import { COLUMN_SIZES as SIZE } from '../files/column-sizes.ts';
import { isValidDay } from '../time.ts';

const day = z.string().refine(isValidDay, { message: 'expected a date as YYYY-MM-DD' });

/** Accepts `a,b` or repeated query parameters. */
export const csvList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );

const queryBool = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean());

/** Won, whole. Stored in 32-bit integer columns: a single order of more than 2.1 billion won is refused. */
export const won = z.number().int().min(0).max(2_147_483_647);

export const SEND_STATUSES = ['not_sent', 'sent', 'failed'] as const;

/** The channels without a mall account: 직거래, 매장출고 and a named buyer (거래처); orders there are ours to make. */
export const OWN_CHANNEL_KINDS = ['direct', 'store_release', 'named'] as const;
export const CHANNEL_KINDS = ['mall', ...OWN_CHANNEL_KINDS] as const;
/**
 * The names of the direct-trade channel kinds (PRODUCT.md glossary: 직거래 / 매장출고): an order of one carries the
 * Korean as its channel name when it is given none (stored so, whatever the language).
 */
export const CHANNEL_KIND_NAMES = {
  direct: { ko: '직거래', en: 'Direct trade' },
  store_release: { ko: '매장출고', en: 'Store release' },
} as const;

export const orderFilterSchema = z.object({
  status: csvList(z.enum(STATUSES)).optional(),
  mall_account_id: z.string().max(40).optional(),
  channel: z.string().max(100).optional(),
  channel_kind: z.enum(CHANNEL_KINDS).optional(),
  from: day.optional(),
  to: day.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  hold: queryBool.optional(),
  /** The order flags an operator sets (표시): 우선순위, 깃발, 합포금지. */
  priority: queryBool.optional(),
  flagged: queryBool.optional(),
  merge_locked: queryBool.optional(),
  /** Orders with a memo or a message (CS notes) written on them. */
  has_memo: queryBool.optional(),
  include_deleted: queryBool.optional(),
  /** Deleted orders only: where an operator finds one to bring back (주문삭제 복구). */
  deleted: queryBool.optional(),
  // Line filters the status board (shared/api/board.schema.ts) pulls its counts by.
  /** Where the order came from: mall (collected), manual, direct. */
  source: z.enum(['mall', 'manual', 'direct']).optional(),
  /** Lines created (collected or entered) after this instant. */
  created_since: z.iso.datetime({ offset: true }).optional(),
  /** The send status of the line's box: lines without a box count as not_sent. */
  send_status: csvList(z.enum(SEND_STATUSES)).optional(),
  sold_out: queryBool.optional(),
  unmatched: queryBool.optional(),
  /** Lines whose return pickup is late (회수지연). */
  return_pickup_delayed: queryBool.optional(),
  /** Lines whose status disagrees with what the mall last said (shared/mall-word.ts isMismatch). */
  mismatch: queryBool.optional(),
});
export type OrderFilter = z.infer<typeof orderFilterSchema>;

export const ORDERS_PAGE_MAX = 1000;
export const LINES_PAGE_MAX = 10000;
/**
 * Rows a screen shows at once: a list page's default. More than this of recipients unmasked — in one call or a next
 * page — is a download of personal data and says why (server/modules/orders/orders.service.ts requireReasonForMany).
 */
export const SCREEN_ROWS = 100;

/** GET /api/orders; why, when more than a screenful is read with recipients (recorded with the read). */
export const listOrdersQuery = orderFilterSchema
  .extend({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(ORDERS_PAGE_MAX).default(SCREEN_ROWS),
    reason: exportReason.optional(),
    reason_text: reasonText.optional(),
  })
  .superRefine(requireTextForOther);

export const listLinesQuery = orderFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LINES_PAGE_MAX).default(1000),
});

/**
 * Actions of the transitions API: the lifecycle's own moves, except that claims are entered as one `claim` action
 * (type and state as parameters) and completed as `complete_claim`; plus order-level actions that are not moves.
 */
export const API_ACTIONS = [
  ...LINE_ACTIONS.filter((a) => !/^(request|complete)_/.test(a)),
  'claim',
  'complete_claim',
  'hold',
  'release_hold',
  'set_flags',
  'delete',
  'undelete',
] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

/** What operators call each API action: messages name the action by these, never by its code. */
export const API_ACTION_LABELS: Record<ApiAction, MessageText> = {
  ...(Object.fromEntries(LINE_ACTIONS.map((a) => [a, ACTION_RULES[a].label])) as Record<LineAction, MessageText>),
  claim: { ko: '클레임 입력', en: 'Enter claim' },
  complete_claim: { ko: '클레임 완료', en: 'Complete claim' },
  hold: { ko: '출고보류', en: 'Hold' },
  release_hold: { ko: '보류해제', en: 'Release hold' },
  set_flags: { ko: '표시 변경', en: 'Set flags' },
  delete: { ko: '주문삭제', en: 'Delete' },
  undelete: { ko: '주문삭제 복구', en: 'Undo delete' },
};

/** The flags an operator sets on an order (priority, flagged, merge_locked) or a line (the others). */
export const orderFlags = z.object({
  priority: z.boolean(),
  flagged: z.boolean(),
  merge_locked: z.boolean(),
  sold_out: z.boolean(),
  unmatched: z.boolean(),
  return_pickup_delayed: z.boolean(),
});

export const flagsPatchSchema = orderFlags.partial().refine((f) => Object.keys(f).length > 0, { message: 'name at least one flag' });

/** Parameters an item may carry; which ones an action needs is checked by the server and named per item. */
export const transitionParams = z.object({
  reason: z.string().trim().min(1).max(500).optional(),
  courier: z.string().trim().min(1).max(40).optional(),
  tracking_number: z.union([z.string().max(100), z.number()]).optional(),
  overwrite: z.boolean().optional(),
  claim_type: z.enum(CLAIM_TYPES).optional(),
  claim_state: z.enum(['requested', 'completed']).optional(),
  quantity: z.number().int().min(1).optional(),
  flags: flagsPatchSchema.optional(),
});

export const transitionItem = transitionParams.extend({
  /** An order id (ord_…: every line of the order) or a line id (lin_…). */
  id: z.string().min(1).max(40),
  /** The version the caller saw; a different current version refuses the item. */
  version: z.number().int().min(1),
});

export const BULK_MAX_ITEMS = 50000;

export const bulkTransitionBody = transitionParams.extend({
  action: z.enum(API_ACTIONS),
  items: z.array(transitionItem).min(1).max(BULK_MAX_ITEMS),
});
export type BulkTransitionBody = z.infer<typeof bulkTransitionBody>;

export const singleTransitionBody = transitionParams.extend({
  action: z.enum(API_ACTIONS),
  version: z.number().int().min(1),
});

export const ITEM_RESULT_CODES = [
  'stale_version',
  'illegal_transition',
  'blocked',
  'not_found',
  'deleted',
  'duplicate_item',
  'invalid_tracking_number',
  'unknown_courier',
  'duplicate_tracking_number',
  'overwrite_required',
  'box_already_sent',
  'no_earlier_status',
  'quantity_too_large',
  'mall_confirm_required',
  // 자동 채번 (tracking-bands): a box with a number already gets none from a band; a band used up mid-call.
  'already_numbered',
  'band_exhausted',
] as const;
export type ItemResultCode = (typeof ITEM_RESULT_CODES)[number];

/** One result per item of a transitions call. */
export const itemResult = z.object({
  id: z.string(),
  result: z.enum(['applied', 'refused']),
  /** Why refused; on applied rows only when nothing needed to change ('unchanged'). */
  code: z.enum([...ITEM_RESULT_CODES, 'unchanged']).optional(),
  message: z.string().optional(),
  /** The entity's version after this call (applied) or now (refused as stale). */
  version: z.number().int().optional(),
  lines: z.array(z.object({ id: z.string(), status: z.string(), version: z.number().int() })).optional(),
  warnings: z.array(z.string()).optional(),
});
export type ItemResult = z.infer<typeof itemResult>;

/** The most characters a note (memo or message) holds, however it comes: typed, with a direct order, from a file. */
export const NOTE_MAX = 4000;

export const directOrderBody = z.object({
  orderer_name: z.string().trim().min(1).max(SIZE.orders.orderer_name),
  total_amount: won,
  channel_kind: z.enum(OWN_CHANNEL_KINDS).default('direct'),
  /** Required for a named channel; defaults to the kind's Korean name otherwise. */
  channel_name: z.string().trim().min(1).max(SIZE.orders.channel_name).optional(),
  product_name: z.string().trim().min(1).max(SIZE.order_lines.product_name).optional(),
  option_text: z.string().trim().max(SIZE.order_lines.option_text).optional(),
  quantity: z.number().int().min(1).max(10000).default(1),
  orderer_phone: z.string().trim().max(SIZE.orders.orderer_phone).optional(),
  recipient_name: z.string().trim().max(SIZE.orders.recipient_name).optional(),
  recipient_phone: z.string().trim().max(SIZE.orders.recipient_phone).optional(),
  recipient_mobile: z.string().trim().max(SIZE.orders.recipient_mobile).optional(),
  recipient_zip: z.string().trim().max(SIZE.orders.recipient_zip).optional(),
  recipient_address1: z.string().trim().max(SIZE.orders.recipient_address1).optional(),
  recipient_address2: z.string().trim().max(SIZE.orders.recipient_address2).optional(),
  delivery_memo: z.string().trim().max(SIZE.orders.delivery_memo).optional(),
  courier: z.string().trim().max(40).optional(),
  tracking_number: z.union([z.string().max(100), z.number()]).optional(),
  // Any ISO instant parses, but PostgreSQL has no timestamp in year 0: bounded to the years an order can have.
  ordered_at: z.iso
    .datetime({ offset: true })
    .refine((v) => Date.parse(v) >= 0 && Date.parse(v) < Date.parse('9999-01-01T00:00:00Z'), { message: 'expected a time from 1970 to 9998' })
    .optional(),
  memo: z.string().trim().max(NOTE_MAX).optional(),
});
export type DirectOrderInput = z.infer<typeof directOrderBody>;

export const noteBody = z.object({
  kind: z.enum(['memo', 'message']).default('memo'),
  body: z.string().trim().min(1).max(NOTE_MAX),
});

export const salesQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  channel_kind: z.enum(CHANNEL_KINDS).optional(),
});
