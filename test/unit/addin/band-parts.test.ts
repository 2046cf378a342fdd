// A selection larger than one call takes goes in parts (band-numbers.ts partsByOrder): an order's rows are never split
// between two parts, nor does a part hold more rows or orders than asked.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { partsByOrder } from '../../../addin/src/features/invoices/band-numbers.ts';

describe('partsByOrder', () => {
  const rows = (orders: number, per: number) => Array.from({ length: orders * per }, (_, i) => ({ id: `l${i}`, order: `o${Math.floor(i / per)}` }));

  it('keeps each order whole, within the row and order limits, in the selection order', () => {
    const parts = partsByOrder(rows(7, 3), (r) => r.order, 10);
    assert.deepEqual(
      parts.map((p) => p.length),
      [9, 9, 3],
    );
    for (const p of parts) assert.ok(new Set(p.map((r) => r.order)).size * 3 === p.length, 'whole orders');
    assert.deepEqual(
      parts.flat().map((r) => r.id),
      rows(7, 3).map((r) => r.id),
    );
    assert.deepEqual(
      partsByOrder(rows(5, 1), (r) => r.order, 100, 2).map((p) => p.length),
      [2, 2, 1],
    );
  });

  it("an order's rows scattered in the selection go together; an order larger than a part is a part of its own", () => {
    const scattered = [
      { id: 'a1', order: 'A' },
      { id: 'b1', order: 'B' },
      { id: 'a2', order: 'A' },
    ];
    assert.deepEqual(
      partsByOrder(scattered, (r) => r.order, 2).map((p) => p.map((r) => r.id)),
      [['a1', 'a2'], ['b1']],
    );
    assert.deepEqual(
      partsByOrder(rows(1, 5), (r) => r.order, 2).map((p) => p.length),
      [5],
    );
  });
});
