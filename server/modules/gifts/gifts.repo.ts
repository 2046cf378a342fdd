// Gift rules, the orders they may apply to (with what the conditions read of them) and the batches that applied
// them. The only place gift queries are written; gifts.service decides what they mean. Gift lines themselves are
// written by the orders module (orders/gift-lines.ts).
import type { Knex } from 'knex';
import { insertMany, selectPacked, selectWhereIn, whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';
import type { GiftRule, OrderFacts } from './gift-match.ts';

type Conn = Knex | Knex.Transaction;

/** A rule row with its SKUs' codes and the gift's name, for the API. */
export type RuleRecord = GiftRule & {
  sku_codes: string[];
  gift_sku_code: string;
  gift_sku_name: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

const list = (v: unknown): string[] => (typeof v === 'string' && v ? (JSON.parse(v) as string[]) : []);

export async function listRules(db: Conn, ids?: readonly string[]): Promise<RuleRecord[]> {
  const q = db('gift_rules as r').join('skus as s', 's.id', 'r.gift_sku_id').select('r.*', 's.code as gift_sku_code', 's.name as gift_sku_name');
  if (ids) whereIdIn(db, q, 'r.id', ids);
  const rows = (await q.orderBy('r.id')) as Record<string, unknown>[];
  const skuIds = [...new Set(rows.flatMap((r) => list(r.sku_ids)))];
  const codes = new Map(
    ((await selectWhereIn(db, 'skus', 'id', skuIds, ['id', 'code'])) as { id: string; code: string }[]).map((s) => [s.id, s.code]),
  );
  return rows.map((r) => {
    const skus = list(r.sku_ids);
    return {
      ...(r as unknown as RuleRecord),
      active: !!r.active,
      amount_with_shipping: !!r.amount_with_shipping,
      deduct_stock: !!r.deduct_stock,
      mall_account_ids: list(r.mall_account_ids),
      channel_names: list(r.channel_names),
      sku_ids: skus,
      sku_codes: skus.map((id) => codes.get(id) ?? id),
    };
  });
}

/** The columns of a rule as stored: lists as JSON text. */
export type RuleColumns = Omit<GiftRule, 'id' | 'version'>;
const columnsOf = (r: Partial<RuleColumns>): Record<string, unknown> => {
  const out: Record<string, unknown> = { ...r };
  for (const k of ['mall_account_ids', 'channel_names', 'sku_ids'] as const) if (r[k]) out[k] = JSON.stringify(r[k]);
  return out;
};

export async function insertRule(db: Conn, row: RuleColumns & { id: string; created_by: string | null; created_at: string }): Promise<void> {
  await db('gift_rules').insert({ ...columnsOf(row), version: 1, updated_at: row.created_at });
}

/** Updates a rule at `version`; false when it moved (or is gone). */
export async function updateRule(db: Conn, id: string, version: number, patch: Partial<RuleColumns>, now: string): Promise<boolean> {
  const n = await db('gift_rules')
    .where({ id, version })
    .update({ ...columnsOf(patch), version: version + 1, updated_at: now });
  return n === 1;
}

export async function deleteRule(db: Conn, id: string, version: number): Promise<boolean> {
  return (await db('gift_rules').where({ id, version }).delete()) === 1;
}

export async function ruleInUse(db: Conn, id: string): Promise<boolean> {
  return !!(await db('order_lines').where({ gift_rule_id: id }).first('id'));
}

/** SKU ids by code, for the codes that exist. */
export async function skusByCode(db: Conn, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = (await selectWhereIn(db, 'skus', 'code', [...codes], ['id', 'code'])) as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}

// ---- the orders rules may apply to -----------------------------------------------------------------------------

/** An order a gift may be added to, with its own lines' facts and what keeps it from gifts. */
export type Candidate = OrderFacts & {
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
export async function candidates(db: Conn, orderIds: readonly string[] | null, lock = false): Promise<Candidate[]> {
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
  const byOrder = new Map<string, Candidate>();
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

// ---- batches ---------------------------------------------------------------------------------------------------

/** What undo needs of a batch: per order, its version after the apply and the gift lines it added. */
export type UndoEntry = [orderId: string, versionAfter: number, lineIds: string[]];
export type BatchRecord = {
  id: string;
  orders: number;
  lines: number;
  undo: UndoEntry[];
  created_by: string | null;
  created_at: string;
  undone_at: string | null;
  undone_by: string | null;
};

export async function insertBatch(db: Conn, b: Omit<BatchRecord, 'undone_at' | 'undone_by'>): Promise<void> {
  await insertMany(db, 'gift_batches', [{ ...b, undo: JSON.stringify(b.undo) }]);
}

export async function findBatch(db: Conn, id: string, lock = false): Promise<BatchRecord | undefined> {
  const q = db('gift_batches').where({ id }).first();
  if (lock && isPostgres(db as Knex)) q.forUpdate();
  const row = (await q) as (Omit<BatchRecord, 'undo'> & { undo: string }) | undefined;
  return row ? { ...row, undo: JSON.parse(row.undo) as UndoEntry[] } : undefined;
}

export async function listBatches(db: Conn, limit: number): Promise<Omit<BatchRecord, 'undo'>[]> {
  return db('gift_batches')
    .select('id', 'orders', 'lines', 'created_by', 'created_at', 'undone_at', 'undone_by')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
}

export async function markUndone(db: Conn, id: string, by: string | null, at: string): Promise<void> {
  await db('gift_batches').where({ id }).update({ undone_at: at, undone_by: by });
}
