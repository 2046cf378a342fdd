// Stock counts loaded from a file or the active sheet (issue 11 §6) through the file pipeline of issue 10: the rows
// are read (readSource), mapped through a stock_count template (built-in: 상품코드, 창고, 수량, and 사유 when there is
// one) and counted by the same count service as the 재고 sheet, one result per sheet row. A row the template cannot
// read, a count that is not a whole number ≥ 0, an unknown code or a row without a reason (none in the row, none for
// the file) is refused naming each column wrong by the sheet's own header, all at once, and never keeps the good
// rows from being counted.
import type { StockCountImportBody, StockCountRow } from '../../../shared/api/stock.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { cellIssueMessage } from '../../../shared/files/cell-messages.ts';
import { mapRows, type MappedRow } from '../../../shared/files/map-rows.ts';
import type { FieldName } from '../../../shared/files/templates.ts';
import { message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { readSource } from '../../files/source.ts';
import { findTemplate } from '../files/templates.service.ts';
import { countStock, type CountResult, type RowProblem } from './count.service.ts';
import { stockMessages } from './stock.messages.ts';
import { fieldLabel } from '../../../shared/api/field-labels.ts';

export type ImportRowResult = Omit<CountResult, 'index'> & { row: number; sku_code: string | null; warehouse_code: string | null };

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** A counted quantity as a file holds it: digits (thousands commas allowed), or null when it is not a whole number. */
function countOf(value: unknown): number | null {
  const t = text(value).replace(/,/g, '');
  return /^-?\d+$/.test(t) ? Number(t) : null;
}

export async function importStockCounts(db: Db, actor: Actor, body: StockCountImportBody) {
  const found = await findTemplate(db, body.template_id);
  if (!found)
    throw new AppError(
      'not_found',
      'template_not_found',
      message(stockMessages.template_not_found, { field: fieldLabel('template_id'), id: body.template_id }),
    );
  if (found.template.type !== 'stock_count') throw fieldError('template_id', stockMessages.template_wrong_type, { id: body.template_id });
  const sheet = await readSource(body.source);
  const headerRow = body.header_row ?? found.template.headerRow;
  const mapped = mapRows(sheet, found.template, headerRow !== undefined ? { headerRow } : {});
  if (!mapped.ok) {
    throw new AppError('invalid_data', mapped.code, cellIssueMessage(mapped), mapped.missing ? { details: { missing: mapped.missing } } : {});
  }
  const header = sheet.rows[mapped.header_row - 1] ?? [];
  // A field as the sheet heads it (상품코드, 창고, 수량, 사유), in every language: the operator looks for that header.
  // A column the sheet does not have is named by the template's first spelling of it.
  const column = (field: FieldName) => {
    const at = mapped.columns[field];
    const own = at === undefined ? '' : text(header[at]);
    return own || found.template.columns.find((c) => c.field === field)?.headers[0] || field;
  };
  const labels = {
    sku_code: column('product_code'),
    warehouse_code: column('warehouse_code'),
    on_hand: column('count_quantity'),
    reason: column('reason'),
  };
  // Every row goes to the count with what its cells already showed wrong, so that a row with an unknown code, a bad
  // count and no reason says all three at once (not one per try).
  const rows: StockCountRow[] = [];
  const problems: RowProblem[][] = [];
  mapped.rows.forEach((r: MappedRow) => {
    const wrong: RowProblem[] = r.issues.map((issue) => ({ code: issue.code, field: issue.field, message: cellIssueMessage(issue) }));
    const cell = (field: FieldName) => wrong.some((p) => p.field === field);
    const quantity = countOf(r.values.count_quantity);
    if (!cell('count_quantity')) {
      const field = labels.on_hand;
      if (quantity === null) {
        wrong.push({
          code: 'not_a_count',
          field: 'count_quantity',
          message: message(stockMessages.not_a_count, { field, value: text(r.values.count_quantity) }),
        });
      } else if (quantity < 0) {
        wrong.push({ code: 'negative_count', field: 'count_quantity', message: message(stockMessages.negative_count, { field, value: quantity }) });
      }
    }
    const sku = text(r.values.product_code);
    const warehouse = text(r.values.warehouse_code);
    rows.push({
      sku_code: sku,
      ...(warehouse ? { warehouse_code: warehouse } : {}),
      on_hand: quantity ?? 0,
      reason: text(r.values.reason) || body.reason?.trim() || '',
    });
    problems.push(wrong);
  });
  const out = rows.length ? await countStock(db, actor, rows, { kind: 'import', labels, problems }) : { results: [] };
  const results: ImportRowResult[] = out.results.map(({ index: _index, ...rest }, at) => ({
    ...rest,
    row: mapped.rows[at]!.row,
    sku_code: rows[at]!.sku_code || null,
    warehouse_code: rows[at]!.warehouse_code ?? null,
  }));
  const applied = results.filter((r) => r.result === 'applied').length;
  return { template_id: found.template.id, header_row: mapped.header_row, applied, refused: results.length - applied, results };
}
