// A user's own preferences, kept server-side so they follow the user to any workbook. For now: the layout of a
// sheet the pane writes (issue 13 §4) — its columns in the operator's order, with their widths, which are hidden,
// and the operator's own extra columns (by header; their values stay in the workbook, beside the lines).
import { z } from 'zod';
import { instant } from './common.schema.ts';

/** Which sheet a layout is for: a short key of the pane's ('orders' for the 주문 sheet), not its localised name. */
export const sheetKey = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'a-z, 0-9, _ or -, up to 40 (e.g. orders)' });
export const sheetParam = z.object({ sheet: sheetKey });

/** One column of a layout: ours by our column id, the operator's own by its header text. */
export const layoutColumn = z.object({
  id: z.string().trim().min(1).max(100),
  /** The operator's own column (not one the pane writes). */
  own: z.boolean().default(false),
  /** Width in points as Excel reports it; null leaves the pane's default. */
  width: z.number().min(0).max(2000).nullable().default(null),
  hidden: z.boolean().default(false),
});
export type LayoutColumn = z.output<typeof layoutColumn>;

export const sheetLayout = z.object({
  columns: z
    .array(layoutColumn)
    .min(1)
    .max(300)
    .refine((cols) => new Set(cols.map((c) => `${c.own}:${c.id}`)).size === cols.length, { message: 'each column once' }),
});
export type SheetLayout = z.output<typeof sheetLayout>;

/** GET / PUT /api/me/sheet-layouts/:sheet: the layout, or null while the user has none (the pane's default). */
export const sheetLayoutView = z.object({
  sheet: z.string(),
  layout: sheetLayout.nullable(),
  updated_at: instant.nullable(),
});
export type SheetLayoutView = z.infer<typeof sheetLayoutView>;
