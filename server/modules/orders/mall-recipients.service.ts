// A buyer changed the delivery address at the mall after we collected the order: the sync applies it to the order
// through the recipient edit every sheet correction takes (engine/recipient.ts), so every line of the order gets a
// new version (a sheet pulled before cannot write the old address back) and the history says it came from the mall,
// under the sync job, naming the cells (never the values).
//
// What counts as a change: the receiver the mall shows differs from the one it showed last time (the digest each
// mall order keeps, mall-recipient.ts), not from ours — an operator's correction here is not the buyer's change, and
// a mall that reports every open order's receiver (Coupang) would undo it on every sync. Orders collected before the
// digest existed are compared with ours.
//
// The rules, per order:
// - Lines all cancelled, returned or exchanged (or the order deleted): nothing changes; the history records that the
//   mall changed the address and it was not applied. Nobody ships it.
// - An operator corrected the recipient here, before or after the mall's change: ours is kept. The mall's receiver
//   is applied whole, and the one digest kept per order cannot tell which cells the mall changed: applying it would
//   put back what the operator fixed (a zip) along with what the buyer changed (a memo). The operator's edit is a
//   deliberate word — often the very address the buyer phoned in — and the two cannot be weighed without a person.
//   The history records the mall's change, and the job result asks the operator to check (a failed result: it is
//   listed among the job's failures, with the mall order number).
// - Otherwise the mall is right and its address applies. Before the box is numbered that is all. Once numbered
//   (INVOICED) or shipped, the printed label or the parcel carries the old address: it still applies (the next label
//   prints the new one), and the job result says to reprint the label or have the courier redirect the parcel; so it
//   does for an order packed in one box with other orders (합포), which no longer go to one address.
import type { Knex } from 'knex';
import { message, type Message, type MessageParams } from '../../../shared/i18n.ts';
import { historyMessages } from './history.messages.ts';
import { mallRecipientMessages } from './mall-recipients.messages.ts';
import { PAST_SHIPPING_STATUSES, STATUS_LABELS, type Status } from '../../../shared/lifecycle.ts';
import type { RecipientField } from '../../../shared/sheet/recipient-edit.ts';
import { kstMinute } from '../../../shared/time.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Db } from '../../db/knex.ts';
import type { Actor } from '../../domain/actor.ts';
import { runInBlocks } from './bulk-blocks.ts';
import { recipientDigest, sameRecipient, storedRecipient, type RecipientValues } from './mall-recipient.ts';
import * as repo from './mall-recipients.repo.ts';
import { Engine } from './transition-engine.ts';
import type { WorkingSet } from './working-set.ts';
import type { PendingWrites } from './working-set.repo.ts';
import { writeChanges } from './write-changes.ts';

/** What a mall says an order's receiver is now; `changed_at` when the mall gives the time of the change. */
export type MallRecipientReport = {
  mall_order_id: string;
  recipient: Partial<Record<RecipientField, string | null>>;
  changed_at: string | null;
};

export type MallRecipientResult = {
  order_id: string;
  mall_order_id: string;
  /** The order's first product, to name it in the job's results. */
  item_name: string | null;
  result: 'ok' | 'failed' | 'skipped';
  code: keyof typeof mallRecipientMessages;
  message: Message;
};

/** Lines nobody ships any more: the address means nothing to them. */
const CLOSED: readonly Status[] = ['CANCEL_REQUESTED', 'CANCELED', 'RETURN_REQUESTED', 'RETURNED', 'EXCHANGE_REQUESTED', 'EXCHANGED'];
/** The box has its number (a label may be printed) or has left. */
const NUMBERED: readonly Status[] = ['INVOICED', 'SHIPPED', ...PAST_SHIPPING_STATUSES];

/** One order to decide on: the mall's cells as stored, and what decides whether ours stays. */
type Candidate = {
  orderId: string;
  mallOrderId: string;
  values: RecipientValues;
  digest: string;
  /** When the mall's change happened at the latest known moment; null when nothing says (ours then stays if corrected). */
  changedAt: string | null;
  operatorEditAt: string | null;
  merged: boolean;
};

type DecidedBlock = { results: MallRecipientResult[]; writes: PendingWrites; digests: Map<string, string>; now: string };

/**
 * Applies what the mall reports of the account's orders' receivers (see the rules above). `since`: the start of the
 * sync window, the earliest a change reported without a time can have happened. Answers one result per order whose
 * receiver changed at the mall; orders whose receiver the mall shows as before get none.
 */
export async function applyMallRecipients(
  db: Db,
  actor: Actor,
  accountId: string,
  reports: readonly MallRecipientReport[],
  since: string,
  options: {
    blockItems?: number;
    /**
     * Records a block's results in its own transaction (the sync job's results): what an applied change asks of the
     * operator (재출력, check the address) is never lost to a crash between the change and a later record.
     */
    recordIn?: (trx: Knex.Transaction, results: readonly MallRecipientResult[]) => Promise<void>;
  } = {},
): Promise<MallRecipientResult[]> {
  // The latest word per mall order.
  const latest = new Map<string, MallRecipientReport>();
  for (const r of reports) {
    const seen = latest.get(r.mall_order_id);
    if (!seen || (r.changed_at ?? '') >= (seen.changed_at ?? '')) latest.set(r.mall_order_id, r);
  }
  if (!latest.size) return [];
  const orders = await repo.ordersOfMallOrders(db, accountId, [...latest.keys()]);

  const quiet = new Map<string, string>();
  const found: Omit<Candidate, 'operatorEditAt' | 'merged'>[] = [];
  for (const order of orders) {
    const report = latest.get(order.mall_order_id)!;
    const values = storedRecipient(report.recipient);
    const digest = recipientDigest(values);
    if (order.mall_recipient_digest === digest) continue;
    // No digest yet (collected before it was kept): the mall's receiver as ours is no change; it is remembered.
    if (order.mall_recipient_digest === null && sameRecipient(values, order)) {
      quiet.set(order.id, digest);
      continue;
    }
    const changedAt = report.changed_at ?? (order.mall_recipient_digest === null ? null : since);
    found.push({ orderId: order.id, mallOrderId: order.mall_order_id, values, digest, changedAt });
  }
  await repo.setRecipientDigests(db, quiet);
  if (!found.length) return [];

  const ids = found.map((c) => c.orderId);
  const [edits, shared] = [await repo.lastOperatorEdits(db, ids), await repo.ordersInSharedBoxes(db, ids)];
  const candidates: Candidate[] = found.map((c) => ({ ...c, operatorEditAt: edits.get(c.orderId) ?? null, merged: shared.has(c.orderId) }));

  const batchId = newId(ID_PREFIX.batch);
  const now = new Date().toISOString();
  const blocks = await runInBlocks(
    db,
    candidates.length,
    {
      items: () => candidates.map((c) => ({ id: c.orderId, numbers: [] })),
      load: (block) => ({ ids: block.map((i) => candidates[i]!.orderId), actions: [], recipients: true }),
      decide: async (block, set) =>
        decideBlock(
          set,
          actor,
          block.map((i) => candidates[i]!),
          batchId,
          now,
        ),
      write: async (decided: DecidedBlock, trx: Knex.Transaction) => {
        await writeChanges(trx, decided.writes, { actor, batchId, now: decided.now });
        await repo.setRecipientDigests(trx, decided.digests);
        await options.recordIn?.(trx, decided.results);
        return decided.results;
      },
    },
    options.blockItems,
  );
  return blocks.flatMap((b) => b.out);
}

async function decideBlock(set: WorkingSet, actor: Actor, candidates: readonly Candidate[], batchId: string, now: string): Promise<DecidedBlock> {
  const engine = new Engine(set, actor, batchId, { source: 'mall' }, now);
  const results: MallRecipientResult[] = [];
  const digests = new Map<string, string>();
  for (const c of candidates) {
    const order = set.orders.get(c.orderId);
    if (!order) continue;
    const lines = set.linesOfOrder(order.id);
    const open = lines.filter((l) => !CLOSED.includes(l.status as Status));
    const result = (outcome: MallRecipientResult['result'], code: MallRecipientResult['code'], params?: MessageParams) =>
      results.push({
        order_id: order.id,
        mall_order_id: c.mallOrderId,
        item_name: lines[0]?.product_name ?? null,
        result: outcome,
        code,
        message: message(mallRecipientMessages[code], params),
      });
    // The mall's word is remembered whatever is done with it: the same receiver reported again is no new change.
    digests.set(order.id, c.digest);
    const checkpoint = set.checkpoint();
    try {
      if (order.deleted_at || !open.length) {
        engine.noteMallRecipient(order, historyMessages.mall_recipient_closed);
        result('skipped', 'recipient_not_applied');
      } else if (c.operatorEditAt) {
        const at = kstMinute(c.operatorEditAt);
        engine.noteMallRecipient(order, historyMessages.mall_recipient_kept, { at });
        result('skipped', 'recipient_kept_ours', { at });
        result('failed', 'recipient_check', { at });
      } else {
        const numbered = open.filter((l) => NUMBERED.includes(l.status as Status));
        const note = numbered.length ? historyMessages.note_reprint : c.merged ? historyMessages.note_merge : undefined;
        const outcome = engine.editRecipient(order, c.values, { from: 'mall', ...(note ? { note } : {}) });
        if (outcome.changed) {
          result('ok', 'recipient_changed');
          const status = [...new Set(numbered.map((l) => l.status as Status))].map((st) => STATUS_LABELS[st]);
          if (numbered.length) result('failed', 'recipient_reprint', { status });
          else if (c.merged) result('failed', 'recipient_merged');
        }
      }
      set.commit();
    } catch (error) {
      set.rollback(checkpoint);
      throw error;
    }
  }
  return { results, writes: set.writes, digests, now };
}
