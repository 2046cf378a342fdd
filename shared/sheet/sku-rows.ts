// A 상품 sheet row (or a SKU file row) as cells → the row the server takes, or the cells it cannot read (a status
// word it does not know, a price that is not whole won). Pure, for the pane and the server's file import alike; the
// server checks the rest (required fields, the status rules, clashes).
import type { SkuSheetRow, SkuStatus } from '../api/catalogue.schema.ts';
import { SKU_STATUS_LABELS, SKU_STATUSES } from '../api/catalogue.schema.ts';
import { defineMessages, type Message, message } from '../i18n.ts';

export const skuRowMessages = defineMessages('sku_rows', {
  bad_status: {
    ko: '{column}: 상태는 판매중, 단종, 재입고예정, 강제품절, 한정 중 하나입니다: {value}',
    en: '{column}: status is one of 판매중 (active), 단종 (discontinued), 재입고예정 (reorder), 강제품절 (sold out), 한정 (limited): {value}',
  },
  bad_number: { ko: '{column}: 숫자가 아닙니다: {value}', en: '{column}: not a number: {value}' },
  bad_date: { ko: '{column}: 날짜가 아닙니다 (예: 2026-12-01): {value}', en: '{column}: not a date (e.g. 2026-12-01): {value}' },
});

/** What a cell holds, as Excel or a file gives it. */
export type Cell = string | number | boolean | null | undefined;

export type SkuCellIssue = { column: string; message: Message };
export type ParsedSkuRow = { ok: true; row: SkuSheetRow } | { ok: false; issues: SkuCellIssue[] };

const text = (cell: Cell): string => {
  if (cell === null || cell === undefined || cell === false) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
};

const STATUS_WORDS = new Map<string, SkuStatus>();
for (const status of SKU_STATUSES) {
  STATUS_WORDS.set(status, status);
  STATUS_WORDS.set(SKU_STATUS_LABELS[status].ko, status);
  STATUS_WORDS.set(SKU_STATUS_LABELS[status].en.toLowerCase(), status);
}
// Words operators type for the same statuses.
for (const [word, status] of [
  ['판매', 'active'],
  ['정상', 'active'],
  ['재입고', 'reorder'],
  ['재입고 예정', 'reorder'],
  ['품절', 'sold_out'],
  ['일시품절', 'sold_out'],
  ['한정수량', 'limited'],
  ['sold_out', 'sold_out'],
] as const) {
  STATUS_WORDS.set(word, status);
}

/** A status cell: Korean or English labels, or the API's word; blank is 판매중. */
export function statusOf(cell: Cell): SkuStatus | undefined {
  const t = text(cell);
  if (!t) return 'active';
  return STATUS_WORDS.get(t) ?? STATUS_WORDS.get(t.toLowerCase()) ?? STATUS_WORDS.get(t.replace(/\s+/g, ''));
}

/** Barcodes in one cell, separated by commas (or semicolons, new lines). */
export function barcodesOf(cell: Cell): string[] {
  return [
    ...new Set(
      text(cell)
        .split(/[,;\n]/)
        .map((b) => b.trim())
        .filter(Boolean),
    ),
  ];
}

/** Whole numbers as typed: 12,900 or 12900원 or 12900.0; blank is null; anything else undefined. */
export function numberOf(cell: Cell): number | null | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const t = text(cell).replace(/[,\s]/g, '').replace(/원$/, '');
  if (!t) return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** Excel's day 0 is 1899-12-30; a date cell may come back as such a serial number. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date cell as YYYY-MM-DD: typed as 2026-12-01, 2026.12.01 or 2026/12/1, or an Excel date serial; blank null. */
export function dateOf(cell: Cell): string | null | undefined {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2958465) return undefined;
    return new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const t = text(cell);
  if (!t) return null;
  const m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(t);
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/**
 * A row's cells by column id → the row to send. `id` and `version` come from the hidden columns (a new row has
 * none). `label` names a column in the problems (its header as the sheet shows it).
 */
export function parseSkuRow(cells: Readonly<Record<string, Cell>>, label: (column: string) => string = (c) => c): ParsedSkuRow {
  const issues: SkuCellIssue[] = [];
  const problem = (column: string, entry: keyof typeof skuRowMessages) =>
    issues.push({ column, message: message(skuRowMessages[entry], { column: label(column), value: text(cells[column]) }) });
  const status = statusOf(cells.status);
  if (!status) problem('status', 'bad_status');
  const numbers: Record<string, number | null> = {};
  for (const column of ['cost', 'price', 'limit_quantity', 'version']) {
    const n = numberOf(cells[column]);
    if (n === undefined) problem(column, 'bad_number');
    else numbers[column] = n;
  }
  const date = dateOf(cells.status_date);
  if (date === undefined) problem('status_date', 'bad_date');
  if (issues.length) return { ok: false, issues };
  const id = text(cells.id);
  const optional = (column: string) => text(cells[column]) || null;
  return {
    ok: true,
    row: {
      ...(id ? { id, version: numbers.version ?? 0 } : {}),
      code: text(cells.code),
      name: text(cells.name),
      option_text: optional('option_text'),
      barcodes: barcodesOf(cells.barcodes),
      cost: numbers.cost ?? null,
      price: numbers.price ?? null,
      status: status!,
      status_date: date ?? null,
      limit_quantity: numbers.limit_quantity ?? null,
      memo: optional('memo'),
    },
  };
}

/** A SKU as the sheet's cells, by column id (status in the sheet's language, barcodes joined with ", "). */
export function skuCells(
  sku: { id: string; version: number; code: string; name: string; option_text: string | null; barcodes: string[] } & Record<string, unknown>,
  lang: 'ko' | 'en',
): Record<string, string | number> {
  const status = SKU_STATUS_LABELS[sku.status as SkuStatus];
  return {
    id: sku.id,
    version: sku.version,
    push_result: '',
    push_message: '',
    code: sku.code,
    name: sku.name,
    option_text: sku.option_text ?? '',
    barcodes: sku.barcodes.join(', '),
    cost: Number(sku.cost ?? 0),
    price: Number(sku.price ?? 0),
    status: status ? status[lang] : String(sku.status),
    status_date: typeof sku.status_date === 'string' ? sku.status_date : '',
    limit_quantity: typeof sku.limit_quantity === 'number' ? sku.limit_quantity : '',
    memo: typeof sku.memo === 'string' ? sku.memo : '',
  };
}
