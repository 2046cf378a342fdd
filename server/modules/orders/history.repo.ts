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

/** insertHistory, built now and run when called (server/db/bulk.ts Write). */
export const historyWrite = (db: Knex | Knex.Transaction, rows: HistoryRow[]): Write | null => insertManyWrite(db, 'status_history', rows);
