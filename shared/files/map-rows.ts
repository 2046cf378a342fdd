// A sheet (from a file or the pane's active sheet) → one normalised record per data row, through a template.
// Problems are codes with params (cell-messages.ts), per row, so a preview can show each row's result and the
// caller decides what blocks what. Nothing here knows about boxes or orders: matching happens in the services.
import type { CellIssueCode, CellIssueParams } from './cell-messages.ts';
import { betterHeaderMatch, findTemplateHeaderRow, headerKey, headerScore, HEADER_SEARCH_ROWS, matchColumns } from './header.ts';
import { normaliseCell, type Cell, type CellKind, type NormaliseOptions } from './normalise.ts';
import { BUILT_IN_TEMPLATES, FIELD_KINDS, FIELD_MAX_LENGTH, NEGATIVE_ALLOWED, type FieldName, type Template } from './templates.ts';

/** Rows read at once: a day of courier results or a large wholesale order fits many times over. */
export const MAX_DATA_ROWS = 50_000;

export type SheetData = { name?: string; rows: readonly (readonly Cell[])[] };

export type RowIssue = { field: FieldName; code: CellIssueCode; params: CellIssueParams };
export type FieldValues = Partial<Record<FieldName, string | number | null>>;
export type MappedRow = {
  /** 1-based row of the sheet, as Excel shows it. */
  row: number;
  values: FieldValues;
  issues: RowIssue[];
};

export type MapResult =
  | {
      ok: true;
      /** 1-based sheet row of the header. */
      header_row: number;
      /** 0-based column of each field found in the header. */
      columns: Partial<Record<FieldName, number>>;
      /** Headers of the file no template column uses (shown beside the preview, offered in the template editor). */
      unused_headers: string[];
      rows: MappedRow[];
    }
  | { ok: false; code: 'header_not_found' | 'missing_columns' | 'too_many_rows'; params: CellIssueParams; missing?: FieldName[] };

export type MapOptions = {
  /** Values for the whole file chosen by the operator (e.g. the courier), over the template's own. */
  fixed?: Partial<Record<FieldName, string>>;
  /** 1-based header row chosen by the operator; otherwise searched. */
  headerRow?: number;
};

/** The template's fixed values with the operator's over them; an invoice template's courier is one of them. */
function fixedValues(template: Template, options: MapOptions): Partial<Record<FieldName, string>> {
  const courier = template.type === 'invoice_import' && template.courier ? { courier: template.courier } : {};
  return { ...courier, ...template.fixed, ...options.fixed };
}

const label = (cell: Cell | undefined): string => (typeof cell === 'string' ? cell.replace(/\s+/g, ' ').trim() : String(cell ?? ''));

function isBlank(row: readonly Cell[], columns: Iterable<number>): boolean {
  for (const index of columns) {
    const cell = row[index];
    if (cell !== null && cell !== undefined && !(typeof cell === 'string' && cell.trim() === '')) return false;
  }
  return true;
}

export function mapRows(sheet: SheetData, template: Template, options: MapOptions = {}): MapResult {
  const fixed = fixedValues(template, options);
  const satisfied = new Set(Object.keys(fixed) as FieldName[]);
  const headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : findTemplateHeaderRow(sheet.rows, template, satisfied);
  if (headerIndex === null || headerIndex < 0 || headerIndex >= sheet.rows.length) {
    return { ok: false, code: 'header_not_found', params: { rows: HEADER_SEARCH_ROWS } };
  }
  const header = sheet.rows[headerIndex] ?? [];
  const found = matchColumns(header, template);
  const missing = template.columns.filter((c) => c.required && !found.has(c.field) && !satisfied.has(c.field));
  if (missing.length > 0) {
    const columns = missing.map((c) => c.headers[0] ?? c.field).join(', ');
    return { ok: false, code: 'missing_columns', params: { row: headerIndex + 1, columns }, missing: missing.map((c) => c.field) };
  }

  const dataIndexes: number[] = [];
  for (let index = headerIndex + 1; index < sheet.rows.length; index++) {
    if (!isBlank(sheet.rows[index] ?? [], found.values())) dataIndexes.push(index);
  }
  if (dataIndexes.length > MAX_DATA_ROWS) return { ok: false, code: 'too_many_rows', params: { actual: dataIndexes.length, max: MAX_DATA_ROWS } };

  const columnLabel = new Map(
    template.columns.map((c) => [c.field, found.has(c.field) ? label(header[found.get(c.field)!]) : (c.headers[0] ?? c.field)]),
  );
  // The same for every row, worked out once (50,000 rows): each field's column, kind, label and fixed value.
  const fields = [...new Set<FieldName>([...template.columns.map((c) => c.field), ...(Object.keys(fixed) as FieldName[])])];
  const required = new Set(template.columns.filter((c) => c.required).map((c) => c.field));
  const shape: FieldShape[] = fields.map((field) => ({
    field,
    index: found.get(field),
    kind: FIELD_KINDS[field],
    options: { allowNegative: NEGATIVE_ALLOWED.has(field) },
    maxLength: FIELD_MAX_LENGTH[field],
    required: required.has(field),
    fixed: fixed[field] === undefined ? undefined : normaliseCell(fixed[field], FIELD_KINDS[field]),
    column: columnLabel.get(field) ?? field,
  }));
  const rows = dataIndexes.map((index) => mapRow(sheet.rows[index] ?? [], index + 1, shape));
  const used = new Set(found.values());
  return {
    ok: true,
    header_row: headerIndex + 1,
    columns: Object.fromEntries(found),
    unused_headers: header.flatMap((cell, index) => (used.has(index) || headerKey(cell) === '' ? [] : [label(cell)])),
    rows,
  };
}

type FieldShape = {
  field: FieldName;
  /** 0-based column in the sheet, undefined when the header has none for it. */
  index: number | undefined;
  kind: CellKind;
  options: NormaliseOptions;
  /** Characters the column it is saved in holds (FIELD_MAX_LENGTH); undefined when it is not saved as text. */
  maxLength: number | undefined;
  required: boolean;
  /** The fixed value, normalised once. */
  fixed: ReturnType<typeof normaliseCell> | undefined;
  column: string;
};

function mapRow(cells: readonly Cell[], rowNumber: number, shape: readonly FieldShape[]): MappedRow {
  const values: FieldValues = {};
  const issues: RowIssue[] = [];
  for (const { field, index, kind, options, maxLength, required, fixed, column } of shape) {
    const cell = index === undefined ? undefined : cells[index];
    const fromCell = normaliseCell(cell, kind, options);
    // An empty cell takes the file's fixed value (e.g. the courier chosen for the whole file).
    const result = (fromCell.ok && fromCell.value === null && fixed) || fromCell;
    if (!result.ok) {
      issues.push({ field, code: result.code, params: { ...result.params, column } });
      values[field] = null;
      continue;
    }
    // Measured as normalised (trimmed, one line): that is the text saved.
    if (maxLength !== undefined && typeof result.value === 'string' && result.value.length > maxLength) {
      issues.push({ field, code: 'too_long', params: { column, max: maxLength, length: result.value.length } });
      values[field] = null;
      continue;
    }
    values[field] = result.value;
    if (required && result.value === null) issues.push({ field, code: 'required', params: { column } });
  }
  return { row: rowNumber, values, issues };
}

export type TemplateGuess = {
  template: Template;
  /** 0.5–1 (header.ts `headerScore`): 0.5 means every required column and no optional one. */
  score: number;
  /** 1-based sheet row of the header the template matched. */
  header_row: number;
  /** Other templates that match exactly as well: the operator must choose (courier result files look alike). */
  ties: string[];
};

/**
 * The template whose headers best match the sheet's first rows (built-ins and saved ones alike), or null when none
 * has all its required columns. A header row alone works too: pass `[headerRow]`.
 */
export function guessTemplate(
  rows: readonly (readonly Cell[])[],
  options: { templates?: readonly Template[]; type?: Template['type'] } = {},
): TemplateGuess | null {
  const candidates = (options.templates ?? BUILT_IN_TEMPLATES).filter((t) => !options.type || t.type === options.type);
  const scored = candidates.flatMap((template) => {
    const satisfied = new Set(Object.keys(fixedValues(template, {})) as FieldName[]);
    const index = findTemplateHeaderRow(rows, template, satisfied);
    if (index === null) return [];
    return [{ template, ...headerScore(rows[index] ?? [], template, satisfied), header_row: index + 1 }];
  });
  // Stable sort: among equal matches the earlier template (saved ones are passed first by the service) leads.
  scored.sort((a, b) => (betterHeaderMatch(a, b) ? -1 : betterHeaderMatch(b, a) ? 1 : 0));
  const best = scored[0];
  // Below 0.5 a required column is missing: not a usable guess.
  if (!best || best.score < 0.5) return null;
  const ties = scored.slice(1).filter((s) => !betterHeaderMatch(best, s));
  return { template: best.template, score: best.score, header_row: best.header_row, ties: ties.map((s) => s.template.id) };
}
