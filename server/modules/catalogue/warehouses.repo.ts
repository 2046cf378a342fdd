// Warehouses and stores (a store is a warehouse of kind 'store'); exactly one is the default.
import type { Knex } from 'knex';
import { isPostgres } from '../../db/knex.ts';

type Conn = Knex | Knex.Transaction;

export type WarehouseRow = {
  id: string;
  code: string;
  name: string;
  kind: 'warehouse' | 'store';
  is_default: boolean;
  active: boolean;
  version: number;
  created_at: string;
  updated_at: string;
};

const toWarehouse = (r: Record<string, unknown>) => ({ ...r, is_default: !!r.is_default, active: !!r.active }) as WarehouseRow;

export async function listWarehouses(db: Conn): Promise<WarehouseRow[]> {
  return (await db('warehouses').orderBy([{ column: 'is_default', order: 'desc' }, 'code'])).map(toWarehouse);
}

export async function findWarehouse(db: Conn, id: string, options: { lock?: boolean } = {}): Promise<WarehouseRow | undefined> {
  const q = db('warehouses').where({ id }).first();
  if (options.lock && isPostgres(db as Knex)) q.forUpdate();
  const r = await q;
  return r ? toWarehouse(r) : undefined;
}

export async function warehouseWithCode(db: Conn, code: string, exceptId?: string): Promise<{ id: string } | undefined> {
  const q = db('warehouses').select('id').where({ code });
  if (exceptId) q.whereNot('id', exceptId);
  return q.first();
}

/**
 * Locks the current default row (PostgreSQL), so two switches of the default run one after the other and never
 * leave two defaults or none.
 */
export async function lockDefault(db: Conn): Promise<WarehouseRow | undefined> {
  const q = db('warehouses').where({ is_default: true }).first();
  if (isPostgres(db as Knex)) q.forUpdate();
  const r = await q;
  return r ? toWarehouse(r) : undefined;
}

export async function insertWarehouse(db: Conn, row: WarehouseRow): Promise<void> {
  await db('warehouses').insert(row);
}

export async function updateWarehouse(db: Conn, id: string, version: number, patch: Partial<WarehouseRow>): Promise<boolean> {
  const n = await db('warehouses')
    .where({ id, version })
    .update({ ...patch, version: version + 1 });
  return n === 1;
}

/** Takes the default flag off every warehouse but `keepId` (bumping their versions: their rows changed). */
export async function clearDefaultExcept(db: Conn, keepId: string, now: string): Promise<void> {
  await db('warehouses')
    .where({ is_default: true })
    .whereNot('id', keepId)
    .update({ is_default: false, version: db.raw('version + 1'), updated_at: now });
}

/** What the warehouse holds: SKUs with any stock on hand or allocated, and the units on hand. */
export async function stockHeld(db: Conn, warehouseId: string): Promise<{ skus: number; units: number }> {
  const row = (await db('stock')
    .where('warehouse_id', warehouseId)
    .where((w) => w.whereNot('on_hand', 0).orWhereNot('allocated', 0))
    .count({ skus: '*' })
    .sum({ units: 'on_hand' })
    .first()) as { skus: number | string; units: number | string | null } | undefined;
  return { skus: Number(row?.skus ?? 0), units: Number(row?.units ?? 0) };
}
