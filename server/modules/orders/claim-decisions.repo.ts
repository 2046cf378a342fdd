// The queries behind the claim-decisions job (클레임 처리 전송): which mall claims an operator decided here that the mall
// has not been told, and what the mall answered. Private to the orders module: jobs go through mall-lines.service.ts.
import type { Knex } from 'knex';
import { storedText, type Text } from '../../../shared/i18n.ts';
import type { ClaimType } from '../../../shared/lifecycle.ts';
import { whereIdIn } from '../../db/bulk.ts';
import type { Db } from '../../db/knex.ts';
import { insertHistory, type HistoryRow } from './history.repo.ts';

/**
 * Where sending a decision stands, of those still to send: pending (never sent, or the mall could not answer for now —
 * its reason kept — and the schedule's next round sends it) and failed (the mall refused it: sent again by a run an
 * operator starts). Sent and unsupported ones are never sent again.
 */
export const DECISIONS_TO_SEND = ['pending', 'failed'] as const;

export type DecisionRow = {
  claim_id: string;
  order_id: string;
  line_id: string;
  type: ClaimType;
  state: string;
  decision: 'approve' | 'reject';
  mall_decision_status: string;
  mall_claim_id: string | null;
  quantity: number;
  reason: string | null;
  mall_line_id: string;
  mall_shipment_id: string | null;
  mall_option_id: string | null;
  mall_order_id: string;
  product_name: string | null;
};

/** A claim still in the state its decision was made on: completed and approved, or withdrawn and refused. */
const decisionStands = (w: Knex.QueryBuilder) =>
  w.where({ 'c.mall_decision': 'approve', 'c.state': 'completed' }).orWhere({ 'c.mall_decision': 'reject', 'c.state': 'withdrawn' });

/**
 * The claims a claim-decisions run sends, of these statuses: the mall's own (not entered by hand), on a line the mall
 * knows (mall_line_id) of an order not deleted (one undeleted comes back), still in the state decided on. The job,
 * the schedule and the start after a decision all read this: a run starts only when it has something to send.
 */
const sendable = (db: Db, statuses: readonly string[]) =>
  db('claims as c')
    .join('order_lines as l', 'l.id', 'c.line_id')
    .join('orders as o', 'o.id', 'c.order_id')
    .where('c.source', 'mall')
    .whereIn('c.mall_decision_status', [...statuses])
    .where(decisionStands)
    .whereNotNull('l.mall_account_id')
    .whereNotNull('l.mall_line_id')
    .whereNull('o.deleted_at');

/**
 * Claims of this account's lines that the mall reported and an operator decided here (completed: approve; withdrawn:
 * reject), not yet taken by the mall; optionally only the given claims. A claim restored since (or decided again
 * the other way) no longer matches its decision and is left out.
 */
export async function decisionsToSend(
  db: Db,
  accountId: string,
  claimIds?: readonly string[],
  statuses: readonly string[] = DECISIONS_TO_SEND,
): Promise<DecisionRow[]> {
  const q = sendable(db, statuses)
    .where('l.mall_account_id', accountId)
    .select(
      'c.id as claim_id',
      'c.order_id',
      'c.line_id',
      'c.type',
      'c.state',
      'c.mall_decision as decision',
      'c.mall_decision_status',
      'c.mall_claim_id',
      'c.quantity',
      // The operator's reason for the decision, never the buyer's (the claim's own).
      'c.mall_decision_reason as reason',
      'l.mall_line_id',
      'l.mall_shipment_id',
      'l.mall_option_id',
      'o.mall_order_id',
      'l.product_name',
    )
    .orderBy('c.id');
  if (claimIds) whereIdIn(db, q, 'c.id', [...claimIds]);
  return q;
}

/**
 * The mall accounts with a pending decision their job would send (never sent, or the mall could not take it for now):
 * the schedule runs their job. One the job passes by (restored since, on a deleted order) would start an empty run
 * every round; one the mall refused (failed) waits for an operator.
 */
export async function accountsWithUnsentDecisions(db: Db): Promise<Set<string>> {
  const rows = (await sendable(db, ['pending']).distinct('l.mall_account_id')) as { mall_account_id: string }[];
  return new Set(rows.map((r) => r.mall_account_id));
}

/** The mall accounts with decisions waiting to be sent among the claims of these lines or orders. */
export async function accountsWithPendingDecisions(db: Db, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const accounts = new Set<string>();
  // An item names a line or a whole order: claims are looked for by either.
  for (const column of ['c.line_id', 'c.order_id']) {
    const q = sendable(db, ['pending']).distinct('l.mall_account_id');
    for (const r of (await whereIdIn(db, q, column, ids)) as { mall_account_id: string }[]) accounts.add(r.mall_account_id);
  }
  return [...accounts].sort();
}

export type DecisionOutcome = {
  row: DecisionRow;
  /** pending: not taken for now (the mall down, busy): it waits for the schedule's next round, with the mall's reason. */
  status: 'sent' | 'pending' | 'failed' | 'unsupported';
  error: Text | null;
};

/**
 * Records what the mall answered for each claim, with a history row each (who: the job; the claim's state stays):
 * sent, or why not (a send the mall could not take for now, too: each try is said). A claim changed since it was read
 * (restored, decided again) keeps its new decision, and its history says what happened: a decision the mall took
 * anyway is said at the state the claim is in now (the mall holds it; the next sync shows where they differ); one the
 * mall did not take no longer stands here and leaves no row.
 */
export async function recordDecisionOutcomes(
  db: Db | Knex.Transaction,
  outcomes: readonly DecisionOutcome[],
  actor: { type: string; id: string | null },
  at: string,
): Promise<void> {
  if (!outcomes.length) return;
  await db.transaction(async (trx) => {
    const history: HistoryRow[] = [];
    for (const o of outcomes) {
      const updated = await trx('claims')
        .where({ id: o.row.claim_id, mall_decision: o.row.decision, state: o.row.state })
        .whereIn('mall_decision_status', [...DECISIONS_TO_SEND])
        .update({
          mall_decision_status: o.status,
          mall_sent_at: o.status === 'sent' ? at : null,
          mall_decision_error: o.error === null ? null : storedText(o.error),
          updated_at: at,
        });
      let state = o.row.state;
      if (!updated) {
        if (o.status !== 'sent') continue;
        const now = (await trx('claims').where({ id: o.row.claim_id }).first('state')) as { state: string } | undefined;
        state = now?.state ?? state;
      }
      history.push({
        entity: 'claim',
        entity_id: o.row.claim_id,
        order_id: o.row.order_id,
        action: o.status === 'sent' ? `mall_${o.row.decision}_sent` : `mall_${o.row.decision}_failed`,
        from_status: state,
        to_status: state,
        actor_type: actor.type,
        actor_id: actor.id,
        reason: null,
        batch_id: null,
        at,
      });
    }
    if (history.length) await insertHistory(trx, history);
  });
}
