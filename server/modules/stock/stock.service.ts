// Stock per SKU × warehouse (issue 11 §1, seed 003): an adjustment (± a delta), a transfer between warehouses (both
// halves in one transaction under one transfer id; the total over warehouses stays the same) and the list and
// history. Counts (실사) are count.service.ts. Every change goes through the repo's writeStock (row + history row
// together) on rows locked first; a transaction the database picks as a deadlock victim runs again, so concurrent
// operators wait for each other and no change is lost or answered with a 500.
import { decodeCursor, encodeCursor, isPair } from '../../domain/cursor.ts';
import type { StockAdjustmentBody, StockQuery, StockRow, StockTransferBody } from '../../../shared/api/stock.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message, type CatalogEntry } from '../../../shared/i18n.ts';
import { isRetryableConflict, retryOnConflict } from '../../db/errors.ts';
import { ID_PREFIX, newId } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Knex } from 'knex';
import type { Actor } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { stockMessages } from './stock.messages.ts';
import * as repo from './stock.repo.ts';
import { fieldLabel } from '../../../shared/api/field-labels.ts';

const isStockConflict = (e: unknown) => isRetryableConflict(e) || e instanceof repo.StockRaceError;

/**
 * Runs a stock transaction, again on a deadlock or when a locked row moved (see repo.StockRaceError). Should every
 * run lose, the caller is told to try again (409 stock_busy), never a 500.
 */
export async function stockTransaction<T>(db: Db, run: (trx: Parameters<Parameters<Db['transaction']>[0]>[0]) => Promise<T>): Promise<T> {
  try {
    return await retryOnConflict(() => db.transaction(run), { attempts: 8, also: isStockConflict });
  } catch (error) {
    if (isStockConflict(error)) throw new AppError('conflict', 'stock_busy', message(stockMessages.stock_busy), { cause: error });
    throw error;
  }
}

/** The SKU of a code, or a 404 naming the field. */
export async function requireSku(db: Db, code: string, field: string): Promise<repo.SkuRef> {
  const sku = (await repo.skusByCodes(db, [code])).get(code);
  if (!sku) throw notFound(field, stockMessages.unknown_sku, code, 'unknown_sku');
  return sku;
}

/** The warehouse of a code (the default one when none is given), or a 404 naming the field. */
export async function requireWarehouse(db: Db, code: string | undefined, field: string): Promise<repo.WarehouseRef> {
  const { byCode, fallback } = await repo.warehouses(db);
  const found = code === undefined ? fallback : byCode.get(code.toUpperCase());
  if (found) return found;
  if (code === undefined) throw fieldError(field, stockMessages.no_default_warehouse, {}, { code: 'unknown_warehouse' });
  throw notFound(field, stockMessages.unknown_warehouse, code, 'unknown_warehouse');
}

function notFound(field: string, entry: CatalogEntry, code: string, errorCode: string): AppError {
  const text = message(entry, { field: fieldLabel(field), code });
  return new AppError('not_found', errorCode, text, { details: [{ field, code: errorCode, message: text }] });
}

async function rowOf(db: Db, key: repo.StockKey): Promise<StockRow> {
  return (await repo.stockRows(db, [key])).get(repo.keyOf(key))!;
}

/** Adds `delta` to on-hand (a negative delta takes away). Deltas apply to the row as locked, so none is ever lost. */
export async function adjustStock(db: Db, actor: Actor, body: StockAdjustmentBody) {
  const sku = await requireSku(db, body.sku_code, 'sku_code');
  const warehouse = await requireWarehouse(db, body.warehouse_code, 'warehouse_code');
  const key = { skuId: sku.id, warehouseId: warehouse.id };
  const reason = body.reason.trim();
  return stockTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    const before = (await repo.lockStock(trx, [key], at)).get(repo.keyOf(key))!;
    const onHand = before.on_hand + body.delta;
    if (onHand < 0) {
      throw fieldError(
        'delta',
        stockMessages.negative_on_hand,
        { on_hand: before.on_hand, delta: body.delta },
        { code: 'negative_on_hand', type: 'conflict' },
      );
    }
    const { historyId } = await repo.writeStock(trx, {
      key,
      before,
      after: { on_hand: onHand, allocated: before.allocated },
      kind: 'adjust',
      reason,
      actor,
      at,
    });
    return { history_id: historyId, stock: await rowOf(trx, key) };
  });
}

/**
 * Moves `quantity` from one warehouse to another: both halves in one transaction, carrying one transfer id. Refused
 * when the source has less available (on hand − allocated) than asked.
 */
export async function transferStock(db: Db, actor: Actor, body: StockTransferBody) {
  const sku = await requireSku(db, body.sku_code, 'sku_code');
  const from = await requireWarehouse(db, body.from_warehouse, 'from_warehouse');
  const to = await requireWarehouse(db, body.to_warehouse, 'to_warehouse');
  if (from.id === to.id) throw fieldError('to_warehouse', stockMessages.same_warehouse, {}, { code: 'same_warehouse' });
  const source = { skuId: sku.id, warehouseId: from.id };
  const target = { skuId: sku.id, warehouseId: to.id };
  const reason = body.reason.trim();
  const transferId = newId(ID_PREFIX.transfer);
  return stockTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    const locked = await repo.lockStock(trx, [source, target], at);
    const out = locked.get(repo.keyOf(source))!;
    const into = locked.get(repo.keyOf(target))!;
    const available = out.on_hand - out.allocated;
    if (available < body.quantity) {
      throw fieldError(
        'quantity',
        stockMessages.insufficient_stock,
        { warehouse: from.code, available, quantity: body.quantity },
        { code: 'insufficient_stock', type: 'conflict' },
      );
    }
    const common = { reason, transferId, actor, at };
    await repo.writeStock(trx, {
      ...common,
      key: source,
      before: out,
      after: { on_hand: out.on_hand - body.quantity, allocated: out.allocated },
      kind: 'transfer_out',
    });
    await repo.writeStock(trx, {
      ...common,
      key: target,
      before: into,
      after: { on_hand: into.on_hand + body.quantity, allocated: into.allocated },
      kind: 'transfer_in',
    });
    const rows = await repo.stockRows(trx, [source, target]);
    return { transfer_id: transferId, from: rows.get(repo.keyOf(source))!, to: rows.get(repo.keyOf(target))! };
  });
}

/**
 * Sets the on-hand of these SKU × warehouse pairs (distinct) as counts, inside the caller's transaction: for stock
 * made together with something else that must commit with it (npm start's sample SKUs). Through the one write path,
 * each change with its history row; a pair already at that count is left as it is.
 */
export async function countWithin(
  trx: Knex.Transaction,
  actor: Actor,
  counts: readonly { key: repo.StockKey; on_hand: number }[],
  reason: string,
  at: string,
): Promise<void> {
  const locked = await repo.lockStock(
    trx,
    counts.map((c) => c.key),
    at,
  );
  const writes: repo.StockWrite[] = [];
  for (const { key, on_hand } of counts) {
    const before = locked.get(repo.keyOf(key))!;
    if (before.on_hand !== on_hand) writes.push({ key, before, after: { on_hand, allocated: before.allocated }, kind: 'count', reason, actor, at });
  }
  await repo.writeStockMany(trx, writes);
}

export async function listStock(db: Db, query: StockQuery) {
  const { items, next } = await repo.listStock(db, query, decodeCursor(query.cursor, isPair), query.limit);
  return { items, next_cursor: next ? encodeCursor(next) : null };
}

export async function listHistory(
  db: Db,
  query: { sku?: string | undefined; warehouse?: string | undefined; cursor?: number | undefined; limit: number },
) {
  const { rows, next } = await repo.listHistory(db, {
    skuCode: query.sku,
    warehouseCode: query.warehouse,
    beforeId: query.cursor,
    limit: query.limit,
  });
  return { items: rows, next_cursor: next };
}
