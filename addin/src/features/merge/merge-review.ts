// The review cards' work, apart from React: the preview's lines by order (each card names its orders by their first
// line), what an apply sends (the merge groups no accepted review group takes in, then the accepted review groups;
// the rejected ones to remember), and how many cards the tab shows at a time. Linear in the preview's size: a sale
// day's preview has thousands of review groups and ten thousand lines, and this runs on every decision.
import type { MergePreview, MergePreviewLine } from '../../../../shared/api/merge.schema.ts';

export type Decision = 'accept' | 'reject';

/** Review cards shown at first and added by each 더 보기: a 320 px pane is no place for thousands of cards. */
export const REVIEW_PAGE = 50;

/** Each order's first line in the preview (the order's recipient and mall order number). */
export function firstLineByOrder(lines: readonly MergePreviewLine[]): ReadonlyMap<string, MergePreviewLine> {
  const first = new Map<string, MergePreviewLine>();
  for (const line of lines) if (!first.has(line.order_id)) first.set(line.order_id, line);
  return first;
}

type Orders = { orders: MergePreview['groups'][number]['orders'] };

/**
 * The groups an apply puts each in one box, and the review groups kept apart. An accepted review group takes in
 * the merge groups among its clusters (one group, one box); an undecided review group is neither.
 */
export function planApply(preview: MergePreview, decisions: ReadonlyMap<string, Decision>): { groups: Orders[]; rejected: Orders[] } {
  const accepted = preview.reviews.filter((r) => decisions.get(r.review) === 'accept');
  const rejected = preview.reviews.filter((r) => decisions.get(r.review) === 'reject');
  const absorbed = new Set(accepted.flatMap((r) => r.orders.map((o) => o.id)));
  return {
    groups: [
      ...preview.groups.filter((g) => !g.orders.some((o) => absorbed.has(o.id))).map((g) => ({ orders: g.orders })),
      ...accepted.map((r) => ({ orders: r.orders })),
    ],
    rejected: rejected.map((r) => ({ orders: r.orders })),
  };
}
