// Counts (실사): rows of SKU code + warehouse + the new on-hand, from the 재고 sheet or a stock-count file. Each row
// is checked on its own — an unknown code, a negative count or a missing reason refuses that row, naming each field
// wrong at once —
// and the good rows are applied in one transaction on rows locked in key order. A row that says what the operator
// saw (the row's version, or the on-hand) is refused as stale when the stock moved since: a count never overwrites
// an adjustment made meanwhile without the operator seeing it.
import { STOCK_COUNT_MAX, STOCK_REASON_MAX, type StockCountResult, type StockCountRow, type StockRowCode } from '../../../shared/api/stock.schema.ts';
import { message, type CatalogEntry, type Message, type MessageParam, type MessageParams } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { stockMessages } from './stock.messages.ts';
import * as repo from './stock.repo.ts';
import { stockTransaction } from './stock.service.ts';
import { COUNT_ROW_LABELS, fieldLabel } from '../../../shared/api/field-labels.ts';

export type CountResult = Omit<StockCountResult, 'message'> & { message?: Message };

export type CountOptions = {
  /** 'import' for rows loaded from a file; 'count' for the sheet. */
  kind?: 'count' | 'import';
  jobId?: string;
  /** How refusals name a row's fields, when not by the API's labels: a file's own headers (상품코드, 창고, 사유). */
  labels?: Partial<Record<CountField, string>>;
  /**
   * What was found wrong with each row before (a file's cells), by row: said with the row's own problems, all at
   * once. A field named there is not checked again.
   */
  problems?: readonly (readonly RowProblem[] | undefined)[];
};

/** A row's fields as its refusals name them. */
type CountField = 'sku_code' | 'warehouse_code' | 'on_hand' | 'reason';

/** One thing wrong with a row: its code, the field it is about (as the result names it) and what to say. */
export type RowProblem = { code: string; field?: string; message: Message };

/** Where a field stands in a row (a file's template names some of them otherwise): problems are said in this order. */
const FIELD_ORDER: Readonly<Record<string, number>> = {
  sku_code: 0,
  product_code: 0,
  warehouse_code: 1,
  on_hand: 2,
  count_quantity: 2,
  reason: 3,
};
const orderOf = (p: RowProblem) => (p.field === undefined ? 4 : (FIELD_ORDER[p.field] ?? 4));

type Planned = { index: number; key: repo.StockKey; row: StockCountRow; reason: string };

const refusal = (index: number, code: StockRowCode, entry: CatalogEntry, field?: string, params: MessageParams = {}): CountResult => ({
  index,
  result: 'refused',
  code,
  ...(field ? { field } : {}),
  message: message(entry, { ...(field ? { field: fieldLabel(field, COUNT_ROW_LABELS[field]) } : {}), ...params }),
});

/** Every problem of a row in one message, in the row's order of fields: "상품코드: … / 사유: …". */
function allOf(problems: readonly Message[]): Message {
  const [first, ...rest] = problems;
  return rest.length ? message(stockMessages.and_more, { first: first!, rest: allOf(rest) }) : first!;
}

/** Applies the rows' counts; one result per row, in the request's order. */
export async function countStock(db: Db, actor: Actor, rows: readonly StockCountRow[], options: CountOptions = {}) {
  const skus = await repo.skusByCodes(
    db,
    rows.map((r) => r.sku_code),
  );
  const { byCode, fallback } = await repo.warehouses(db);
  const results: CountResult[] = new Array(rows.length);
  const planned: Planned[] = [];
  const seen = new Set<string>();
  const said = (field: CountField): MessageParam => options.labels?.[field] ?? fieldLabel(field, COUNT_ROW_LABELS[field]);
  rows.forEach((row, index) => {
    const sku = skus.get(row.sku_code);
    const warehouse = row.warehouse_code === undefined ? fallback : byCode.get(row.warehouse_code.toUpperCase());
    const reason = row.reason?.trim() ?? '';
    // Every problem of the row, not only the first: the operator fixes them all in one go.
    const problems: RowProblem[] = [...(options.problems?.[index] ?? [])];
    const open = (field: CountField) => !problems.some((p) => orderOf(p) === FIELD_ORDER[field]);
    const problem = (code: StockRowCode, entry: CatalogEntry, field: CountField, params: MessageParams = {}) =>
      problems.push({ code, field, message: message(entry, { field: said(field), ...params }) });
    if (open('sku_code') && !sku) problem('unknown_sku', stockMessages.unknown_sku, 'sku_code', { code: row.sku_code });
    if (open('warehouse_code') && !warehouse)
      problem('unknown_warehouse', stockMessages.unknown_warehouse, 'warehouse_code', { code: row.warehouse_code ?? '' });
    if (open('on_hand') && row.on_hand < 0) problem('negative_count', stockMessages.negative_count, 'on_hand', { value: row.on_hand });
    else if (open('on_hand') && row.on_hand > STOCK_COUNT_MAX) {
      problem('count_too_large', stockMessages.count_too_large, 'on_hand', { value: row.on_hand, max: STOCK_COUNT_MAX });
    }
    if (open('reason') && !reason) problem('reason_required', stockMessages.reason_required, 'reason');
    else if (open('reason') && reason.length > STOCK_REASON_MAX) {
      problem('reason_too_long', stockMessages.reason_too_long, 'reason', { max: STOCK_REASON_MAX, length: reason.length });
    }
    if (problems.length) {
      problems.sort((a, b) => orderOf(a) - orderOf(b));
      const [first] = problems;
      results[index] = {
        index,
        result: 'refused',
        code: first!.code as StockRowCode,
        ...(first!.field ? { field: first!.field } : {}),
        message: allOf(problems.map((p) => p.message)),
      };
      return;
    }
    const key = { skuId: sku!.id, warehouseId: warehouse!.id };
    if (seen.has(repo.keyOf(key))) results[index] = refusal(index, 'duplicate_row', stockMessages.duplicate_row);
    else {
      seen.add(repo.keyOf(key));
      planned.push({ index, key, row, reason });
    }
  });
  if (planned.length) await applyCounts(db, actor, planned, results, options);
  const applied = results.filter((r) => r.result === 'applied').length;
  return { applied, refused: results.length - applied, results };
}

async function applyCounts(db: Db, actor: Actor, planned: readonly Planned[], results: CountResult[], options: CountOptions) {
  const written = await stockTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    const locked = await repo.lockStock(
      trx,
      planned.map((p) => p.key),
      at,
    );
    const out: CountResult[] = [];
    for (const p of planned) {
      const before = locked.get(repo.keyOf(p.key))!;
      const stale =
        (p.row.version !== undefined && p.row.version !== before.version) ||
        (p.row.expected_on_hand !== undefined && p.row.expected_on_hand !== before.on_hand);
      if (stale) {
        out.push(refusal(p.index, 'stale', stockMessages.stale, undefined, { current: before.on_hand }));
        continue;
      }
      if (p.row.on_hand === before.on_hand) {
        out.push({ index: p.index, result: 'applied', code: 'unchanged' });
        continue;
      }
      await repo.writeStock(trx, {
        key: p.key,
        before,
        after: { on_hand: p.row.on_hand, allocated: before.allocated },
        kind: options.kind ?? 'count',
        reason: p.reason,
        actor,
        ...(options.jobId ? { jobId: options.jobId } : {}),
        at,
      });
      // Applied, as the shelf is what it is; but the allocations it now cannot cover are said beside the row.
      const short = before.allocated - p.row.on_hand;
      out.push(
        short > 0
          ? {
              index: p.index,
              result: 'applied',
              code: 'below_allocated',
              message: message(stockMessages.below_allocated, { on_hand: p.row.on_hand, allocated: before.allocated, short }),
            }
          : { index: p.index, result: 'applied' },
      );
    }
    return out;
  });
  // Every planned row answers with its stock as it is now: after the count, or the change that made it stale.
  const rows = await repo.stockRows(
    db,
    planned.map((p) => p.key),
  );
  const keyAt = new Map(planned.map((p) => [p.index, p.key]));
  for (const r of written) {
    const stock = rows.get(repo.keyOf(keyAt.get(r.index)!));
    results[r.index] = stock ? { ...r, stock } : r;
  }
}
