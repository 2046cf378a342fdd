import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { collectWindow, syncWindow } from '../../../server/jobs/windows.ts';

describe('job windows', () => {
  const now = new Date('2026-11-22T03:00:00.000Z');
  it('a manual period is used as given', () => {
    assert.deepEqual(collectWindow({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' }, null, now), {
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
    });
  });
  it('a scheduled run continues from the last one with ten minutes of overlap', () => {
    assert.deepEqual(collectWindow({}, '2026-11-22T02:50:00.000Z', now), { from: '2026-11-22T02:40:00.000Z', to: now.toISOString() });
  });
  it('the first run looks back 3 days (collect) or 7 days (sync), and never more than 30', () => {
    assert.equal(collectWindow({}, null, now).from, '2026-11-19T03:00:00.000Z');
    assert.equal(syncWindow({}, undefined, now).from, '2026-11-15T03:00:00.000Z');
    assert.equal(collectWindow({}, '2026-01-01T00:00:00.000Z', now).from, '2026-10-23T03:00:00.000Z');
  });
});
