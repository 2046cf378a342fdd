// SKUs and their barcodes: the catalogue's data access. A barcode row belongs to one SKU (its primary key).
import type { Knex } from 'knex';
import type { SkuStatus } from '../../../shared/api/catalogue.schema.ts';
import { whereIdIn } from '../../db/bulk.ts';
import { isPostgres } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

export type SkuRow = {
  id: string;
  code: string;
  name: string;
  option_text: string | null;
  cost: number;
  price: number;
  status: SkuStatus;
  status_date: string | null;
  limit_quantity: number | null;
  memo: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

export type Sku = Omit<SkuRow, 'created_by'> & { barcodes: string[] };

const SKU_FIELDS = [
  'id',
  'code',
  'name',
  'option_text',
  'cost',
  'price',
  'status',
  'status_date',
  'limit_quantity',
  'memo',
  'version',
  'created_at',
  'updated_at',
] as const;

async function withBarcodes(db: Conn, rows: Omit<SkuRow, 'created_by'>[]): Promise<Sku[]> {
  if (!rows.length) return [];
  const q = db('sku_barcodes').select('sku_id', 'barcode').orderBy(['sku_id', 'created_at', 'barcode']);
  const codes = (await whereIdIn(
    db,
    q,
    'sku_id',
    rows.map((r) => r.id),
  )) as { sku_id: string; barcode: string }[];
  const by = new Map<string, string[]>();
  for (const c of codes) by.set(c.sku_id, [...(by.get(c.sku_id) ?? []), c.barcode]);
  return rows.map((r) => ({ ...r, barcodes: by.get(r.id) ?? [] }));
}

export async function findSku(db: Conn, id: string, options: { lock?: boolean } = {}): Promise<Sku | undefined> {
  const q = db('skus').select(SKU_FIELDS).where({ id }).first();
  if (options.lock && isPostgres(db as Knex)) q.forUpdate();
  const row = (await q) as Omit<SkuRow, 'created_by'> | undefined;
  return row ? (await withBarcodes(db, [row]))[0] : undefined;
}

export async function skusByIds(db: Conn, ids: readonly string[]): Promise<Sku[]> {
  if (!ids.length) return [];
  return withBarcodes(
    db,
    (await db('skus')
      .select(SKU_FIELDS)
      .whereIn('id', [...ids])) as Omit<SkuRow, 'created_by'>[],
  );
}

/** The SKU holding this code, other than `exceptId`. */
export async function skuWithCode(db: Conn, code: string, exceptId?: string): Promise<{ id: string; name: string } | undefined> {
  const q = db('skus').select('id', 'name').where({ code });
  if (exceptId) q.whereNot('id', exceptId);
  return q.first();
}

/** The SKUs holding these codes: code → id and version. */
export async function skusByCodes(db: Conn, codes: readonly string[]): Promise<Map<string, { id: string; version: number }>> {
  if (!codes.length) return new Map();
  const rows = (await whereIdIn(db, db('skus').select('id', 'code', 'version'), 'code', [...new Set(codes)])) as {
    id: string;
    code: string;
    version: number;
  }[];
  return new Map(rows.map((r) => [r.code, { id: r.id, version: r.version }]));
}

/** Of `barcodes`, those that belong to another SKU than `exceptId`, with that SKU's code. */
export async function barcodesTaken(db: Conn, barcodes: readonly string[], exceptId?: string): Promise<{ barcode: string; code: string }[]> {
  if (!barcodes.length) return [];
  const q = db('sku_barcodes as b')
    .join('skus as s', 's.id', 'b.sku_id')
    .select('b.barcode', 's.code')
    .whereIn('b.barcode', [...barcodes]);
  if (exceptId) q.whereNot('b.sku_id', exceptId);
  return q;
}

export async function insertSku(db: Conn, row: SkuRow, barcodes: readonly string[]): Promise<void> {
  await db('skus').insert(row);
  if (barcodes.length) await db('sku_barcodes').insert(barcodes.map((barcode) => ({ barcode, sku_id: row.id, created_at: row.created_at })));
}

/** Writes the changed fields if the SKU is still at `version`; false when it moved (nothing written). */
export async function updateSku(db: Conn, id: string, version: number, patch: Partial<SkuRow>): Promise<boolean> {
  const n = await db('skus')
    .where({ id, version })
    .update({ ...patch, version: version + 1 });
  return n === 1;
}

/** Replaces a SKU's barcodes: those no longer listed go, new ones come. */
export async function replaceBarcodes(db: Conn, skuId: string, before: readonly string[], after: readonly string[], now: string): Promise<void> {
  const gone = before.filter((b) => !after.includes(b));
  const added = after.filter((b) => !before.includes(b));
  if (gone.length) await db('sku_barcodes').where('sku_id', skuId).whereIn('barcode', gone).delete();
  if (added.length) await db('sku_barcodes').insert(added.map((barcode) => ({ barcode, sku_id: skuId, created_at: now })));
}

export type SkuFilter = { q?: string | undefined; status?: string | undefined; after?: string | undefined; limit: number };

/** A page of SKUs in code order: part of a code or name (any case) or a whole barcode; keyset-paged by code. */
export async function listSkus(db: Conn, f: SkuFilter): Promise<{ items: Sku[]; next: string | null }> {
  const q = db('skus')
    .select(SKU_FIELDS)
    .orderBy('code')
    .limit(f.limit + 1);
  if (f.status) q.where('status', f.status);
  if (f.after !== undefined) q.where('code', '>', f.after);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const term = f.q;
    q.where((w) => {
      w.whereRaw(`lower(code) like ? escape '\\'`, [like])
        .orWhereRaw(`lower(name) like ? escape '\\'`, [like])
        .orWhereIn('id', db('sku_barcodes').select('sku_id').where('barcode', term));
    });
  }
  const rows = (await q) as Omit<SkuRow, 'created_by'>[];
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;
  return { items: await withBarcodes(db, page), next: more ? page[page.length - 1]!.code : null };
}

/** The unique constraint a violation was about: a SKU's code or a barcode (PostgreSQL names the table, SQLite the column). */
export function uniqueTarget(error: unknown): 'code' | 'barcodes' {
  const e = error as { table?: unknown; constraint?: unknown; message?: unknown };
  const said = `${String(e.table ?? '')} ${String(e.constraint ?? '')} ${String(e.message ?? '')}`;
  return said.includes('barcode') ? 'barcodes' : 'code';
}
