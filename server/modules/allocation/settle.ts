// Allocated stock settles when its lines leave the desk (재고 차감): a line shipped takes its units off the shelf
// (on hand and allocated both drop, history 'ship'); a line cancelled before shipping, or a deleted order's, gives
// them back to what is available (allocated drops, 'deallocate'). Either way its allocation rows go: they held stock
// for a parcel that has left, or never will. Without this, shipping left the units allocated for good and every later
// allocation saw less available than the shelf held. Lines never allocated move no stock here.
import type { Knex } from 'knex';
import type { Actor } from '../../domain/actor.ts';
import { keyOf, lockStock, stockWritesBuilt, type StockWrite } from '../stock/stock.repo.ts';
import * as repo from './allocation.repo.ts';

export type Settled = { shipped: readonly string[]; canceled: readonly string[]; deletedOrders?: readonly string[] };
export type SettleChange = { actor: Actor; batchId: string; reason: string; now: string };

export async function settleAllocations(trx: Knex.Transaction, lines: Settled, c: SettleChange): Promise<void> {
  const allocs = [
    ...(await repo.allocationsOfLines(trx, [...lines.shipped, ...lines.canceled])),
    ...(await repo.allocationsOfOrders(trx, lines.deletedOrders ?? [])),
  ];
  if (!allocs.length) return;
  const shipped = new Set(lines.shipped);
  // Per stock row and kind: the units shipped, the units given back, and the line when only one moved them.
  type Move = { skuId: string; warehouseId: string; quantity: number; lineIds: Set<string> };
  const moves = { ship: new Map<string, Move>(), deallocate: new Map<string, Move>() };
  for (const [lineId, skuId, warehouseId, quantity] of allocs) {
    const of = moves[shipped.has(lineId) ? 'ship' : 'deallocate'];
    const k = keyOf({ skuId, warehouseId });
    const move = of.get(k) ?? { skuId, warehouseId, quantity: 0, lineIds: new Set<string>() };
    move.quantity += quantity;
    move.lineIds.add(lineId);
    of.set(k, move);
  }
  const state = await lockStock(
    trx,
    [...moves.ship.values(), ...moves.deallocate.values()].map((m) => ({ skuId: m.skuId, warehouseId: m.warehouseId })),
    c.now,
  );
  // Ships first, then what is given back: a row both touch (a box shipped while another line of the SKU was
  // cancelled) gets a history row of each kind, so each kind's rows add up to what it moved.
  for (const kind of ['ship', 'deallocate'] as const) {
    const writes: StockWrite[] = [...moves[kind]].map(([k, m]) => {
      const before = state.get(k)!;
      return {
        key: { skuId: m.skuId, warehouseId: m.warehouseId },
        before,
        after: {
          on_hand: kind === 'ship' ? before.on_hand - m.quantity : before.on_hand,
          allocated: Math.max(0, before.allocated - m.quantity),
        },
        kind,
        reason: c.reason,
        ...(m.lineIds.size === 1 ? { lineId: [...m.lineIds][0]! } : {}),
        batchId: c.batchId,
        actor: c.actor,
        at: c.now,
      };
    });
    const built = stockWritesBuilt(trx, writes);
    await built.write();
    for (const [k, after] of built.states) state.set(k, after);
  }
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
