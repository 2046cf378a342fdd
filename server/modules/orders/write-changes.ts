// A call's changes written, and what they mean for stock: lines that shipped, were cancelled or deleted settle the stock
// allocated to them (allocation/settle.ts), in the same transaction. Every path that can ship or cancel a line
// (transitions, sheet pushes, scans, courier files with 송장 입력 시 출고, mall syncs) writes through here.
import type { Knex } from 'knex';
import { PRE_SHIPMENT_STATUSES } from '../../../shared/lifecycle.ts';
import type { Actor } from '../../domain/actor.ts';
import { settleStock, splitAllocations } from '../allocation/settle.ts';
import { historyMessages, historyReason } from './history.messages.ts';
import { flushWrites, type PendingWrites } from './working-set.repo.ts';

const FIRST_SHIP_FROM = new Set<string | null>(PRE_SHIPMENT_STATUSES);

/** Who writes the call's changes and under which batch (its history rows say the same). */
export type WriteCall = { actor: Actor; batchId: string; now: string };

/**
 * The lines a call's history moves off the desk: shipped for the first time, or cancelled (their allocations and
 * stock settle), with the reason of the first. A line coming back to SHIPPED (a return request restored or
 * withdrawn, the rest of a line a claim split) left the shelf when it first shipped.
 */
export function settlingLines(history: PendingWrites['history']): { shipped: string[]; canceled: string[]; reason: string | null } {
  const shipped: string[] = [];
  const canceled: string[] = [];
  let reason: string | null = null;
  for (const h of history) {
    if (h.entity !== 'line' || h.from_status === h.to_status) continue;
    if (h.to_status === 'SHIPPED' && FIRST_SHIP_FROM.has(h.from_status)) shipped.push(h.entity_id);
    else if (h.to_status === 'CANCELED') canceled.push(h.entity_id);
    else continue;
    reason ??= h.reason;
  }
  return { shipped, canceled, reason };
}

export async function writeChanges(trx: Knex.Transaction, w: PendingWrites, call: WriteCall): Promise<void> {
  await flushWrites(trx, w, call.now);
  // A line split by a partial claim shares its allocation with the new line before anything settles.
  if (w.splits.length) await splitAllocations(trx, w.splits);
  const { shipped, canceled, reason } = settlingLines(w.history);
  // A deleted order (no status moves, no history of its lines) gives its lines' stock back as a cancel does.
  const deleted = [...w.orders].flatMap(([id, patch]) => (patch.deleted_at ? [id] : []));
  if (!shipped.length && !canceled.length && !deleted.length) return;
  const deleteReason = deleted.length ? (w.orders.get(deleted[0]!)!.delete_reason as string | undefined) : undefined;
  await settleStock(
    trx,
    { shipped, released: canceled, deletedOrders: deleted },
    { ...call, reason: reason ?? deleteReason ?? historyReason(shipped.length ? historyMessages.settled_shipped : historyMessages.settled_canceled) },
  );
}
