// The catalogue as the API reads and writes it (issue 11): the seller's own products (SKUs) with barcodes, a status
// towards the malls (단종 / 재입고 예정 with a date, 강제품절, 한정 with a cap), the warehouses and stores that hold
// stock (one default), and the queue of status changes waiting for each mall product's storefront.
import { z } from 'zod';
import { COLUMN_SIZES } from '../files/column-sizes.ts';
import { DB_INT_MAX, idPage, instant, page } from './common.schema.ts';
import { fileSource } from './files.schema.ts';
import { SKU_LABELS, WAREHOUSE_LABELS, withOwnLabels } from './field-labels.ts';

export const SKU_STATUSES = ['active', 'discontinued', 'reorder', 'sold_out', 'limited'] as const;
export type SkuStatus = (typeof SKU_STATUSES)[number];
/** Statuses that need a date (status_date), and the one that needs a cap (limit_quantity). */
export const DATED_STATUSES: readonly SkuStatus[] = ['discontinued', 'reorder'];

export const SKU_STATUS_LABELS: Record<SkuStatus, { ko: string; en: string }> = {
  active: { ko: '판매중', en: 'Active' },
  discontinued: { ko: '단종', en: 'Discontinued' },
  reorder: { ko: '재입고예정', en: 'Reorder' },
  sold_out: { ko: '강제품절', en: 'Sold out' },
  limited: { ko: '한정', en: 'Limited' },
};

/** Most barcodes one SKU keeps (a maker's EAN, the seller's own label, a few old ones). */
export const SKU_MAX_BARCODES = 20;
export const SKU_SHEET_MAX_ROWS = 5000;
export const SKU_PAGE_MAX = 5000;
/** A SKU's price and cost in won, and a limited SKU's cap: well inside the 32-bit integer columns that keep them. */
export const SKU_WON_MAX = 2_000_000_000;
export const SKU_LIMIT_MAX = 1_000_000_000;

const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional text: absent keeps it (on edits), null or blank clears it. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v || null));
const won = z.number().int().min(0).max(SKU_WON_MAX);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD' });

/** The fields of a SKU a caller sets; the service checks the status rules (a date, a cap) and clashes. */
const skuFields = {
  code: text(COLUMN_SIZES.skus.code),
  name: text(COLUMN_SIZES.skus.name),
  option_text: optionalText(COLUMN_SIZES.skus.option_text),
  /** Every barcode of the SKU (the list replaces the old one on an edit); each belongs to one SKU only. */
  barcodes: z.array(text(COLUMN_SIZES.sku_barcodes.barcode)).max(SKU_MAX_BARCODES),
  cost: won,
  price: won,
  status: z.enum(SKU_STATUSES),
  /** YYYY-MM-DD: when it was discontinued, or when it comes back (reorder). Needed by those two, ignored by others. */
  status_date: isoDate.nullish(),
  /** The cap of a limited SKU; needed by `limited`, ignored by others. */
  limit_quantity: z.number().int().min(1).max(SKU_LIMIT_MAX).nullish(),
  memo: optionalText(COLUMN_SIZES.skus.memo),
};

export const skuCreateBody = withOwnLabels(
  z.object({
    ...skuFields,
    option_text: skuFields.option_text.optional(),
    barcodes: skuFields.barcodes.default([]),
    cost: won.default(0),
    price: won.default(0),
    status: skuFields.status.default('active'),
  }),
  SKU_LABELS,
);
export type SkuCreateBody = z.infer<typeof skuCreateBody>;

/** An edit: only the fields sent change; `version` is the one the caller saw (a SKU that moved since is refused). */
export const skuPatchBody = withOwnLabels(
  z.object({
    version: z.number().int().min(1),
    code: skuFields.code.optional(),
    name: skuFields.name.optional(),
    option_text: skuFields.option_text,
    barcodes: skuFields.barcodes.optional(),
    cost: won.optional(),
    price: won.optional(),
    status: skuFields.status.optional(),
    status_date: skuFields.status_date,
    limit_quantity: skuFields.limit_quantity,
    memo: skuFields.memo,
  }),
  SKU_LABELS,
);
export type SkuPatchBody = z.infer<typeof skuPatchBody>;

export const skuView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  option_text: z.string().nullable(),
  barcodes: z.array(z.string()),
  cost: z.number().int(),
  price: z.number().int(),
  status: z.enum(SKU_STATUSES),
  status_date: z.string().nullable(),
  limit_quantity: z.number().int().nullable(),
  memo: z.string().nullable(),
  version: z.number().int(),
  created_at: instant,
  updated_at: instant,
});
export type SkuView = z.infer<typeof skuView>;

export const skuListQuery = z.object({
  /** Part of a code or name (any case), or a whole barcode. */
  q: z.string().trim().max(100).optional(),
  status: z.enum(SKU_STATUSES).optional(),
  /** The last code of the previous page. */
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(SKU_PAGE_MAX).default(100),
});
export const skuPage = page(skuView);

export const idParams = z.object({ id: z.string().min(1).max(40) });

/**
 * One row of the 상품 sheet: a new SKU (no id) or an edit of one (id and the version it was pulled at). A sheet row
 * carries every column, so an edit sends the whole row and the server changes what differs.
 */
export const skuSheetRow = z.object({
  id: z.string().min(1).max(40).optional(),
  version: z.number().int().min(1).optional(),
  // Lengths, whole numbers and the status rules are checked per row by the server (a bad row never refuses the push).
  code: z.string().max(2000),
  name: z.string().max(2000),
  option_text: z.string().max(2000).nullish(),
  barcodes: z.array(z.string().max(2000)).max(200).default([]),
  cost: z.number().nullish(),
  price: z.number().nullish(),
  status: z.enum(SKU_STATUSES).default('active'),
  status_date: z.string().max(40).nullish(),
  limit_quantity: z.number().nullish(),
  memo: z.string().max(2000).nullish(),
});
export type SkuSheetRow = z.infer<typeof skuSheetRow>;

export const skuSheetBody = z.object({ rows: z.array(skuSheetRow).min(1).max(SKU_SHEET_MAX_ROWS) });
export type SkuSheetBody = z.infer<typeof skuSheetBody>;

export const SKU_ROW_CODES = [
  'created',
  'updated',
  'unchanged',
  'validation_failed',
  'duplicate_code',
  'duplicate_barcode',
  'stale_version',
  'not_found',
] as const;
export type SkuRowCode = (typeof SKU_ROW_CODES)[number];

export const skuRowResult = z.object({
  /** The row's place in the request (0-based). */
  index: z.number().int(),
  result: z.enum(['applied', 'refused']),
  code: z.enum(SKU_ROW_CODES),
  /** The field a refusal is about, when it is about one (a field of skuSheetRow). */
  field: z.string().optional(),
  message: z.string().optional(),
  /** The SKU as saved, on applied rows: its id and new version go back into the sheet. */
  sku: skuView.optional(),
});
export type SkuRowResult = z.infer<typeof skuRowResult>;

export const skuSheetResponse = z.object({
  applied: z.number().int(),
  refused: z.number().int(),
  results: z.array(skuRowResult),
});

// ---- warehouses -------------------------------------------------------------------------------------------------

export const WAREHOUSE_KINDS = ['warehouse', 'store'] as const;

export const warehouseView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(WAREHOUSE_KINDS),
  is_default: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  created_at: instant,
  updated_at: instant,
});
export type WarehouseView = z.infer<typeof warehouseView>;
export const warehouseList = page(warehouseView);

export const warehouseCreateBody = withOwnLabels(
  z.object({
    code: text(32),
    name: text(100),
    kind: z.enum(WAREHOUSE_KINDS).default('warehouse'),
    /** Makes it the default (the old default stops being one in the same change). */
    is_default: z.boolean().default(false),
  }),
  WAREHOUSE_LABELS,
);

export const warehousePatchBody = withOwnLabels(
  z.object({
    version: z.number().int().min(1),
    code: text(32).optional(),
    name: text(100).optional(),
    kind: z.enum(WAREHOUSE_KINDS).optional(),
    /** true makes it the default; the default cannot be unset except by making another one the default. */
    is_default: z.boolean().optional(),
    active: z.boolean().optional(),
  }),
  WAREHOUSE_LABELS,
);

// ---- the storefront queue ---------------------------------------------------------------------------------------

export const STOREFRONT_CHANGES = ['sold_out', 'limited', 'resume'] as const;
export const STOREFRONT_STATES = ['queued', 'no_connector', 'sent', 'failed', 'superseded'] as const;

export const storefrontChangeView = z.object({
  id: z.number().int(),
  sku_id: z.string(),
  sku_code: z.string(),
  mall_account_id: z.string(),
  mall_product_id: z.string(),
  mall_option_id: z.string().nullable(),
  change: z.enum(STOREFRONT_CHANGES),
  quantity: z.number().int().nullable(),
  state: z.enum(STOREFRONT_STATES),
  detail: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: instant,
  updated_at: instant,
});
export const storefrontChangeQuery = z.object({
  state: z.enum(STOREFRONT_STATES).optional(),
  sku_id: z.string().max(40).optional(),
  /** The last id of the previous page (newest first); ids are 32-bit integers in PostgreSQL. */
  cursor: z.coerce.number().int().min(1).max(DB_INT_MAX).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const storefrontChangePage = idPage(storefrontChangeView);

// ---- SKUs from a file or the active sheet (the file pipeline of issue 10) ---------------------------------------

export const skuImportBody = z.object({
  source: fileSource,
  /** A template of type sku_import; the built-in sku_default (the 상품 sheet's headers) when absent. */
  template_id: z.string().min(1).max(40).default('sku_default'),
});

export const SKU_IMPORT_CODES = [...SKU_ROW_CODES, 'cell_invalid'] as const;

export const skuImportRowResult = z.object({
  /** 1-based row of the sheet, as Excel shows it: results go back beside it. */
  row: z.number().int(),
  result: z.enum(['applied', 'refused']),
  code: z.enum(SKU_IMPORT_CODES),
  field: z.string().optional(),
  message: z.string().optional(),
  sku_id: z.string().optional(),
});

export const skuImportResponse = z.object({
  header_row: z.number().int(),
  rows: z.number().int(),
  applied: z.number().int(),
  refused: z.number().int(),
  results: z.array(skuImportRowResult),
});
