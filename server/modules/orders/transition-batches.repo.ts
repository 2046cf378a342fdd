// The undo records of operators' bulk transitions (transition-undo.ts): a row per call, its record in parts (one
// per block the call was written in), and the holds rows an undo takes back.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../../db/knex.ts';
import { whereIdIn } from '../../db/bulk.ts';

type Conn = Db | Knex.Transaction;

export type TransitionBatchRow = {
  id: string;
  action: string;
  completed_at: string | Date | null;
  blocked: string | null;
  created_by: string | null;
  created_at: string | Date;
  undone_at: string | Date | null;
  undone_by: string | null;
  undo_batch_id: string | null;
};

/** A call's row with what its parts add up to: the lines it changed, and why it cannot be undone (its own reason or a part's). */
export type ListedBatch = TransitionBatchRow & { lines: number };

/**
 * One block's part of a call's record, in the block's transaction; the call's row is made by its first part.
 * `part` orders the parts (a block written again after a lost race takes the next number: gaps are harmless).
 */
export async function insertPart(
  trx: Knex.Transaction,
  batch: { id: string; action: string; created_by: string | null; created_at: string },
  part: { part: number; undo: string; allocations: string | null; lines: number; blocked: string | null },
): Promise<void> {
  await trx('transition_batches').insert(batch).onConflict('id').ignore();
  await trx('transition_batch_parts').insert({ batch_id: batch.id, ...part });
}

/** The call's last block is written; `blocked`: why what followed it keeps it from being undone. */
export async function completeBatch(db: Conn, id: string, at: string, blocked: string | null): Promise<void> {
  await db('transition_batches').where({ id }).update({ completed_at: at, blocked });
}

/** A call's row, locked on PostgreSQL with `lock` (two undos at once: the second waits and sees the first's mark). */
export async function findBatch(db: Conn, id: string, options: { lock?: boolean } = {}): Promise<TransitionBatchRow | undefined> {
  const q = db('transition_batches').where({ id }).first();
  return options.lock && isPostgres(db as Knex) ? q.forUpdate() : q;
}

/** The parts of a call's record in the order they were written: each packed record, allocations kept, and why it cannot be undone. */
export async function batchParts(db: Conn, id: string): Promise<{ undo: string; allocations: string | null; blocked: string | null }[]> {
  return db('transition_batch_parts').where({ batch_id: id }).orderBy('part').select('undo', 'allocations', 'blocked');
}

export async function markUndone(db: Conn, id: string, patch: Pick<TransitionBatchRow, 'undone_at' | 'undone_by' | 'undo_batch_id'>): Promise<void> {
  await db('transition_batches').where({ id }).update(patch);
}

/** Newest first. */
export async function listBatches(db: Conn, limit: number): Promise<ListedBatch[]> {
  const rows = (await db('transition_batches as b')
    .join('transition_batch_parts as p', 'p.batch_id', 'b.id')
    .groupBy('b.id', 'b.action', 'b.completed_at', 'b.blocked', 'b.created_by', 'b.created_at', 'b.undone_at', 'b.undone_by', 'b.undo_batch_id')
    .select('b.*', db.raw('sum(p.lines) as lines'), db.raw('max(p.blocked) as part_blocked'))
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(limit)) as (TransitionBatchRow & { lines: number | string; part_blocked: string | null })[];
  return rows.map(({ part_blocked, ...r }) => ({ ...r, blocked: r.blocked ?? part_blocked, lines: Number(r.lines) }));
}

/**
 * Undo records of calls made before `before` are dropped (the values they kept may name people: a hold's reason),
 * their calls marked `expired`; answers how many calls lost theirs.
 */
export async function expireRecords(db: Db, before: string): Promise<number> {
  return db.transaction(async (trx) => {
    const ids = (await trx('transition_batches')
      .where('created_at', '<', before)
      .whereExists(trx('transition_batch_parts as p').whereRaw('p.batch_id = transition_batches.id').select(trx.raw('1')))
      .pluck('id')) as string[];
    if (!ids.length) return 0;
    await whereIdIn(trx, trx('transition_batch_parts'), 'batch_id', ids).delete();
    await whereIdIn(trx, trx('transition_batches'), 'id', ids).update({ blocked: 'expired' });
    return ids.length;
  });
}

/** The holds a call put on these orders at `at` (still open: the orders' versions say nothing closed them since). */
export async function dropHolds(trx: Knex.Transaction, orderIds: readonly string[], at: string): Promise<void> {
  if (orderIds.length) await whereIdIn(trx, trx('holds'), 'order_id', orderIds).where({ held_at: at }).whereNull('released_at').delete();
}

/** The holds a call closed on these orders at `at`, open again. */
export async function reopenHolds(trx: Knex.Transaction, orderIds: readonly string[], at: string): Promise<void> {
  if (!orderIds.length) return;
  await whereIdIn(trx, trx('holds'), 'order_id', orderIds)
    .where({ released_at: at })
    .update({ released_at: null, released_by: null, release_reason: null });
}
