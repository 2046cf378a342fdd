// The status history: every change of a line's, box's or claim's status with who (user, job or system), when,
// from, to and why. Restore reads it; everything that changes a status writes it.
import type { Knex } from 'knex';
import { insertMany, insertManyWrite, type Write } from '../../db/bulk.ts';

export type HistoryRow = {
  entity: 'line' | 'box' | 'claim' | 'order';
  entity_id: string;
  order_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_type: string;
  actor_id: string | null;
  reason: string | null;
  batch_id: string | null;
  at: string;
};

export async function insertHistory(db: Knex | Knex.Transaction, rows: HistoryRow[]): Promise<void> {
  await insertMany(db, 'status_history', rows);
}

/**
 * History of rows whose status stays (a line's flag set, its returned goods received, a withdrawn cancel seen): a
 * row each, from and to its status, saying who did it, why and in which batch.
 */
export async function insertStaying(
  db: Knex | Knex.Transaction,
  entity: HistoryRow['entity'],
  rows: readonly { id: string; order_id: string; status: string }[],
  change: { action: string; actor: { type: string; id: string | null }; reason: string | null; batchId?: string; at: string },
): Promise<void> {
  await insertHistory(
    db,
    rows.map((l) => ({
      entity,
      entity_id: l.id,
      order_id: l.order_id,
      action: change.action,
      from_status: l.status,
      to_status: l.status,
      actor_type: change.actor.type,
      actor_id: change.actor.id,
      reason: change.reason,
      batch_id: change.batchId ?? null,
      at: change.at,
    })),
  );
}

/** insertHistory, built now and run when called (server/db/bulk.ts Write). */
export const historyWrite = (db: Knex | Knex.Transaction, rows: HistoryRow[]): Write | null => insertManyWrite(db, 'status_history', rows);
