// The allocation plan, pure: which released lines get which stock, in which order, under which policy. No database
// here, so the rules are tested on their own and the preview and the sold-out re-allocation compute the same thing.
//
// Order of service: orders with the priority flag first, then by the channel priority list (channels not on it
// after those on it), then by the chosen rule — order date (oldest first), quantity (fewest units first, so more
// orders ship) or amount (largest first) — then order date and id, so the order is total and repeatable.
// Stock: per SKU, warehouses in the given order (the default first, then by code, unless the request names one).
// A line is served whole or not at all (its SKUs × its quantity); one SKU of a line may come from several warehouses.
//
// Policies (seed 003):
//   complete  (완배송)  an order gets stock only if every line can be served. An order that cannot be completed
//                      still keeps its place: the stock its servable lines would take is held back from the orders
//                      after it in this run (reserved, not allocated), so later, smaller orders never overtake it.
//   available (선배송)  the lines that can be served get stock now; the rest move to a new order (split, with
//                      history) to ship later. An order none of whose lines can be served is left whole.
//   together  (일괄배송) as complete for the order itself, but nothing is held back: the stock an incomplete order
//                      could not use goes on to the next orders.
// Lines that cannot be served are flagged sold-out (품절) in every policy.
import type { AllocationPolicy, OrderRule } from '../../../shared/api/allocation.schema.ts';

export type PlanLine = { id: string; quantity: number; amount: number; needs: { skuId: string; perUnit: number }[] };
export type PlanOrder = {
  id: string;
  priority: boolean;
  channel: string;
  orderDate: string;
  orderedAt: string | null;
  lines: PlanLine[];
};
/** Available stock (on hand − allocated) per SKU, one entry per warehouse in the order they are drawn from. */
export type Available = Map<string, { warehouseId: string; available: number }[]>;

export type Allocation = { lineId: string; skuId: string; warehouseId: string; quantity: number };
export type OrderOutcome = 'full' | 'partial' | 'none';
export type OrderPlan = { orderId: string; outcome: OrderOutcome; served: string[]; short: string[] };
export type Plan = { orders: OrderPlan[]; allocations: Allocation[] };

export type PlanOptions = { policy: AllocationPolicy; rule: OrderRule; channels: readonly string[] };

const units = (o: PlanOrder) => o.lines.reduce((n, l) => n + l.quantity, 0);
const amount = (o: PlanOrder) => o.lines.reduce((n, l) => n + l.amount, 0);

/** The orders in the order they are served. */
export function serviceOrder(orders: readonly PlanOrder[], options: Pick<PlanOptions, 'rule' | 'channels'>): PlanOrder[] {
  const rank = new Map(options.channels.map((c, i) => [c, i]));
  // Each order's keys once (50,000 orders are compared about 800,000 times).
  const keyed = orders.map((o) => ({
    o,
    priority: Number(o.priority),
    channel: rank.get(o.channel) ?? options.channels.length,
    rule: options.rule === 'quantity' ? units(o) : options.rule === 'amount' ? -amount(o) : 0,
    date: `${o.orderDate}|${o.orderedAt ?? ''}`,
  }));
  keyed.sort(
    (a, b) =>
      b.priority - a.priority ||
      a.channel - b.channel ||
      a.rule - b.rule ||
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0),
  );
  return keyed.map((k) => k.o);
}

/**
 * Takes what `line` needs from `left` (changed in place), or changes nothing and answers null when some SKU is
 * short. The needs of one line are summed per SKU first (a set may name a SKU once per unit only, but be safe).
 */
function take(line: PlanLine, left: Available): Allocation[] | null {
  const need = new Map<string, number>();
  for (const n of line.needs) need.set(n.skuId, (need.get(n.skuId) ?? 0) + n.perUnit * line.quantity);
  for (const [skuId, qty] of need) {
    const total = (left.get(skuId) ?? []).reduce((s, w) => s + w.available, 0);
    if (total < qty) return null;
  }
  const out: Allocation[] = [];
  for (const [skuId, qty] of need) {
    let rest = qty;
    for (const w of left.get(skuId) ?? []) {
      if (!rest) break;
      const q = Math.min(rest, w.available);
      if (q <= 0) continue;
      w.available -= q;
      rest -= q;
      out.push({ lineId: line.id, skuId, warehouseId: w.warehouseId, quantity: q });
    }
  }
  return out;
}

/** A copy of the entries of the SKUs these lines need, so an order can be tried without touching `left`. */
function scratch(lines: readonly PlanLine[], left: Available): Available {
  const out: Available = new Map();
  for (const l of lines)
    for (const n of l.needs)
      if (!out.has(n.skuId))
        out.set(
          n.skuId,
          (left.get(n.skuId) ?? []).map((w) => ({ ...w })),
        );
  return out;
}

export function planAllocation(orders: readonly PlanOrder[], available: Available, options: PlanOptions): Plan {
  const left: Available = new Map([...available].map(([sku, ws]) => [sku, ws.map((w) => ({ ...w }))]));
  const plan: Plan = { orders: [], allocations: [] };
  for (const order of serviceOrder(orders, options)) {
    const trial = scratch(order.lines, left);
    const served: string[] = [];
    const short: string[] = [];
    const taken: Allocation[] = [];
    for (const line of order.lines) {
      const got = take(line, trial);
      if (got) {
        served.push(line.id);
        taken.push(...got);
      } else short.push(line.id);
    }
    const complete = short.length === 0;
    const commit = complete || (options.policy === 'available' && served.length > 0) || options.policy === 'complete';
    // complete: an incomplete order's servable lines hold their stock back (reserved) without being allocated.
    if (commit) for (const [sku, ws] of trial) left.set(sku, ws);
    if (complete) {
      plan.allocations.push(...taken);
      plan.orders.push({ orderId: order.id, outcome: 'full', served, short });
    } else if (options.policy === 'available' && served.length) {
      plan.allocations.push(...taken);
      plan.orders.push({ orderId: order.id, outcome: 'partial', served, short });
    } else {
      plan.orders.push({ orderId: order.id, outcome: 'none', served: [], short });
    }
  }
  return plan;
}
