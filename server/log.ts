// Structured logs, one JSON object per line on stderr. Callers pass ids and counts, never personal data or secrets:
// `redact` is the last line of defence for fields whose names say they hold such data.

type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

const SENSITIVE = /pass(word)?|secret|token|authorization|credential|phone|mobile|address|recipient|orderer|name|email|zip/i;

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
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

export function createLogger(level: Level | 'silent' = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const min = RANK[level];
  const emit = (lvl: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[lvl] < min) return;
    write(JSON.stringify({ at: new Date().toISOString(), level: lvl, msg, ...redact(fields) }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
