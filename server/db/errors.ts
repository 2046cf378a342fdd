// Database errors the application reacts to, recognised by the drivers' codes (not by message text).

/** PostgreSQL deadlock (40P01) or serialization failure (40001), or SQLite busy: the transaction may be repeated. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '40P01' || code === '40001' || code === 'SQLITE_BUSY';
}

/** A unique constraint refused the write: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT (UNIQUE). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown };
  if (e?.code === '23505') return true;
  return e?.code === 'SQLITE_CONSTRAINT' && typeof e.message === 'string' && e.message.includes('UNIQUE');
}
