// Scan-to-ship (송장 스캔 검수): open a box by its tracking number, verify scanned SKU barcodes against it (a complete,
// correct box ships), set a partial box aside (a hold with the reason), and the same from a sheet of scans.
import { z } from 'zod';
import { STATUSES } from '../lifecycle.ts';
import { startedJob } from './jobs.schema.ts';

const int = z.number().int();
const scanText = z.string().trim().min(1).max(100);

/** POST /api/scan/box */
export const scanBoxBody = z.object({ tracking_number: z.union([scanText, z.number()]) });
export type ScanBoxBody = z.input<typeof scanBoxBody>;

/** The versions the box was opened at: a verify or set-aside refuses when any of them moved since. */
export const boxVersions = z.object({
  box: int,
  lines: z.array(z.object({ id: z.string(), version: int })).max(500),
  orders: z.array(z.object({ id: z.string(), version: int })).max(500),
});
export type BoxVersions = z.infer<typeof boxVersions>;

export const expectedSku = z.object({
  sku_id: z.string(),
  code: z.string(),
  name: z.string(),
  barcodes: z.array(z.string()),
  /** Over the box: each line's SKU quantity per unit × the line's quantity, summed. */
  quantity: int,
});

export const boxLine = z.object({
  line_id: z.string(),
  order_id: z.string(),
  mall_order_id: z.string().nullable(),
  product_name: z.string(),
  option_text: z.string().nullable(),
  quantity: int,
  status: z.enum(STATUSES),
  /** False for a line with no SKUs: the box cannot be verified until it is matched. */
  matched: z.boolean(),
});

/** Why a box cannot be verified now (it can still be looked at, and set aside when it is INVOICED). */
export const BOX_BLOCKS = ['unmatched_line', 'not_invoiced', 'on_hold'] as const;

export const scanBox = z.object({
  box_id: z.string(),
  courier: z.string().nullable(),
  tracking_number: z.string(),
  lines: z.array(boxLine),
  expected: z.array(expectedSku),
  versions: boxVersions,
  verifiable: z.boolean(),
  blocks: z.array(z.object({ code: z.enum(BOX_BLOCKS), message: z.string() })),
});
export type ScanBox = z.infer<typeof scanBox>;

export const scanEntry = z.object({ barcode: scanText, count: int.min(1).max(10000).default(1) });

/** POST /api/scan/verify */
export const verifyBody = z.object({ box_id: z.string().min(1).max(40), versions: boxVersions, scans: z.array(scanEntry).max(2000) });
export type VerifyBody = z.input<typeof verifyBody>;

export const SCAN_PROBLEMS = ['unknown_barcode', 'wrong_item', 'extra_item'] as const;
export const scanProblem = z.object({
  code: z.enum(SCAN_PROBLEMS),
  /** Which entry of `scans` it is about (from 0). */
  scan_index: int,
  barcode: z.string(),
  sku_code: z.string().nullable(),
  expected: int,
  scanned: int,
  message: z.string(),
});
export const missingSku = z.object({ sku_id: z.string(), code: z.string(), name: z.string(), expected: int, scanned: int });

/** shipped: complete and correct, now SHIPPED; short: nothing wrong, something missing; refused: a wrong or extra item. */
export const VERIFY_RESULTS = ['shipped', 'short', 'refused'] as const;
export const verifyResponse = z.object({
  box_id: z.string(),
  result: z.enum(VERIFY_RESULTS),
  message: z.string(),
  problems: z.array(scanProblem),
  missing: z.array(missingSku),
  /** After a shipment: the history batch, and the lines' new versions and status. */
  batch_id: z.string().nullable(),
  lines: z.array(z.object({ id: z.string(), status: z.string(), version: int })),
  /** The send jobs started for accounts that send once shipped (issue 13 §6), when the box shipped. */
  auto_jobs: z.array(startedJob).optional(),
});
export type VerifyResponse = z.infer<typeof verifyResponse>;

/** POST /api/scan/set-aside: a partial box put on hold (each of its orders, with the reason) until it is complete. */
export const setAsideBody = z.object({
  box_id: z.string().min(1).max(40),
  versions: boxVersions,
  reason: z.string().trim().min(1).max(400),
});
export const setAsideResponse = z.object({ box_id: z.string(), batch_id: z.string(), orders: z.array(z.object({ id: z.string(), version: int })) });

/** POST /api/scan/sheet: rows as a scanner typing into Excel writes them; a blank number carries the row above's. */
export const scanSheetBody = z.object({
  rows: z
    .array(
      z.object({
        tracking_number: z.union([z.string().max(100), z.number()]).nullish(),
        barcode: z.union([z.string().max(100), z.number()]).nullish(),
      }),
    )
    .min(1)
    .max(5000),
});
export type ScanSheetBody = z.input<typeof scanSheetBody>;

export const SHEET_ROW_RESULTS = ['counted', 'box', 'blank', 'no_box', 'unknown_barcode', 'wrong_item', 'extra_item'] as const;
export const scanSheetResponse = z.object({
  boxes: z.array(
    z.object({
      tracking_number: z.string(),
      box_id: z.string().nullable(),
      result: z.enum([...VERIFY_RESULTS, 'not_found', 'not_verifiable', 'stale']),
      message: z.string(),
    }),
  ),
  rows: z.array(z.object({ row: int, result: z.enum(SHEET_ROW_RESULTS), box_result: z.string().nullable(), message: z.string() })),
  shipped: int,
  /** The send jobs started for accounts that send once shipped, when any box of theirs shipped. */
  auto_jobs: z.array(startedJob).optional(),
});
export type ScanSheetResponse = z.infer<typeof scanSheetResponse>;
