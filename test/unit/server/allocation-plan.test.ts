// The allocation plan on its own (plan.ts): an order draws stock line by line, and when it does not go ahead under
// its policy what its servable lines drew is given back to the orders after it (일괄배송), held back from them
// (완배송) or allocated (선배송). Lines needing two SKUs, one SKU twice, or one SKU from two warehouses.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { planAllocation, type Available, type PlanOrder } from '../../../server/modules/allocation/plan.ts';

const order = (id: string, day: number, lines: [string, number, [string, number][]][]): PlanOrder => ({
  id,
  priority: false,
  channel: '쿠팡',
  orderDate: `2026-11-${String(day).padStart(2, '0')}`,
  orderedAt: null,
  lines: lines.map(([lineId, quantity, needs]) => ({
    id: lineId,
    quantity,
    amount: 1000,
    needs: needs.map(([skuId, perUnit]) => ({ skuId, perUnit })),
  })),
});

const stock = (rows: [string, string, number][]): Available => {
  const out: Available = new Map();
  for (const [sku, warehouseId, available] of rows) out.set(sku, [...(out.get(sku) ?? []), { warehouseId, available }]);
  return out;
};

// o1 (first by date): line a needs 2 × A (served), line b needs B (none): incomplete. o2 then wants 2 × A.
const orders = [
  order('o1', 1, [
    ['a', 2, [['A', 1]]],
    ['b', 1, [['B', 1]]],
  ]),
  order('o2', 2, [['c', 2, [['A', 1]]]]),
];
const available = stock([['A', 'W1', 3]]);

describe('allocation plan: what an order that does not go ahead leaves for the next', () => {
  it('일괄배송 gives back what its servable lines drew: the next order takes it', () => {
    const plan = planAllocation(orders, available, { policy: 'together', rule: 'date', channels: [] });
    assert.deepEqual(
      plan.orders.map((o) => [o.orderId, o.outcome]),
      [
        ['o1', 'none'],
        ['o2', 'full'],
      ],
    );
    assert.deepEqual(plan.allocations, [{ lineId: 'c', skuId: 'A', warehouseId: 'W1', quantity: 2 }]);
    assert.equal(available.get('A')![0]!.available, 3, 'the stock given is not changed');
  });

  it('완배송 holds it back: the next order finds only what is left', () => {
    const plan = planAllocation(orders, available, { policy: 'complete', rule: 'date', channels: [] });
    assert.deepEqual(
      plan.orders.map((o) => [o.orderId, o.outcome, o.short]),
      [
        ['o1', 'none', ['b']],
        ['o2', 'none', ['c']],
      ],
    );
    assert.deepEqual(plan.allocations, []);
  });

  it('선배송 allocates the servable lines and leaves the short ones to be split off', () => {
    const plan = planAllocation(orders, available, { policy: 'available', rule: 'date', channels: [] });
    assert.deepEqual(
      plan.orders.map((o) => [o.orderId, o.outcome, o.served, o.short]),
      [
        ['o1', 'partial', ['a'], ['b']],
        ['o2', 'none', [], ['c']],
      ],
    );
    assert.deepEqual(plan.allocations, [{ lineId: 'a', skuId: 'A', warehouseId: 'W1', quantity: 2 }]);
  });

  it('선배송 serves the lines of a mall shipment that ships whole together: one short, the others wait with it', () => {
    // o1: a and b in shipment S1 (b short), c in S2 (served), d of no shipment (served); A: 3 units.
    const shipped = order('o1', 1, [
      ['a', 1, [['A', 1]]],
      ['b', 1, [['B', 1]]],
      ['c', 1, [['A', 1]]],
      ['d', 1, [['A', 1]]],
    ]);
    const [a, b, c] = shipped.lines;
    a!.shipment = 'S1';
    b!.shipment = 'S1';
    c!.shipment = 'S2';
    const plan = planAllocation([shipped, order('o2', 2, [['e', 1, [['A', 1]]]])], stock([['A', 'W1', 3]]), {
      policy: 'available',
      rule: 'date',
      channels: [],
    });
    assert.deepEqual(plan.orders[0], { orderId: 'o1', outcome: 'partial', served: ['c', 'd'], short: ['b'], waiting: ['a'] });
    assert.deepEqual(
      plan.allocations.map((x) => x.lineId),
      ['c', 'd', 'e'],
      "a's unit was put back: the next order takes it",
    );
    // The same shipment under 완배송: the order is whole or nothing anyway, as before.
    const complete = planAllocation([shipped], stock([['A', 'W1', 3]]), { policy: 'complete', rule: 'date', channels: [] });
    assert.deepEqual(complete.orders[0], { orderId: 'o1', outcome: 'none', served: [], short: ['b'] });
  });

  it('a line is served whole: its SKUs summed (one named twice), drawn across warehouses in order, or not at all', () => {
    const plan = planAllocation(
      [
        order('o1', 1, [
          [
            'a',
            2,
            [
              ['A', 1],
              ['A', 1],
              ['B', 1],
            ],
          ],
        ]),
        order('o2', 2, [
          [
            'b',
            1,
            [
              ['A', 1],
              ['C', 1],
            ],
          ],
        ]),
        order('o3', 3, [['c', 1, [['A', 1]]]]),
      ],
      stock([
        ['A', 'W1', 3],
        ['A', 'W2', 2],
        ['B', 'W2', 2],
      ]),
      { policy: 'together', rule: 'date', channels: [] },
    );
    assert.deepEqual(
      plan.orders.map((o) => [o.orderId, o.outcome]),
      [
        ['o1', 'full'],
        ['o2', 'none'],
        ['o3', 'full'],
      ],
    );
    assert.deepEqual(plan.allocations, [
      { lineId: 'a', skuId: 'A', warehouseId: 'W1', quantity: 3 },
      { lineId: 'a', skuId: 'A', warehouseId: 'W2', quantity: 1 },
      { lineId: 'a', skuId: 'B', warehouseId: 'W2', quantity: 2 },
      { lineId: 'c', skuId: 'A', warehouseId: 'W2', quantity: 1 },
    ]);
  });
});

describe('allocation plan: the order of service on one day', () => {
  it('orders of the same day go by their time (an order without one first), then by id', () => {
    const at = (o: PlanOrder, orderedAt: string | null): PlanOrder => ({ ...o, orderedAt });
    const one = (id: string) => order(id, 5, [[`${id}-l`, 1, [['A', 1]]]]);
    const plan = planAllocation(
      [
        at(one('o1'), '2026-11-05T09:00:00.000Z'),
        at(one('o2'), '2026-11-05T08:00:00.000Z'),
        at(one('o3'), null),
        at(one('o0'), '2026-11-05T09:00:00.000Z'),
      ],
      stock([['A', 'W1', 3]]),
      { policy: 'complete', rule: 'date', channels: [] },
    );
    assert.deepEqual(
      plan.orders.map((o) => [o.orderId, o.outcome]),
      [
        ['o3', 'full'],
        ['o2', 'full'],
        ['o0', 'full'],
        ['o1', 'none'],
      ],
    );
  });
});

describe('allocation plan: gift lines ride along', () => {
  // o1: its own line a (A) and a gift g (G); o2: a gift-less order after it wanting A.
  const gifted = (giftStock: number, aStock: number, policy: 'complete' | 'together' | 'available') => {
    const o1 = order('o1', 1, [
      ['a', 1, [['A', 1]]],
      ['g', 1, [['G', 1]]],
    ]);
    o1.lines[1]!.gift = true;
    const o2 = order('o2', 2, [['c', 1, [['A', 1]]]]);
    return planAllocation(
      [o1, o2],
      stock([
        ['A', 'W1', aStock],
        ['G', 'W1', giftStock],
      ]),
      { policy, rule: 'date', channels: [] },
    );
  };

  for (const policy of ['complete', 'together', 'available'] as const) {
    it(`${policy}: a gift out of stock neither holds back, splits nor flags its order; it is left unallocated`, () => {
      const plan = gifted(0, 2, policy);
      assert.deepEqual(plan.orders[0], { orderId: 'o1', outcome: 'full', served: ['a'], short: [], giftShort: ['g'] });
      assert.deepEqual(
        plan.allocations.map((a) => a.lineId),
        ['a', 'c'],
      );
    });
  }

  it('a gift in stock is allocated after its order’s own lines', () => {
    const plan = gifted(1, 1, 'complete');
    assert.deepEqual(plan.orders[0], { orderId: 'o1', outcome: 'full', served: ['a', 'g'], short: [] });
    assert.deepEqual(plan.orders[1]!.outcome, 'none');
  });

  it('gifts are served after every order’s own lines: a 1+1 gift never takes the unit a later order pays for', () => {
    const o1 = order('o1', 1, [
      ['a', 1, [['A', 1]]],
      ['g', 1, [['A', 1]]],
    ]);
    o1.lines[1]!.gift = true;
    const o2 = order('o2', 2, [['c', 1, [['A', 1]]]]);
    const plan = planAllocation([o1, o2], stock([['A', 'W1', 2]]), { policy: 'complete', rule: 'date', channels: [] });
    assert.deepEqual(
      plan.orders.map((o) => [o.orderId, o.outcome, o.served, o.giftShort]),
      [
        ['o1', 'full', ['a'], ['g']],
        ['o2', 'full', ['c'], undefined],
      ],
    );
  });

  it('an order that gets no stock takes none for its gift either', () => {
    const plan = gifted(1, 0, 'together');
    assert.deepEqual(plan.orders[0], { orderId: 'o1', outcome: 'none', served: [], short: ['a'] });
    assert.equal(
      plan.allocations.some((a) => a.lineId === 'g'),
      false,
    );
  });
});

describe('allocation plan: a warehouse below zero', () => {
  it('gives nothing and takes nothing from the others', () => {
    const plan = planAllocation(
      [order('o1', 1, [['a', 3, [['A', 1]]]])],
      stock([
        ['A', 'MAIN', -2],
        ['A', 'WA', 3],
      ]),
      { policy: 'complete', rule: 'date', channels: [] },
    );
    assert.deepEqual(plan.allocations, [{ lineId: 'a', skuId: 'A', warehouseId: 'WA', quantity: 3 }]);
  });
});
