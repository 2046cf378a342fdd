// A stock change the database keeps choosing as a deadlock victim is run again a few times, and then refused as
// 409 stock_busy (try again), never a 500; other errors pass through untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import type { Db } from '../../../server/db/knex.ts';
import { stockTransaction } from '../../../server/modules/stock/stock.service.ts';

/** A database whose every transaction fails with `error` (the driver's error, as PostgreSQL reports a deadlock). */
function failing(error: unknown) {
  let runs = 0;
  const db = {
    transaction: async () => {
      runs++;
      throw error;
    },
  } as unknown as Db;
  return { db, runs: () => runs };
}

describe('stock transactions under contention', () => {
  it('a deadlock every time: run again, then a 409 stock_busy', async () => {
    const { db, runs } = failing(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    await assert.rejects(
      stockTransaction(db, async () => 1),
      (e: unknown) => e instanceof AppError && e.type === 'conflict' && e.code === 'stock_busy',
    );
    assert.equal(runs(), 8);
  });

  it('any other error is not repeated and not renamed', async () => {
    const other = new Error('disk full');
    const { db, runs } = failing(other);
    await assert.rejects(
      stockTransaction(db, async () => 1),
      (e: unknown) => e === other,
    );
    assert.equal(runs(), 1);
  });
});
