// Stock allocation (재고할당, issue 12 §2): preview → apply → undo, like the invoice import. The preview computes
// the plan from the current lines and stock and keeps it on a batch row with the versions it saw; apply carries out
// exactly that plan in one transaction after locking the lines and stock rows (stock in key order, as the stock
// module does) and refuses (409) when any version moved — so two operators applying previews of the same stock
// never allocate the same unit twice: the second finds the stock versions moved. Undo takes a batch back while
// nothing after it depends on it.
import type { AllocationSettings } from '../../../shared/api/allocation.schema.ts';
import { allocationSettings, type AllocationPreview } from '../../../shared/api/allocation.schema.ts';
import { allocationPreviewBody } from '../../../shared/api/allocation.schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import { OVERLAP_FROM, whileRunning } from '../../db/turns.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { getSetting, saveSetting } from '../settings/settings.service.ts';
import { flagSoldOut, SOLD_OUT_ACTIONS } from '../sold-out/sold-out.service.ts';
import { keyOf, lockStock } from '../stock/stock.repo.ts';
import { stockTransaction } from '../stock/stock.service.ts';
import { allocationMessages as m, BATCH_STATE_LABELS } from './allocation.messages.ts';
import * as repo from './allocation.repo.ts';
import { carryOut, changedSince, storedPlan, storedPlanOf, storedUndo, takeBack, undoRecordOf, type PackedPlan } from './carry-out.ts';
import { computeAllocation, previewRows, type ComputeOptions } from './compute.ts';
import { keepPlan, takePlan } from './kept-plans.ts';
import type { Knex } from 'knex';
import type { z } from 'zod';

const SETTING_KEY = 'allocation';
/** A preview older than this is dropped when the next one is made: its versions have moved on long since. */
const PREVIEW_KEPT_MS = 24 * 3600 * 1000;

const list = (ids: readonly string[]) => ids.slice(0, 20).join(', ') + (ids.length > 20 ? ' …' : '');

/** The shop's allocation setting (the defaults until an admin sets it). */
export async function getAllocationSettings(db: Db): Promise<AllocationSettings> {
  return getSetting(db, SETTING_KEY, allocationSettings, allocationSettings.parse({}));
}

export async function saveAllocationSettings(
  db: Db,
  actor: Actor,
  info: Partial<RequestInfo>,
  body: AllocationSettings,
): Promise<AllocationSettings> {
  return saveSetting(db, actor, info, SETTING_KEY, body, { action: 'allocation_settings_changed', detail: {} });
}

async function optionsOf(db: Db, body: z.output<typeof allocationPreviewBody>): Promise<ComputeOptions> {
  const settings = await getAllocationSettings(db);
  const warehouses = await repo.activeWarehouses(db);
  const byCode = new Map(warehouses.map((w) => [w.code.toUpperCase(), w.id]));
  const ids = (body.warehouses ?? []).map((code, i) => {
    const id = byCode.get(code.toUpperCase());
    if (!id) throw fieldError(`warehouses.${i}`, m.unknown_warehouse, { code }, { code: 'unknown_warehouse' });
    return id;
  });
  return {
    policy: body.policy,
    rule: body.order_rule,
    channels: body.channel_priority ?? settings.channel_priority,
    warehouses: ids,
    allocateHeld: settings.allocate_held,
  };
}

export async function previewAllocation(db: Db, actor: Actor, body: z.output<typeof allocationPreviewBody>): Promise<AllocationPreview> {
  const options = await optionsOf(db, body);
  const computed = await computeAllocation(db, options);
  const batchId = newId(ID_PREFIX.batch);
  const now = new Date();
  // The plan's JSON (megabytes) is made here, then gzipped on libuv's pool while stale previews are dropped; the
  // answer (120,000 rows for 100,000 lines) is made while the database writes it.
  const packing = storedPlan(computed.packed);
  packing.catch(() => undefined); // awaited below
  await repo.dropStalePreviews(db, new Date(now.getTime() - PREVIEW_KEPT_MS).toISOString());
  const inserting = repo.insertBatch(db, {
    id: batchId,
    state: 'previewed',
    source: 'preview',
    options: JSON.stringify(options),
    plan: await packing,
    lines: computed.lines.length,
    created_by: actor.id,
    created_at: now.toISOString(),
  });
  const [, answer] = await whileRunning(
    inserting,
    (): AllocationPreview => {
      // Units allocated per SKU, then warehouse (no key string made per allocation).
      const allocate = new Map<string, Map<string, number>>();
      for (const [, skuId, warehouseId, q] of computed.packed.allocs) {
        let of = allocate.get(skuId);
        if (!of) allocate.set(skuId, (of = new Map()));
        of.set(warehouseId, (of.get(warehouseId) ?? 0) + q);
      }
      return {
        batch_id: batchId,
        policy: options.policy,
        order_rule: options.rule,
        counts: computed.packed.counts,
        rows: previewRows(computed),
        stock: computed.packed.stock.map(([sku, wh, version, skuCode, whCode], i) => ({
          sku_code: skuCode,
          warehouse_code: whCode,
          version,
          available: computed.stock[i]!.on_hand - computed.stock[i]!.allocated,
          allocate: allocate.get(sku)?.get(wh) ?? 0,
        })),
      };
    },
    computed.lines.length >= OVERLAP_FROM,
  );
  keepPlan(db, batchId, computed.packed);
  return answer;
}

const notFound = (id: string) => new AppError('not_found', 'batch_not_found', message(m.batch_not_found, { id }));

async function batchOrFail(db: Db, id: string, o: { lock: boolean }): Promise<repo.BatchRecord> {
  const batch = await repo.findBatch(db, id, o);
  if (!batch) throw notFound(id);
  return batch;
}

/** A 404 before the stock transaction is opened; the batch itself (its plan: megabytes) is read once, inside. */
async function batchExistsOrFail(db: Db, id: string): Promise<void> {
  if (!(await repo.batchExists(db, id))) throw notFound(id);
}

/** A batch's plan as its row keeps it (read when this process does not keep the preview's copy). */
async function storedPlanOrFail(trx: Knex.Transaction, id: string): Promise<PackedPlan> {
  const stored = await repo.batchPlan(trx, id);
  if (stored === undefined) throw notFound(id);
  return storedPlanOf(stored);
}

export async function applyAllocation(db: Db, actor: Actor, batchId: string, info: Partial<RequestInfo> = {}) {
  await batchExistsOrFail(db, batchId);
  return stockTransaction(db, async (trx) => {
    const batch = await batchOrFail(trx as unknown as Db, batchId, { lock: true });
    if (batch.state !== 'previewed') {
      throw new AppError('conflict', 'batch_not_previewed', message(m.batch_not_previewed, { id: batchId, state: BATCH_STATE_LABELS[batch.state] }));
    }
    // Still previewed (read under the lock): the preview's plan kept in memory is the row's, if this process has it.
    const plan = takePlan(db, batchId) ?? (await storedPlanOrFail(trx, batchId));
    // A plan kept by a server before plans carried their counts: made before an upgrade, it is made again.
    const counts = plan.counts;
    if (!counts) throw new AppError('conflict', 'preview_outdated', message(m.preview_outdated, { id: batchId }));
    const now = new Date().toISOString();
    // Lines first, then stock (in key order): the order every path that takes both locks them in. The allocations'
    // insert is built while the database compares the versions.
    const [movedIds, allocations] = await whileRunning(
      repo.movedLines(trx, plan.lines),
      () => repo.allocationsWrite(trx, plan.allocs, batchId),
      plan.lines.length >= OVERLAP_FROM,
    );
    const moved = new Set(movedIds);
    // Named as the operator knows them: mall order numbers, not our keys.
    const movedOrders = moved.size ? await repo.orderNumbersOf(trx, [...new Set(plan.lines.filter(([id]) => moved.has(id)).map((l) => l[2]))]) : [];
    if (movedOrders.length) {
      throw new AppError('conflict', 'allocation_moved', message(m.lines_moved, { orders: list(movedOrders) }), { details: { orders: movedOrders } });
    }
    const locked = await lockStock(
      trx,
      plan.stock.map(([skuId, warehouseId]) => ({ skuId, warehouseId })),
      now,
    );
    const movedStock = plan.stock
      .filter(([skuId, warehouseId, v]) => locked.get(keyOf({ skuId, warehouseId }))?.version !== v)
      .map((s) => `${s[3]}@${s[4]}`);
    if (movedStock.length) {
      throw new AppError('conflict', 'allocation_moved', message(m.stock_moved, { rows: list(movedStock) }), { details: { stock: movedStock } });
    }
    const undo = await carryOut(
      trx,
      plan,
      { actor, batchId, reason: historyReason(historyMessages.allocated, { batch: batchId }), now },
      { checked: plan.lines, flag: { lines: flagSoldOut, action: SOLD_OUT_ACTIONS.flag }, locked, allocations },
    );
    // The undo record's JSON is made here, then gzipped on libuv's pool while the audit row is written.
    const packing = storedUndo(undo);
    packing.catch(() => undefined); // awaited below
    await writeAudit(trx, actor, info, {
      action: 'allocation_applied',
      entity: 'allocation_batch',
      entityId: batchId,
      detail: { lines: plan.lines.length },
    });
    await repo.updateBatch(trx, batchId, { state: 'applied', applied_at: now, undo: await packing, plan: '{}' });
    return {
      batch_id: batchId,
      counts,
      splits: undo.splits.map(([order_id, new_order_id, line_ids]) => ({ order_id, new_order_id, line_ids })),
    };
  });
}

export async function undoAllocation(db: Db, actor: Actor, batchId: string, info: Partial<RequestInfo> = {}) {
  await batchExistsOrFail(db, batchId);
  const undoBatchId = newId(ID_PREFIX.batch);
  return stockTransaction(db, async (trx) => {
    const batch = await batchOrFail(trx as unknown as Db, batchId, { lock: true });
    if (batch.state !== 'applied')
      throw new AppError('conflict', 'batch_not_applied', message(m.batch_not_applied, { id: batchId, state: BATCH_STATE_LABELS[batch.state] }));
    const later = await repo.laterApplied(trx, batch);
    if (later) throw new AppError('conflict', 'undo_blocked', message(m.undo_later_batch, { later }), { details: { batch_id: later } });
    const undo = await undoRecordOf(trx, batchId, batch.undo!);
    const orderOf = new Map<string, string>();
    for (const [orderId, newOrderId, lineIds] of undo.splits) for (const id of lineIds) orderOf.set(id, newOrderId ?? orderId);
    // Named as the operator knows them: mall order numbers, not our line keys.
    const changed = await repo.orderNumbersOf(trx, await changedSince(trx, undo, orderOf));
    if (changed.length)
      throw new AppError('conflict', 'undo_blocked', message(m.undo_blocked, { orders: list(changed) }), { details: { orders: changed } });
    const now = new Date().toISOString();
    await takeBack(trx, undo, batchId, {
      actor,
      batchId: undoBatchId,
      reason: historyReason(historyMessages.allocation_undone, { batch: batchId }),
      now,
    });
    await repo.updateBatch(trx, batchId, { state: 'undone', undone_at: now, undone_by: actor.id });
    await writeAudit(trx, actor, info, {
      action: 'allocation_undone',
      entity: 'allocation_batch',
      entityId: batchId,
      detail: { lines: undo.lines.length },
    });
    return {
      batch_id: batchId,
      undo_batch_id: undoBatchId,
      lines: new Set(undo.allocs.map((a) => a[0])).size,
      units: undo.allocs.reduce((s, a) => s + a[3], 0),
    };
  });
}

export async function listBatches(db: Db) {
  const rows = await repo.latestBatches(db, 50);
  const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));
  return {
    items: rows.map((r) => ({ ...r, created_at: iso(r.created_at)!, applied_at: iso(r.applied_at), undone_at: iso(r.undone_at) })),
    next_cursor: null,
  };
}
