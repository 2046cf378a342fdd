// Database errors the application reacts to, recognised by the drivers' codes (not by message text).

/** PostgreSQL deadlock (40P01) or serialization failure (40001), or SQLite busy: the transaction may be repeated. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

/**
 * Runs a whole transaction again when the database picked it as a deadlock victim (or SQLite was busy), up to
 * `attempts` times in all. Rows are locked in id order, but PostgreSQL may still choose a call as the victim when
 * another transaction locks differently; repeating it on fresh rows is then the answer.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
    }
  }
}

/** A unique constraint refused the write: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT (UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown };
  if (e?.code === '23505') return true;
  return e?.code === 'SQLITE_CONSTRAINT' && typeof e.message === 'string' && e.message.includes('UNIQUE');
}
