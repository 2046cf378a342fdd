// SQLite's WAL is copied back into the database file by a checkpoint. Left to SQLite, the commit that finds the WAL
// over 1,000 pages does it itself, on the server's only connection, with an fsync: a 100,000-line allocation waited
// ~160 ms after its last write for its own commit to copy the WAL back, and a bulk call written in blocks paid it at
// most of its commits. This checkpointer makes them on a connection of its own, on node-sqlite3's thread pool, a
// few times a second: PASSIVE, so it never waits for the server's reads or blocks its writes (WAL mode lets readers
// and one writer work beside a checkpoint), and the commit that ends a request returns as soon as its pages are in
// the WAL. Litestream and other SQLite servers take checkpoints off the writer the same way. The server's
// connection keeps SQLite's own checkpoint only as a backstop, far above what the checkpointer lets the WAL reach
// (BACKSTOP_PAGES): should the checkpointer fail, the WAL still cannot grow without bound.
import sqlite3 from 'sqlite3';

/** How often the WAL is looked at (a checkpoint with nothing to copy costs a few microseconds). */
export const CHECKPOINT_EVERY_MS = 250;
/** The server connection's wal_autocheckpoint: 200 MB of 4 KB pages, reached only if the checkpointer fails. */
export const BACKSTOP_PAGES = 50_000;
/** A failing checkpointer says so at most this often (it is tried again at every look). */
const REPORT_EVERY_MS = 60_000;

export type Checkpointer = {
  /** Copies what the WAL holds now into the database file; answers the WAL's frames and those copied. */
  checkpoint(): Promise<{ log: number; checkpointed: number }>;
  /** Stops the timer and closes the connection once a checkpoint under way has finished. */
  stop(): Promise<void>;
};

/**
 * Starts checkpointing `file`, which the server's connection has already put in WAL mode (a connection that first
 * reads the file before that stays in rollback mode, where a checkpoint does nothing). `onError` hears a failing
 * checkpoint (at most once a minute) — an I/O error, or a database no longer in WAL mode.
 */
export function startCheckpointer(file: string, options: { everyMs?: number; onError?: (error: Error) => void } = {}): Checkpointer {
  let reported = -Infinity;
  const report = (error: Error) => {
    if (Date.now() - reported < REPORT_EVERY_MS) return;
    reported = Date.now();
    options.onError?.(error);
  };
  // No create flag: the server's connection made the file (and the WAL mode lives in the file).
  const conn = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => {
    if (err) report(err);
  });
  let running: Promise<{ log: number; checkpointed: number }> | null = null;
  const checkpoint = () =>
    (running ??= new Promise<{ log: number; checkpointed: number }>((resolve, reject) =>
      conn.get('pragma wal_checkpoint(PASSIVE)', (err: Error | null, row: { log: number; checkpointed: number } | undefined) => {
        running = null;
        if (err) reject(err);
        // -1: the file is not in WAL mode (to this connection): nothing was copied, nor will be.
        else if (row?.log === -1) reject(new Error('checkpoint: the database is not in WAL mode'));
        else resolve({ log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 });
      }),
    ));
  const timer = setInterval(() => {
    // The next look tries again; the backstop bounds the WAL meanwhile.
    checkpoint().catch(report);
  }, options.everyMs ?? CHECKPOINT_EVERY_MS);
  timer.unref();
  return {
    checkpoint,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
      await new Promise<void>((resolve) => conn.close(() => resolve()));
    },
  };
}
