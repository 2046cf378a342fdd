// CPU work an import can do while the database works on its statements (server/db/turns.ts): work started once a
// statement is under way runs in that wait instead of after it. An import of 50,000 rows builds 8 MB of JSON for its record (~50 ms) and
// checks its rows against each other (~35 ms): both now happen while the changes are written and the rows read.

import { handedOver, nextTurn } from '../../db/turns.ts';

/** `work` once the database call started beside it is under way, for Promise.all beside that call. */
export async function whileDbWorks<T>(work: () => T): Promise<T> {
  await handedOver();
  return work();
}

/** Items per slice: about a millisecond of JSON each, so a statement that finishes waits that long for its next. */
const SLICE = 2000;

/** `JSON.stringify(items.map(value))`, built a slice at a time with a turn of the event loop before each. */
export async function jsonArrayInSlices<T>(items: readonly T[], value: (item: T) => unknown): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i += SLICE) {
    await nextTurn();
    parts.push(JSON.stringify(items.slice(i, i + SLICE).map(value)).slice(1, -1));
  }
  return `[${parts.join(',')}]`;
}
