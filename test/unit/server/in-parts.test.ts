import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { inParts } from '../../../server/jobs/in-parts.ts';

describe('inParts', () => {
  it('cuts items into parts of the size, the last one shorter', () => {
    assert.deepEqual(inParts([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(inParts([], 2), []);
  });

  it('never splits a group: a part ends early rather than cut one, and a group bigger than the size is a part of its own', () => {
    const lines = [
      { id: 'a1', order: 'A' },
      { id: 'b1', order: 'B' },
      { id: 'a2', order: 'A' },
      { id: 'c1', order: 'C' },
      { id: 'c2', order: 'C' },
      { id: 'c3', order: 'C' },
      { id: 'd1', order: 'D' },
    ];
    const parts = inParts(lines, 3, (l) => l.order).map((part) => part.map((l) => l.id));
    assert.deepEqual(parts, [['a1', 'a2', 'b1'], ['c1', 'c2', 'c3'], ['d1']]);
    assert.deepEqual(
      inParts(lines, 2, (l) => l.order).map((part) => part.map((l) => l.id)),
      [['a1', 'a2'], ['b1'], ['c1', 'c2', 'c3'], ['d1']],
    );
  });
});
