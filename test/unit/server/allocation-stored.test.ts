// An allocation batch keeps its plan until it is applied and its undo record for good, packed once long
// (server/db/packed-text.ts): 100,000 lines are 12 and 5 MB of JSON. What is kept reads back as it was, and a value
// kept plain by an earlier server reads as it is.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { openDb, type Db } from '../../../server/db/knex.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import {
  storedPlan,
  storedPlanOf,
  storedUndo,
  undoRecordOf,
  type PackedPlan,
  type UndoRecord,
} from '../../../server/modules/allocation/carry-out.ts';

const LINES = 1000;
const line = (i: number) => `lin_${String(i).padStart(19, '0')}`;

describe('allocation batch records', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDb({});
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('a plan reads back whole from its packed form, and from the plain JSON kept before', async () => {
    const plan: PackedPlan = {
      lines: Array.from({ length: LINES }, (_, i) => [line(i), 1 + (i % 3), `ord_${i >> 1}`]),
      stock: [['sku_1', 'wh_default', 4, 'A-1', 'MAIN']],
      allocs: Array.from({ length: LINES / 2 }, (_, i) => [line(i), 'sku_1', 'wh_default', 1]),
      splits: [['ord_400', [line(801)]]],
      short: [line(801)],
      counts: {
        orders: 500,
        full: 250,
        partial: 1,
        none: 249,
        lines: LINES,
        lines_allocated: 500,
        lines_split: 1,
        lines_short: 0,
        gifts_short: 0,
        units: 500,
      },
    };
    const stored = await storedPlan(plan);
    assert.ok(!stored.startsWith('{') && stored.length < JSON.stringify(plan).length / 3, 'kept packed');
    assert.deepEqual(await storedPlanOf(stored), plan);
    assert.deepEqual(await storedPlanOf(JSON.stringify(plan)), plan);
  });

  it('an undo record reads back whole; its allocations come from line_allocations (none under this batch here: the API test reads real ones)', async () => {
    const undo: UndoRecord = {
      allocs: [],
      splits: [['ord_1', 'ord_2', [line(2)], 25800, [null]]],
      flagged: [line(2)],
      lines: Array.from({ length: LINES }, (_, i) => [line(i), 2]),
      orders: [['ord_2', 1]],
    };
    const stored = await storedUndo(undo);
    assert.ok(!stored.startsWith('{'), 'kept packed');
    // No allocations stored under this batch: the record's come back empty, the rest as kept.
    await db.transaction(async (trx) => {
      assert.deepEqual(await undoRecordOf(trx, 'bat_none', stored), undo);
      const { allocs: _allocs, ...plain } = undo;
      assert.deepEqual(await undoRecordOf(trx, 'bat_none', JSON.stringify(plain)), undo);
    });
  });
});
