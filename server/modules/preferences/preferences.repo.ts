// Users' own sheet layouts: one row per user and sheet, the layout as JSON text (the service checks its shape).
import type { Db } from '../../db/knex.ts';

export type LayoutRow = { user_id: string; sheet: string; layout: string; updated_at: string };

export async function findLayout(db: Db, userId: string, sheet: string): Promise<LayoutRow | undefined> {
  return db('user_sheet_layouts').where({ user_id: userId, sheet }).first();
}

/** Inserts or replaces the user's layout of the sheet. */
export async function putLayout(db: Db, row: LayoutRow): Promise<void> {
  await db('user_sheet_layouts').insert(row).onConflict(['user_id', 'sheet']).merge(['layout', 'updated_at']);
}

export async function deleteLayout(db: Db, userId: string, sheet: string): Promise<void> {
  await db('user_sheet_layouts').where({ user_id: userId, sheet }).delete();
}
