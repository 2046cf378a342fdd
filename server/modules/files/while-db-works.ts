// CPU work an import can do while the database works on its statements. node-sqlite3 (and pg's socket) run a
// statement off the main thread: work started after the statement is handed over, a turn of the event loop later,
// runs in that wait instead of after it. An import of 50,000 rows builds 8 MB of JSON for its record (~50 ms) and
// checks its rows against each other (~35 ms): both now happen while the changes are written and the rows read.

/** One turn of the event loop: statements queued by the caller are handed to the database first. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `work` a turn later, for Promise.all beside a database call. */
export async function afterTurn<T>(work: () => T): Promise<T> {
  await nextTurn();
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
