// Turns of the event loop, for long work that shares the process with other requests and with the database.
// node-sqlite3 (and pg's socket) run a statement off the main thread; the work that follows it can run meanwhile,
// once the statement is really under way: whileRunning (work beside one statement) and
// jsonArrayInSlices (long JSON built a slice at a time).

/** One turn: requests and callbacks waiting are let in before the work goes on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const timerTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Waits until a statement just started is running in the database, so that the work that follows runs while the
 * database works. node-sqlite3 prepares a statement on its thread pool and runs it only once that completion has
 * been handled on this thread, in the event loop's poll phase: setImmediate turns pass before it (a query started,
 * then as long of main-thread work, took twice the query after one setImmediate), two timer turns go through it
 * (measured by the allocation helper, 20 of 20 times; the same held here for a 375 ms query in and out of a
 * transaction). About 2 ms: for big writes only.
 */
export async function handedOver(): Promise<void> {
  await timerTurn();
  await timerTurn();
}

/** Calls this big (rows, items) overlap main-thread work with their statements; below, the ~2 ms wait costs more. */
export const OVERLAP_FROM = 2000;

/**
 * Runs `work` on the main thread while `statement` (just started) runs in the database, and answers both. When
 * `big`, the statement is first given its turns to get under way (handedOver). `work` may be asynchronous (built a
 * slice at a time, packed on libuv's pool). A failing statement is thrown here, never left unhandled; when `work`
 * throws (or rejects), the statement is let finish first, so the caller's transaction is not rolled back under a
 * statement still running on its connection.
 */
export async function whileRunning<S, W>(statement: Promise<S>, work: () => W | Promise<W>, big: boolean): Promise<[S, W]> {
  statement.catch(() => undefined); // thrown below, or after the work's own error
  if (big) await handedOver();
  let done: W;
  try {
    done = await work();
  } catch (error) {
    await statement.catch(() => undefined);
    throw error;
  }
  return [await statement, done];
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
