// The status board's own data: when each user last pulled lines into a sheet (the counts themselves are lines-view
// counts, order-views.repo.ts countLineView).
import type { Db } from '../../db/knex.ts';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export async function lastPullAt(db: Db, userId: string): Promise<string | null> {
  const row = (await db('user_pulls').where('user_id', userId).first('pulled_at')) as { pulled_at: unknown } | undefined;
  return row ? iso(row.pulled_at) : null;
}

export async function recordPull(db: Db, userId: string, at: string): Promise<void> {
  await db('user_pulls').insert({ user_id: userId, pulled_at: at }).onConflict('user_id').merge(['pulled_at']);
}
