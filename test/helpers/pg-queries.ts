// Counts the queries sent to a pg client while another one runs on it: pg 8 queues such a query (with a deprecation
// warning) and pg 9 refuses it, so the server must never send one.
import pg from 'pg';

type Query = (...args: unknown[]) => unknown;

/** Runs `work` with pg's Client.query watched; answers how many queries ran and how many were sent over another. */
export async function watchPgQueries(work: () => Promise<void>): Promise<{ queries: number; overlapping: number }> {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const running = new WeakMap<object, number>();
  const counts = { queries: 0, overlapping: 0 };
  proto.query = function (this: object, ...args: unknown[]) {
    counts.queries++;
    const now = running.get(this) ?? 0;
    if (now > 0) counts.overlapping++;
    running.set(this, now + 1);
    const done = () => running.set(this, running.get(this)! - 1);
    const callback = args.findIndex((a) => typeof a === 'function');
    if (callback >= 0) {
      const answer = args[callback] as (...r: unknown[]) => void;
      args[callback] = (...r: unknown[]) => {
        done();
        answer(...r);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as { then?: (ok: () => void, no: () => void) => void } | undefined;
    if (typeof result?.then === 'function') result.then(done, done);
    else done();
    return result;
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return counts;
}
