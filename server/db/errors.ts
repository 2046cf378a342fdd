// Database errors the application reacts to, recognised by the drivers' codes (not by message text).

/** PostgreSQL deadlock (40P01) or serialization failure (40001), or SQLite busy: the transaction may be repeated. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

/**
 * Rows a transaction found moved before it locked them (another call committed a change to them in between): like
 * PostgreSQL's serialization failure (40001, whose code it carries), the transaction is run again on fresh rows by
 * retryOnConflict.
 */
export class MovedBeforeLock extends Error {
  readonly code = '40001';
  constructor(what: string) {
    super(`rows moved before they were locked: ${what}`);
    this.name = 'MovedBeforeLock';
  }
}

export type RetryOptions = {
  /** Runs in all (the first included). */
  attempts?: number;
  /**
   * Other errors that mean "decide again on fresh rows": e.g. a unique violation where the code checks for the
   * duplicate itself, because the row that won the race is committed once the violation is reported, and the next
   * run sees it and refuses in the domain's words (duplicate_tracking_number) instead of failing.
   */
  also?: (error: unknown) => boolean;
};

/**
 * Runs a whole transaction again when the database picked it as a deadlock victim (or SQLite was busy), up to
 * `attempts` times in all. Rows are locked in id order, but PostgreSQL may still choose a call as the victim when
 * another transaction locks differently; repeating it on fresh rows is then the answer. A short random pause
 * before each new run keeps the callers of a deadlock from meeting again in the same step.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !(isRetryableConflict(error) || options.also?.(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/** A unique constraint refused the write: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT (UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown };
  if (e?.code === '23505') return true;
  return e?.code === 'SQLITE_CONSTRAINT' && typeof e.message === 'string' && e.message.includes('UNIQUE');
}
