// Several reads on one connection: at once where it takes them, one after the other where it does not. SQLite's one
// connection queues statements and runs them in order, so reads sent at once cost nothing and each one's rows are
// taken apart here while the database answers the next; a knex pool gives each its own client. A PostgreSQL
// transaction's client takes one query at a time: pg 8 queues a query sent while another runs (with a deprecation
// warning) and pg 9 refuses it. This is the one place that tells them apart.
import type { Knex } from 'knex';
import { isPostgres, type Db } from './knex.ts';

/** Whether `db` takes one query at a time: a PostgreSQL transaction (its one client). */
export function oneQueryAtATime(db: Knex | Knex.Transaction): boolean {
  return isPostgres(db as Db) && (db as Knex.Transaction).isTransaction === true;
}

type Reads = readonly (() => PromiseLike<unknown>)[];

/** `reads` on `db`, together where it takes them, else in the order given; their answers in that order. */
export async function readTogether<R extends Reads>(
  db: Knex | Knex.Transaction,
  reads: R,
): Promise<{ -readonly [K in keyof R]: Awaited<ReturnType<R[K]>> }> {
  type Answers = { -readonly [K in keyof R]: Awaited<ReturnType<R[K]>> };
  if (!oneQueryAtATime(db)) return (await Promise.all(reads.map((read) => read()))) as Answers;
  const answers: unknown[] = [];
  for (const read of reads) answers.push(await read());
  return answers as Answers;
}

/**
 * `read` started now where `db` takes it beside the caller's next statements (so its answer is there when they are
 * done), else only when its answer is first asked for. Answers the function that asks; a failed read throws there.
 */
export function readAhead<T>(db: Knex | Knex.Transaction, read: () => PromiseLike<T>): () => Promise<T> {
  if (oneQueryAtATime(db)) {
    let asked: Promise<T> | undefined;
    return () => (asked ??= Promise.resolve(read()));
  }
  // A promise, not the builder: a knex builder runs its query again at each `then`.
  const started = Promise.resolve(read());
  started.catch(() => undefined); // thrown to whoever asks
  return () => started;
}
