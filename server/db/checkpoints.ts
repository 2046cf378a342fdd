// SQLite's WAL is copied back into the database file by a checkpoint. Left to SQLite, the commit that finds the WAL
// over 1,000 pages does it itself, on the server's only connection, with an fsync: a 100,000-line allocation waited
// ~160 ms after its last write for its own commit to copy the WAL back, and a bulk call written in blocks paid it at
// most of its commits. The server's connection makes no checkpoints (knex.ts sets wal_autocheckpoint = 0);
// this checkpointer makes them on a connection of its own, on node-sqlite3's thread pool, a few times a second:
// PASSIVE, so it never waits for the server's reads or blocks its writes (WAL mode lets readers and one writer
// work beside a checkpoint), and the commit that ends a request returns as soon as its pages are in the WAL.
// Litestream and other SQLite servers take checkpoints off the writer the same way.
import sqlite3 from 'sqlite3';

/** How often the WAL is looked at (a checkpoint with nothing to copy costs a few microseconds). */
export const CHECKPOINT_EVERY_MS = 250;

export type Checkpointer = {
  /** Copies what the WAL holds now into the database file; answers the WAL's frames and those copied. */
  checkpoint(): Promise<{ log: number; checkpointed: number }>;
  /** Stops the timer and closes the connection once a checkpoint under way has finished. */
  stop(): Promise<void>;
};

export function startCheckpointer(file: string, options: { everyMs?: number; onError?: (error: Error) => void } = {}): Checkpointer {
  // No create flag: the server's connection made the file (and the WAL mode lives in the file).
  const conn = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => {
    if (err) options.onError?.(err);
  });
  let running: Promise<{ log: number; checkpointed: number }> | null = null;
  const checkpoint = () =>
    (running ??= new Promise<{ log: number; checkpointed: number }>((resolve, reject) =>
      conn.get('pragma wal_checkpoint(PASSIVE)', (err: Error | null, row: { log: number; checkpointed: number } | undefined) => {
        running = null;
        if (err) reject(err);
        else resolve({ log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 });
      }),
    ));
  const timer = setInterval(() => {
    // The next look is enough: a checkpoint that fails (the file gone in a test's clean-up) is tried again then.
    checkpoint().catch((error: Error) => options.onError?.(error));
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
