// Several reads on one connection: at once where it takes them, one after the other where it does not. SQLite's one
// connection takes every statement sent (node-sqlite3 queues them; it may answer them in any order), so reads sent at
// once cost nothing and each one's rows are taken apart here while the database answers another; a knex pool gives
// each its own client. A PostgreSQL transaction's client takes one query at a time: pg 8 queues a query sent while
// another runs (with a deprecation warning) and pg 9 refuses it. This is the one place that tells them apart.
import type { Knex } from 'knex';
import { isPostgres, type Db } from './knex.ts';

/** Whether `db` takes one query at a time: a PostgreSQL transaction (its one client). */
function oneQueryAtATime(db: Knex | Knex.Transaction): boolean {
  return isPostgres(db as Db) && (db as Knex.Transaction).isTransaction === true;
}

type Reads = readonly (() => PromiseLike<unknown>)[];

/** `reads` on `db`, together where it takes them, else in the order given; their answers in that order. */
export async function readTogether<const R extends Reads>(
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
export function readEarly<T>(db: Knex | Knex.Transaction, read: () => PromiseLike<T>): () => Promise<T> {
  if (oneQueryAtATime(db)) {
    let asked: Promise<T> | undefined;
    return () => (asked ??= Promise.resolve(read()));
  }
  // A promise, not the builder: a knex builder runs its query again at each `then`. A read that throws at once
  // throws where it is asked for, too.
  let started: Promise<T>;
  try {
    started = Promise.resolve(read());
  } catch (error) {
    started = Promise.reject(error as Error);
  }
  started.catch(() => undefined); // thrown to whoever asks
  return () => started;
}
