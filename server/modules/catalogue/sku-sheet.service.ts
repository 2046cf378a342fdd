// The 상품 sheet's push (and a SKU file import, which sends its mapped rows the same way): many rows, each a new
// SKU (no id) or an edit of one (id and the version it was pulled at). One transaction for the push, each row in a
// savepoint of its own, so a refused row leaves nothing behind and the other rows still apply. Rows see what
// earlier rows of the push saved (a code typed twice is refused on its second row). One result per row, in order.
import type { SkuRowResult, SkuSheetBody, SkuSheetRow } from '../../../shared/api/catalogue.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Text } from '../../../shared/i18n.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Db } from '../../db/knex.ts';
import type { Knex } from 'knex';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import type { SkuState } from './sku-rules.ts';
import { raceRefusal, saveSku, type Saved, type SkuSave } from './skus.service.ts';

/** A row's result with its message unrendered (the HTTP edge renders it). */
export type SkuRowOutcome = Omit<SkuRowResult, 'message'> & { message?: Text };

/** A sheet row as a save: every column is sent, so every field is set (blank cells clear optional ones). */
export function saveOfRow(row: SkuSheetRow): SkuSave {
  const fields: SkuState = {
    code: row.code,
    name: row.name,
    option_text: row.option_text ?? null,
    barcodes: row.barcodes,
    cost: row.cost ?? 0,
    price: row.price ?? 0,
    status: row.status,
    status_date: row.status_date ?? null,
    limit_quantity: row.limit_quantity ?? null,
    memo: row.memo ?? null,
  };
  return row.id ? { id: row.id, version: row.version ?? 0, fields } : { fields };
}

export async function pushSkuSheet(db: Db, actor: Actor, info: Partial<RequestInfo>, body: SkuSheetBody) {
  const results = await applySaves(db, actor, info, body.rows.map(saveOfRow));
  const applied = results.filter((r) => r.result === 'applied').length;
  return { applied, refused: results.length - applied, results };
}

/** Saves in one transaction, each in its own savepoint; one outcome per save, in order (`index` its place). */
export async function applySaves(db: Db, actor: Actor, info: Partial<RequestInfo>, saves: readonly SkuSave[]): Promise<SkuRowOutcome[]> {
  const now = new Date().toISOString();
  return db.transaction(async (trx) => {
    const out: SkuRowOutcome[] = [];
    for (const [index, save] of saves.entries()) out.push(await applyRow(trx, actor, info, save, index, now));
    return out;
  });
}

async function applyRow(trx: Knex.Transaction, actor: Actor, info: Partial<RequestInfo>, save: SkuSave, index: number, now: string) {
  try {
    return appliedOf(index, await inSavepoint(trx, actor, info, save, now));
  } catch (error) {
    if (error instanceof AppError) return refusedOf(index, error);
    throw error;
  }
}

/**
 * The save in a savepoint. A unique violation there means another request saved the same code or barcode while
 * this push ran: the row is tried once more, when its own check sees the winner and refuses it by name.
 */
async function inSavepoint(trx: Knex.Transaction, actor: Actor, info: Partial<RequestInfo>, save: SkuSave, now: string): Promise<Saved> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await trx.transaction((sp) => saveSku(sp, actor, info, save, now));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= 2) throw raceRefusal(error);
    }
  }
}

function appliedOf(index: number, saved: Saved): SkuRowOutcome {
  return { index, result: 'applied', code: saved.outcome, sku: saved.sku };
}

function refusedOf(index: number, error: AppError): SkuRowOutcome {
  const details = Array.isArray(error.details) ? error.details : [];
  const field = details[0]?.field;
  const code = (['duplicate_code', 'duplicate_barcode', 'stale_version', 'not_found'] as const).find((c) => c === error.code) ?? 'validation_failed';
  return { index, result: 'refused', code, ...(field ? { field } : {}), message: error.text };
}
