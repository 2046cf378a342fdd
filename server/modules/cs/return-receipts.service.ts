// 반품 입고 (returns received): the goods of returned or exchanged lines come back to the desk. Sellable goods go back
// on a warehouse's shelf — each SKU of the line × its quantity, on hand up, history 'return_in' — which is what
// shipping took off it (settle.ts); defective goods are recorded and move no stock. Once per line, each line all or
// nothing, the whole call in one transaction under one batch, a history row on every line received. SKUs whose
// stock nobody keeps (no row in an active warehouse) move nothing, as when they shipped.
import type { ReceiveReturnsResponse } from '../../../shared/api/cs.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message, type Message } from '../../../shared/i18n.ts';
import { RETURNING_STATUSES, STATUS_LABELS, type Status } from '../../../shared/lifecycle.ts';
import { kstMinute } from '../../../shared/time.ts';
import { isUniqueViolation, retryOnConflict } from '../../db/errors.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { fieldLabel } from '../../../shared/api/field-labels.ts';
import { activeWarehouses, keptStockKeys, type WarehouseRow } from '../allocation/allocation.repo.ts';
import { historyMessages as h, historyReason, storedReason } from '../orders/history.messages.ts';
import { insertStaying } from '../orders/history.repo.ts';
import * as repo from '../orders/cs-claims.repo.ts';
import { keyOf, lockStock, stockWritesBuilt, type StockKey, type StockWrite } from '../stock/stock.repo.ts';
import { CONDITION_LABELS, receiptMessages as m } from './return-receipts.messages.ts';

/** History action of a line received (status_history.action). */
export const RECEIVE_ACTION = 'return_received';

type Condition = 'sellable' | 'defective';
type Result = Omit<ReceiveReturnsResponse['results'][number], 'message'> & { message?: Message };

export async function receiveReturns(
  db: Db,
  actor: Actor,
  body: { condition: Condition; warehouse?: string | undefined; note?: string | undefined; line_ids: string[] },
): Promise<Omit<ReceiveReturnsResponse, 'results'> & { results: Result[] }> {
  return retryOnConflict(
    () =>
      db.transaction(async (trx) => {
        const warehouse = body.condition === 'sellable' ? targetWarehouse(await activeWarehouses(trx), body.warehouse) : null;
        const batchId = newId(ID_PREFIX.batch);
        const now = new Date().toISOString();
        const lines = new Map((await repo.lockReturnLines(trx, body.line_ids)).map((l) => [l.id, l]));
        const skus = body.condition === 'sellable' ? await repo.lineSkusOf(trx, [...lines.keys()]) : [];
        const skusOf = new Map<string, [string, number][]>();
        for (const [lineId, skuId, quantity] of skus) skusOf.set(lineId, [...(skusOf.get(lineId) ?? []), [skuId, quantity]]);

        const seen = new Set<string>();
        // Each line's result at its place in the request; the received ones are filled once written.
        const results: Result[] = new Array(body.line_ids.length);
        const received: repo.ReturnLineRow[] = [];
        const at = new Map<string, number>();
        for (const [i, id] of body.line_ids.entries()) {
          const line = lines.get(id);
          const refuse = (code: Result['code'], text: Message) => (results[i] = { line_id: id, result: 'refused', code, message: text });
          if (seen.has(id)) refuse('duplicate_item', message(m.duplicate_item));
          else if (!line) refuse('not_found', message(m.not_found));
          else if (line.received_at) {
            const condition = CONDITION_LABELS[line.received_condition as Condition] ?? line.received_condition;
            refuse('already_received', message(m.already_received, { at: kstMinute(line.received_at), condition }));
          } else if (!RETURNING_STATUSES.includes(line.status as Status)) {
            refuse('not_returning', message(m.not_returning, { status_label: STATUS_LABELS[line.status as Status] ?? line.status }));
          } else if (warehouse && !skusOf.has(id)) refuse('no_skus', message(m.no_skus));
          else {
            received.push(line);
            at.set(id, i);
          }
          seen.add(id);
        }

        // Units per stock row, from the lines received sellable, for the SKUs whose stock is kept.
        const moves = new Map<string, StockKey & { units: number; lineIds: Set<string> }>();
        const unitsOf = new Map<string, number>();
        if (warehouse) {
          const kept = new Set((await keptStockKeys(trx, [...new Set(skus.map((s) => s[1]))])).map((k) => k.skuId));
          for (const line of received) {
            for (const [skuId, perUnit] of skusOf.get(line.id)!) {
              if (!kept.has(skuId)) continue;
              const key = { skuId, warehouseId: warehouse.id };
              const move = moves.get(keyOf(key)) ?? { ...key, units: 0, lineIds: new Set<string>() };
              move.units += perUnit * Number(line.quantity);
              move.lineIds.add(line.id);
              moves.set(keyOf(key), move);
              unitsOf.set(line.id, (unitsOf.get(line.id) ?? 0) + perUnit * Number(line.quantity));
            }
          }
        }
        // Stored Messages, said in each reader's language; the operator's note is kept as typed.
        const said = body.condition === 'sellable' ? message(h.return_in_sellable, { warehouse: warehouse!.code }) : message(h.return_in_defective);
        const reason = storedReason(said);
        if (moves.size) {
          const state = await lockStock(trx, [...moves.values()], now);
          const writes: StockWrite[] = [...moves.values()].map((move) => {
            const before = state.get(keyOf(move))!;
            return {
              key: { skuId: move.skuId, warehouseId: move.warehouseId },
              before,
              after: { on_hand: before.on_hand + move.units, allocated: before.allocated },
              kind: 'return_in',
              reason,
              ...(move.lineIds.size === 1 ? { lineId: [...move.lineIds][0]! } : {}),
              batchId,
              actor,
              at: now,
            };
          });
          await stockWritesBuilt(trx, writes).write();
        }
        await repo.insertReceipts(
          trx,
          received.map((line) => ({
            line_id: line.id,
            order_id: line.order_id,
            claim_id: line.claim_id,
            condition: body.condition,
            warehouse_id: warehouse?.id ?? null,
            units: Number(line.quantity),
            note: body.note ?? null,
            batch_id: batchId,
            received_by: actor.id,
            received_at: now,
          })),
        );
        await insertStaying(trx, 'line', received, {
          action: RECEIVE_ACTION,
          actor,
          reason: body.note ? historyReason(h.return_in_note, { reason: said, note: body.note }) : reason,
          batchId,
          at: now,
        });
        for (const line of received) {
          const units = unitsOf.get(line.id);
          const text = !warehouse
            ? message(m.received_defective)
            : units
              ? message(m.received_sellable, { warehouse: warehouse.code, units })
              : message(m.received_sellable_unkept);
          results[at.get(line.id)!] = { line_id: line.id, result: 'received', message: text };
        }
        return { batch_id: batchId, received: received.length, refused: results.length - received.length, results };
      }),
    // Two operators receiving the same line at once: the line's lock orders them, but on PostgreSQL the receipt is
    // read from before the wait, so the second one's insert meets the first one's receipt. Run again, it sees it
    // and refuses the line as received already.
    { also: isUniqueViolation },
  );
}

/** Where sellable goods go back: the named active warehouse, or the default one; a bad name is the caller's 400. */
function targetWarehouse(warehouses: readonly WarehouseRow[], code: string | undefined): WarehouseRow {
  const field = fieldLabel('warehouse');
  if (code) {
    const found = warehouses.find((w) => w.code.toUpperCase() === code.toUpperCase());
    if (!found) throw invalidWarehouse(message(m.unknown_warehouse, { field, code }));
    return found;
  }
  const fallback = warehouses.find((w) => w.is_default);
  if (!fallback) throw invalidWarehouse(message(m.no_default_warehouse, { field }));
  return fallback;
}

const invalidWarehouse = (text: Message) =>
  new AppError('invalid_data', 'validation_failed', text, { details: [{ field: 'warehouse', message: text }] });
