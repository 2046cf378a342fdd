// Sync (주문동기화): what changed at the mall — delivered, purchase confirmed, claims requested, completed or
// withdrawn — is applied to orders already collected, through the same transitions an operator uses, so every
// change is in the history under this job and moves the versions (a sheet pulled before it cannot overwrite it).
// What cannot be applied is reported, stays listed as a mismatch, and is kept as a pending change: the window moves
// on, so every later sync tries it again until it applies, the line no longer needs it (an operator moved it), or
// an operator dismisses it. A delivery address the buyer changed at the mall is applied to the order last
// (mall-recipients.service.ts), after the statuses, so an order cancelled by the same sync is seen as cancelled.
import type { ApiAction } from '../../shared/api/orders.schema.ts';
import { message, type Text } from '../../shared/i18n.ts';
import { STATUS_LABELS, type Status } from '../../shared/lifecycle.ts';
import { isClaimSwitch, stepToMall } from '../../shared/mall-word.ts';
import { MALL_NAMES, SELLER_CENTER_NAMES, type MallType } from '../../shared/malls.ts';
import { MallError } from '../connectors/http.ts';
import type { MallChange, MallRecipientChange } from '../connectors/types.ts';
import { applyTransitions } from '../modules/orders/transitions.service.ts';
import { stopIfCanceled, type JobContext } from './job-context.ts';
import { lastSyncEnd, type JobResult } from './jobs.repo.ts';
import { jobsMessages, mallReason } from './jobs.messages.ts';
import {
  clearPendingChanges,
  collectedLines,
  dismissedChanges,
  keepPendingChanges,
  claimsRefusedHere,
  linesWithOwnClaim,
  markMallConfirmed,
  parcelFollowers,
  pendingChanges,
  recordMallStatuses,
  type CollectedLine,
} from '../modules/orders/mall-lines.service.ts';
import { readAgainFrom, syncWindow } from './windows.ts';
import { applyMallRecipients, type MallRecipientResult } from '../modules/orders/mall-recipients.service.ts';
import { withoutControlChars } from '../connectors/clean-text.ts';
import { recipientCells } from './recipient-cells.ts';

const namesOf = (change: MallChange, line: CollectedLine) => ({ mall_order_id: change.mallOrderId, item_name: line.product_name });
/** Steps whose reason becomes a claim's own reason (claims.reason), not only the history's. */
const ENTERS_CLAIM = new Set<ApiAction>(['claim', 'complete_claim']);

export async function syncJob(ctx: JobContext): Promise<void> {
  const { db, account } = ctx;
  const window = syncWindow(ctx.job.params, await lastSyncEnd(db, account.id));
  await ctx.setParams({ ...ctx.job.params, ...window });
  stopIfCanceled(ctx.signal);
  // What the mall says is stored (claim reasons, statuses): control characters cleared, as collect does.
  // In time order; within one moment (Coupang's times have whole seconds) a claim withdrawn comes before another
  // claim: a buyer withdraws an exchange and then asks a return, never the other way round.
  const withdrawnFirst = (c: MallChange) => (c.claim?.state === 'withdrawn' ? 0 : 1);
  const changes = (await ctx.connector.listChanges(window))
    .map(withoutControlChars)
    .sort((a, b) => a.changedAt.localeCompare(b.changedAt) || withdrawnFirst(a) - withdrawnFirst(b));
  // Read before anything is applied. The statuses and claims are what a sync is for: a mall that fails to answer the
  // address read does not keep a cancel from the desk. The sync goes on without it and says so, and the next sync
  // starts where this one began (readAgainFrom), reading this window's address changes again (its statuses too:
  // applying the mall's word twice changes nothing).
  let recipients: MallRecipientChange[] = [];
  let recipientsUnread: Text | null = null;
  try {
    recipients = (await ctx.connector.listRecipientChanges(window)).map(withoutControlChars);
  } catch (error) {
    if (!(error instanceof MallError) || error.kind === 'auth') throw error;
    recipientsUnread = error.text;
    await ctx.setParams({ ...ctx.job.params, ...window, to: readAgainFrom(window) });
  }
  ctx.reachedMall();

  // The latest word of the mall per line is what counts; earlier ones were overtaken. Changes earlier syncs could
  // not apply are tried again, unless the mall has said something newer about the line since.
  const latest = new Map<string, MallChange>();
  for (const c of changes) latest.set(c.mallLineId, c);
  const retried = new Set<string>();
  for (const { mall_line_id: id, change: kept } of await pendingChanges(db, account.id)) {
    const newer = latest.get(id);
    if (newer && newer.changedAt >= kept.changedAt) continue;
    latest.set(id, kept);
    retried.add(id);
  }
  // One result per line the mall spoke of (its latest word), as the progress counts them.
  await ctx.expect(latest.size);
  // What an operator dismissed is not tried (nor kept) again when an overlapping window lists it once more; a newer
  // word of the mall for the line is a new change.
  const dismissed = new Set<string>();
  for (const [mallLineId, change] of await dismissedChanges(db, account.id)) {
    const c = latest.get(mallLineId);
    if (c && c.changedAt <= change.changedAt) dismissed.add(mallLineId);
  }
  const lines = await collectedLines(db, account.id, [...latest.keys()]);
  const results: JobResult[] = [];
  await recordMallStatuses(
    db,
    [...latest.values()].flatMap((c) => {
      const line = lines.get(c.mallLineId);
      return line ? [{ id: line.id, mall_status: c.mallStatus, implied: c.status, at: c.changedAt }] : [];
    }),
  );

  // The mall shows these confirmed (in its seller center, say): the send job need not confirm them again.
  const confirmedThere = [...latest.values()].filter((c) => c.status === 'NEW' && !c.claim).flatMap((c) => lines.get(c.mallLineId)?.id ?? []);
  await markMallConfirmed(db, confirmedThere, new Date().toISOString());

  // A claim the operator entered here (a buyer who phoned) is not the mall's to withdraw: a mall that shows no claim
  // for the line never had it. Only a claim the mall reported is withdrawn when the mall no longer shows it.
  const ownClaims = await linesWithOwnClaim(
    db,
    [...latest.values()].flatMap((c) => {
      const line = lines.get(c.mallLineId);
      return line && !c.claim && stepToMall(c, line.status as Status) === 'withdraw_claim' ? [line.id] : [];
    }),
  );

  // A mall claim an operator refused here stays refused while the mall still lists it as requested (its refusal not
  // taken there yet, or one the mall has no call for: Coupang's return): entered again, the operator's decision would
  // last until the next sync. It is a disagreement to settle in the seller center, kept and shown as one.
  const refusedHere = await claimsRefusedHere(
    db,
    [...latest.values()].flatMap((c) => (c.claim?.state === 'requested' ? (lines.get(c.mallLineId)?.id ?? []) : [])),
  );

  /**
   * One round of steps: grouped by action, one bulk transition call each, claims carrying their own type and state.
   * Answers the mall lines whose applied step was a claim switch's withdraw: the round after enters the mall's claim.
   */
  const applyRound = async (stepChanges: readonly MallChange[], lineMap: Map<string, CollectedLine>): Promise<string[]> => {
    const switching = new Set<string>();
    const switched: string[] = [];
    // Group the steps by action: one bulk transition call each, claims carrying their own type and state.
    const groups = new Map<ApiAction, { line: CollectedLine; change: MallChange; item: Record<string, unknown> }[]>();
    for (const change of stepChanges) {
      const line = lineMap.get(change.mallLineId);
      if (!line) {
        results.push({
          ref_type: 'line',
          ref_id: null,
          mall_ref: change.mallLineId,
          mall_order_id: change.mallOrderId,
          result: 'skipped',
          code: 'not_collected',
          message: message(jobsMessages.not_collected),
        });
        continue;
      }
      // A change an operator dismissed, or one the line already reflects, is skipped with why.
      const skip = (code: 'dismissed' | 'no_change' | 'own_claim') =>
        results.push({
          ref_type: 'line',
          ref_id: line.id,
          mall_ref: change.mallLineId,
          ...namesOf(change, line),
          result: 'skipped',
          code,
          message: message(jobsMessages[code]),
        });
      if (dismissed.has(change.mallLineId)) {
        skip('dismissed');
        continue;
      }
      const step = stepToMall(change, line.status as Status);
      if (step === 'withdraw_claim' && isClaimSwitch(change, line.status as Status)) switching.add(change.mallLineId);
      if (!step) {
        skip('no_change');
        continue;
      }
      if (step === 'withdraw_claim' && !change.claim && ownClaims.has(line.id)) {
        skip('own_claim');
        continue;
      }
      const mallClaimId = change.claim?.mallClaimId;
      if (typeof step === 'object' && step.claim_state === 'requested' && mallClaimId && refusedHere.get(line.id)?.has(mallClaimId)) {
        const mall = account.mall_type as MallType;
        results.push({
          ref_type: 'line',
          ref_id: line.id,
          mall_ref: change.mallLineId,
          ...namesOf(change, line),
          result: 'failed',
          code: 'refused_here',
          message: message(jobsMessages.refused_here, { mall: MALL_NAMES[mall] ?? mall, center: SELLER_CENTER_NAMES[mall] ?? mall }),
        });
        continue;
      }
      const { action, ...extra } = typeof step === 'string' ? { action: step } : step;
      const item: Record<string, unknown> = { id: line.id, version: line.version, ...extra };
      if (change.claim) item.claim_type = change.claim.type;
      // A claim entered or completed keeps the buyer's words as its reason (the claim's own, in the mall's words);
      // any other step says in the history what the mall said, in each reader's language.
      if (ENTERS_CLAIM.has(action)) {
        if (change.claim?.reason) item.reason = change.claim.reason.slice(0, 500);
      } else item.reason = mallReason(jobsMessages.sync_reason, account.mall_type, change.status, change.mallStatus);
      groups.set(action, [...(groups.get(action) ?? []), { line, change, item }]);
    }

    // From here on the work is local: it is finished even when the job was asked to stop.
    for (const [action, entries] of groups) {
      const claimIds = new Map(entries.map((e) => [e.line.id, e.change.claim?.mallClaimId ?? null]));
      // A parcel's gift lines (and any direct order's) move with it: in transit, delivered, purchase confirmed.
      const followers = await parcelFollowers(
        db,
        action,
        entries.map((e) => e.line.id),
      );
      const out = await applyTransitions(
        db,
        ctx.actor,
        { action, items: [...entries.map((e) => e.item), ...followers] } as never,
        { source: 'mall', mallClaimIds: claimIds },
        { blockItems: ctx.blockItems },
      );
      // The followers' results are theirs alone: the job reports the mall's lines.
      out.results.slice(0, entries.length).forEach((r, i) => {
        const { line, change } = entries[i]!;
        if (r.result === 'applied' && switching.has(change.mallLineId)) switched.push(change.mallLineId);
        results.push(
          r.result === 'applied'
            ? { ref_type: 'line', ref_id: line.id, mall_ref: change.mallLineId, ...namesOf(change, line), result: 'ok', code: action, message: null }
            : {
                ref_type: 'line',
                ref_id: line.id,
                mall_ref: change.mallLineId,
                ...namesOf(change, line),
                result: 'failed',
                code: r.code ?? 'mismatch',
                // The status the mall implies, by its label: operators do not read the mall's codes.
                message: message(jobsMessages.mismatch, { mall: STATUS_LABELS[change.status], detail: r.message ?? '' }),
              },
        );
      });
    }
    return switched;
  };
  const switched = await applyRound([...latest.values()], lines);
  // A claim switched at the mall (an exchange made a return): ours was withdrawn, now the mall's is entered.
  if (switched.length)
    await applyRound(
      switched.map((id) => latest.get(id)!),
      await collectedLines(db, account.id, switched),
    );

  // What failed is kept for the next sync; what applied or is no longer needed is not pending any more.
  const failed = results.filter((r) => r.result === 'failed' && r.ref_id && r.mall_ref);
  await keepPendingChanges(
    db,
    account.id,
    failed.map((r) => ({
      mall_line_id: r.mall_ref!,
      line_id: r.ref_id!,
      change: latest.get(r.mall_ref!)!,
      code: r.code,
      message: r.message,
    })),
    new Date().toISOString(),
  );
  const failedIds = new Set(failed.map((r) => r.mall_ref));
  await clearPendingChanges(
    db,
    account.id,
    [...latest.keys()].filter((id) => !failedIds.has(id) && !dismissed.has(id)),
  );
  // Per order, not per line, recorded with each block's change (recordIn).
  const recipientResults = await applyMallRecipients(
    db,
    ctx.actor,
    account.id,
    recipients.map((r) => ({ mall_order_id: r.mallOrderId, recipient: recipientCells(r), changed_at: r.changedAt })),
    window.from,
    { blockItems: ctx.blockItems, recordIn: (trx, block) => ctx.recordIn(trx, block.map(recipientResult)) },
  );
  if (recipientsUnread) {
    results.push({
      ref_type: 'order',
      ref_id: null,
      mall_ref: null,
      result: 'failed',
      code: 'recipients_unread',
      message: message(jobsMessages.recipients_unread, { detail: recipientsUnread }),
    });
  }
  // Every result counted in the total: a claim switch takes two steps, address changes and a failed read one each.
  await ctx.expect(results.length + recipientResults.length);
  await ctx.record(results);
}

/** An address change's result, as the job reports it: per order, never pending (a later sync reads it as it then is). */
const recipientResult = (r: MallRecipientResult): JobResult => ({
  ref_type: 'order',
  ref_id: r.order_id,
  mall_ref: null,
  mall_order_id: r.mall_order_id,
  item_name: r.item_name,
  result: r.result,
  code: r.code,
  message: r.message,
});
