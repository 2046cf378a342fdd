// The merge preview (합포 미리보기): the shipping desk's lines that may merge, grouped by shared/merge planMerge into
// merge groups (one box each, no question) and review groups (the operator decides); review groups rejected
// before, for the same orders, are not offered again. Read only: the apply re-checks every order under lock.
import { createHash } from 'node:crypto';
import type { MergePreview, MergePreviewLine } from '../../../shared/api/merge.schema.ts';
import { maskPersonalRecord } from '../../../shared/mask-record.ts';
import { normalizeName } from '../../../shared/address.ts';
import { planMerge, type MergeCandidate, type MergeGroup, type ReviewGroup } from '../../../shared/merge/merge-groups.ts';
import type { Knex } from 'knex';
import { SCREEN_ROWS } from '../../../shared/api/orders.schema.ts';
import { needsReason, seesRecipients, type Actor } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { mergeMessages as m } from './merge.messages.ts';
import * as repo from './merge.repo.ts';
import type { CandidateRow, DeskName } from './merge.repo.ts';

type Conn = Knex | Knex.Transaction;

/** What the desk holds now and how it would merge. */
export type DeskPlan = {
  lines: number;
  byOrder: Map<string, CandidateRow[]>;
  merges: MergeGroup[];
  reviews: ReviewGroup[];
};

/** A review group's orders as one key (sorted, hashed): the same orders rejected once are not offered again. */
export const rejectionKey = (orderIds: readonly string[]): string =>
  createHash('sha256')
    .update([...orderIds].sort().join(','))
    .digest('hex');

export async function planDesk(db: Conn): Promise<DeskPlan> {
  const names = await repo.deskNames(db);
  const byOrder = new Map<string, CandidateRow[]>();
  for (const id of sharingOrders(names)) byOrder.set(id, []);
  const rows = await repo.candidateLines(db, [...byOrder.keys()]);
  for (const r of rows) byOrder.get(r.order_id)?.push(r);
  // An order gone from the desk between the two reads is not on it; one new on it waits for the next preview.
  for (const [id, list] of byOrder) {
    if (!list.length) byOrder.delete(id);
    else if (list.length > 1) list.sort((a, b) => a.line_no - b.line_no);
  }
  // An order's first line carries its recipient: it is the order's candidate as it is (no copy of the rows).
  const candidates: MergeCandidate[] = [];
  for (const [, [first]] of byOrder) candidates.push(first!);
  const plan = planMerge(candidates);
  // Read after the desk, one statement at a time (a transaction's PostgreSQL client takes one; a read started
  // early and failing while the others run would be an unhandled rejection).
  const known = await repo.rejectedKeys(db);
  // A review group accepted before is one box now: asking about it again would only make the operator decide twice.
  const reviews = plan.reviews.filter((r) => !(known.size && known.has(rejectionKey(r.clusters.flat()))) && !inOneBox(byOrder, r));
  return { lines: names.length, byOrder, merges: plan.merges, reviews };
}

/** Whether every line of the review group's orders already sits in one and the same box (it was accepted). */
function inOneBox(byOrder: ReadonlyMap<string, CandidateRow[]>, review: ReviewGroup): boolean {
  let box: string | null = null;
  for (const id of review.clusters.flat()) {
    for (const row of byOrder.get(id) ?? []) {
      if (!row.box_id || (box !== null && row.box_id !== box)) return false;
      box = row.box_id;
    }
  }
  return box !== null;
}

/**
 * The orders whose recipient name another order on the desk shares (as the plan compares names), in the desk's
 * order: only they can merge or need review. An order's lines mostly come one after another; one whose lines do
 * not may count its name twice, which only reads it in full for nothing (the plan counts again).
 */
function sharingOrders(names: readonly DeskName[]): string[] {
  const orders: string[] = [];
  const keys: string[] = [];
  const count = new Map<string, number>();
  let previous: string | undefined;
  for (const { order_id, recipient_name } of names) {
    if (order_id === previous) continue;
    previous = order_id;
    const key = normalizeName(recipient_name);
    if (!key) continue;
    orders.push(order_id);
    keys.push(key);
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const sharing = new Set<string>();
  for (let i = 0; i < orders.length; i++) if (count.get(keys[i]!)! > 1) sharing.add(orders[i]!);
  return [...sharing];
}

/** An order's review group: its label (R1 …), why, and where it stands among the review groups. */
type Review = { id: string; reason: ReviewGroup['reason']; index: number };

/** One sheet line; `all` says whether the actor sees personal data (asked once per preview). */
function sheetLine(all: boolean, r: CandidateRow, group: string | null, review: Review | undefined): MergePreviewLine {
  const who = { recipient_name: r.recipient_name, recipient_address1: r.recipient_address1, recipient_address2: r.recipient_address2 };
  const shown = all ? who : maskPersonalRecord(who);
  const [a1, a2] = [shown.recipient_address1, shown.recipient_address2];
  return {
    group,
    review: review?.id ?? null,
    review_reason: review?.reason ?? null,
    line_id: r.line_id,
    order_id: r.order_id,
    mall_order_id: r.mall_order_id,
    channel_name: r.channel_name,
    recipient_name: shown.recipient_name,
    // The two address lines, either left out when empty (one line, or none).
    recipient_address: a1 ? (a2 ? `${a1} ${a2}` : a1) : a2 || null,
    product_name: r.product_name,
    option_text: r.option_text,
    quantity: Number(r.quantity),
    box_id: r.box_id,
  };
}

/** The preview: groups (M1 …) and review groups (R1 …) with their orders' versions, and one sheet line per line in either. */
export async function previewMerge(db: Conn, actor: Actor, why: { reason?: string | undefined } = {}): Promise<MergePreview> {
  const desk = await planDesk(db);
  const all = seesRecipients(actor);
  const version = (id: string) => ({ id, version: Number(desk.byOrder.get(id)![0]!.order_version) });
  const reviewOf = new Map<string, Review>();
  const reviews = desk.reviews.map((r, i) => {
    const review = `R${i + 1}`;
    for (const id of r.clusters.flat()) reviewOf.set(id, { id: review, reason: r.reason, index: i });
    return { review, reason: r.reason, clusters: r.clusters, orders: r.clusters.flat().map(version) };
  });
  // The sheet reads by group: merge groups first, then review groups, each in the order the plan found them, and
  // within a group in the desk's order: a merge group's orders are in it already (the plan keeps the order it is
  // given); an order of a merge group shows there, with its review group if it is in one too.
  const lines: MergePreviewLine[] = [];
  const inGroup = new Set<string>();
  const groups = desk.merges.map((g, i) => {
    const group = `M${i + 1}`;
    const orders = g.order_ids.map((id) => {
      const rows = desk.byOrder.get(id)!;
      for (const r of rows) lines.push(sheetLine(all, r, group, reviewOf.get(id)));
      if (reviewOf.size) inGroup.add(id);
      return { id, version: Number(rows[0]!.order_version) };
    });
    return { group, orders };
  });
  if (reviews.length) {
    const slots: CandidateRow[][] = reviews.map(() => []);
    for (const [orderId, rows] of desk.byOrder) {
      const review = reviewOf.get(orderId);
      if (!review || inGroup.has(orderId)) continue;
      for (const r of rows) slots[review.index]!.push(r);
    }
    for (const slot of slots) for (const r of slot) lines.push(sheetLine(all, r, null, reviewOf.get(r.order_id)));
  }
  // More than a screenful of recipients as they are is a download, which says why.
  if (needsReason(actor, lines.length > SCREEN_ROWS, why.reason)) {
    throw fieldError('reason', m.reason_for_many, { count: lines.length, max: SCREEN_ROWS }, { code: 'reason_required' });
  }
  return { candidates: desk.lines, groups, reviews, lines };
}
