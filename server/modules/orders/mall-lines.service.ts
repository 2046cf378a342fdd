// The orders module's face to the mall jobs and the mall-account views: what they read and write of order data.
// Jobs orchestrate connector ↔ this service and hold no SQL of order tables; the queries stay in the module
// (mall-lines.repo.ts, orders.repo.ts), so the orders module remains the one owner of order data.
import type { ApiAction } from '../../../shared/api/orders.schema.ts';
import { ACTION_RULES, type LineAction } from '../../../shared/lifecycle.ts';
import type { Db } from '../../db/knex.ts';
import * as repo from './mall-lines.repo.ts';

export {
  boxesToSend,
  claimsRefusedHere,
  clearPendingChanges,
  collectedLines,
  currentVersions,
  dismissedChanges,
  keepPendingChanges,
  linesByAccount,
  linesToConfirm,
  linesWithOwnClaim,
  markBoxFailed,
  markBoxesSent,
  markMallConfirmed,
  orderIdByMallOrderId,
  pendingChangeCounts,
  pendingChanges,
  recordMallStatuses,
  type CollectedLine,
  type ConfirmRow,
  type SendLine,
} from './mall-lines.repo.ts';
export {
  accountsWithPendingDecisions,
  accountsWithUnsentDecisions,
  DECISIONS_TO_SEND,
  decisionsToSend,
  recordDecisionOutcomes,
  type DecisionOutcome,
  type DecisionRow,
} from './claim-decisions.repo.ts';

/**
 * Where an account's lines disagree with the mall: the lines whose status differs in a way that matters, and the
 * mall changes syncs could not apply yet (each with the mall order, status and time it carried).
 */
export async function mismatchReport(db: Db, accountId: string) {
  const pending = (await repo.pendingChanges(db, accountId)).map(({ change: c, ...p }) => ({
    ...p,
    mall_order_id: c.mallOrderId ?? null,
    mall_status: c.mallStatus ?? null,
    changed_at: c.changedAt ?? null,
  }));
  return { items: await repo.mismatches(db, accountId), pending_changes: pending };
}

/** An operator settled a waiting mall change another way: it is not retried. Returns how many were dismissed. */
export async function dismissPendingChange(db: Db, accountId: string, mallLineId: string): Promise<number> {
  return repo.dismissPendingChange(db, accountId, mallLineId, new Date().toISOString());
}

/** The mall's word that a parcel moved on: what the lines no mall addresses in its box follow (boxFollowers). */
const PARCEL_ACTIONS: ReadonlySet<ApiAction> = new Set(['mark_in_transit', 'mark_delivered', 'confirm_purchase']);

/**
 * The lines that move with these mall lines when the mall says `action` of them: the lines of their boxes no mall
 * addresses (gift lines, a direct order's, a claim-split rest) still where the action finds them — for a purchase
 * confirmed only those of the same orders (one buyer's word, not the parcel's). None for other actions.
 */
export async function parcelFollowers(db: Db, action: ApiAction, lineIds: readonly string[]): Promise<{ id: string; version: number }[]> {
  if (!PARCEL_ACTIONS.has(action)) return [];
  return repo.boxFollowers(db, lineIds, ACTION_RULES[action as LineAction].from, { sameOrder: action === 'confirm_purchase' });
}
