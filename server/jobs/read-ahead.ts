// Reading the next pages while this one is worked on: a job that fetches pages from a mall and writes them to the
// database takes about the longer of the two, not their sum.

/**
 * Iterates `source`, reading ahead of the caller: the source is pulled on its own (at most `ahead` values waiting),
 * and each step hands over every value that arrived meanwhile, in order, so a slow caller works on bigger batches
 * instead of falling behind. A failure of the source reaches the caller after the values read before it. A caller
 * that stops early (cancel, error) ends the source once the step in flight has settled.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, ahead = 16): AsyncGenerator<T[], void, undefined> {
  const it = source[Symbol.asyncIterator]();
  const queue: T[] = [];
  let failure: { error: unknown } | null = null;
  let done = false;
  let stopped = false;
  // Who waits: the caller for a value, the pump for room in the queue.
  const waiting: { value: (() => void) | null; room: (() => void) | null } = { value: null, room: null };
  const signal = () => {
    waiting.value?.();
    waiting.value = null;
  };
  const makeRoom = () => {
    waiting.room?.();
    waiting.room = null;
  };
  const pump = async () => {
    try {
      while (!stopped) {
        if (queue.length >= ahead) await new Promise<void>((resolve) => (waiting.room = resolve));
        if (stopped) break;
        const step = await it.next();
        if (step.done) break;
        queue.push(step.value);
        signal();
      }
      if (stopped) await it.return?.();
    } catch (error) {
      failure = { error };
    } finally {
      done = true;
      signal();
    }
  };
  void pump();
  try {
    for (;;) {
      if (!queue.length && !done) await new Promise<void>((resolve) => (waiting.value = resolve));
      if (queue.length) {
        const batch = queue.splice(0);
        makeRoom();
        yield batch;
      } else if (failure) throw (failure as { error: unknown }).error;
      else if (done) return;
    }
  } finally {
    stopped = true;
    makeRoom();
  }
}
