// Re-allocation after 품절해제: when allocation is in use (some batch stands applied), the lines a sold-out release
// frees are allocated at once, in the releasing transaction, so they do not wait for the next allocation run. The
// released lines were just checked against the stock available, so each is served whole when its order's released
// lines fit (일괄 per order), their orders' waiting gifts after them; nothing is split or flagged here. The batch
// (source `release`) can be undone like any.
import type { Knex } from 'knex';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { historyMessages, historyReason } from '../orders/history.messages.ts';
import { keyOf, lockStock } from '../stock/stock.repo.ts';
import { findSetting } from '../settings/settings.repo.ts';
import * as repo from './allocation.repo.ts';
import { carryOut, storedUndo } from './carry-out.ts';
import { computeAllocation } from './compute.ts';

/** Allocates these lines (locked by the caller) if allocation is in use; answers the batch id, or null. */
export async function allocateReleasedLines(trx: Knex.Transaction, released: readonly string[], actor: Actor): Promise<string | null> {
  if (!released.length || !(await repo.allocationInUse(trx))) return null;
  // Their orders' gifts waited with them: served with them now, after them (plan.ts).
  const lineIds = [...released, ...(await repo.giftsOfOrdersOf(trx, released))];
  const settingRow = await findSetting(trx as unknown as Db, 'allocation');
  const settings = settingRow ? (JSON.parse(settingRow.value) as { channel_priority?: string[] }) : {};
  const options = {
    policy: 'together' as const,
    rule: 'date' as const,
    channels: settings.channel_priority ?? [],
    warehouses: [],
    allocateHeld: true,
  };
  const now = new Date().toISOString();
  // Stock locked before it is read, so what the plan counts on cannot move before it is written.
  const first = await computeAllocation(trx as unknown as Db, options, lineIds);
  const locked = await lockStock(
    trx,
    first.stock.map((r) => ({ skuId: r.sku_id, warehouseId: r.warehouse_id })),
    now,
  );
  const { packed, lines } = await computeAllocation(trx as unknown as Db, options, lineIds);
  if (!packed.allocs.length) return null;
  for (const [sku, wh] of packed.stock) if (!locked.has(keyOf({ skuId: sku, warehouseId: wh }))) return null;
  const batchId = newId(ID_PREFIX.batch);
  await repo.insertBatch(trx, {
    id: batchId,
    state: 'applied',
    source: 'release',
    options: JSON.stringify(options),
    plan: '{}',
    lines: lines.length,
    created_by: actor.id,
    created_at: now,
  });
  const undo = await carryOut(
    trx,
    { allocs: packed.allocs, splits: [], short: [] },
    { actor, batchId, reason: historyReason(historyMessages.allocated_on_release, { batch: batchId }), now },
    // The lines were read in this transaction under the caller's lock: their versions stand.
    { checked: packed.lines, locked },
  );
  await repo.updateBatch(trx, batchId, { applied_at: now, undo: await storedUndo(undo) });
  return batchId;
}
