// Saved spreadsheet templates and invoice imports (issue 10 §1, §3): request and response shapes. A template's
// definition is the shape of shared/files/templates.ts without its id, name and builtIn; every import takes its
// rows through `fileSource` (files.schema.ts), from the active sheet or an uploaded file alike.
import { z } from 'zod';
import { startedJob } from './jobs.schema.ts';
import { COURIERS } from '../couriers.ts';
import { FIELD_KINDS, type FieldName } from '../files/templates.ts';
import { instant, outcomeCounts, page } from './common.schema.ts';
import { fileSource } from './files.schema.ts';

const FIELD_NAMES = Object.keys(FIELD_KINDS) as [FieldName, ...FieldName[]];
const COURIER_CODES = COURIERS.map((c) => c.code) as [string, ...string[]];
export const TEMPLATE_TYPES = ['order_upload', 'invoice_import', 'stock_count', 'sku_import'] as const;

const templateColumn = z.object({
  field: z.enum(FIELD_NAMES),
  headers: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
  required: z.boolean().optional(),
});

const definitionBase = {
  headerRow: z.number().int().min(1).max(20).optional(),
  columns: z.array(templateColumn).min(1).max(60),
  fixed: z.partialRecord(z.enum(FIELD_NAMES), z.string().max(200)).optional(),
  guessed: z.boolean().optional(),
};

/** What a saved template stores: checked on every save, so a stored definition always maps rows. */
export const templateDefinition = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('order_upload'), ...definitionBase }),
    z.object({ type: z.literal('stock_count'), ...definitionBase }),
    z.object({ type: z.literal('sku_import'), ...definitionBase }),
    z.object({
      type: z.literal('invoice_import'),
      ...definitionBase,
      reference: z.enum(['box_key', 'mall_order_id', 'mall_line_id']),
      courier: z.enum(COURIER_CODES).optional(),
    }),
  ])
  .refine((d) => new Set(d.columns.map((c) => c.field)).size === d.columns.length, {
    message: 'each field may have one column',
    path: ['columns'],
  });
export type TemplateDefinition = z.infer<typeof templateDefinition>;

export const templateBody = z.object({ name: z.string().trim().min(1).max(100), definition: templateDefinition });
export type TemplateBody = z.infer<typeof templateBody>;

export const fileTemplate = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(TEMPLATE_TYPES),
  built_in: z.boolean(),
  definition: z.record(z.string(), z.unknown()),
  created_by: z.string().nullable(),
  created_at: instant.nullable(),
  updated_at: instant.nullable(),
});
export const fileTemplateList = page(fileTemplate);
export const templateIdParams = z.object({ id: z.string().min(1).max(40) });
export const templateListQuery = z.object({ type: z.enum(TEMPLATE_TYPES).optional() });

export const guessBody = z.object({ source: fileSource, type: z.enum(TEMPLATE_TYPES).optional() });
export const guessResponse = z.object({
  template: fileTemplate.nullable(),
  score: z.number().nullable(),
  header_row: z.number().int().nullable(),
  ties: z.array(z.string()),
});

// ---- invoice imports -------------------------------------------------------------------------------------------

export const invoiceImportBody = z.object({
  source: fileSource,
  template_id: z.string().min(1).max(40),
  /** The courier of every row when the file names none (chosen in the pane), over the template's. */
  courier: z.enum(COURIER_CODES).optional(),
  overwrite: z.boolean().default(false),
  all_or_nothing: z.boolean().default(false),
});
export type InvoiceImportBody = z.infer<typeof invoiceImportBody>;

export const IMPORT_OUTCOMES = ['new', 'overwrite', 'unchanged', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const importRowResult = z.object({
  /** 1-based sheet row, as Excel shows it. */
  row: z.number().int(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** Why it was refused (or, for unchanged, that it repeats an earlier row). */
  code: z.string().optional(),
  message: z.string().optional(),
  reference: z.string().nullable(),
  box_id: z.string().nullable(),
  courier: z.string().nullable(),
  tracking_number: z.string().nullable(),
  old_courier: z.string().nullable(),
  old_tracking_number: z.string().nullable(),
  /** The box had been sent to the mall with the old number: it is sent again. */
  resend: z.boolean(),
  warnings: z.array(z.string()).optional(),
});
export type ImportRowResult = z.infer<typeof importRowResult>;

export const importCounts = outcomeCounts(IMPORT_OUTCOMES);
export type ImportCounts = z.infer<typeof importCounts>;

export const invoiceImportResult = z.object({
  /** Null for a preview, and for an apply that changed nothing (all-or-nothing refused, or nothing to change). */
  import_id: z.string().nullable(),
  batch_id: z.string().nullable(),
  applied: z.boolean(),
  template_id: z.string(),
  header_row: z.number().int(),
  counts: importCounts,
  results: z.array(importRowResult),
  /** Send jobs started because the apply shipped boxes of accounts that send once shipped (issue 13 §6). */
  auto_jobs: z.array(startedJob).optional(),
});
export type InvoiceImportResult = z.infer<typeof invoiceImportResult>;

export const importIdParams = z.object({ id: z.string().min(1).max(40) });

/** An applied import's result file: the file it read, sent again (its other cells are not kept by the server). */
export const importResultFileBody = z.object({ source: fileSource });

export const invoiceImportRecord = z.object({
  id: z.string(),
  batch_id: z.string(),
  created_by: z.string().nullable(),
  created_at: instant,
  template_id: z.string(),
  source_kind: z.enum(['sheet', 'file']),
  source_name: z.string(),
  courier: z.string().nullable(),
  overwrite: z.boolean(),
  all_or_nothing: z.boolean(),
  counts: importCounts,
  undone_at: instant.nullable(),
  undone_by: z.string().nullable(),
});
export const invoiceImportList = page(invoiceImportRecord);

export const undoResponse = z.object({ import: invoiceImportRecord, boxes: z.number().int(), batch_id: z.string() });
