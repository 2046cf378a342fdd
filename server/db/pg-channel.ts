// One dedicated PostgreSQL connection per server instance (outside the knex pool) that
//  - LISTENs on the schema's job channel, so job events and cancels reach every instance, not only the one
//    running the job; and
//  - holds a session advisory lock named after the instance (its "presence"): PostgreSQL drops it the moment the
//    connection dies (kill -9, crash, lost network), so any instance can tell at once whether a job's runner is
//    still there (jobs.repo.ts runnerAlive).
// The connection is re-opened when it drops; messages sent meanwhile are missed (the job rows stay authoritative).
import pg from 'pg';
import type { Db } from './knex.ts';
import type { Logger } from '../log.ts';

/** First key of every presence lock (pg_advisory_lock(int4, int4)); the second is hashtext(instance id). */
export const PRESENCE_LOCK_CLASS = 0x53530001;

/** The channel connection's application_name (pg_stat_activity shows which connections are ShipSheet's). */
export const channelConnectionName = (schema: string) => `shipsheet-jobs:${schema}`.slice(0, 63);

/** NOTIFY payloads must stay under 8000 bytes. */
export const MAX_PAYLOAD_BYTES = 7900;

export type PgChannel = {
  /** Sends a message to every instance listening on the schema's channel (this one included). */
  notify(payload: string): Promise<void>;
  onMessage(listener: (payload: string) => void): void;
  close(): Promise<void>;
};

export async function openPgChannel(db: Db, options: { instanceId: string; log: Logger; reconnectMs?: number }): Promise<PgChannel> {
  // NOTIFY is database-wide: the channel carries the schema's name, so instances of another schema (tests, a
  // second installation in the same database) do not hear each other.
  const { rows } = (await db.raw('select current_schema() as schema')) as { rows: { schema: string }[] };
  const schema = rows[0]!.schema;
  const channel = `shipsheet_jobs:${schema}`.slice(0, 63);
  const quoted = `"${channel.replace(/"/g, '""')}"`;
  const listeners: ((payload: string) => void)[] = [];
  let client: pg.Client | null = null;
  let closing = false;
  let retry: NodeJS.Timeout | null = null;
  const reconnectMs = options.reconnectMs ?? 1000;

  async function connect(): Promise<void> {
    // knex keeps the parsed URL with the password as a non-enumerable property: it is copied by name.
    const settings = db.client.connectionSettings as string | pg.ClientConfig;
    const base = typeof settings === 'string' ? { connectionString: settings } : { ...settings, password: settings.password };
    const c = new pg.Client({ ...base, application_name: channelConnectionName(schema) });
    c.on('notification', (msg) => {
      if (msg.channel !== channel || msg.payload === undefined) return;
      for (const l of listeners) l(msg.payload);
    });
    c.on('error', (error) => options.log.warn('job channel connection error', { error }));
    c.on('end', () => {
      if (client === c) client = null;
      if (!closing) schedule();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${quoted}`);
      await c.query('select pg_advisory_lock($1, hashtext($2))', [PRESENCE_LOCK_CLASS, options.instanceId]);
    } catch (error) {
      c.removeAllListeners('end');
      await c.end().catch(() => undefined);
      throw error;
    }
    client = c;
  }

  function schedule(): void {
    if (retry || closing) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((error) => {
        options.log.warn('job channel reconnect failed', { error });
        schedule();
      });
    }, reconnectMs);
    retry.unref();
  }

  await connect();
  // Notifications go out one at a time, in the order asked: a client takes one query at a time (pg 9 refuses a
  // second while the first runs), and on one session a job's steps arrive in the order they were sent.
  let sending: Promise<unknown> = Promise.resolve();

  return {
    async notify(payload) {
      // On the listening connection when it is up, else on a connection of the pool.
      const send = sending.then(() =>
        client ? client.query('select pg_notify($1, $2)', [channel, payload]) : db.raw('select pg_notify(?, ?)', [channel, payload]),
      );
      sending = send.catch(() => undefined);
      await send;
    },
    onMessage(listener) {
      listeners.push(listener);
    },
    async close() {
      closing = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
