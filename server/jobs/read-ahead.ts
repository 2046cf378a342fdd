// Reading the next page while this one is worked on: a job that fetches pages from a mall and writes each to the
// database takes about the longer of the two, not their sum.

/**
 * Iterates `source` with its next step always asked for before the current value is handed over. A failure of
 * that step reaches the caller when it asks for the next value, after it has finished the current one. A caller
 * that stops early (cancel, error) lets the source end once its step in flight has settled.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const it = source[Symbol.asyncIterator]();
  let next = it.next();
  let ended = false;
  try {
    for (;;) {
      const step = await next;
      if (step.done) {
        ended = true;
        return;
      }
      next = it.next();
      // Seen when awaited above; a caller that stops first must not leave an unhandled rejection behind.
      next.catch(() => undefined);
      yield step.value;
    }
  } catch (error) {
    ended = true;
    throw error;
  } finally {
    if (!ended) {
      void next.then(
        (step) => (step.done ? undefined : it.return?.()),
        () => undefined,
      );
    }
  }
}
