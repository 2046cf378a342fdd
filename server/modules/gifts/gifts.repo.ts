// Gift rules and the batches that applied them. The only place gift queries are written; gifts.service decides
// what they mean. The orders gifts may go to, and the gift lines themselves, are the orders module's
// (orders/gift-orders.repo.ts, orders/gift-lines.ts).
import type { Knex } from 'knex';
import { insertMany, selectWhereIn, whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';
import { packText, unpackText } from '../../db/packed-text.ts';
import type { GiftRule } from './gift-match.ts';

type Conn = Knex | Knex.Transaction;

/** A rule row with its SKUs' codes and the gift's name, for the API. */
export type RuleRecord = GiftRule & {
  sku_codes: string[];
  gift_sku_code: string;
  gift_sku_name: string;
  /** The gift SKU's option (its gift lines show it); not part of the rule's view. */
  gift_sku_option: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

const list = (v: unknown): string[] => (typeof v === 'string' && v ? (JSON.parse(v) as string[]) : []);

/**
 * The rules (those named, or all), oldest first. `lock`: 'share' while gift lines naming them are added (a delete of
 * one waits, or is seen: the gift line's foreign key would otherwise fail), 'update' while one is deleted (PostgreSQL).
 */
export async function listRules(db: Conn, ids?: readonly string[], lock?: 'share' | 'update'): Promise<RuleRecord[]> {
  const q = db('gift_rules as r')
    .join('skus as s', 's.id', 'r.gift_sku_id')
    .select('r.*', 's.code as gift_sku_code', 's.name as gift_sku_name', 's.option_text as gift_sku_option');
  if (ids) whereIdIn(db, q, 'r.id', ids);
  if (lock && isPostgres(db as Knex)) {
    if (lock === 'share') q.forShare('r');
    else q.forUpdate('r');
  }
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
    .update({ ...columnsOf(patch), version: db.raw('version + 1'), updated_at: now });
  return n === 1;
}

export async function deleteRule(db: Conn, id: string, version: number): Promise<boolean> {
  return (await db('gift_rules').where({ id, version }).delete()) === 1;
}

/** SKU ids by code, for the codes that exist. */
export async function skusByCode(db: Conn, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = (await selectWhereIn(db, 'skus', 'code', [...codes], ['id', 'code'])) as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.code, r.id]));
}

// ---- batches ---------------------------------------------------------------------------------------------------

/** What undo needs of a batch: per order, its version after the apply and the gift lines it added (stored packed: packed-text.ts). */
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
  await insertMany(db, 'gift_batches', [{ ...b, undo: await packText(JSON.stringify(b.undo)) }]);
}

export async function findBatch(db: Conn, id: string, lock = false): Promise<BatchRecord | undefined> {
  const q = db('gift_batches').where({ id }).first();
  if (lock && isPostgres(db as Knex)) q.forUpdate();
  const row = (await q) as (Omit<BatchRecord, 'undo'> & { undo: string }) | undefined;
  return row ? { ...row, undo: JSON.parse(await unpackText(row.undo)) as UndoEntry[] } : undefined;
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
