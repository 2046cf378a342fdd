import type { Db } from '../../db/knex.ts';
import type { Role } from '../../../shared/roles.ts';

export type TokenKind = 'session' | 'api';

export type TokenRow = {
  id: string;
  user_id: string;
  kind: TokenKind;
  name: string | null;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

export async function insertToken(db: Db, row: Omit<TokenRow, 'last_used_at' | 'revoked_at'>): Promise<void> {
  await db('api_tokens').insert(row);
}

/** The token's user when the token is live (not revoked, not expired) and the user active. */
export async function findLiveToken(db: Db, tokenHash: string, now: string) {
  return findLive(db, { 't.token_hash': tokenHash }, now);
}

/** The same, by the token's id (an event stream re-checks the session it was opened with). */
export async function findLiveTokenById(db: Db, tokenId: string, now: string) {
  return findLive(db, { 't.id': tokenId }, now);
}

async function findLive(db: Db, where: Record<string, string>, now: string) {
  const row = await db('api_tokens as t')
    .join('users as u', 'u.id', 't.user_id')
    .where(where)
    .whereNull('t.revoked_at')
    .where((q) => q.whereNull('t.expires_at').orWhere('t.expires_at', '>', now))
    .where('u.active', true)
    .select('t.id as token_id', 't.last_used_at', 'u.id as user_id', 'u.username', 'u.role', 'u.must_change_password')
    .first();
  if (!row) return undefined;
  return {
    tokenId: row.token_id as string,
    lastUsedAt: row.last_used_at as string | null,
    userId: row.user_id as string,
    username: row.username as string,
    role: row.role as Role,
    mustChangePassword: !!row.must_change_password,
  };
}

export async function touchToken(db: Db, id: string, now: string): Promise<void> {
  await db('api_tokens').where({ id }).update({ last_used_at: now });
}

export async function listTokens(db: Db, userId?: string) {
  const q = db('api_tokens')
    .where({ kind: 'api' })
    .whereNull('revoked_at')
    .select('id', 'user_id', 'kind', 'name', 'created_at', 'expires_at', 'last_used_at')
    .orderBy('created_at', 'desc');
  if (userId) q.where({ user_id: userId });
  return q;
}

export async function findToken(db: Db, id: string): Promise<TokenRow | undefined> {
  return db('api_tokens').where({ id }).first();
}

export async function revokeToken(db: Db, id: string, now: string): Promise<void> {
  await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: now });
}

export async function revokeUserTokens(db: Db, userId: string, now: string, exceptId?: string): Promise<void> {
  const q = db('api_tokens').where({ user_id: userId }).whereNull('revoked_at');
  if (exceptId) q.whereNot({ id: exceptId });
  await q.update({ revoked_at: now });
}

export async function insertStreamTicket(db: Db, row: { ticket_hash: string; token_id: string; expires_at: string }): Promise<void> {
  await db('stream_tickets').insert(row);
}

/**
 * Uses a stream ticket up: marks it used if it is unused and unexpired, in one statement so two requests with the
 * same ticket (on any instances) cannot both get it. Returns the session token it was issued to.
 */
export async function redeemStreamTicket(db: Db, ticketHash: string, now: string): Promise<string | undefined> {
  const taken = await db('stream_tickets')
    .where({ ticket_hash: ticketHash })
    .whereNull('used_at')
    .where('expires_at', '>', now)
    .update({ used_at: now });
  if (taken !== 1) return undefined;
  const row = await db('stream_tickets').where({ ticket_hash: ticketHash }).first('token_id');
  return row?.token_id as string | undefined;
}

/** Expired tickets (used or not) are of no use to anyone: deleted. */
export async function purgeStreamTickets(db: Db, now: string): Promise<void> {
  await db('stream_tickets').where('expires_at', '<=', now).del();
}
