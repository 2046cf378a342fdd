// A call's changes written, and what they mean for stock: lines that shipped, were cancelled or deleted settle the stock
// allocated to them (allocation/settle.ts), in the same transaction. Every path that can ship or cancel a line
// (transitions, sheet pushes, scans, courier files with 송장 입력 시 출고, mall syncs) writes through here.
import type { Knex } from 'knex';
import type { Actor } from '../../domain/actor.ts';
import { settleAllocations, splitAllocations } from '../allocation/settle.ts';
import { flushWrites, type PendingWrites } from './working-set.repo.ts';

export async function writeChanges(trx: Knex.Transaction, w: PendingWrites, now: string): Promise<void> {
  await flushWrites(trx, w, now);
  // A line split by a partial claim shares its allocation with the new line before anything settles.
  if (w.splits.length) await splitAllocations(trx, w.splits);
  const shipped: string[] = [];
  const canceled: string[] = [];
  let by: (typeof w.history)[number] | undefined;
  for (const h of w.history) {
    if (h.entity !== 'line' || h.from_status === h.to_status) continue;
    if (h.to_status === 'SHIPPED') shipped.push(h.entity_id);
    else if (h.to_status === 'CANCELED') canceled.push(h.entity_id);
    else continue;
    by ??= h;
  }
  // A deleted order (no status moves, no history of its lines) gives its lines' stock back as a cancel does.
  const deleted = [...w.orders].flatMap(([id, patch]) => (patch.deleted_at ? [id] : []));
  if (!by && !deleted.length) return;
  const actor = by
    ? ((by.actor_type === 'system' ? { type: 'system', id: null } : { type: by.actor_type, id: by.actor_id }) as Actor)
    : (deletedBy(w, deleted[0]!) ?? SYSTEM);
  const reason = by?.reason ?? (shipped.length ? '출고완료' : deleted.length && !canceled.length ? '주문삭제' : '취소완료');
  await settleAllocations(trx, { shipped, canceled, deletedOrders: deleted }, { actor, batchId: by?.batch_id ?? null, reason, now });
}

const SYSTEM: Actor = { type: 'system', id: null };

/** Who deleted the order, as its patch says (a user's id; the engine records no history for it). */
function deletedBy(w: PendingWrites, orderId: string): Actor | undefined {
  const id = w.orders.get(orderId)?.deleted_by;
  return typeof id === 'string' ? ({ type: 'user', id } as Actor) : undefined;
}
