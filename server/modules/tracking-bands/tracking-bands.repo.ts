// 송장 대역 rows, and which numbers boxes carry already. The only place band queries are written;
// tracking-bands.service decides what they mean.
import type { Knex } from 'knex';
import { isPostgres } from '../../db/knex.ts';
import type { BandCheck } from '../../../shared/tracking-band.ts';

type Conn = Knex | Knex.Transaction;

export type BandRow = {
  id: string;
  courier: string;
  first_number: string;
  last_number: string;
  next_number: string | null;
  check_kind: BandCheck;
  issued: number;
  active: boolean;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

const toBand = (r: Record<string, unknown>): BandRow => ({ ...(r as BandRow), active: !!r.active, issued: Number(r.issued) });

/** Every band, the newest first. */
export async function listBands(db: Conn): Promise<BandRow[]> {
  return ((await db('tracking_bands').orderBy('created_at', 'desc').orderBy('id', 'desc')) as Record<string, unknown>[]).map(toBand);
}

export async function findBand(db: Conn, id: string, o: { lock?: boolean } = {}): Promise<BandRow | undefined> {
  const q = db('tracking_bands').where({ id }).first();
  if (o.lock && isPostgres(db as Knex)) q.forUpdate();
  const row = (await q) as Record<string, unknown> | undefined;
  return row && toBand(row);
}

/** A courier's bands (all, or the active ones with numbers left), oldest first; `lock`: for update (PostgreSQL). */
export async function courierBands(db: Conn, courier: string, o: { usable?: boolean; lock?: boolean } = {}): Promise<BandRow[]> {
  const q = db('tracking_bands').where({ courier });
  if (o.usable) q.where({ active: true }).whereNotNull('next_number');
  if (o.lock && isPostgres(db as Knex)) q.forUpdate();
  return ((await q.orderBy('created_at').orderBy('id')) as Record<string, unknown>[]).map(toBand);
}

/**
 * Registrations of one courier's bands one at a time (PostgreSQL; SQLite has one writer): the overlap check reads
 * the bands there are, and a band registered at the same moment is not one of them yet.
 */
export async function lockCourierBands(trx: Knex.Transaction, courier: string): Promise<void> {
  if (isPostgres(trx as unknown as Knex)) await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`tracking_bands:${courier}`]);
}

export async function insertBand(db: Conn, band: BandRow): Promise<void> {
  await db('tracking_bands').insert(band);
}

/** Moves a band on (its next number and issued count, or its active switch); false when its version moved. */
export async function updateBand(
  db: Conn,
  id: string,
  version: number,
  patch: Partial<Pick<BandRow, 'next_number' | 'issued' | 'active'>>,
  now: string,
): Promise<boolean> {
  const n = await db('tracking_bands')
    .where({ id, version })
    .update({ ...patch, version: version + 1, updated_at: now });
  return Number(n) === 1;
}
