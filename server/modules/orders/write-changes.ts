// A call's changes written, and what they mean for stock: lines that shipped or were cancelled settle the stock
// allocated to them (allocation/settle.ts), in the same transaction. Every path that can ship or cancel a line
// (transitions, sheet pushes, scans, courier files with 송장 입력 시 출고, mall syncs) writes through here.
import type { Knex } from 'knex';
import type { Actor } from '../../domain/actor.ts';
import { settleAllocations } from '../allocation/settle.ts';
import { flushWrites, type PendingWrites } from './working-set.repo.ts';

export async function writeChanges(trx: Knex.Transaction, w: PendingWrites, now: string): Promise<void> {
  await flushWrites(trx, w, now);
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
  if (!by) return;
  const actor = (by.actor_type === 'system' ? { type: 'system', id: null } : { type: by.actor_type, id: by.actor_id }) as Actor;
  await settleAllocations(
    trx,
    { shipped, canceled },
    { actor, batchId: by.batch_id, reason: by.reason ?? (shipped.length ? '출고완료' : '취소완료'), now },
  );
}
