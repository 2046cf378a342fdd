// The 재고 sheet's round trip: pull stock per SKU × warehouse into the sheet, then push the rows whose 새 수량 is filled
// as counts (실사) with their reason and the version / on-hand they were pulled at. Each pushed row gets its result
// beside it; applied rows show the new stock and are cleared for the next count, refused rows keep what was typed.
import type { StockCountRow, StockRow } from '../../../../shared/api/stock.schema.ts';
import { STOCK_PAGE_MAX } from '../../../../shared/api/stock.schema.ts';
import { format, type Lang } from '../../../../shared/i18n.ts';
import { STOCK_COLUMNS, stockRowCells } from '../../../../shared/sheet/stock-columns.ts';
import type { Api } from '../../api/client.ts';
import { listStock, pushCounts } from '../../api/stock.ts';
import { readColumns, writeCells, writeTable, type CellPatches, type Progress } from '../../excel/sheets.ts';
import { textOf, type CellValue } from '../../sheet/cells.ts';
import { putBeside } from '../../sheet/columns.ts';
import { stockMessages as sm } from './stock-messages.ts';

export const STOCK_SHEET = '재고';

export type StockFilter = { warehouse: string; q: string; nonzero: boolean };

/** Every stock row matching the filter, page by page. */
async function fetchStock(api: Api, filter: StockFilter, progress?: Progress): Promise<StockRow[]> {
  const rows: StockRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await listStock(api, {
      limit: STOCK_PAGE_MAX,
      ...(filter.warehouse.trim() ? { warehouse: filter.warehouse.trim() } : {}),
      ...(filter.q.trim() ? { q: filter.q.trim() } : {}),
      ...(filter.nonzero ? { nonzero: 'true' as const } : {}),
      ...(cursor ? { cursor } : {}),
    });
    rows.push(...page.items);
    cursor = page.next_cursor;
    progress?.(rows.length, 0);
  } while (cursor);
  return rows;
}

const indexes = (pick: (c: (typeof STOCK_COLUMNS)[number]) => boolean | undefined) => STOCK_COLUMNS.flatMap((c, i) => (pick(c) ? [i] : []));

/** Pulls stock into the 재고 sheet (replacing it); returns how many rows. */
export async function pullStock(
  api: Api,
  filter: StockFilter,
  lang: Lang,
  progress?: (phase: 'fetch' | 'write', done: number, total: number) => void,
) {
  const rows = await fetchStock(api, filter, (d) => progress?.('fetch', d, 0));
  await writeTable(
    {
      name: STOCK_SHEET,
      header: STOCK_COLUMNS.map((c) => c.header[lang]),
      rows: rows.map(stockRowCells),
      textColumns: indexes((c) => c.text),
      hiddenColumns: indexes((c) => c.hidden),
      widths: STOCK_COLUMNS.map((c) => c.width),
      headerTools: true,
      activate: true,
    },
    (d) => progress?.('write', d, rows.length),
  );
  return rows.length;
}

/** A number typed in a cell: digits with thousands commas; null when it is not a whole number. */
function wholeNumber(cell: CellValue | undefined): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const text = textOf(cell).replace(/[,\s]/g, '');
  return /^-?\d+$/.test(text) ? Number(text) : null;
}

export type PlannedRow = { sheetRow: number; row: StockCountRow };
export type Planned = { rows: PlannedRow[]; problems: { sheetRow: number; message: string }[] };

/**
 * The rows to send: those with a 새 수량, checked here as the server would (a whole number, not negative, a reason
 * in the row or the pane's default) so a mistyped row is answered at once without a round trip. Pure.
 */
export function planCounts(rows: readonly CellValue[][], at: ReadonlyMap<string, number>, defaultReason: string, lang: Lang): Planned {
  const cell = (r: readonly CellValue[], id: string) => {
    const col = at.get(id);
    return col === undefined ? undefined : r[col];
  };
  const header = (id: string) => STOCK_COLUMNS.find((c) => c.id === id)!.header[lang];
  const out: Planned = { rows: [], problems: [] };
  rows.forEach((r, i) => {
    const typed = textOf(cell(r, 'new_on_hand'));
    if (!typed) return;
    const sheetRow = i + 1;
    const sku = textOf(cell(r, 'sku_code'));
    const quantity = wholeNumber(cell(r, 'new_on_hand'));
    const reason = textOf(cell(r, 'reason')) || defaultReason.trim();
    const problem = !sku
      ? format(sm.required, { column: header('sku_code') }, lang)
      : quantity === null
        ? format(sm.not_a_number, { column: header('new_on_hand'), value: typed }, lang)
        : quantity < 0
          ? format(sm.negative, { column: header('new_on_hand'), value: typed }, lang)
          : !reason
            ? format(sm.reason_missing, { column: header('reason') }, lang)
            : null;
    if (problem) return out.problems.push({ sheetRow, message: problem });
    const version = wholeNumber(cell(r, 'version'));
    const pulled = wholeNumber(cell(r, 'pulled_on_hand'));
    const warehouse = textOf(cell(r, 'warehouse_code'));
    out.rows.push({
      sheetRow,
      row: {
        sku_code: sku,
        ...(warehouse ? { warehouse_code: warehouse } : {}),
        on_hand: quantity!,
        ...(version !== null ? { version } : {}),
        ...(pulled !== null ? { expected_on_hand: pulled } : {}),
        reason,
      },
    });
  });
  return out;
}

export type StockPushSummary = { sent: number; applied: number; unchanged: number; refused: number; check: number };

/** Rows per request: a count push of thousands of rows goes in a few calls, each answered per row. */
const PUSH_BLOCK = 5000;

/** Pushes the rows with a 새 수량; every one gets a result beside it. */
export async function pushStock(api: Api, defaultReason: string, lang: Lang, progress?: Progress): Promise<StockPushSummary> {
  const sheet = await readColumns(STOCK_SHEET, STOCK_COLUMNS);
  if (!sheet) throw new Error(format(sm.no_sheet, {}, lang));
  const { rows, at } = sheet;
  const plan = planCounts(rows, at, defaultReason, lang);
  const patches: CellPatches = new Map();
  const label = (key: 'applied' | 'unchanged' | 'refused' | 'check') => format(sm[`result_${key}`], {}, lang);
  for (const p of plan.problems) putBeside(at, patches, p.sheetRow, { push_result: label('check'), push_message: p.message });
  const summary: StockPushSummary = { sent: plan.rows.length, applied: 0, unchanged: 0, refused: 0, check: plan.problems.length };
  for (let from = 0; from < plan.rows.length; from += PUSH_BLOCK) {
    const block = plan.rows.slice(from, from + PUSH_BLOCK);
    const answer = await pushCounts(api, { rows: block.map((p) => p.row) });
    answer.results.forEach((r, k) => {
      const { sheetRow } = block[k]!;
      if (r.result === 'refused') {
        summary.refused++;
        putBeside(at, patches, sheetRow, { push_result: label('refused'), push_message: r.message ?? '' });
        return;
      }
      // A count equal to the stock writes nothing: said apart, as the row beside it says 변경없음.
      if (r.code === 'unchanged') summary.unchanged++;
      else summary.applied++;
      const fresh: Record<string, CellValue> = r.stock
        ? {
            on_hand: r.stock.on_hand,
            allocated: r.stock.allocated,
            available: r.stock.available,
            version: r.stock.version,
            pulled_on_hand: r.stock.on_hand,
          }
        : {};
      putBeside(at, patches, sheetRow, {
        ...fresh,
        new_on_hand: '',
        reason: '',
        push_result: label(r.code === 'unchanged' ? 'unchanged' : 'applied'),
        // An applied count may still have something to say (below_allocated).
        push_message: r.message ?? '',
      });
    });
    progress?.(Math.min(from + PUSH_BLOCK, plan.rows.length), plan.rows.length);
  }
  await writeCells(STOCK_SHEET, patches);
  return summary;
}
