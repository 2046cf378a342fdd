// SKUs from a file or the pane's active sheet, through the file pipeline of issue 10: the source read as rows, a
// template of type sku_import (the built-in sku_default by default) maps the headers, and the mapped rows go through
// the same saves as the 상품 sheet's push (sku-sheet.service.ts): each row whole or not at all, one result per row.
// A file carries no ids or versions: a row whose code is a SKU's edits that SKU (the columns the file has; the
// version it has now), any other row adds one.
import type { z } from 'zod';
import type { skuImportBody, skuImportResponse } from '../../../shared/api/catalogue.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { cellIssueMessage } from '../../../shared/files/cell-messages.ts';
import { mapRows, type FieldValues, type MappedRow } from '../../../shared/files/map-rows.ts';
import type { FieldName } from '../../../shared/files/templates.ts';
import { message, type Text } from '../../../shared/i18n.ts';
import { barcodesOf, skuRowMessages, statusOf } from '../../../shared/sheet/sku-rows.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { readSource } from '../../files/source.ts';
import { getTemplate } from '../files/templates.service.ts';
import { catalogueMessages } from './catalogue.messages.ts';
import type { SkuState } from './sku-rules.ts';
import { applySaves } from './sku-sheet.service.ts';
import type { SkuSave } from './skus.service.ts';
import * as repo from './skus.repo.ts';

type Result = Omit<z.infer<typeof skuImportResponse>['results'][number], 'message'> & { message?: Text };

/** File fields → SKU fields (the file's names are the template's, shared with order uploads where they mean the same). */
const FIELDS: [FieldName, keyof SkuState][] = [
  ['product_code', 'code'],
  ['product_name', 'name'],
  ['option_text', 'option_text'],
  ['barcodes', 'barcodes'],
  ['cost', 'cost'],
  ['price', 'price'],
  ['sku_status', 'status'],
  ['status_date', 'status_date'],
  ['limit_quantity', 'limit_quantity'],
  ['memo', 'memo'],
];

/** The SKU fields of a mapped row, only for the columns the file has; a status word it does not know is a problem. */
function fieldsOf(values: FieldValues, present: ReadonlySet<FieldName>): { fields: Partial<SkuState> } | { problem: Result['field'] } {
  const fields: Record<string, unknown> = {};
  for (const [from, to] of FIELDS) {
    if (!present.has(from)) continue;
    const v = values[from] ?? null;
    if (to === 'barcodes') fields[to] = barcodesOf(v === null ? '' : String(v));
    else if (to === 'status') {
      const status = statusOf(v === null ? '' : String(v));
      if (!status) return { problem: 'status' };
      fields[to] = status;
    } else if (to === 'cost' || to === 'price') fields[to] = v ?? 0;
    else fields[to] = v === null ? null : typeof v === 'number' ? v : String(v);
  }
  return { fields: fields as Partial<SkuState> };
}

export async function importSkus(db: Db, actor: Actor, info: Partial<RequestInfo>, body: z.output<typeof skuImportBody>) {
  const { template } = await getTemplate(db, body.template_id);
  if (template.type !== 'sku_import') throw fieldError('template_id', catalogueMessages.template_not_sku, { id: body.template_id });
  const mapped = mapRows(await readSource(body.source), template);
  if (!mapped.ok) throw new AppError('invalid_data', mapped.code, cellIssueMessage(mapped), { details: { missing: mapped.missing ?? [] } });
  const present = new Set(Object.keys(mapped.columns) as FieldName[]);
  const known = await repo.skusByCodes(
    db,
    mapped.rows.map((r) => String(r.values.product_code ?? '')),
  );

  const results: Result[] = new Array(mapped.rows.length);
  const saves: { at: number; save: SkuSave }[] = [];
  mapped.rows.forEach((row: MappedRow, at) => {
    const [issue] = row.issues;
    if (issue) {
      results[at] = { row: row.row, result: 'refused', code: 'cell_invalid', field: issue.field, message: cellIssueMessage(issue) };
      return;
    }
    const out = fieldsOf(row.values, present);
    if ('problem' in out) {
      const value = String(row.values.sku_status ?? '');
      const column = template.columns.find((c) => c.field === 'sku_status')?.headers[0] ?? 'sku_status';
      results[at] = {
        row: row.row,
        result: 'refused',
        code: 'cell_invalid',
        field: 'status',
        message: message(skuRowMessages.bad_status, { column, value }),
      };
      return;
    }
    const sku = known.get(String(out.fields.code ?? ''));
    saves.push({ at, save: sku ? { id: sku.id, version: sku.version, fields: out.fields } : { fields: out.fields } });
  });

  const outcomes = await applySaves(
    db,
    actor,
    info,
    saves.map((s) => s.save),
  );
  outcomes.forEach((o, k) => {
    const at = saves[k]!.at;
    const { index: _index, sku, ...rest } = o;
    results[at] = { row: mapped.rows[at]!.row, ...rest, ...(sku ? { sku_id: sku.id } : {}) };
  });
  const applied = results.filter((r) => r.result === 'applied').length;
  return { header_row: mapped.header_row, rows: results.length, applied, refused: results.length - applied, results };
}
