// Remembered matches (product_matches + product_match_items) and what the matching lists read: unmatched waiting
// lines grouped by their keys, and SKUs by code, barcode or all of them for suggestions.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../../db/knex.ts';
import { whereIdIn } from '../../db/bulk.ts';

type Conn = Knex | Knex.Transaction;

export type MatchKey = { channel_key: string; product_key: string; option_key: string };
export type MatchRow = MatchKey & {
  id: string;
  product_name: string;
  option_text: string | null;
  sku_summary: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
export type SkuRef = { id: string; code: string; name: string; option_text: string | null };

/** Matching is enforced from the first SKU on (the catalogue is in use); before that no line is ever unmatched. */
export async function catalogueInUse(db: Conn): Promise<boolean> {
  return (await db('skus').first('id')) !== undefined;
}

/** Which of these keys are mall accounts' ids. */
export async function mallAccountIds(db: Conn, keys: readonly string[]): Promise<Set<string>> {
  const rows = (await whereIdIn(db, db('mall_accounts').select('id'), 'id', [...new Set(keys)])) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

export async function skusByCodes(db: Conn, codes: readonly string[]): Promise<SkuRef[]> {
  if (!codes.length) return [];
  return db('skus')
    .select('id', 'code', 'name', 'option_text')
    .whereIn('code', [...new Set(codes)]);
}

/** SKUs whose code or one of whose barcodes is among `values`, with the value that found them. */
export async function skusByCodeOrBarcode(db: Conn, values: readonly string[]): Promise<(SkuRef & { value: string })[]> {
  const unique = [...new Set(values)];
  if (!unique.length) return [];
  const byCode = await db('skus').select('id', 'code', 'name', 'option_text', 'code as value').whereIn('code', unique);
  const byBarcode = await db('sku_barcodes as b')
    .join('skus as s', 's.id', 'b.sku_id')
    .select('s.id', 's.code', 's.name', 's.option_text', 'b.barcode as value')
    .whereIn('b.barcode', unique);
  return [...byCode, ...byBarcode];
}

/** Every SKU's code, name and option (for name suggestions), up to `limit`. */
export async function allSkus(db: Conn, limit: number): Promise<SkuRef[]> {
  return db('skus').select('id', 'code', 'name', 'option_text').whereNot('status', 'discontinued').orderBy('code').limit(limit);
}

export async function findMatchByKey(db: Conn, key: MatchKey, lock: boolean): Promise<MatchRow | undefined> {
  const q = db('product_matches').where(key).first();
  return lock && isPostgres(db as Db) ? q.forUpdate() : q;
}

export async function findMatch(db: Conn, id: string, lock: boolean): Promise<MatchRow | undefined> {
  const q = db('product_matches').where({ id }).first();
  return lock && isPostgres(db as Db) ? q.forUpdate() : q;
}

export async function insertMatch(db: Conn, row: Omit<MatchRow, 'version'>): Promise<void> {
  await db('product_matches').insert({ ...row, version: 1 });
}

export async function updateMatch(db: Conn, id: string, patch: Pick<MatchRow, 'product_name' | 'option_text' | 'sku_summary' | 'updated_at'>) {
  await db('product_matches')
    .where({ id })
    .update({ ...patch, version: db.raw('version + 1') });
}

export async function replaceItems(db: Conn, matchId: string, items: readonly { sku_id: string; quantity: number }[]): Promise<void> {
  await db('product_match_items').where({ match_id: matchId }).delete();
  if (items.length) await db('product_match_items').insert(items.map((i) => ({ match_id: matchId, ...i })));
}

export async function deleteMatch(db: Conn, id: string): Promise<void> {
  await db('product_match_items').where({ match_id: id }).delete();
  await db('product_matches').where({ id }).delete();
}

/** Matches by id (keyset: after `cursor`), optionally those whose product, option, key or SKU code contains `q`. */
export async function listMatches(db: Conn, opts: { q?: string | undefined; cursor?: string | undefined; limit: number }): Promise<MatchRow[]> {
  const q = db('product_matches').select('*').orderBy('id').limit(opts.limit);
  if (opts.cursor) q.where('id', '>', opts.cursor);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q.where((w) =>
      w
        .whereRaw(`product_name like ? escape '\\'`, [like])
        .orWhereRaw(`option_text like ? escape '\\'`, [like])
        .orWhereRaw(`product_key like ? escape '\\'`, [like])
        .orWhereRaw(`sku_summary like ? escape '\\'`, [like]),
    );
  }
  return q;
}

export type MatchItemRow = { match_id: string; sku_code: string; sku_name: string; quantity: number };

export async function itemsOf(db: Conn, matchIds: readonly string[]): Promise<MatchItemRow[]> {
  if (!matchIds.length) return [];
  return db('product_match_items as i')
    .join('skus as s', 's.id', 'i.sku_id')
    .select('i.match_id', 's.code as sku_code', 's.name as sku_name', 'i.quantity')
    .whereIn('i.match_id', [...matchIds])
    .orderBy(['i.match_id', 's.code']);
}
