// The shop's settings: one row per key, the value as JSON text (the service checks its shape).
import type { Db } from '../../db/knex.ts';

export type SettingRow = { key: string; value: string; updated_by: string | null; updated_at: string };

export async function findSetting(db: Db, key: string): Promise<SettingRow | undefined> {
  return db('shop_settings').where({ key }).first();
}

/** Inserts or replaces the key's value. */
export async function putSetting(db: Db, row: SettingRow): Promise<void> {
  await db('shop_settings').insert(row).onConflict('key').merge(['value', 'updated_by', 'updated_at']);
}
