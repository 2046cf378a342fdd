// Slows down password guessing: after too many failed logins for one username, or from one address, further
// attempts are refused with 429 until the window has passed. An attempt counts from the moment it starts, so
// many attempts sent at once cannot all slip through while the password hashes are being checked; a successful
// sign-in takes its own attempt back and clears the username's count. Kept in memory: it protects one server
// process, which is what the embedded setup runs.

export type LoginLimiter = {
  /** Counts an attempt; returns 0 when it may go ahead, otherwise the seconds to wait (the attempt is not counted). */
  begin(username: string, ip: string | undefined, now?: number): number;
  succeeded(username: string, ip: string | undefined): void;
};

export function createLoginLimiter(options: { maxPerUser?: number; maxPerIp?: number; windowMs?: number } = {}): LoginLimiter {
  const maxPerUser = options.maxPerUser ?? 5;
  const maxPerIp = options.maxPerIp ?? 20;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const attempts = new Map<string, number[]>();

  const recent = (key: string, now: number) => {
    const kept = (attempts.get(key) ?? []).filter((at) => now - at < windowMs);
    if (kept.length) attempts.set(key, kept);
    else attempts.delete(key);
    return kept;
  };
  const wait = (key: string, max: number, now: number) => {
    const list = recent(key, now);
    return list.length >= max ? Math.max(1, Math.ceil((list[0]! + windowMs - now) / 1000)) : 0;
  };
  const userKey = (username: string) => `u:${username.toLowerCase()}`;

  return {
    begin(username, ip, now = Date.now()) {
      const retry = Math.max(wait(userKey(username), maxPerUser, now), ip ? wait(`ip:${ip}`, maxPerIp, now) : 0);
      if (retry > 0) return retry;
      for (const key of [userKey(username), ...(ip ? [`ip:${ip}`] : [])]) attempts.set(key, [...recent(key, now), now]);
      return 0;
    },
    succeeded(username, ip) {
      attempts.delete(userKey(username));
      if (!ip) return;
      const list = attempts.get(`ip:${ip}`);
      list?.pop();
      if (list && !list.length) attempts.delete(`ip:${ip}`);
    },
  };
}
