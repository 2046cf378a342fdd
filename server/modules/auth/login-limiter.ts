// Slows down password guessing: after too many failed logins for one username, or from one address, further
// attempts are refused with 429 until the window has passed. Kept in memory: it protects one server process,
// which is what the embedded setup runs; a success clears the username's count.

export type LoginLimiter = {
  /** Seconds to wait, or 0 when an attempt may go ahead. */
  retryAfter(username: string, ip: string | undefined, now?: number): number;
  failed(username: string, ip: string | undefined, now?: number): void;
  succeeded(username: string): void;
};

export function createLoginLimiter(options: { maxPerUser?: number; maxPerIp?: number; windowMs?: number } = {}): LoginLimiter {
  const maxPerUser = options.maxPerUser ?? 5;
  const maxPerIp = options.maxPerIp ?? 20;
  const windowMs = options.windowMs ?? 15 * 60 * 1000;
  const failures = new Map<string, number[]>();

  const recent = (key: string, now: number) => {
    const kept = (failures.get(key) ?? []).filter((at) => now - at < windowMs);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const wait = (key: string, max: number, now: number) => {
    const list = recent(key, now);
    return list.length >= max ? Math.ceil((list[0]! + windowMs - now) / 1000) : 0;
  };

  return {
    retryAfter(username, ip, now = Date.now()) {
      return Math.max(wait(`u:${username.toLowerCase()}`, maxPerUser, now), ip ? wait(`ip:${ip}`, maxPerIp, now) : 0);
    },
    failed(username, ip, now = Date.now()) {
      for (const key of [`u:${username.toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])]) {
        failures.set(key, [...recent(key, now), now]);
      }
    },
    succeeded(username) {
      failures.delete(`u:${username.toLowerCase()}`);
    },
  };
}
