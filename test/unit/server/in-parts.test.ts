import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { inParts, partAsNow, sendInPartsRecordingBehind } from '../../../server/jobs/in-parts.ts';

describe('inParts', () => {
  it('cuts items into parts of the size, the last one shorter', () => {
    assert.deepEqual(inParts([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(inParts([], 2), []);
  });

  it('never splits a group: a part ends early rather than cut one, and a group bigger than the size is a part of its own', () => {
    const lines = [
      { id: 'a1', order: 'A' },
      { id: 'b1', order: 'B' },
      { id: 'a2', order: 'A' },
      { id: 'c1', order: 'C' },
      { id: 'c2', order: 'C' },
      { id: 'c3', order: 'C' },
      { id: 'd1', order: 'D' },
    ];
    const parts = inParts(lines, 3, (l) => l.order).map((part) => part.map((l) => l.id));
    assert.deepEqual(parts, [['a1', 'a2', 'b1'], ['c1', 'c2', 'c3'], ['d1']]);
    assert.deepEqual(
      inParts(lines, 2, (l) => l.order).map((part) => part.map((l) => l.id)),
      [['a1', 'a2'], ['b1'], ['c1', 'c2', 'c3'], ['d1']],
    );
  });
});

describe('partAsNow', () => {
  it('answers each item as read again, in the order read, and those gone since', () => {
    const read = [
      { id: 'a', number: '1' },
      { id: 'b', number: '2' },
      { id: 'c', number: '3' },
    ];
    const now = new Map([
      ['c', { id: 'c', number: '3' }],
      ['a', { id: 'a', number: '9' }],
    ]);
    const { current, gone } = partAsNow(read, now, (x) => x.id);
    assert.deepEqual(current, [
      { id: 'a', number: '9' },
      { id: 'c', number: '3' },
    ]);
    assert.deepEqual(gone, [{ id: 'b', number: '2' }]);
  });
});

describe('sendInPartsRecordingBehind', () => {
  /** A record that waits for the test to let it go, so the order of events is the test's, not the timer's. */
  function gate(): { promise: Promise<void>; open: () => void } {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    return { promise, open };
  }

  it('records a part while the next is sent, one record at a time and in order', async () => {
    const events: string[] = [];
    const firstRecord = gate();
    await sendInPartsRecordingBehind(
      [1, 2, 3],
      async (part) => {
        events.push(`send ${part}`);
        // Part 1's record ends only after part 2 is back from the mall: part 2's record must wait for it.
        if (part === 2) setTimeout(firstRecord.open, 10);
        return part * 10;
      },
      async (part, answer) => {
        events.push(`record ${part} start`);
        if (part === 1) await firstRecord.promise;
        events.push(`record ${part}=${answer} end`);
      },
    );
    assert.deepEqual(events, [
      'send 1',
      'record 1 start',
      'send 2',
      'record 1=10 end',
      'record 2 start',
      'record 2=20 end',
      'send 3',
      'record 3 start',
      'record 3=30 end',
    ]);
  });

  it('a failed record still lets the part the mall answered meanwhile be recorded, sends nothing more, and is thrown', async () => {
    const sent: number[] = [];
    const recorded: number[] = [];
    const dbDown = new Error('database down');
    const failing = gate();
    const outcome = sendInPartsRecordingBehind(
      [1, 2, 3, 4],
      async (part) => {
        sent.push(part);
        if (part === 2) failing.open();
        return part;
      },
      async (part) => {
        if (part === 1) {
          await failing.promise;
          throw dbDown;
        }
        recorded.push(part);
      },
    );
    await assert.rejects(outcome, dbDown);
    assert.deepEqual(sent, [1, 2], 'nothing is sent once a record is known to have failed');
    assert.deepEqual(recorded, [2], 'the mall has part 2: it is recorded although part 1 was not');
  });

  it('a failed send is the error the caller hears, after the parts already answered are recorded, even if a record failed too', async () => {
    const recorded: number[] = [];
    const mallRefused = new Error('mall refused');
    const outcome = sendInPartsRecordingBehind(
      [1, 2, 3],
      async (part) => {
        if (part === 2) throw mallRefused;
        return part;
      },
      async (part) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        recorded.push(part);
        throw new Error('database down');
      },
    );
    await assert.rejects(outcome, mallRefused);
    assert.deepEqual(recorded, [1], 'part 1 was recorded (and failed) before the send error surfaced');
  });

  it('of two failed records the first is thrown', async () => {
    const first = new Error('first');
    const failing = gate();
    const outcome = sendInPartsRecordingBehind(
      [1, 2, 3],
      async (part) => {
        if (part === 2) setTimeout(failing.open, 5);
        return part;
      },
      async (part) => {
        if (part === 1) {
          await failing.promise;
          throw first;
        }
        throw new Error(`record ${part}`);
      },
    );
    await assert.rejects(outcome, first);
  });

  it('a stop asked for wins over a failed record, which is handed to `unheard`', async () => {
    const stopped = new Error('stopped');
    const dbDown = new Error('database down');
    let stop = false;
    const unheard: unknown[] = [];
    const outcome = sendInPartsRecordingBehind(
      [1, 2, 3],
      async (part) => {
        if (part === 2) stop = true;
        return part;
      },
      async () => {
        throw dbDown;
      },
      {
        beforeSend: () => {
          if (stop) throw stopped;
        },
        unheard: (error) => unheard.push(error),
      },
    );
    await assert.rejects(outcome, stopped);
    assert.deepEqual(unheard, [dbDown]);
  });
});
