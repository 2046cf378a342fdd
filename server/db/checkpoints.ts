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
/** A checkpointer failing the same way says so at most this often (it is tried again at every look). */
const REPORT_EVERY_MS = 60_000;

export type Checkpointer = {
  /** Copies what the WAL holds now into the database file; answers the WAL's frames and those copied. */
  checkpoint(): Promise<{ log: number; checkpointed: number }>;
  /** Stops the timer and closes the connection once a checkpoint under way has finished. */
  stop(): Promise<void>;
};

type Frames = { log: number; checkpointed: number };

/**
 * Starts checkpointing `file`, which the server's connection has already put in WAL mode (a connection that first
 * reads the file before that stays in rollback mode, where a checkpoint does nothing). `onError` hears a failing
 * checkpoint — an I/O error, a connection that could not be opened, a database no longer in WAL mode — once a
 * minute while it fails the same way, and at once when it fails otherwise. A connection that could not be opened
 * (no file handle left, say) is opened again at the next look.
 */
export function startCheckpointer(file: string, options: { everyMs?: number; onError?: (error: Error) => void } = {}): Checkpointer {
  let reported = { message: '', at: -Infinity };
  const report = (error: Error) => {
    if (error.message === reported.message && Date.now() - reported.at < REPORT_EVERY_MS) return;
    reported = { message: error.message, at: Date.now() };
    options.onError?.(error);
  };
  // No create flag: the server's connection made the file (and the WAL mode lives in the file).
  const open = () =>
    new Promise<sqlite3.Database>((resolve, reject) => {
      const conn = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => (err ? reject(err) : resolve(conn)));
    });
  let conn: Promise<sqlite3.Database> | null = null;
  let stopped = false;
  const connection = () => {
    if (stopped) return Promise.reject(new Error('checkpoint: the checkpointer is stopped'));
    const opening = (conn ??= open());
    opening.catch(() => {
      if (conn === opening) conn = null; // the next look opens anew
    });
    return opening;
  };
  const walCheckpoint = (db: sqlite3.Database) =>
    new Promise<Frames>((resolve, reject) =>
      db.get('pragma wal_checkpoint(PASSIVE)', (err: Error | null, row: Frames | undefined) => {
        if (err) reject(err);
        // -1: the file is not in WAL mode (to this connection): nothing was copied, nor will be.
        else if (row?.log === -1) reject(new Error('checkpoint: the database is not in WAL mode'));
        else resolve({ log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 });
      }),
    );
  let running: Promise<Frames> | null = null;
  const checkpoint = () =>
    (running ??= connection()
      .then(walCheckpoint)
      .finally(() => (running = null)));
  const timer = setInterval(() => {
    // The next look tries again; the backstop bounds the WAL meanwhile.
    checkpoint().catch(report);
  }, options.everyMs ?? CHECKPOINT_EVERY_MS);
  timer.unref();
  return {
    checkpoint,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      const db = await conn?.catch(() => null);
      if (db) await new Promise<void>((resolve) => db.close(() => resolve()));
    },
  };
}
