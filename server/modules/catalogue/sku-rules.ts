// A SKU's whole state as it will be saved, checked field by field: the status rules (a date for 단종 and 재입고
// 예정, a cap for 한정), whole won, required texts. Each refusal names its field. Pure: the service checks clashes
// with stored SKUs (codes, barcodes) and versions.
import { DATED_STATUSES, SKU_LIMIT_MAX, SKU_MAX_BARCODES, SKU_STATUS_LABELS, SKU_WON_MAX } from '../../../shared/api/catalogue.schema.ts';
import type { AppError } from '../../../shared/errors.ts';
import { COLUMN_SIZES } from '../../../shared/files/column-sizes.ts';
import { SKU_COLUMNS } from '../../../shared/sheet/sku-columns.ts';
import type { CatalogEntry, MessageParams } from '../../../shared/i18n.ts';
import { fieldError } from '../../domain/validation.ts';
import { catalogueMessages } from './catalogue.messages.ts';
import type { SkuRow } from './skus.repo.ts';

/** What a SKU is, barcodes included; the row adds its id, version and times. */
export type SkuState = Omit<SkuRow, 'id' | 'version' | 'created_by' | 'created_at' | 'updated_at'> & { barcodes: string[] };

export const SKU_STATE_FIELDS = [
  'code',
  'name',
  'option_text',
  'barcodes',
  'cost',
  'price',
  'status',
  'status_date',
  'limit_quantity',
  'memo',
] as const satisfies readonly (keyof SkuState)[];

/**
 * The refusal of one SKU field: the details name the field as the API does (status_date), the message names it as
 * the 상품 sheet's header does (상태일자 / Status date), so the operator finds the cell.
 */
export function skuFieldError(field: string, entry: CatalogEntry, params: MessageParams = {}, options: Parameters<typeof fieldError>[3] = {}) {
  const header = SKU_COLUMNS.find((c) => c.id === field)?.header;
  return fieldError(field, entry, { ...params, ...(header ? { field: header } : {}) }, options);
}

/** A calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 2000000000 → "2,000,000,000": Korean and English both group thousands with commas. */
const grouped = (n: number) => n.toLocaleString('en-US');

const blankToNull = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/**
 * The state to save: texts trimmed, barcodes trimmed without blanks or repeats, a date or cap kept only where the
 * status needs it. Throws the AppError of the first field that breaks a rule.
 */
export function checkedState(input: SkuState): SkuState {
  const state: SkuState = {
    ...input,
    code: input.code.trim(),
    name: input.name.trim(),
    option_text: blankToNull(input.option_text),
    memo: blankToNull(input.memo),
    barcodes: [...new Set(input.barcodes.map((b) => b.trim()).filter(Boolean))],
    status_date: blankToNull(input.status_date),
  };
  const problem = firstProblem(state);
  if (problem) throw problem;
  if (!DATED_STATUSES.includes(state.status)) state.status_date = null;
  if (state.status !== 'limited') state.limit_quantity = null;
  return state;
}

const LENGTHS = Object.entries(COLUMN_SIZES.skus) as [keyof typeof COLUMN_SIZES.skus, number][];
const BARCODE_MAX = COLUMN_SIZES.sku_barcodes.barcode;

function firstProblem(s: SkuState): AppError | null {
  if (!s.code) return skuFieldError('code', catalogueMessages.required);
  if (!s.name) return skuFieldError('name', catalogueMessages.required);
  for (const [field, max] of LENGTHS) {
    if ((s[field]?.length ?? 0) > max) return skuFieldError(field, catalogueMessages.too_long, { max });
  }
  if (s.barcodes.some((b) => b.length > BARCODE_MAX)) return skuFieldError('barcodes', catalogueMessages.too_long, { max: BARCODE_MAX });
  for (const field of ['cost', 'price'] as const) {
    if (!Number.isInteger(s[field]) || s[field] < 0) return skuFieldError(field, catalogueMessages.not_won, { value: s[field] });
    // The 상품 sheet and SKU files reach here without the API's bounds: past them PostgreSQL refused the whole push.
    if (s[field] > SKU_WON_MAX) return skuFieldError(field, catalogueMessages.won_too_large, { max: grouped(SKU_WON_MAX), value: grouped(s[field]) });
  }
  if (s.barcodes.length > SKU_MAX_BARCODES) return skuFieldError('barcodes', catalogueMessages.too_many, { max: SKU_MAX_BARCODES });
  if (DATED_STATUSES.includes(s.status)) {
    if (!s.status_date) return skuFieldError('status_date', catalogueMessages.status_date_required, { status: SKU_STATUS_LABELS[s.status] });
    if (!isCalendarDate(s.status_date)) return skuFieldError('status_date', catalogueMessages.bad_date, { value: s.status_date });
  }
  if (s.status === 'limited' && !(Number.isInteger(s.limit_quantity) && (s.limit_quantity ?? 0) >= 1)) {
    return s.limit_quantity === null
      ? skuFieldError('limit_quantity', catalogueMessages.limit_required)
      : skuFieldError('limit_quantity', catalogueMessages.not_count, { value: s.limit_quantity });
  }
  if (s.status === 'limited' && s.limit_quantity! > SKU_LIMIT_MAX) {
    return skuFieldError('limit_quantity', catalogueMessages.count_too_large, { max: grouped(SKU_LIMIT_MAX), value: grouped(s.limit_quantity!) });
  }
  return null;
}

/** The fields whose values differ, with before and after (barcodes compared as sets). */
export function changedFields(before: SkuState, after: SkuState): { before: Partial<SkuState>; after: Partial<SkuState> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const f of SKU_STATE_FIELDS) {
    const same =
      f === 'barcodes'
        ? before.barcodes.length === after.barcodes.length && before.barcodes.every((x) => after.barcodes.includes(x))
        : before[f] === after[f];
    if (!same) {
      b[f] = before[f];
      a[f] = after[f];
    }
  }
  return { before: b as Partial<SkuState>, after: a as Partial<SkuState> };
}
