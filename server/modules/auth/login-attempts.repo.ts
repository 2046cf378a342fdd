// Data access for the sign-in limiter (see login-limiter.ts): attempts per hashed key, counted and added in one
// transaction that is serialised per key, so parallel guesses on several instances cannot all pass one check.
import { randomUUID } from 'node:crypto';
import { retryOnConflict } from '../../db/errors.ts';
import { isPostgres, type Db } from '../../db/knex.ts';

export type KeyLimit = { keyHash: string; max: number };

/**
 * Counts an attempt against every key when all are under their limit; otherwise counts nothing and returns, per
 * key over its limit, the time its oldest attempt in the window was made. Returns the new rows' ids by key.
 */
export async function claimAttempt(
  db: Db,
  keys: readonly KeyLimit[],
  windowMs: number,
  now: number,
): Promise<{ blockedSince: number[]; ids: Map<string, string> }> {
  const hashes = [...new Set(keys.map((k) => k.keyHash))].sort();
  return retryOnConflict(() =>
    db.transaction(async (trx) => {
      // PostgreSQL: one transaction per key at a time (locks taken in a fixed order, so never a deadlock).
      if (isPostgres(db)) for (const hash of hashes) await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [hash]);
      // Deleting first also makes SQLite take its write lock before reading, so another connection (another
      // instance on the same file) waits here instead of reading a count that is about to change.
      await trx('login_attempts')
        .whereIn('key_hash', hashes)
        .where('at_ms', '<=', now - windowMs)
        .del();
      const counts = (await trx('login_attempts')
        .whereIn('key_hash', hashes)
        .groupBy('key_hash')
        .select('key_hash')
        .count({ n: '*' })
        .min({ oldest: 'at_ms' })) as { key_hash: string; n: number | string; oldest: number | string }[];
      const blockedSince: number[] = [];
      for (const key of keys) {
        const row = counts.find((c) => c.key_hash === key.keyHash);
        if (row && Number(row.n) >= key.max) blockedSince.push(Number(row.oldest));
      }
      const ids = new Map<string, string>();
      if (blockedSince.length) return { blockedSince, ids };
      for (const hash of hashes) ids.set(hash, randomUUID());
      await trx('login_attempts').insert(hashes.map((hash) => ({ id: ids.get(hash)!, key_hash: hash, at_ms: now })));
      return { blockedSince, ids };
    }),
  );
}

/** Forgets every attempt against a key (a successful sign-in clears its username's count). */
export async function clearKey(db: Db, keyHash: string): Promise<void> {
  await db('login_attempts').where({ key_hash: keyHash }).del();
}

/** Takes one attempt back (a successful sign-in does not count against its address). */
export async function removeAttempt(db: Db, id: string): Promise<void> {
  await db('login_attempts').where({ id }).del();
}

/** Attempts older than the window no longer count: they are deleted. */
export async function purgeAttempts(db: Db, before: number): Promise<number> {
  return db('login_attempts').where('at_ms', '<=', before).del();
}
