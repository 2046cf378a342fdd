// SQLite's WAL is copied back into the database file (a checkpoint, with an fsync) by the commit that finds it over
// 1,000 pages. A bulk call written in blocks commits every block, so a 50,000-line call paid a checkpoint at most of
// its 25 commits, each copying what the blocks before had just written. While such a call runs the automatic
// checkpoints are held back and one checkpoint runs at its end: the same pages copied once, one fsync.
import type { Knex } from 'knex';
import { isPostgres } from './knex.ts';

/** SQLite's own default, which the server's connection keeps (knex.ts sets no other). */
const AUTOCHECKPOINT_PAGES = 1000;

/** Calls holding the checkpoints back, per database: the last one to end lets them go. */
const holding = new WeakMap<Knex, number>();

export async function withCheckpointsHeld<T>(db: Knex, work: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) return work();
  const before = holding.get(db) ?? 0;
  holding.set(db, before + 1);
  let result: T;
  try {
    if (before === 0) await db.raw('pragma wal_autocheckpoint = 0');
    result = await work();
  } catch (error) {
    // The call's own error stands, whatever letting the checkpoints go answers.
    await letGo(db).catch(() => undefined);
    throw error;
  }
  await letGo(db);
  return result;
}

/** One call less holding the checkpoints back; the last one lets them go and copies the WAL back once. */
async function letGo(db: Knex): Promise<void> {
  const left = holding.get(db)! - 1;
  holding.set(db, left);
  if (left > 0) return;
  await db.raw(`pragma wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  // PASSIVE: copies what it can without waiting for readers or blocking writers.
  await db.raw('pragma wal_checkpoint(PASSIVE)');
}
