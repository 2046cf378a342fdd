// Work beside the database (server/db/turns.ts): statements handed over first, long JSON built in slices.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { jsonArrayInSlices, whileRunning } from '../../../server/db/turns.ts';

describe('while the database works', () => {
  it('builds the JSON of a list a slice at a time, the same text as JSON.stringify at every length', async () => {
    for (const n of [0, 1, 1999, 2000, 2001, 4500]) {
      const items = Array.from({ length: n }, (_, i) => ({ row: i + 3, text: i % 7 ? `행 "${i}"` : null }));
      const value = (item: (typeof items)[number]) => [item.row, item.text, undefined];
      assert.equal(await jsonArrayInSlices(items, value), JSON.stringify(items.map(value)), `${n} items`);
    }
  });

  it('lets work queued before it (a statement handed to the database) start first, and lets I/O in between slices', async () => {
    const order: string[] = [];
    const statement = Promise.resolve().then(() => order.push('statement handed over'));
    const slices = jsonArrayInSlices(
      Array.from({ length: 4001 }, (_, i) => i),
      (i) => (i % 2000 === 0 ? order.push(`slice ${i / 2000}`) : i),
    );
    setImmediate(() => order.push('I/O turn'));
    await Promise.all([statement, slices, whileRunning(statement, () => order.push('after a turn'), true)]);
    assert.deepEqual(order.slice(0, 2), ['statement handed over', 'slice 0']);
    assert.ok(order.indexOf('I/O turn') < order.indexOf('slice 2'), order.join(', '));
    // Big work waits for the statement's hand-over (timer turns): an I/O turn queued before it has run by then.
    assert.ok(order.indexOf('I/O turn') < order.indexOf('after a turn'), order.join(', '));
  });
});

describe('work beside a running statement', () => {
  it('answers the statement and the work; a failing statement is thrown, never left unhandled', async () => {
    assert.deepEqual(await whileRunning(Promise.resolve('rows'), () => 'built', true), ['rows', 'built']);
    const failing = new Promise((_, reject) => setTimeout(() => reject(new Error('statement failed')), 5));
    await assert.rejects(
      whileRunning(failing, () => 'built', false),
      /statement failed/,
    );
  });

  it("lets a statement finish before the work's error goes up (no rollback under a running statement)", async () => {
    let finished = false;
    const statement = new Promise((resolve) => setTimeout(() => resolve((finished = true)), 20));
    await assert.rejects(
      whileRunning(
        statement,
        () => {
          throw new Error('work failed');
        },
        false,
      ),
      (error: Error) => error.message === 'work failed' && finished,
    );
  });

  it('takes asynchronous work the same way: its answer awaited, its rejection thrown once the statement is done', async () => {
    assert.deepEqual(await whileRunning(Promise.resolve('rows'), async () => 'packed', false), ['rows', 'packed']);
    let finished = false;
    const statement = new Promise((resolve) => setTimeout(() => resolve((finished = true)), 20));
    await assert.rejects(
      whileRunning(statement, () => Promise.reject(new Error('packing failed')), false),
      (error: Error) => error.message === 'packing failed' && finished,
    );
  });
});
