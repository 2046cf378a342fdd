// How a spreadsheet reaches the server's file pipeline (issue 10): either the values of the worksheet open in Excel
// (the pane reads the active sheet's used range through Office.js) or a file chosen in the pane and uploaded whole
// (needed for CP949 CSV and password-protected XLSX, which Excel itself would ask about). Both end as rows of cells
// (server/files/source.ts) and go through the same templates, preview and apply.
import { z } from 'zod';

/** A cell as Office.js gives it (`range.values`) and as readWorkbook gives it: text, a number, a boolean or empty. */
export const sourceCell = z.union([z.string().max(32_767), z.number(), z.boolean(), z.null()]);

/** 20 MB of file as base64 (4/3 of the bytes), the limit server/files/read-workbook.ts applies to the bytes. */
const MAX_BASE64_CHARS = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4;

export const fileSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sheet'),
    /** The worksheet's name, for the preview and the records. */
    name: z.string().max(255).default('Sheet1'),
    /** The used range's values from row 1: rows[0] is sheet row 1, so results go back beside the right rows. */
    rows: z.array(z.array(sourceCell).max(16_384)).max(50_020),
  }),
  z.object({
    kind: z.literal('file'),
    filename: z.string().min(1).max(255),
    content_base64: z.base64().max(MAX_BASE64_CHARS),
    /** The open password of a protected XLSX; never stored, never logged. */
    password: z.string().max(255).optional(),
    /** Which sheet of a workbook; the first visible one with rows when absent. */
    sheet: z.string().max(255).optional(),
  }),
]);
export type FileSource = z.infer<typeof fileSource>;
