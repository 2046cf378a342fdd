// The 합포 tab's review work apart from React (addin/src/features/merge/merge-review.ts): the preview's first line of
// each order, and what an apply sends for the decisions made.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { MergePreview, MergePreviewLine } from '../../../shared/api/merge.schema.ts';
import { firstLineByOrder, planApply, type Decision } from '../../../addin/src/features/merge/merge-review.ts';

const line = (order_id: string, line_id: string, mall_order_id: string): MergePreviewLine => ({
  group: null,
  review: null,
  review_reason: null,
  line_id,
  order_id,
  mall_order_id,
  channel_name: '쿠팡',
  recipient_name: '김합포',
  recipient_address: '서울특별시 강남구 테헤란로 152',
  product_name: '텀블러',
  option_text: null,
  quantity: 1,
  box_id: null,
});
const v = (id: string) => ({ id, version: 1 });

// M1 (a, b) merges for sure; R1 takes in M1 with c; R2 is d with e; R3 is f with g.
const preview: MergePreview = {
  candidates: 7,
  groups: [
    { group: 'M1', orders: [v('a'), v('b')] },
    { group: 'M2', orders: [v('x'), v('y')] },
  ],
  reviews: [
    { review: 'R1', reason: 'phones_differ', clusters: [['a', 'b'], ['c']], orders: [v('a'), v('b'), v('c')] },
    { review: 'R2', reason: 'safe_number', clusters: [['d'], ['e']], orders: [v('d'), v('e')] },
    { review: 'R3', reason: 'details_differ', clusters: [['f'], ['g']], orders: [v('f'), v('g')] },
  ],
  lines: [],
};

describe('firstLineByOrder', () => {
  it('gives each order its first line in the preview', () => {
    const first = firstLineByOrder([line('a', 'l1', '1001'), line('b', 'l2', '1002'), line('a', 'l3', '1001')]);
    assert.equal(first.size, 2);
    assert.equal(first.get('a')!.line_id, 'l1');
    assert.equal(first.get('b')!.line_id, 'l2');
  });
});

describe('planApply', () => {
  it('sends the merge groups alone when nothing is decided', () => {
    const plan = planApply(preview, new Map());
    assert.deepEqual(
      plan.groups.map((g) => g.orders.map((o) => o.id)),
      [
        ['a', 'b'],
        ['x', 'y'],
      ],
    );
    assert.deepEqual(plan.rejected, []);
  });

  it('puts an accepted review group in one box with the merge group it takes in, and remembers the rejected ones', () => {
    const decisions = new Map<string, Decision>([
      ['R1', 'accept'],
      ['R2', 'reject'],
    ]);
    const plan = planApply(preview, decisions);
    assert.deepEqual(
      plan.groups.map((g) => g.orders.map((o) => o.id)),
      [
        ['x', 'y'],
        ['a', 'b', 'c'],
      ],
    );
    assert.deepEqual(
      plan.rejected.map((g) => g.orders.map((o) => o.id)),
      [['d', 'e']],
    );
  });

  it('counts a review group decided again by its last decision', () => {
    const decisions = new Map<string, Decision>([['R3', 'accept']]);
    decisions.set('R3', 'reject');
    const plan = planApply(preview, decisions);
    assert.equal(plan.groups.length, 2);
    assert.deepEqual(
      plan.rejected.map((g) => g.orders.map((o) => o.id)),
      [['f', 'g']],
    );
  });
});
