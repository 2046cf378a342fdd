// The preview's own copy of its plan, kept in memory for the apply that follows — a cache, not the store: the batch
// row is the truth. The preview has the plan object the apply needs; reading it back from the row, unpacking and
// parsing it (12 MB of JSON for 100,000 lines) cost an apply a tenth of a second and more. The apply uses the copy
// only for the same database and batch after reading the row (under its lock) and finding it still 'previewed' (a
// plan never changes while its batch is previewed). Bounded to the latest few previews, for a quarter of an hour;
// another process (or a restart) reads the row.
import type { Db } from '../../db/knex.ts';
import type { PackedPlan } from './carry-out.ts';

/** Previews kept in memory per database: the latest few (a plan of 100,000 lines is tens of megabytes). */
export const PLANS_KEPT = 3;
/** ...and for a while: an operator applies a preview within minutes; a later apply reads the row. */
const KEPT_MS = 15 * 60 * 1000;

/** A kept plan and the timer that lets it go (cleared when it goes sooner: the timer would hold the plan). */
type Kept = { plan: PackedPlan; expiry: ReturnType<typeof setTimeout> };
const kept = new WeakMap<Db, Map<string, Kept>>();

function drop(plans: Map<string, Kept>, batchId: string): PackedPlan | undefined {
  const entry = plans.get(batchId);
  if (!entry) return undefined;
  clearTimeout(entry.expiry);
  plans.delete(batchId);
  return entry.plan;
}

/** Keeps the plan of a preview just stored (its row written), dropping the oldest beyond PLANS_KEPT. */
export function keepPlan(db: Db, batchId: string, plan: PackedPlan): void {
  let plans = kept.get(db);
  if (!plans) kept.set(db, (plans = new Map()));
  drop(plans, batchId);
  const expiry = setTimeout(() => plans.delete(batchId), KEPT_MS);
  expiry.unref();
  plans.set(batchId, { plan, expiry });
  for (const id of plans.keys()) {
    if (plans.size <= PLANS_KEPT) break;
    drop(plans, id);
  }
}

/**
 * The kept plan of this batch, taken out (an apply uses it once; if its transaction is rolled back and run again, the
 * row is read). Only for a batch the caller read as 'previewed' in this database.
 */
export function takePlan(db: Db, batchId: string): PackedPlan | undefined {
  const plans = kept.get(db);
  return plans && drop(plans, batchId);
}
