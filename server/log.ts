// Structured logs with pino: one JSON object per line on stderr (`at`, `level` as a word, `msg`, then the fields).
// Callers pass ids and counts, never personal data or secrets: `redact` is the last line of defence for fields
// whose names say they hold such data, and errors are logged as `describeError` keeps them (no SQL bound values).
import { pino, type DestinationStream, type Logger as Pino } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';

const SENSITIVE = /pass(word)?|secret|token|authorization|credential|phone|mobile|address|recipient|orderer|name|email|zip/i;

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** The pino logger underneath (the access log of server/app.ts writes through it); its lines pass `redact` too. */
  readonly pino: Pino;
};

export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE.test(key) && !/_id$|^id$|count|_code$/i.test(key)) out[key] = '[redacted]';
    else if (value instanceof Error) out[key] = describeError(value);
    else out[key] = value;
  }
  return out;
}

/**
 * An error as it may be logged. Database drivers put the whole statement with its bound values into the message
 * ("insert into … values ('홍길동', …) - SQLITE_ERROR: …"); only the driver's own part after the statement is kept.
 */
export function describeError(error: Error): Record<string, unknown> {
  const e = error as Error & { code?: unknown; sql?: unknown };
  const fromDb = typeof e.sql === 'string' || /^(insert|update|delete|select|with)\b/i.test(error.message);
  const message = fromDb ? error.message.slice(error.message.lastIndexOf(' - ') + 3) : error.message;
  const stack = (error.stack ?? '').split('\n').slice(1).join('\n');
  return { name: error.name, message, ...(e.code !== undefined ? { code: e.code } : {}), stack };
}

/** Where lines go: stderr, written synchronously so that the last lines before a crash are not lost. */
function destination(write?: (line: string) => void): DestinationStream {
  if (!write) return pino.destination({ dest: 2, sync: true });
  // The test hook takes one line at a time, without its newline, as the hand-written logger gave it.
  return { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) };
}

export function createLogger(level: Level | 'silent' = 'info', write?: (line: string) => void): Logger {
  const base = pino(
    {
      level,
      base: undefined, // no pid or hostname on every line
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      formatters: {
        level: (label) => ({ level: label }),
        // Every line's own fields pass the redaction, also those written through `pino` (a child logger's bound
        // fields do not: pino formats them once, without this hook, so bind only ids, as pino-http does).
        log: (fields) => redact(fields),
      },
    },
    destination(write),
  );
  const emit =
    (lvl: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      base[lvl](fields, msg);
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error'), pino: base };
}
