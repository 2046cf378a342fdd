// The merge preview (합포 미리보기): the shipping desk's lines that may merge, grouped by shared/merge planMerge into
// merge groups (one box each, no question) and review groups (the operator decides); review groups rejected
// before, for the same orders, are not offered again. Read only: the apply re-checks every order under lock.
import { createHash } from 'node:crypto';
import type { MergePreview, MergePreviewLine } from '../../../shared/api/merge.schema.ts';
import { maskPersonalRecord } from '../../../shared/mask-record.ts';
import { planMerge, type MergeCandidate, type MergeGroup, type ReviewGroup } from '../../../shared/merge/merge-groups.ts';
import { seesPersonalData } from '../../../shared/roles.ts';
import type { Knex } from 'knex';
import type { Actor } from '../../domain/actor.ts';
import * as repo from './merge.repo.ts';
import type { CandidateRow, SheetFields } from './merge.repo.ts';

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
  const rows = await repo.candidateLines(db);
  const byOrder = new Map<string, CandidateRow[]>();
  for (const r of rows) {
    const list = byOrder.get(r.order_id);
    if (list) list.push(r);
    else byOrder.set(r.order_id, [r]);
  }
  for (const list of byOrder.values()) if (list.length > 1) list.sort((a, b) => a.line_no - b.line_no);
  // An order's first line carries its recipient: it is the order's candidate as it is (no copy of 80,000 rows).
  const candidates: MergeCandidate[] = [];
  for (const [, [first]] of byOrder) candidates.push(first!);
  const plan = planMerge(candidates);
  const rejected = await repo.rejectedKeys(db);
  const reviews = rejected.size ? plan.reviews.filter((r) => !rejected.has(rejectionKey(r.clusters.flat()))) : plan.reviews;
  return { lines: rows.length, byOrder, merges: plan.merges, reviews };
}

const seesAll = (actor: Actor) => actor.type !== 'user' || seesPersonalData(actor.role);

function sheetLine(
  actor: Actor,
  r: CandidateRow,
  f: SheetFields,
  group: string | null,
  review: { id: string; reason: ReviewGroup['reason'] } | undefined,
): MergePreviewLine {
  const who = { recipient_name: r.recipient_name, recipient_address1: r.recipient_address1, recipient_address2: r.recipient_address2 };
  const shown = seesAll(actor) ? who : maskPersonalRecord(who);
  return {
    group,
    review: review?.id ?? null,
    review_reason: review?.reason ?? null,
    line_id: r.line_id,
    order_id: r.order_id,
    mall_order_id: f.mall_order_id,
    channel_name: f.channel_name,
    recipient_name: shown.recipient_name,
    recipient_address: [shown.recipient_address1, shown.recipient_address2].filter(Boolean).join(' ') || null,
    product_name: f.product_name,
    option_text: f.option_text,
    quantity: Number(f.quantity),
    box_id: f.box_id,
  };
}

/** The preview: groups (M1 …) and review groups (R1 …) with their orders' versions, and one sheet line per line in either. */
export async function previewMerge(db: Conn, actor: Actor): Promise<MergePreview> {
  const desk = await planDesk(db);
  const version = (id: string) => ({ id, version: Number(desk.byOrder.get(id)![0]!.order_version) });
  const groupOf = new Map<string, string>();
  const reviewOf = new Map<string, { id: string; reason: ReviewGroup['reason'] }>();
  const groups = desk.merges.map((g, i) => {
    const group = `M${i + 1}`;
    for (const id of g.order_ids) groupOf.set(id, group);
    return { group, orders: g.order_ids.map(version) };
  });
  const reviews = desk.reviews.map((r, i) => {
    const review = `R${i + 1}`;
    for (const id of r.clusters.flat()) reviewOf.set(id, { id: review, reason: r.reason });
    return { review, reason: r.reason, clusters: r.clusters, orders: r.clusters.flat().map(version) };
  });
  // The sheet reads by group: merge groups first, then review groups, each in the order the plan found them, and
  // within a group in the desk's order. One list per group, joined: the same as sorting by group, without the sort.
  const slots: CandidateRow[][] = Array.from({ length: groups.length + reviews.length }, () => []);
  for (const [orderId, rows] of desk.byOrder) {
    const group = groupOf.get(orderId);
    const review = reviewOf.get(orderId);
    if (!group && !review) continue;
    const slot = slots[group ? Number(group.slice(1)) - 1 : groups.length + Number(review!.id.slice(1)) - 1]!;
    for (const r of rows) slot.push(r);
  }
  const shown = slots.flat();
  // The products and boxes of the lines shown only (the plan read what it compares, for every line on the desk).
  // A line gone from the desk between the two reads is not shown; the apply re-checks every order anyway.
  const sheet = await repo.sheetFields(
    db,
    shown.map((r) => r.line_id),
  );
  const lines: MergePreviewLine[] = [];
  for (const r of shown) {
    const f = sheet.get(r.line_id);
    if (f) lines.push(sheetLine(actor, r, f, groupOf.get(r.order_id) ?? null, reviewOf.get(r.order_id)));
  }
  return { candidates: desk.lines, groups, reviews, lines };
}
