// The orders gift rules may apply to, with what the rules' conditions read of them (server/modules/gifts decides),
// and whether a rule has added gift lines. Order tables are read only inside the orders module.
import type { Knex } from 'knex';
import { selectPacked, selectWhereIn, whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

/** What gift conditions read of an order: its own lines (not gifts, not canceled) and the rules that gave it a gift. */
export type GiftOrderFacts = {
  id: string;
  mall_account_id: string | null;
  channel_name: string;
  /** KST day of payment. */
  order_date: string;
  shipping_fee: number;
  lines: { quantity: number; unit_price: number; amount: number; sku_ids: string[] }[];
  /** Rules with a gift line (not canceled) in the order already. */
  gifted: ReadonlySet<string>;
};

/** An order a gift may be added to, with its own lines' facts and what keeps it from gifts. */
export type GiftCandidate = GiftOrderFacts & {
  version: number;
  mall_order_id: string | null;
  /** Whether every own line waits in NEW / READY, matched, not invoiced, and the order is not on hold. */
  eligible: boolean;
};

const OPEN = ['NEW', 'READY'];

/**
 * Orders (the ones named, or every live order with a NEW or READY line) with their lines and the SKUs each line
 * needs. `lock` reads the orders under lock (PostgreSQL) in id order: apply decides on these rows.
 */
export async function giftCandidates(db: Conn, orderIds: readonly string[] | null, lock = false): Promise<GiftCandidate[]> {
  const q = db('orders')
    .select('id', 'version', 'mall_account_id', 'mall_order_id', 'channel_name', 'order_date', 'shipping_fee', 'hold')
    .whereNull('deleted_at')
    .orderBy('id');
  if (orderIds) whereIdIn(db, q, 'id', orderIds);
  else q.whereExists(db('order_lines as l').select(db.raw('1')).whereRaw('l.order_id = orders.id').whereIn('l.status', OPEN));
  if (lock && isPostgres(db as Knex)) q.forUpdate();
  const orders = (await q) as (Record<string, unknown> & { id: string })[];
  const ids = orders.map((o) => o.id);
  const lines = (await selectWhereIn(db, 'order_lines', 'order_id', ids, [
    'id',
    'order_id',
    'status',
    'quantity',
    'unit_price',
    'amount',
    'unmatched',
    'box_id',
    'gift_rule_id',
  ])) as {
    id: string;
    order_id: string;
    status: string;
    quantity: number;
    unit_price: number;
    amount: number;
    unmatched: unknown;
    gift_rule_id: string | null;
  }[];
  const skus = new Map<string, string[]>();
  const ownIds = lines.filter((l) => !l.gift_rule_id).map((l) => l.id);
  // line_skus has no id column (selectWhereIn orders by id): read through selectPacked.
  const lineSkus = ownIds.length
    ? await selectPacked(db, whereIdIn(db, db('line_skus').select('line_id', 'sku_id'), 'line_id', ownIds), ['line_id', 'sku_id'])
    : [];
  for (const s of lineSkus as { line_id: string; sku_id: string }[]) {
    const had = skus.get(s.line_id);
    if (had) had.push(s.sku_id);
    else skus.set(s.line_id, [s.sku_id]);
  }
  const byOrder = new Map<string, GiftCandidate>();
  for (const o of orders) {
    byOrder.set(o.id, {
      id: o.id,
      version: o.version as number,
      mall_account_id: (o.mall_account_id as string | null) ?? null,
      mall_order_id: (o.mall_order_id as string | null) ?? null,
      channel_name: o.channel_name as string,
      order_date: o.order_date as string,
      shipping_fee: o.shipping_fee as number,
      lines: [],
      gifted: new Set<string>(),
      eligible: !o.hold,
    });
  }
  for (const l of lines) {
    const c = byOrder.get(l.order_id)!;
    if (l.gift_rule_id) {
      if (l.status !== 'CANCELED') (c.gifted as Set<string>).add(l.gift_rule_id);
      continue;
    }
    if (l.status === 'CANCELED') continue;
    const own = skus.get(l.id) ?? [];
    // Not yet invoiced and matched: a line past READY, unmatched or without SKUs keeps the whole order from gifts.
    if (!OPEN.includes(l.status) || l.unmatched || !own.length) c.eligible = false;
    c.lines.push({ quantity: l.quantity, unit_price: l.unit_price, amount: l.amount, sku_ids: own });
  }
  return [...byOrder.values()];
}

/** Whether a rule has added gift lines (which name it). */
export async function ruleHasGiftLines(db: Conn, ruleId: string): Promise<boolean> {
  return !!(await db('order_lines').where({ gift_rule_id: ruleId }).first('id'));
}
