// The preview's own copy of its plan, for the apply that follows. The preview has the plan object the apply needs;
// reading it back from the batch row and parsing it (12 MB of JSON for 100,000 lines) cost an apply a tenth of a
// second and more. The row stays the truth: the apply uses the copy only for the same database and batch after
// reading the row (under its lock) and finding it still 'previewed' (a plan never changes while its batch is
// previewed). Bounded to the latest few previews, for a quarter of an hour; another process (or a restart) reads
// the row.
import type { Db } from '../../db/knex.ts';
import type { PackedPlan } from './carry-out.ts';

/** Previews kept in memory per database: the latest few (a plan of 100,000 lines is tens of megabytes). */
const KEPT = 3;
/** ...and for a while: an operator applies a preview within minutes; a later apply reads the row. */
const KEPT_MS = 15 * 60 * 1000;
const kept = new WeakMap<Db, Map<string, PackedPlan>>();

/** Keeps the plan of a preview just stored (its row written), dropping the oldest beyond KEPT. */
export function keepPlan(db: Db, batchId: string, plan: PackedPlan): void {
  let plans = kept.get(db);
  if (!plans) kept.set(db, (plans = new Map()));
  plans.set(batchId, plan);
  setTimeout(() => {
    if (plans.get(batchId) === plan) plans.delete(batchId);
  }, KEPT_MS).unref();
  for (const id of plans.keys()) {
    if (plans.size <= KEPT) break;
    plans.delete(id);
  }
}

/**
 * The kept plan of this batch, taken out (an apply uses it once; if its transaction is rolled back and run again, the
 * row is read). Only for a batch the caller read as 'previewed' in this database.
 */
export function takePlan(db: Db, batchId: string): PackedPlan | undefined {
  const plans = kept.get(db);
  const plan = plans?.get(batchId);
  plans?.delete(batchId);
  return plan;
}
