// Opens the database: an embedded SQLite file by default, PostgreSQL when a postgres:// URL is configured.
// Both return timestamps as ISO-8601 UTC strings and counts as numbers, so the repositories have one code path.
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { BACKSTOP_PAGES, startCheckpointer, type Checkpointer } from './checkpoints.ts';
import { PRIVATE_FILE_MODE, privateDir, privateFileIfPresent } from '../private-files.ts';

// timestamptz (1184) and timestamp (1114) → ISO strings like SQLite stores them; int8 (20) → number
// (counts and sums of won stay far below 2^53).
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(v + 'Z').toISOString());
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = Knex;

export type DbOptions = {
  /** postgres://… or undefined for SQLite. */
  databaseUrl?: string | undefined;
  /** SQLite file path (ignored for PostgreSQL). */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each run its own). */
  pgSchema?: string;
  /** SQLite: how often the checkpointer looks at the WAL (checkpoints.ts; tests slow it down to watch the WAL). */
  checkpointEveryMs?: number;
  /** SQLite: hears a checkpoint that fails (at most once a minute; the server logs it). */
  onCheckpointError?: (error: Error) => void;
};

export function openDb(options: DbOptions): Db {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite file)');
    }
    return knexFactory({
      client: 'pg',
      connection: options.databaseUrl,
      searchPath: options.pgSchema ? [options.pgSchema] : undefined,
      pool: { min: 0, max: 10 },
    });
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') privateSqliteFiles(file);
  // A file's WAL is copied back by a checkpointer of its own (checkpoints.ts), not by the commits (theirs is only a
  // backstop): after a checkpoint has copied everything, the next write starts the WAL over, cut back to 64 MB if
  // a bulk call grew it. The checkpointer starts once the connection has put the file in WAL mode.
  const walPragmas = file === ':memory:' ? '' : ` PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}; PRAGMA journal_size_limit = 67108864;`;
  let checkpointer: Checkpointer | undefined;
  // While the handle is destroyed, a connection still being made (a query sent just before) starts no checkpointer.
  let destroying = false;
  const db = knexFactory({
    client: 'sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    // One connection: SQLite has a single writer, and one connection keeps the pragmas and transactions simple.
    // A 64 MB page cache (the default is 2 MB) and temporary tables in memory: a bulk call's transaction over 100,000
    // lines otherwise spills its pages and its IN-lists' temporary b-trees while it runs (allocate 100k: apply 1.5 s →
    // 1.4 s, merge 1.2 s → 1.1 s; bench/).
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { exec(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) {
        conn.exec(
          `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;${walPragmas}`,
          (err) => {
            // WAL mode has made the -wal and -shm files by now; they take the database file's mode (see below),
            // and are tightened here as well in case they were left from an earlier run with looser modes.
            if (!err && file !== ':memory:') {
              for (const suffix of ['-wal', '-shm']) privateFileIfPresent(file + suffix);
              if (!destroying)
                checkpointer ??= startCheckpointer(file, {
                  ...(options.checkpointEveryMs ? { everyMs: options.checkpointEveryMs } : {}),
                  ...(options.onCheckpointError ? { onError: options.onCheckpointError } : {}),
                });
            }
            done(err, conn);
          },
        );
      },
    },
  });
  if (file === ':memory:') return db;
  // db.destroy() hands over to its client's destroy (knex's own property is read-only): the checkpointer closes first.
  const client = db.client as { destroy(callback?: unknown): Promise<void> };
  const destroy = client.destroy.bind(client);
  client.destroy = async (callback?: unknown) => {
    destroying = true;
    try {
      await checkpointer?.stop();
      checkpointer = undefined;
      return await destroy(callback);
    } finally {
      // A handle set up again (knex's initialize) starts a checkpointer of its own with its first connection.
      destroying = false;
    }
  };
  return db;
}

/**
 * The SQLite file, its -wal and -shm, and their folder, owner-only before SQLite opens them. The file is created
 * here with mode 600 when new: SQLite creates its -wal and -shm (lazily, at the first read or write in WAL mode)
 * with the same mode as the database file, whatever the umask, so they are 600 from the moment they exist.
 */
function privateSqliteFiles(file: string): void {
  privateDir(path.dirname(file));
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const suffix of ['', '-wal', '-shm', '-journal']) privateFileIfPresent(file + suffix);
}

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}

/** The health check's round trip to the database (SQL stays in server/db and the repos). */
export async function ping(db: Db): Promise<void> {
  await db.raw('select 1');
}

/** Largest number of bound values one statement may carry, with room to spare (SQLite allows 32766, pg 65535). */
export const MAX_BINDINGS = 30000;

/** Splits a list so each statement stays under the binding limit. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
