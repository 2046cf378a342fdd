import { isPostgres, type Db } from '../../db/knex.ts';
import type { Role } from '../../../shared/roles.ts';

export type UserRow = {
  id: string;
  username: string;
  display_name: string | null;
  role: Role;
  password_hash: string;
  must_change_password: boolean;
  active: boolean;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
};

function toUser(row: Record<string, unknown> | undefined): UserRow | undefined {
  if (!row) return undefined;
  return { ...(row as UserRow), must_change_password: !!row.must_change_password, active: !!row.active };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db('users').count<{ n: number }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function findUserByUsername(db: Db, username: string) {
  return toUser(await db('users').where({ username }).first());
}

export async function findUserById(db: Db, id: string) {
  return toUser(await db('users').where({ id }).first());
}

export async function listUsers(db: Db) {
  return (await db('users').orderBy('username')).map((r) => toUser(r)!);
}

export async function insertUser(db: Db, row: Omit<UserRow, 'last_login_at'>): Promise<void> {
  await db('users').insert(row);
}

export async function updateUser(db: Db, id: string, patch: Partial<Omit<UserRow, 'id' | 'created_at'>>): Promise<void> {
  await db('users').where({ id }).update(patch);
}

/**
 * The ids of the active admins, locked until the transaction ends (PostgreSQL: FOR UPDATE, in id order so two
 * callers never deadlock; a second caller waits and then sees the first one's change). SQLite runs one writer at a
 * time and refuses a transaction whose reads went stale, so there the plain read is enough.
 */
export async function lockActiveAdminIds(trx: Db): Promise<string[]> {
  const q = trx('users').where({ role: 'admin', active: true }).orderBy('id').select('id');
  if (isPostgres(trx)) q.forUpdate();
  return (await q).map((r: { id: string }) => r.id);
}
