// Allocated stock settles when its lines leave the desk (재고 차감): a line shipped takes its units off the shelf —
// on hand and allocated both drop, history 'ship' — and a line cancelled before shipping gives them back to what is
// available — allocated drops, 'deallocate' — and so does a deleted order's. Either way its allocation rows go: they held stock for a parcel that
// has left, or never will. Without this, shipping left the units allocated for good and every later allocation saw
// less available than the shelf held. Lines never allocated move no stock here.
import type { Knex } from 'knex';
import type { Actor } from '../../domain/actor.ts';
import { keyOf, lockStock, stockWritesBuilt, type StockWrite } from '../stock/stock.repo.ts';
import * as repo from './allocation.repo.ts';

export type Settled = { shipped: readonly string[]; canceled: readonly string[]; deletedOrders?: readonly string[] };
export type SettleChange = { actor: Actor; batchId: string | null; reason: string; now: string };

export async function settleAllocations(trx: Knex.Transaction, lines: Settled, c: SettleChange): Promise<void> {
  const allocs = [
    ...(await repo.allocationsOfLines(trx, [...lines.shipped, ...lines.canceled])),
    ...(await repo.allocationsOfOrders(trx, lines.deletedOrders ?? [])),
  ];
  if (!allocs.length) return;
  const shipped = new Set(lines.shipped);
  // Per stock row: the units shipped and the units given back, and the line when only one moved it.
  const rows = new Map<string, { skuId: string; warehouseId: string; ship: number; back: number; lineIds: Set<string> }>();
  for (const [lineId, skuId, warehouseId, quantity] of allocs) {
    const k = keyOf({ skuId, warehouseId });
    const row = rows.get(k) ?? { skuId, warehouseId, ship: 0, back: 0, lineIds: new Set<string>() };
    if (shipped.has(lineId)) row.ship += quantity;
    else row.back += quantity;
    row.lineIds.add(lineId);
    rows.set(k, row);
  }
  const locked = await lockStock(
    trx,
    [...rows.values()].map((r) => ({ skuId: r.skuId, warehouseId: r.warehouseId })),
    c.now,
  );
  const writes: StockWrite[] = [];
  for (const [k, r] of rows) {
    const before = locked.get(k)!;
    // Shipped and given back in one call (a box shipped while another line of the SKU was cancelled): one row
    // change, named by what moved most.
    writes.push({
      key: { skuId: r.skuId, warehouseId: r.warehouseId },
      before,
      after: { on_hand: before.on_hand - r.ship, allocated: Math.max(0, before.allocated - r.ship - r.back) },
      kind: r.ship >= r.back ? 'ship' : 'deallocate',
      reason: c.reason,
      ...(r.lineIds.size === 1 ? { lineId: [...r.lineIds][0]! } : {}),
      ...(c.batchId ? { batchId: c.batchId } : {}),
      actor: c.actor,
      at: c.now,
    });
  }
  await stockWritesBuilt(trx, writes).write();
  await repo.deleteAllocationsOfLines(trx, [...new Set(allocs.map((a) => a[0]))]);
}

/**
 * A line a claim split (part of it claimed, the rest a new line): the rest takes its share of the line's allocation,
 * per SKU, from the line's stock rows in key order, so the claimed part gives back only its own units and the rest
 * ships with its own. stock.allocated does not move.
 */
export async function splitAllocations(trx: Knex.Transaction, splits: readonly { from: string; to: string; quantity: number; of: number }[]) {
  for (const split of splits) {
    const rows = await repo.allocationRowsOf(trx, split.from);
    const perSku = new Map<string, typeof rows>();
    for (const r of rows) perSku.set(r.sku_id, [...(perSku.get(r.sku_id) ?? []), r]);
    for (const list of perSku.values()) {
      const total = list.reduce((sum, r) => sum + Number(r.quantity), 0);
      let left = Math.round((total * split.quantity) / split.of);
      for (const r of list) {
        const moved = Math.min(left, Number(r.quantity));
        if (moved <= 0) break;
        await repo.moveAllocation(trx, r, split.to, moved);
        left -= moved;
      }
    }
  }
}
