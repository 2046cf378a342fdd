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
//                      history) to ship later. An order none of whose lines can be served is left whole. The
//                      lines of one mall shipment that must ship whole (Coupang's shipmentBoxId: `shipment`) are
//                      served together or not at all: when one is short, the others wait with it (`waiting`: not
//                      sold out themselves, split off with it), so no shipment ships in parts.
//   together  (일괄배송) as complete for the order itself, but nothing is held back: the stock an incomplete order
//                      could not use goes on to the next orders.
// Lines that cannot be served are flagged sold-out (품절) in every policy.
// Gift lines (사은품) ride along: served only for orders that get stock, after every order's own lines (a gift never
// takes a paying order's unit); a gift the stock cannot cover never holds its order back, splits it or is flagged —
// it is left unallocated (`giftShort`).
import type { AllocationPolicy, OrderRule } from '../../../shared/api/allocation.schema.ts';

export type PlanLine = {
  id: string;
  quantity: number;
  amount: number;
  needs: { skuId: string; perUnit: number }[];
  /** The mall shipment the line must ship whole with (shared/malls.ts WHOLE_SHIPMENT_MALLS), within its order. */
  shipment?: string | undefined;
  /** A gift line (사은품): served only after, and never instead of, its order's own lines. */
  gift?: boolean | undefined;
};
export type PlanOrder = {
  id: string;
  priority: boolean;
  channel: string;
  orderDate: string;
  orderedAt: string | null;
  lines: PlanLine[];
};
/** One SKU's stock, one entry per warehouse in the order they are drawn from. */
type Stocked = { warehouseId: string; available: number }[];
/** Available stock (on hand − allocated) per SKU, one entry per warehouse in the order they are drawn from. */
export type Available = Map<string, Stocked>;

export type Allocation = { lineId: string; skuId: string; warehouseId: string; quantity: number };
export type OrderOutcome = 'full' | 'partial' | 'none';
/**
 * `short`: lines that cannot be served (sold out); `waiting` (선배송 only, rare): lines that could be, left with a
 * short line of their mall shipment — split off with it, not flagged; `giftShort`: gift lines of an order that got
 * stock which the stock could not cover — left as they are.
 */
export type OrderPlan = {
  orderId: string;
  outcome: OrderOutcome;
  served: string[];
  short: string[];
  waiting?: string[];
  giftShort?: string[];
};
export type Plan = { orders: OrderPlan[]; allocations: Allocation[] };

export type PlanOptions = { policy: AllocationPolicy; rule: OrderRule; channels: readonly string[] };

const units = (o: PlanOrder) => o.lines.reduce((n, l) => n + l.quantity, 0);
const amount = (o: PlanOrder) => o.lines.reduce((n, l) => n + l.amount, 0);

/** The orders in the order they are served. */
export function serviceOrder(orders: readonly PlanOrder[], options: Pick<PlanOptions, 'rule' | 'channels'>): PlanOrder[] {
  const rank = new Map(options.channels.map((c, i) => [c, i]));
  // Each order's keys once (50,000 orders are compared about 800,000 times); the date and time compared one after
  // the other, not joined into one string per order (a joined string is flattened again at each comparison).
  const keyed = orders.map((o) => ({
    o,
    priority: Number(o.priority),
    channel: rank.get(o.channel) ?? options.channels.length,
    rule: options.rule === 'quantity' ? units(o) : options.rule === 'amount' ? -amount(o) : 0,
    date: o.orderDate,
    at: o.orderedAt ?? '',
  }));
  keyed.sort(
    (a, b) =>
      b.priority - a.priority ||
      a.channel - b.channel ||
      a.rule - b.rule ||
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
      (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) ||
      (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0),
  );
  return keyed.map((k) => k.o);
}

/** One draw from a warehouse's entry, so an order's draws can be put back when it does not go ahead. */
type Draw = { from: { available: number }; quantity: number };

/** Units of each SKU `line` needs: one entry per SKU (a set may name a SKU once per unit only, but be safe). */
function needsOf(line: PlanLine): { skuId: string; quantity: number }[] {
  const need = new Map<string, number>();
  for (const n of line.needs) need.set(n.skuId, (need.get(n.skuId) ?? 0) + n.perUnit * line.quantity);
  return [...need].map(([skuId, quantity]) => ({ skuId, quantity }));
}

const NONE: Stocked = [];

/** Draws `quantity` of `skuId` from its warehouses in order (the caller checked they hold enough). */
function draw(lineId: string, skuId: string, quantity: number, from: Stocked, out: Allocation[], draws: Draw[]): void {
  let rest = quantity;
  for (const w of from) {
    if (!rest) break;
    const q = Math.min(rest, w.available);
    if (q <= 0) continue;
    w.available -= q;
    rest -= q;
    draws.push({ from: w, quantity: q });
    out.push({ lineId, skuId, warehouseId: w.warehouseId, quantity: q });
  }
}

const total = (ws: Stocked): number => {
  let n = 0;
  // A warehouse below zero (it shipped more than it held) gives nothing, and takes nothing from the others.
  for (const w of ws) if (w.available > 0) n += w.available;
  return n;
};

/**
 * Takes what `line` needs from `left` (changed in place; each draw noted in `draws`, the allocations added to
 * `out`) and answers true, or changes nothing and answers false when some SKU is short. A line of one SKU (most
 * lines) looks its stock up once and makes no list of its needs.
 */
function take(line: PlanLine, left: Available, out: Allocation[], draws: Draw[]): boolean {
  if (line.needs.length === 1) {
    const n = line.needs[0]!;
    const ws = left.get(n.skuId) ?? NONE;
    const quantity = n.perUnit * line.quantity;
    if (total(ws) < quantity) return false;
    draw(line.id, n.skuId, quantity, ws, out, draws);
    return true;
  }
  const needs = needsOf(line);
  for (const n of needs) if (total(left.get(n.skuId) ?? NONE) < n.quantity) return false;
  for (const n of needs) draw(line.id, n.skuId, n.quantity, left.get(n.skuId) ?? NONE, out, draws);
  return true;
}

export function planAllocation(orders: readonly PlanOrder[], available: Available, options: PlanOptions): Plan {
  const left: Available = new Map([...available].map(([sku, ws]) => [sku, ws.map((w) => ({ ...w }))]));
  const plan: Plan = { orders: [], allocations: [] };
  // An order draws from `left` directly; when it does not go ahead its draws are put back (no copy of the stock
  // per order: 50,000 orders).
  const draws: Draw[] = [];
  // Orders that go ahead with gifts: served after every order's own lines, so no gift takes a paying order's unit.
  const withGifts: { plan: OrderPlan; gifts: PlanLine[] }[] = [];
  for (const order of serviceOrder(orders, options)) {
    const served: string[] = [];
    const short: string[] = [];
    const waiting: string[] = [];
    const start = plan.allocations.length;
    draws.length = 0;
    const gifts = order.lines.some((l) => l.gift) ? order.lines.filter((l) => l.gift) : [];
    const own = gifts.length ? { ...order, lines: order.lines.filter((l) => !l.gift) } : order;
    if (options.policy === 'available' && own.lines.some((l) => l.shipment))
      takeShipments(own, left, plan.allocations, draws, { served, short, waiting });
    else
      for (const line of own.lines) {
        if (take(line, left, plan.allocations, draws)) served.push(line.id);
        else short.push(line.id);
      }
    const complete = short.length === 0 && waiting.length === 0;
    const commit = complete || (options.policy === 'available' && served.length > 0) || options.policy === 'complete';
    // complete: an incomplete order's servable lines hold their stock back (reserved) without being allocated.
    if (!commit) for (const d of draws) d.from.available += d.quantity;
    let planned: OrderPlan;
    if (complete) {
      planned = { orderId: order.id, outcome: 'full', served, short };
    } else if (options.policy === 'available' && served.length) {
      planned = { orderId: order.id, outcome: 'partial', served, short, ...(waiting.length ? { waiting } : {}) };
    } else {
      plan.allocations.length = start;
      planned = { orderId: order.id, outcome: 'none', served: [], short, ...(waiting.length ? { waiting } : {}) };
    }
    plan.orders.push(planned);
    if (gifts.length && planned.outcome !== 'none') withGifts.push({ plan: planned, gifts });
  }
  // The gifts, in the orders' service order, from what is left: each served if its stock is there, else left
  // (never split or flagged).
  for (const { plan: planned, gifts } of withGifts) {
    for (const gift of gifts) {
      if (take(gift, left, plan.allocations, draws)) planned.served.push(gift.id);
      else (planned.giftShort ??= []).push(gift.id);
    }
  }
  return plan;
}

/**
 * 선배송 of an order with lines of mall shipments that ship whole: each shipment's lines (at the place of its first)
 * are served together; or what they drew is put back, the lines that cannot be served are short and the others
 * wait with them. Lines of no such shipment one by one, as usual.
 */
function takeShipments(
  order: PlanOrder,
  left: Available,
  out: Allocation[],
  draws: Draw[],
  lists: { served: string[]; short: string[]; waiting: string[] },
): void {
  const done = new Set<string>();
  for (const line of order.lines) {
    if (!line.shipment) {
      (take(line, left, out, draws) ? lists.served : lists.short).push(line.id);
      continue;
    }
    if (done.has(line.shipment)) continue;
    done.add(line.shipment);
    const group = order.lines.filter((l) => l.shipment === line.shipment);
    const drawn = draws.length;
    const allocated = out.length;
    const servable = group.map((l) => take(l, left, out, draws));
    if (servable.every(Boolean)) {
      for (const l of group) lists.served.push(l.id);
      continue;
    }
    for (const d of draws.slice(drawn)) d.from.available += d.quantity;
    draws.length = drawn;
    out.length = allocated;
    group.forEach((l, i) => (servable[i] ? lists.waiting : lists.short).push(l.id));
  }
}
