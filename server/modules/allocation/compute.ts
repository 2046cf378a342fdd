// Computing an allocation from the current rows: the lines waiting for stock, the stock they can draw on (warehouses
// in order), the plan (plan.ts) and its packed form with the versions it was computed from.
import type { Knex } from 'knex';
import type { AllocationPolicy, AllocationRow, OrderRule } from '../../../shared/api/allocation.schema.ts';
import type { Db } from '../../db/knex.ts';
import { OVERLAP_FROM, whileRunning } from '../../db/turns.ts';
import type { PackedPlan } from './carry-out.ts';
import { planAllocation, type Available, type OrderPlan, type Plan, type PlanLine, type PlanOrder } from './plan.ts';
import * as repo from './allocation.repo.ts';

type Conn = Db | Knex.Transaction;

export type ComputeOptions = {
  policy: AllocationPolicy;
  rule: OrderRule;
  channels: string[];
  /** Warehouse ids in the order stock is drawn from; the others follow (default first, then by code). */
  warehouses: string[];
  allocateHeld: boolean;
};

export type Computed = {
  plan: Plan;
  /** With its counts, always (only a plan kept by an older server has none). */
  packed: Required<PackedPlan>;
  lines: repo.CandidateLine[];
  /** Each line's SKUs (by code), and each order's lines. */
  skusOf: Map<string, repo.CandidateSku[]>;
  linesOf: Map<string, repo.CandidateLine[]>;
  warehouseCode: Map<string, string>;
  stock: repo.StockSnapshot[];
};

export async function computeAllocation(db: Conn, options: ComputeOptions, lineIds?: readonly string[]): Promise<Computed> {
  const lines = await repo.candidateLineRows(db, { allocateHeld: options.allocateHeld, lineIds });
  const big = lines.length >= OVERLAP_FROM;
  const orders = new Map<string, PlanOrder>();
  const linesOf = new Map<string, repo.CandidateLine[]>();
  const planLines: PlanLine[] = new Array(lines.length);
  // The lines' SKUs are read while the lines are grouped into their orders (100,000 lines: tens of milliseconds).
  const [skus] = await whileRunning(
    repo.candidateSkus(db, lines),
    () => {
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        let o = orders.get(l.order_id);
        if (!o) {
          o = { id: l.order_id, priority: l.priority, channel: l.channel_name, orderDate: l.order_date, orderedAt: l.ordered_at, lines: [] };
          orders.set(l.order_id, o);
          linesOf.set(l.order_id, [l]);
        } else linesOf.get(l.order_id)!.push(l);
        // Its needs are filled in once the SKUs are read.
        planLines[i] = { id: l.id, quantity: l.quantity, amount: l.amount, needs: [], shipment: l.shipment ?? undefined, gift: l.gift };
        o.lines.push(planLines[i]!);
      }
    },
    big,
  );

  const all = await repo.activeWarehouses(db);
  const asked = new Map(options.warehouses.map((id, i) => [id, i]));
  const order = all
    .map((w, i) => ({ w, rank: asked.get(w.id) ?? options.warehouses.length + i }))
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.w);
  const rank = new Map(order.map((w, i) => [w.id, i]));
  const skuCode = new Map(skus.map((s) => [s.sku_id, s.code]));
  const skuIds = [...skuCode.keys()];
  // Each line's SKUs, grouped once (the plan and the preview's rows both walk them) while the stock is read.
  const skusOf = new Map<string, repo.CandidateSku[]>();
  const [readStock] = await whileRunning(
    repo.availableStock(db, skuIds),
    () => {
      for (const s of skus) {
        const list = skusOf.get(s.line_id);
        if (list) list.push(s);
        else skusOf.set(s.line_id, [s]);
      }
      // A line's SKUs by code: the order its preview rows show them and it draws them in.
      for (const list of skusOf.values()) if (list.length > 1) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      for (const line of planLines) {
        const list = skusOf.get(line.id);
        if (list) line.needs = list.map((s) => ({ skuId: s.sku_id, perUnit: s.per_unit }));
      }
    },
    big,
  );

  const stock = readStock.filter((r) => rank.has(r.warehouse_id));
  stock.sort((a, b) => rank.get(a.warehouse_id)! - rank.get(b.warehouse_id)!);
  const available: Available = new Map();
  for (const r of stock) {
    const list = available.get(r.sku_id) ?? [];
    list.push({ warehouseId: r.warehouse_id, available: r.on_hand - r.allocated });
    available.set(r.sku_id, list);
  }
  const plan = planAllocation([...orders.values()], available, { policy: options.policy, rule: options.rule, channels: options.channels });

  const warehouseCode = new Map(all.map((w) => [w.id, w.code]));
  const packed: Required<PackedPlan> = {
    lines: lines.map((l) => [l.id, l.version, l.order_id]),
    stock: stock.map((r) => [
      r.sku_id,
      r.warehouse_id,
      r.version,
      skuCode.get(r.sku_id) ?? r.sku_id,
      warehouseCode.get(r.warehouse_id) ?? r.warehouse_id,
    ]),
    allocs: plan.allocations.map((a) => [a.lineId, a.skuId, a.warehouseId, a.quantity]),
    splits: plan.orders.filter((o) => o.outcome === 'partial').map((o) => [o.orderId, splitOff(o, linesOf)]),
    short: plan.orders.flatMap((o) => o.short),
    counts: countsOf(plan, lines.length),
  };
  return { plan, packed, lines, skusOf, linesOf, warehouseCode, stock };
}

/** The lines a partial order's split moves: the short ones and those waiting with them, in the order's line order. */
function splitOff(o: OrderPlan, linesOf: Map<string, repo.CandidateLine[]>): string[] {
  if (!o.waiting) return o.short;
  const moved = new Set([...o.short, ...o.waiting]);
  return (linesOf.get(o.orderId) ?? []).filter((l) => moved.has(l.id)).map((l) => l.id);
}

/** The preview's rows: one per line and SKU, orders in the order they are served. */
export function previewRows(c: Computed): AllocationRow[] {
  // A line's allocations are next to each other in the plan (it is served whole, at once): the first of each.
  const allocations = c.plan.allocations;
  const firstOf = new Map<string, number>();
  for (let i = 0; i < allocations.length; i++)
    if (i === 0 || allocations[i - 1]!.lineId !== allocations[i]!.lineId) firstOf.set(allocations[i]!.lineId, i);
  const rows: AllocationRow[] = [];
  for (const o of c.plan.orders) {
    const short = o.short.length ? new Set(o.short) : null;
    const waiting = o.waiting ? new Set(o.waiting) : null;
    const giftShort = o.giftShort ? new Set(o.giftShort) : null;
    for (const l of c.linesOf.get(o.orderId) ?? []) {
      const lineOutcome =
        o.outcome === 'partial' && (short?.has(l.id) || waiting?.has(l.id))
          ? 'split'
          : short?.has(l.id)
            ? 'short'
            : giftShort?.has(l.id)
              ? 'gift_short'
              : o.outcome === 'none' || waiting?.has(l.id)
                ? 'waiting'
                : 'allocated';
      const first = firstOf.get(l.id);
      for (const s of c.skusOf.get(l.id) ?? []) {
        // What this line × SKU got: units, and the warehouses they come from (usually one).
        let allocated = 0;
        let warehouse = '';
        for (let i = first ?? allocations.length; i < allocations.length && allocations[i]!.lineId === l.id; i++) {
          const a = allocations[i]!;
          if (a.skuId !== s.sku_id) continue;
          allocated += a.quantity;
          const code = c.warehouseCode.get(a.warehouseId) ?? a.warehouseId;
          if (!warehouse) warehouse = code;
          else if (!warehouse.split(', ').includes(code)) warehouse += `, ${code}`;
        }
        rows.push({
          order_id: l.order_id,
          mall_order_id: l.mall_order_id,
          channel_name: l.channel_name,
          line_id: l.id,
          line_version: l.version,
          product_name: l.product_name,
          option_text: l.option_text,
          sku_code: s.code,
          need: s.per_unit * l.quantity,
          warehouse,
          allocated,
          outcome: o.outcome,
          line_outcome: lineOutcome,
        });
      }
    }
  }
  return rows;
}

/**
 * The plan's counts (its preview's and its apply's answer), in one pass over the orders and one over the allocations
 * (a line's are next to each other).
 */
function countsOf(plan: Plan, lines: number) {
  let full = 0;
  let partial = 0;
  let none = 0;
  let split = 0;
  let short = 0;
  let giftsShort = 0;
  for (const o of plan.orders) {
    giftsShort += o.giftShort?.length ?? 0;
    if (o.outcome === 'full') full++;
    else if (o.outcome === 'partial') {
      partial++;
      split += o.short.length + (o.waiting?.length ?? 0);
    } else {
      none++;
      short += o.short.length;
    }
  }
  let allocatedLines = 0;
  let units = 0;
  let last: string | undefined;
  for (const a of plan.allocations) {
    units += a.quantity;
    if (a.lineId !== last) {
      allocatedLines++;
      last = a.lineId;
    }
  }
  return {
    orders: plan.orders.length,
    full,
    partial,
    none,
    lines,
    lines_allocated: allocatedLines,
    lines_split: split,
    lines_short: short,
    gifts_short: giftsShort,
    units,
  };
}
