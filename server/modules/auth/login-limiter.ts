// Slows down password guessing: after too many failed attempts for one username, or from one address, further
// attempts are refused with 429 until the window has passed. An attempt counts from the moment it starts, so
// many attempts sent at once cannot all slip through while the password hashes are being checked; a successful
// sign-in takes its own attempt back and clears the username's count. The attempts live in the database, so the
// limit holds across server instances and restarts.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/knex.ts';
import { claimAttempt, clearKey, purgeAttempts, removeAttempt } from './login-attempts.repo.ts';

/** An attempt that may go ahead (`wait` 0), or a refusal with the seconds to wait (then nothing was counted). */
export type LoginAttempt = { wait: number; userKey: string; ipAttemptId: string | null };

export type LoginLimiter = {
  begin(username: string, ip: string | undefined, now?: number): Promise<LoginAttempt>;
  /** The password was right: the username's count is cleared and the address gets this attempt back. */
  succeeded(attempt: LoginAttempt): Promise<void>;
};

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');
const PURGE_EVERY_MS = 60_000;

export function createLoginLimiter(db: Db, options: { maxPerUser?: number; maxPerIp?: number; windowMs?: number } = {}): LoginLimiter {
  const maxPerUser = options.maxPerUser ?? 5;
  const maxPerIp = options.maxPerIp ?? 20;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  let purgedAt = 0;

  return {
    async begin(username, ip, now = Date.now()) {
      // Old attempts of keys never tried again would stay forever: sweep them now and then.
      if (now - purgedAt > PURGE_EVERY_MS) {
        purgedAt = now;
        await purgeAttempts(db, now - windowMs);
      }
      const userKey = keyHash(`u:${username.toLowerCase()}`);
      const ipKey = ip ? keyHash(`ip:${ip}`) : null;
      const keys = [{ keyHash: userKey, max: maxPerUser }, ...(ipKey ? [{ keyHash: ipKey, max: maxPerIp }] : [])];
      const { blockedSince, ids } = await claimAttempt(db, keys, windowMs, now);
      if (blockedSince.length) {
        const wait = Math.max(...blockedSince.map((oldest) => Math.max(1, Math.ceil((oldest + windowMs - now) / 1000))));
        return { wait, userKey, ipAttemptId: null };
      }
      return { wait: 0, userKey, ipAttemptId: ipKey ? ids.get(ipKey)! : null };
    },
    async succeeded(attempt) {
      await clearKey(db, attempt.userKey);
      if (attempt.ipAttemptId) await removeAttempt(db, attempt.ipAttemptId);
    },
  };
}
