// The storefront queue: a SKU's status change waiting for each mall product it is sold as. The mall products of a
// SKU are the remembered matches of mall accounts (channel_key is the account id) whose items name the SKU.
import type { Knex } from 'knex';

type Conn = Knex | Knex.Transaction;

export type MallProduct = { mall_account_id: string; product_key: string; option_key: string };

/** Every mall product (per mall account) matched to the SKU, alone or in a set. */
export async function mallProductsOf(db: Conn, skuId: string): Promise<MallProduct[]> {
  return db('product_matches as m')
    .join('product_match_items as i', 'i.match_id', 'm.id')
    .join('mall_accounts as a', 'a.id', 'm.channel_key')
    .where('i.sku_id', skuId)
    .distinct('a.id as mall_account_id', 'm.product_key', 'm.option_key')
    .orderBy(['a.id', 'm.product_key', 'm.option_key']);
}

export type StorefrontInsert = {
  sku_id: string;
  mall_account_id: string;
  mall_product_id: string;
  mall_option_id: string | null;
  change: string;
  quantity: number | null;
  state: string;
  detail: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** Inserts one entry and returns its id. */
export async function insertChange(db: Conn, row: StorefrontInsert): Promise<number> {
  const [out] = (await db('storefront_changes').insert(row).returning('id')) as ({ id: number } | number)[];
  return typeof out === 'number' ? out : out!.id;
}

/** Marks the older entries of the same mall product that were never sent as superseded by `byId`. */
export async function supersede(db: Conn, row: StorefrontInsert, byId: number, detail: string): Promise<void> {
  const q = db('storefront_changes')
    .where({ mall_account_id: row.mall_account_id, mall_product_id: row.mall_product_id })
    .whereIn('state', ['queued', 'no_connector'])
    .whereNot('id', byId);
  if (row.mall_option_id === null) q.whereNull('mall_option_id');
  else q.where('mall_option_id', row.mall_option_id);
  await q.update({ state: 'superseded', detail, updated_at: row.updated_at });
}

export type ChangeFilter = { state?: string | undefined; skuId?: string | undefined; beforeId?: number | undefined; limit: number };

/** Newest first, keyset-paged by id, with each entry's SKU code. */
export async function listChanges(db: Conn, f: ChangeFilter) {
  const q = db('storefront_changes as c')
    .join('skus as s', 's.id', 'c.sku_id')
    .select('c.*', 's.code as sku_code')
    .orderBy('c.id', 'desc')
    .limit(f.limit + 1);
  if (f.state) q.where('c.state', f.state);
  if (f.skuId) q.where('c.sku_id', f.skuId);
  if (f.beforeId) q.where('c.id', '<', f.beforeId);
  const rows = (await q) as (StorefrontInsert & { id: number; sku_code: string })[];
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  return { rows: page, next: more ? page[page.length - 1]!.id : null };
}
