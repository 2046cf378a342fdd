// Product matching as the API reads and writes it: unmatched waiting lines grouped by channel + product + option
// (with suggested SKUs, never applied by themselves), the remembered matches, and saving or removing a match.
import { z } from 'zod';
import { instant, page } from './common.schema.ts';

const key = {
  /** The mall account id, or `${channel_kind}:${channel_name}` for orders without one (uploads, direct trade). */
  channel_key: z.string().min(1).max(140),
  /** The mall's product id, else the product name. */
  product_key: z.string().min(1).max(300),
  /** The mall's option id, else the option text; '' for none. */
  option_key: z.string().max(300),
};

export const matchItemBody = z.object({
  sku_code: z.string().trim().min(1).max(64),
  quantity: z.number().int().min(1).max(9999),
});

export const suggestion = z.object({
  sku_code: z.string(),
  sku_name: z.string(),
  option_text: z.string().nullable(),
  /** same_code: the mall's product or option code is this SKU's code or barcode; similar_name: the closest names. */
  reason: z.enum(['same_code', 'similar_name']),
  score: z.number(),
});
export type Suggestion = z.infer<typeof suggestion>;

export const unmatchedGroup = z.object({
  ...key,
  /** The mall account's name, or the channel name of an upload or direct trade. */
  channel_name: z.string(),
  mall_account_id: z.string().nullable(),
  product_name: z.string(),
  option_text: z.string().nullable(),
  mall_product_id: z.string().nullable(),
  mall_option_id: z.string().nullable(),
  /** Waiting lines (결제완료, 신규주문, 출고지시) of this product + option without a match. */
  lines: z.number().int(),
  quantity: z.number().int(),
  suggestions: z.array(suggestion),
});
export type UnmatchedGroup = z.infer<typeof unmatchedGroup>;

export const unmatchedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const unmatchedList = z.object({
  /** false while the shop has no SKU: nothing is unmatched until the catalogue is in use. */
  catalogue_in_use: z.boolean(),
  items: z.array(unmatchedGroup),
  /** More groups than `limit` wait: match these and pull again. */
  truncated: z.boolean(),
});
export type UnmatchedList = z.infer<typeof unmatchedList>;

export const matchView = z.object({
  id: z.string(),
  ...key,
  product_name: z.string(),
  option_text: z.string().nullable(),
  /** What a matched line shows as its SKU code: A100, or A100×2+B200 for sets and 1+1. */
  sku_summary: z.string(),
  items: z.array(z.object({ sku_code: z.string(), sku_name: z.string(), quantity: z.number().int() })),
  version: z.number().int(),
  created_by: z.string().nullable(),
  created_at: instant,
  updated_at: instant,
});
export type MatchView = z.infer<typeof matchView>;

export const matchesQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const matchesPage = page(matchView);

export const SAVE_MATCHES_MAX = 5000;

export const saveMatchRow = z.object({
  ...key,
  items: z.array(matchItemBody).min(1).max(50),
  /** As the mall names them, for the lists; taken from a waiting line when left out. */
  product_name: z.string().trim().max(300).optional(),
  option_text: z.string().trim().max(300).nullish(),
  /** Replacing a remembered match needs the version it was read at (a match saved by someone else is not overwritten). */
  version: z.number().int().optional(),
});
export type SaveMatchRow = z.infer<typeof saveMatchRow>;

export const saveMatchesBody = z.object({ matches: z.array(saveMatchRow).min(1).max(SAVE_MATCHES_MAX) });
export type SaveMatchesBody = z.input<typeof saveMatchesBody>;

export const SAVE_MATCH_CODES = ['unknown_sku', 'duplicate_sku', 'stale_version', 'already_matched', 'duplicate_row', 'unknown_channel'] as const;

export const saveMatchResult = z.object({
  row: z.number().int(),
  result: z.enum(['saved', 'refused']),
  /** Why refused; on saved rows only when the match already was exactly this ('unchanged': nothing was written). */
  code: z.enum([...SAVE_MATCH_CODES, 'unchanged']).optional(),
  message: z.string().optional(),
  match_id: z.string().optional(),
  version: z.number().int().optional(),
  sku_summary: z.string().optional(),
  /** Waiting lines the match was applied to now. */
  lines_matched: z.number().int().optional(),
  /** Waiting lines of a replaced match that went back to unmatched first (and were matched again if the keys agree). */
  lines_unmatched: z.number().int().optional(),
});
export type SaveMatchResult = z.infer<typeof saveMatchResult>;

export const saveMatchesResponse = z.object({
  saved: z.number().int(),
  refused: z.number().int(),
  results: z.array(saveMatchResult),
});
export type SaveMatchesResponse = z.infer<typeof saveMatchesResponse>;

export const removeMatchResponse = z.object({
  match_id: z.string(),
  /** Waiting lines that are unmatched again; lines past waiting keep the SKUs they were packed and shipped with. */
  lines_unmatched: z.number().int(),
});
