// Stock settles when lines leave the desk (재고 차감): a line shipped takes its units off the shelf — an allocated
// one the units it holds (on hand and allocated both drop, history 'ship'), one never allocated the units its SKUs
// need, from the warehouses in order (the default first, then by code) as far as they have units free, the rest
// from the first (on hand may then fall below what is allocated, or below zero: the shelf said more than it had).
// A line cancelled before shipping, or a deleted order's, gives its allocation back to what is available (allocated
// drops, 'deallocate'). Allocation rows go either way: they held stock for a parcel that has left, or never will.
// SKUs whose stock nobody keeps (no row in an active warehouse) move nothing.
import type { Knex } from 'knex';
import type { Actor } from '../../domain/actor.ts';
import { batchStockMoves, keyOf, lockStock, stockWritesBuilt, type StockKey, type StockState, type StockWrite } from '../stock/stock.repo.ts';
import * as repo from './allocation.repo.ts';

/**
 * Lines that leave the desk: `shipped` take their units off the shelf; `released` (cancelled, or unmatched: they
 * need other SKUs now) and the lines of `deletedOrders` give their allocation back.
 */
export type Settled = { shipped: readonly string[]; released: readonly string[]; deletedOrders?: readonly string[] };
export type SettleChange = { actor: Actor; batchId: string; reason: string; now: string };

/** Per stock row and kind: the units leaving the shelf (ship) or given back, the allocated units released, the lines. */
type Move = StockKey & { quantity: number; released: number; lineIds: Set<string> };
type Moves = { ship: Map<string, Move>; deallocate: Map<string, Move> };

function add(moves: Map<string, Move>, key: StockKey, quantity: number, released: number, lineId: string) {
  const k = keyOf(key);
  const move = moves.get(k) ?? { ...key, quantity: 0, released: 0, lineIds: new Set<string>() };
  move.quantity += quantity;
  move.released += released;
  move.lineIds.add(lineId);
  moves.set(k, move);
}

export async function settleStock(trx: Knex.Transaction, lines: Settled, c: SettleChange): Promise<void> {
  const allocs = [
    ...(await repo.allocationsOfLines(trx, [...lines.shipped, ...lines.released])),
    ...(await repo.allocationsOfOrders(trx, lines.deletedOrders ?? [])),
  ];
  const needs = lines.shipped.length && (await repo.stockKept(trx)) ? await repo.unallocatedNeeds(trx, lines.shipped) : [];
  if (!allocs.length && !needs.length) return;
  const shipped = new Set(lines.shipped);
  const moves: Moves = { ship: new Map(), deallocate: new Map() };
  for (const [lineId, skuId, warehouseId, quantity] of allocs) {
    add(moves[shipped.has(lineId) ? 'ship' : 'deallocate'], { skuId, warehouseId }, quantity, quantity, lineId);
  }
  const kept = needs.length ? await repo.keptStockKeys(trx, [...new Set(needs.map((n) => n[1]))]) : [];
  const state = await lockStock(trx, [...moves.ship.values(), ...moves.deallocate.values(), ...kept], c.now);
  if (needs.length) drawUnallocated(needs, kept, await repo.activeWarehouses(trx), state, moves.ship);
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
          allocated: Math.max(0, before.allocated - m.released),
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
  if (allocs.length) await repo.deleteAllocationsOfLines(trx, [...new Set(allocs.map((a) => a[0]))]);
}

/**
 * settleStock taken back (an undo of the call that shipped or canceled, transition-undo.service): every stock row
 * the call `batchId` moved moves back by as much (history 'undo'), and the allocations its lines held (`kept`, read
 * before they settled) are put back under the batches that made them.
 */
export async function unsettleStock(trx: Knex.Transaction, batchId: string, kept: readonly repo.KeptAllocation[], c: SettleChange): Promise<void> {
  const moves = (await batchStockMoves(trx, batchId)).filter((m) => m.onHand || m.allocated);
  if (moves.length) {
    const state = await lockStock(trx, moves, c.now);
    const writes: StockWrite[] = moves.map((m) => {
      const before = state.get(keyOf(m))!;
      return {
        key: { skuId: m.skuId, warehouseId: m.warehouseId },
        before,
        after: { on_hand: before.on_hand - m.onHand, allocated: before.allocated - m.allocated },
        kind: 'undo',
        reason: c.reason,
        batchId: c.batchId,
        actor: c.actor,
        at: c.now,
      };
    });
    await stockWritesBuilt(trx, writes).write();
  }
  if (kept.length) await repo.restoreAllocations(trx, kept);
}

/**
 * The units of shipped lines never allocated (`needs`: line, SKU, units, gift), drawn from each SKU's kept rows in
 * warehouse order as far as they have units free (on hand − allocated, less what this call drew already), the rest
 * from the SKU's first row — except a gift's: a gift the shelf did not have was not packed (allocation said so:
 * gift_short), so it takes only what was free. Added to `ship` as on-hand drops that release nothing.
 */
function drawUnallocated(
  needs: readonly [string, string, number, boolean][],
  kept: readonly StockKey[],
  warehouses: readonly { id: string }[],
  state: Map<string, StockState>,
  ship: Map<string, Move>,
) {
  const rank = new Map(warehouses.map((w, i) => [w.id, i]));
  const rowsOf = new Map<string, StockKey[]>();
  for (const key of kept) rowsOf.set(key.skuId, [...(rowsOf.get(key.skuId) ?? []), key]);
  for (const rows of rowsOf.values()) rows.sort((a, b) => rank.get(a.warehouseId)! - rank.get(b.warehouseId)!);
  const drawn = new Map<string, number>();
  for (const [lineId, skuId, units, gift] of needs) {
    // A warehouse made inactive since the needs were read (PostgreSQL) leaves the SKU no kept row: nothing to take.
    const rows = rowsOf.get(skuId);
    if (!rows) continue;
    let left = units;
    for (const key of rows) {
      const k = keyOf(key);
      const s = state.get(k)!;
      const take = Math.min(left, Math.max(0, s.on_hand - s.allocated - (drawn.get(k) ?? 0)));
      if (take <= 0) continue;
      drawn.set(k, (drawn.get(k) ?? 0) + take);
      add(ship, key, take, 0, lineId);
      left -= take;
      if (!left) break;
    }
    if (left > 0 && !gift) add(ship, rows[0]!, left, 0, lineId);
  }
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
