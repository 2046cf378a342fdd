// Sign-in, bearer tokens and users. Tokens are random 256-bit strings shown once; only their SHA-256 is stored,
// so a copy of the database does not let anyone sign in.
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.ts';
import { message } from '../../../shared/i18n.ts';
import type { Role } from '../../../shared/roles.ts';
import { hashPassword, verifyPassword, generatePassword } from '../../crypto/passwords.ts';
import type { Db } from '../../db/knex.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { newId, ID_PREFIX } from '../../db/ids.ts';
import type { Actor, RequestInfo } from '../../domain/actor.ts';
import { fieldError } from '../../domain/validation.ts';
import { writeAudit } from '../audit/audit.repo.ts';
import type { LoginLimiter } from './login-limiter.ts';
import * as tokens from './tokens.repo.ts';
import * as users from './users.repo.ts';
import { authMessages } from './auth.messages.ts';
import { assertStrongPassword } from './password-strength.ts';
import { sessionChanges } from './session-changes.ts';

const SESSION_HOURS = 12;
const TOUCH_EVERY_MS = 60_000;
/** A stream ticket only bridges the moment between asking for it and opening the stream. */
const STREAM_TICKET_SECONDS = 60;
/** A fixed hash checked when the username does not exist, so both cases take the same time. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export type AuthDeps = { db: Db; limiter: LoginLimiter };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newTokenValue = () => 'ss_' + randomBytes(32).toString('base64url');

function publicUser(user: users.UserRow) {
  return {
    id: user.id,
    username: user.username,
    display_name: user.display_name,
    role: user.role,
    active: user.active,
    must_change_password: user.must_change_password,
    last_login_at: user.last_login_at,
    created_at: user.created_at,
  };
}

async function issueToken(db: Db, userId: string, kind: tokens.TokenKind, name: string | null, expiresAt: string | null) {
  const token = newTokenValue();
  const id = newId(ID_PREFIX.token);
  await tokens.insertToken(db, {
    id,
    user_id: userId,
    kind,
    name,
    token_hash: hashToken(token),
    created_at: new Date().toISOString(),
    expires_at: expiresAt,
  });
  return { id, token };
}

export async function login(deps: AuthDeps, username: string, password: string, info: RequestInfo) {
  const attempt = await deps.limiter.begin(username, info.ip);
  if (attempt.wait > 0) {
    throw new AppError('rate_limited', 'too_many_login_failures', message(authMessages.too_many_failures, { seconds: attempt.wait }), {
      retryAfter: attempt.wait,
    });
  }
  const user = await users.findUserByUsername(deps.db, username);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await writeAudit(deps.db, { type: 'system', id: null }, info, { action: 'login_failed', entity: 'user', entityId: user?.id ?? null });
    throw new AppError('unauthorized', 'bad_credentials', message(authMessages.bad_credentials));
  }
  await deps.limiter.succeeded(attempt);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  const { id, token } = await issueToken(deps.db, user.id, 'session', null, expiresAt);
  await users.updateUser(deps.db, user.id, { last_login_at: now.toISOString() });
  await writeAudit(
    deps.db,
    { type: 'user', id: user.id, username: user.username, role: user.role, tokenId: id, mustChangePassword: user.must_change_password },
    info,
    {
      action: 'login',
      entity: 'user',
      entityId: user.id,
    },
  );
  return { token, token_id: id, expires_at: expiresAt, user: publicUser(user), password_change_required: user.must_change_password };
}

/** The user a live session or token acts as. */
function actorOf(live: NonNullable<Awaited<ReturnType<typeof tokens.findLiveTokenById>>>): Actor {
  return {
    type: 'user',
    id: live.userId,
    username: live.username,
    role: live.role,
    tokenId: live.tokenId,
    mustChangePassword: live.mustChangePassword,
  };
}

/** The caller behind an `Authorization: Bearer …` header, or 401. */
export async function authenticate(db: Db, header: string | undefined): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const unauthorized = () => new AppError('unauthorized', 'unauthorized', message(authMessages.unauthorized));
  if (!match) throw unauthorized();
  const now = new Date();
  const live = await tokens.findLiveToken(db, hashToken(match[1]!), now.toISOString());
  if (!live) throw unauthorized();
  // Recording every use would turn each read into a write; once a minute is enough to see stale tokens.
  if (!live.lastUsedAt || now.getTime() - Date.parse(live.lastUsedAt) > TOUCH_EVERY_MS) {
    await tokens.touchToken(db, live.tokenId, now.toISOString());
  }
  return actorOf(live);
}

export async function logout(db: Db, actor: Actor & { type: 'user' }): Promise<void> {
  await tokens.revokeToken(db, actor.tokenId, new Date().toISOString());
  sessionChanges(db).emit('changed');
}

/**
 * A single-use ticket, valid for a minute, that opens an event stream as the caller's session: a browser's
 * EventSource cannot send an Authorization header, and the bearer token itself must never go into a URL (URLs end
 * up in proxy logs and browser history). Only the ticket's SHA-256 is stored, so any instance can redeem it.
 */
export async function issueStreamTicket(db: Db, actor: Actor & { type: 'user' }) {
  const now = new Date();
  await tokens.purgeStreamTickets(db, now.toISOString());
  const ticket = 'st_' + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + STREAM_TICKET_SECONDS * 1000).toISOString();
  await tokens.insertStreamTicket(db, { ticket_hash: hashToken(ticket), token_id: actor.tokenId, expires_at: expiresAt });
  return { ticket, expires_at: expiresAt };
}

/** The caller behind a stream ticket (used up by this call), or 401: unknown, used, expired, or its session ended. */
export async function authenticateTicket(db: Db, ticket: string): Promise<Actor> {
  const now = new Date().toISOString();
  const tokenId = await tokens.redeemStreamTicket(db, hashToken(ticket), now);
  const live = tokenId ? await tokens.findLiveTokenById(db, tokenId, now) : undefined;
  if (!live) throw new AppError('unauthorized', 'unauthorized', message(authMessages.unauthorized));
  return actorOf(live);
}

/** Whether a session (or API token) still lets its user in: not revoked, not expired, the user active. */
export async function isTokenLive(db: Db, tokenId: string): Promise<boolean> {
  return !!(await tokens.findLiveTokenById(db, tokenId, new Date().toISOString()));
}

export async function changePassword(deps: AuthDeps, actor: Actor & { type: 'user' }, current: string, next: string, info: RequestInfo) {
  const { db } = deps;
  // The current password is the same secret as at sign-in, so guesses here count against the same limit: a stolen
  // session must not become a way to guess the password without a brake.
  const attempt = await deps.limiter.begin(actor.username, info.ip);
  if (attempt.wait > 0) {
    throw new AppError('rate_limited', 'too_many_password_failures', message(authMessages.too_many_password_failures, { seconds: attempt.wait }), {
      retryAfter: attempt.wait,
    });
  }
  const user = await users.findUserById(db, actor.id);
  if (!user || !(await verifyPassword(current, user.password_hash))) {
    await writeAudit(db, actor, info, { action: 'password_change_failed', entity: 'user', entityId: actor.id });
    throw fieldError('current_password', authMessages.bad_current_password, {}, { code: 'bad_current_password' });
  }
  await deps.limiter.succeeded(attempt);
  if (current === next) {
    throw fieldError('new_password', authMessages.same_password, {}, { code: 'same_password' });
  }
  assertStrongPassword(next, { field: 'new_password', userInputs: [user.username, user.display_name] });
  const now = new Date().toISOString();
  await users.updateUser(db, user.id, { password_hash: await hashPassword(next), must_change_password: false, updated_at: now });
  // Other sessions signed in with the old password end here; this one goes on.
  await tokens.revokeUserTokens(db, user.id, now, actor.tokenId);
  sessionChanges(db).emit('changed');
  await writeAudit(db, actor, info, { action: 'password_changed', entity: 'user', entityId: user.id });
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: { username: string; password: string; role: Role; display_name?: string | undefined; must_change_password?: boolean | undefined },
  info: RequestInfo,
) {
  if (await users.findUserByUsername(db, input.username)) {
    throw fieldError('username', authMessages.username_taken, { username: input.username }, { type: 'conflict', code: 'username_taken' });
  }
  assertStrongPassword(input.password, { field: 'password', userInputs: [input.username, input.display_name] });
  const now = new Date().toISOString();
  const row = {
    id: newId(ID_PREFIX.user),
    username: input.username,
    display_name: input.display_name ?? null,
    role: input.role,
    password_hash: await hashPassword(input.password),
    must_change_password: input.must_change_password ?? false,
    active: true,
    created_at: now,
    updated_at: now,
  };
  try {
    await users.insertUser(db, row);
  } catch (error) {
    // Two admins creating the same name at once: the second meets the unique index.
    if (!isUniqueViolation(error)) throw error;
    throw fieldError('username', authMessages.username_taken, { username: input.username }, { type: 'conflict', code: 'username_taken' });
  }
  await writeAudit(db, actor, info, { action: 'user_created', entity: 'user', entityId: row.id, detail: { role: row.role } });
  return publicUser({ ...row, last_login_at: null });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: { role?: Role | undefined; active?: boolean | undefined; display_name?: string | undefined; password?: string | undefined },
  info: RequestInfo,
) {
  const notFound = () => new AppError('not_found', 'user_not_found', message(authMessages.user_not_found, { id }));
  const before = await users.findUserById(db, id);
  if (!before) throw notFound();
  if (patch.password) {
    assertStrongPassword(patch.password, {
      field: 'password',
      userInputs: [before.username, patch.display_name ?? before.display_name],
    });
  }
  // Hashing is slow: done before the transaction so no lock waits on it.
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const removesAdmin = (patch.role !== undefined && patch.role !== 'admin') || patch.active === false;
  await db.transaction(async (trx) => {
    // Locked first, so two admins demoting each other at once cannot both see the other one still standing.
    const admins = removesAdmin ? await users.lockActiveAdminIds(trx) : [];
    const user = await users.findUserById(trx, id);
    if (!user) throw notFound();
    if (removesAdmin && user.active && user.role === 'admin' && !admins.some((a) => a !== id)) {
      throw new AppError('conflict', 'last_admin', message(authMessages.last_admin, { username: user.username }));
    }
    const now = new Date().toISOString();
    await users.updateUser(trx, id, {
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.display_name !== undefined ? { display_name: patch.display_name } : {}),
      ...(passwordHash ? { password_hash: passwordHash, must_change_password: true } : {}),
      updated_at: now,
    });
    // A role change, a deactivation or a password reset ends the user's sessions.
    if (patch.role || patch.active === false || patch.password) await tokens.revokeUserTokens(trx, id, now);
    await writeAudit(trx, actor, info, {
      action: 'user_updated',
      entity: 'user',
      entityId: id,
      detail: { role: patch.role, active: patch.active, password_reset: !!patch.password },
    });
  });
  if (patch.role || patch.active === false || patch.password) sessionChanges(db).emit('changed');
  return publicUser((await users.findUserById(db, id))!);
}

/** Everyone's account, as an admin's user list shows it (never a password hash). */
export async function listUsers(db: Db) {
  return (await users.listUsers(db)).map(publicUser);
}

/** The caller's long-lived API tokens; an admin sees everyone's. */
export async function listApiTokens(db: Db, actor: Actor & { type: 'user' }) {
  return tokens.listTokens(db, actor.role === 'admin' ? undefined : actor.id);
}

export async function createApiToken(db: Db, actor: Actor & { type: 'user' }, name: string, expiresInDays: number | undefined, info: RequestInfo) {
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86400_000).toISOString() : null;
  const { id, token } = await issueToken(db, actor.id, 'api', name, expiresAt);
  await writeAudit(db, actor, info, { action: 'api_token_created', entity: 'api_token', entityId: id });
  return { id, token, name, expires_at: expiresAt };
}

export async function revokeApiToken(db: Db, actor: Actor & { type: 'user' }, id: string, info: RequestInfo) {
  const token = await tokens.findToken(db, id);
  // Someone else's token is "not found" for a non-admin: its existence is not theirs to learn.
  if (!token || token.revoked_at || (token.user_id !== actor.id && actor.role !== 'admin')) {
    throw new AppError('not_found', 'token_not_found', message(authMessages.token_not_found, { id }));
  }
  await tokens.revokeToken(db, id, new Date().toISOString());
  sessionChanges(db).emit('changed');
  await writeAudit(db, actor, info, { action: 'api_token_revoked', entity: 'api_token', entityId: id });
}

/**
 * On an empty database, creates the first admin. Its password is SHIPSHEET_ADMIN_PASSWORD when given, otherwise a
 * one-time password returned here (for the caller to print once) that must be changed at first sign-in.
 */
export async function ensureFirstAdmin(db: Db, adminPassword: string | undefined): Promise<{ created: boolean; oneTimePassword?: string }> {
  if ((await users.countUsers(db)) > 0) return { created: false };
  const password = adminPassword ?? generatePassword();
  const now = new Date().toISOString();
  const id = newId(ID_PREFIX.user);
  await users.insertUser(db, {
    id,
    username: 'admin',
    display_name: '관리자',
    role: 'admin',
    password_hash: await hashPassword(password),
    must_change_password: !adminPassword,
    active: true,
    created_at: now,
    updated_at: now,
  });
  await writeAudit(db, { type: 'system', id: null }, {}, { action: 'first_admin_created', entity: 'user', entityId: id });
  return adminPassword ? { created: true } : { created: true, oneTimePassword: password };
}
