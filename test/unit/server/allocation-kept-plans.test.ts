// The preview's plan kept in memory for its apply (kept-plans.ts): per database, taken once, the latest three only.
import assert from 'node:assert/strict';
import { afterEach, describe, it, vi } from 'vitest';
import type { Db } from '../../../server/db/knex.ts';
import type { PackedPlan } from '../../../server/modules/allocation/carry-out.ts';
import { keepPlan, PLANS_KEPT, takePlan } from '../../../server/modules/allocation/kept-plans.ts';

const plan = (line: string): PackedPlan => ({ lines: [[line, 1, 'ord_1']], stock: [], allocs: [], splits: [], short: [] });
const db = () => ({}) as unknown as Db;

describe('allocation plans kept in memory', () => {
  it('gives a kept plan once, only for its own database', () => {
    const a = db();
    const b = db();
    const p = plan('lin_a');
    keepPlan(a, 'bat_1', p);
    assert.equal(takePlan(b, 'bat_1'), undefined);
    assert.equal(takePlan(a, 'bat_1'), p);
    assert.equal(takePlan(a, 'bat_1'), undefined, 'taken out: a second apply reads the row');
  });

  it('keeps only the latest three previews', () => {
    const a = db();
    for (const id of ['bat_1', 'bat_2', 'bat_3', 'bat_4']) keepPlan(a, id, plan(id));
    assert.equal(takePlan(a, 'bat_1'), undefined);
    assert.deepEqual(
      ['bat_2', 'bat_3', 'bat_4'].map((id) => takePlan(a, id)?.lines[0]![0]),
      ['bat_2', 'bat_3', 'bat_4'],
    );
  });

  it('holds no plan it let go: a plan pushed out or taken has its timer cleared with it', () => {
    vi.useFakeTimers();
    const a = db();
    for (const id of ['bat_1', 'bat_2', 'bat_3', 'bat_4']) keepPlan(a, id, plan(id));
    takePlan(a, 'bat_4');
    // The timers of the two plans still kept: the pushed-out and the taken plan are held by nothing.
    assert.equal(vi.getTimerCount(), PLANS_KEPT - 1);
  });

  it('lets a plan go after a quarter of an hour (a later apply reads the row)', () => {
    vi.useFakeTimers();
    const a = db();
    keepPlan(a, 'bat_1', plan('lin_a'));
    vi.advanceTimersByTime(15 * 60 * 1000);
    assert.equal(takePlan(a, 'bat_1'), undefined);
  });
  afterEach(() => vi.useRealTimers());
});
