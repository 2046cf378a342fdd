// Which gift rules hold for an order: pure, over the facts the repo reads, so the conditions are tested one by one
// without a database. Every condition of a rule must hold; a condition left empty always holds.
import type { GiftOrderFacts } from '../orders/gift-orders.repo.ts';

/** A rule's conditions and gift, as stored (SKUs by id). */
export type GiftRule = {
  id: string;
  name: string;
  active: boolean;
  mall_account_ids: string[];
  channel_names: string[];
  sku_ids: string[];
  amount_min: number | null;
  amount_basis: 'paid' | 'order';
  amount_with_shipping: boolean;
  min_quantity: number | null;
  period_from: string | null;
  period_to: string | null;
  gift_sku_id: string;
  gift_quantity: number;
  deduct_stock: boolean;
  version: number;
};

/** What the conditions read of an order (its own lines with their SKUs, the rules that gave it a gift already). */
export type OrderFacts = GiftOrderFacts;

/** The order's amount on the rule's basis: Σ line amounts (paid) or Σ unit price × quantity (order), ± shipping. */
export function amountOf(order: OrderFacts, basis: GiftRule['amount_basis'], withShipping: boolean): number {
  let sum = 0;
  for (const l of order.lines) sum += basis === 'paid' ? l.amount : l.unit_price * l.quantity;
  return sum + (withShipping ? order.shipping_fee : 0);
}

/** Whether every condition of `rule` holds for `order` (and it has not given this order its gift yet). */
export function ruleHolds(rule: GiftRule, order: OrderFacts): boolean {
  if (!rule.active || order.gifted.has(rule.id) || !order.lines.length) return false;
  if (rule.mall_account_ids.length && !(order.mall_account_id && rule.mall_account_ids.includes(order.mall_account_id))) return false;
  if (rule.channel_names.length && !rule.channel_names.includes(order.channel_name)) return false;
  if (rule.period_from && order.order_date < rule.period_from) return false;
  if (rule.period_to && order.order_date > rule.period_to) return false;
  const wanted = rule.sku_ids.length ? new Set(rule.sku_ids) : null;
  const buying = wanted ? order.lines.filter((l) => l.sku_ids.some((s) => wanted.has(s))) : order.lines;
  if (!buying.length) return false;
  if (rule.min_quantity !== null && buying.reduce((n, l) => n + l.quantity, 0) < rule.min_quantity) return false;
  if (rule.amount_min !== null && amountOf(order, rule.amount_basis, rule.amount_with_shipping) < rule.amount_min) return false;
  return true;
}

/** The rules (in the order given) that hold for the order. */
export function rulesFor<R extends GiftRule>(rules: readonly R[], order: OrderFacts): R[] {
  return rules.filter((r) => ruleHolds(r, order));
}
