// Stock counts loaded from a file or the active sheet (issue 11 §6) through the file pipeline of issue 10: the rows
// are read (readSource), mapped through a stock_count template (built-in: 상품코드, 창고, 수량, and 사유 when there is
// one) and counted by the same count service as the 재고 sheet, one result per sheet row. A row the template cannot
// read, a count that is not a whole number ≥ 0, or a row without a reason (none in the row, none for the file) is
// refused naming its column, and never keeps the good rows from being counted.
import type { StockCountImportBody, StockCountRow } from '../../../shared/api/stock.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { cellIssueMessage } from '../../../shared/files/cell-messages.ts';
import { mapRows, type MappedRow } from '../../../shared/files/map-rows.ts';
import type { FieldName } from '../../../shared/files/templates.ts';
import { message, type Message } from '../../../shared/i18n.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { readSource } from '../../files/source.ts';
import { findTemplate } from '../files/templates.service.ts';
import { countStock, type CountResult } from './count.service.ts';
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
  const column = (field: FieldName) => {
    const at = mapped.columns[field];
    return at === undefined ? field : text(header[at]) || field;
  };
  const results: ImportRowResult[] = new Array(mapped.rows.length);
  const counted: { at: number; row: StockCountRow }[] = [];
  mapped.rows.forEach((r: MappedRow, at) => {
    const sku = text(r.values.product_code) || null;
    const warehouse = text(r.values.warehouse_code) || null;
    const refuse = (code: string, msg: Message, field?: string) =>
      (results[at] = {
        row: r.row,
        sku_code: sku,
        warehouse_code: warehouse,
        result: 'refused',
        code: code as never,
        message: msg,
        ...(field ? { field } : {}),
      });
    const issue = r.issues[0];
    if (issue) return refuse(issue.code, cellIssueMessage(issue), issue.field);
    const quantity = countOf(r.values.count_quantity);
    const qColumn = column('count_quantity');
    if (quantity === null)
      return refuse('not_a_count', message(stockMessages.not_a_count, { field: qColumn, value: text(r.values.count_quantity) }), 'count_quantity');
    if (quantity < 0) return refuse('negative_count', message(stockMessages.negative_count, { field: qColumn, value: quantity }), 'count_quantity');
    const reason = text(r.values.reason) || body.reason?.trim() || '';
    if (!reason) return refuse('reason_required', message(stockMessages.reason_required, { field: column('reason') }), 'reason');
    counted.push({ at, row: { sku_code: sku!, ...(warehouse ? { warehouse_code: warehouse } : {}), on_hand: quantity, reason } });
  });
  const out = counted.length
    ? await countStock(
        db,
        actor,
        counted.map((c) => c.row),
        { kind: 'import' },
      )
    : { results: [] };
  out.results.forEach((r, k) => {
    const { at, row } = counted[k]!;
    const { index: _index, ...rest } = r;
    results[at] = { ...rest, row: mapped.rows[at]!.row, sku_code: row.sku_code, warehouse_code: row.warehouse_code ?? null };
  });
  const applied = results.filter((r) => r.result === 'applied').length;
  return { template_id: found.template.id, header_row: mapped.header_row, applied, refused: results.length - applied, results };
}
